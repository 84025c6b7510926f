using Nooks.Diagnostics;
using Nooks.Extensions;
using Nooks.Kernel.Console;

namespace Nooks.Recovery
{
    // After a fault: apply the policy; to restart, release everything the extension held,
    // discard its domain, load a fresh image, init it again and replay its configuration.
    public static class RecoveryManager
    {
        public static void Request(Extension ext)
        {
            FaultLog.Record(ext.Name, $"fault: {ext.LastFault}");
            if (RecoveryPolicy.Decide(ext) == RecoveryAction.Disable)
            {
                ExtensionLifecycle.ReleaseAll(ext);
                ext.State = ExtensionState.Disabled;
                FaultLog.Record(ext.Name, "disabled by the recovery policy");
                Log.Warn("nooks", $"{ext.Name} disabled by the recovery policy after {ext.Faults} faults");
                return;
            }
            Log.Warn("nooks", $"recovering {ext.Name}");
            ExtensionLifecycle.Restart(ext);
            FaultLog.Record(ext.Name, ext.IsRunning ? $"restarted in {ext.LastRecoveryNanos / 1000} us" : "restart failed");
        }
    }
}
