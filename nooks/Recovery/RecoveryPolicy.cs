using Nooks.Abi;
using Nooks.Commands;
using Nooks.Extensions;
using Nooks.Kernel.Console;

namespace Nooks.Recovery
{
    public enum RecoveryAction { Restart, Disable }

    // What to do when an extension fails. The user-mode agent owns the policy (it reads its
    // config file and sets it with `nooks policy`); the kernel applies it at the moment of the
    // fault, so recovery never waits on user mode. Default: restart, but disable an extension
    // that fails more than `limit` times within `window` seconds.
    public static class RecoveryPolicy
    {
        private const int DefaultLimit = 5;
        private const ulong DefaultWindowSeconds = 10;
        private const ulong NanosPerSecond = 1000000000;

        public static RecoveryAction Action = RecoveryAction.Restart;
        public static int Limit = DefaultLimit;
        public static ulong WindowSeconds = DefaultWindowSeconds;

        public static RecoveryAction Decide(Extension ext)
        {
            ulong now = Log.Now();
            ext.RecentFaults.Record(now);
            if (Action == RecoveryAction.Disable) return RecoveryAction.Disable;
            return ext.RecentFaults.CountWithin(now, WindowSeconds * NanosPerSecond) > Limit ? RecoveryAction.Disable : RecoveryAction.Restart;
        }

        // `nooks policy`, `nooks policy restart`, `nooks policy disable`, `nooks policy limit N T`
        public static string Command(string args)
        {
            ReadOnlySpanHelpers.SplitFirstWord(args, out string verb, out string rest);
            switch (verb)
            {
                case "": break;
                case "restart": Action = RecoveryAction.Restart; break;
                case "disable": Action = RecoveryAction.Disable; break;
                case "limit":
                    ReadOnlySpanHelpers.SplitFirstWord(rest, out string n, out string t);
                    if (!System.Text.NumberFormat.TryParseDecimal(n, out int limit) || !System.Text.NumberFormat.TryParseUnsigned(t, out ulong window) || window == 0)
                        return "usage: nooks policy limit FAILURES SECONDS\n";
                    if (limit > RecoveryLimits.MaxFailuresInWindow || window > RecoveryLimits.MaxWindowSeconds)
                        return $"nooks policy limit: FAILURES at most {RecoveryLimits.MaxFailuresInWindow}, SECONDS at most {RecoveryLimits.MaxWindowSeconds}\n";
                    Limit = limit;
                    WindowSeconds = window;
                    break;
                default:
                    return "usage: nooks policy [restart|disable|limit FAILURES SECONDS]\n";
            }
            if (verb != "") Log.Info("nooks", $"recovery policy: {Describe()}");
            return $"policy: {Describe()}\n";
        }

        private static string Describe() =>
            Action == RecoveryAction.Disable ? "disable failed extensions"
                : $"restart failed extensions; disable one that fails more than {Limit} times in {WindowSeconds} s";
    }
}
