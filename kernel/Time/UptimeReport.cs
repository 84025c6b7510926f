using Nooks.Kernel.Info;

namespace Nooks.Kernel.Time
{
    // The "uptime" report: "up 12.345 s".
    public static unsafe class UptimeReport
    {
        public static void Register() => KernelInfo.Register("uptime", &Build);

        private static string Build()
        {
            ulong ms = Clock.UptimeMillis;
            return $"up {ms / 1000}.{ms % 1000:D3} s, {SystemTimer.Ticks} timer ticks\n";
        }
    }
}
