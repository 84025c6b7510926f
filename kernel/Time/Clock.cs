using Nooks.Kernel.Arch;

namespace Nooks.Kernel.Time
{
    // Time since the kernel started, from the TSC (invariant on the CPUs the kernel targets and
    // monotonic under QEMU). Zero until SystemTimer has calibrated it against the PIT.
    public static unsafe class Clock
    {
        public const ulong NanosPerSecond = 1_000_000_000;
        public const ulong NanosPerMillisecond = 1_000_000;
        private const ulong MicrosPerSecond = 1_000_000;

        private static readonly ulong bootTsc = Cpu.ReadTsc();
        private static ulong tscHz;

        public static ulong TscHz => tscHz;
        public static ulong TscPerMicrosecond => tscHz / MicrosPerSecond;
        public static bool Calibrated => tscHz != 0;

        public static void SetTscFrequency(ulong hz) => tscHz = hz;

        public static ulong UptimeNanos => Calibrated ? TscToNanos(Cpu.ReadTsc() - bootTsc) : 0;

        public static ulong UptimeMillis => UptimeNanos / NanosPerMillisecond;

        // Split so that the product stays within 64 bits for any uptime and TSC rate below 18 GHz.
        public static ulong TscToNanos(ulong ticks) => ticks / tscHz * NanosPerSecond + ticks % tscHz * NanosPerSecond / tscHz;

        public static ulong LogClock() => UptimeNanos;
    }
}
