using Nooks.Abi;
using Nooks.Kernel.Arch;
using Nooks.Kernel.Console;
using Nooks.Kernel.Memory;
using Nooks.Kernel.Threading;
using Nooks.Kernel.Time;

namespace Nooks.Kernel.Syscalls
{
    // Time, scheduling, power, and the test-only kernel fault.
    public static unsafe class MachineCalls
    {
        private const string TestOption = "nooks.test";
        private const ulong LastKernelPage = 0xFFFFFFFFFFFFF000;
        private const ulong TopLevelSlotSize = 1UL << 39;

        private const long MaxSleepMilliseconds = 24L * 60 * 60 * 1000;

        public static long Uptime() => Clock.Calibrated ? (long)Clock.UptimeNanos : Errno.NotImplemented;

        public static long Sleep(long milliseconds)
        {
            if (milliseconds < 0 || milliseconds > MaxSleepMilliseconds) return Errno.InvalidArgument;
            Scheduler.Sleep((ulong)milliseconds);
            return 0;
        }

        public static long Yield()
        {
            Scheduler.Yield();
            return 0;
        }

        public static long PowerOff()
        {
            Power.Off();
            return 0;
        }

        public static long Reboot()
        {
            Power.Restart();
            return 0;
        }

        // Lets the system tests check the kernel's own exception report end to end.
        public static long KernelFault()
        {
            if (!Kmain.Boot.HasOption(TestOption)) return Errno.NotPermitted;
            ulong address = LastKernelPage;
            while (AddressSpace.Kernel.Translate(address) != AddressSpace.NotMapped) address -= TopLevelSlotSize;
            Log.Warn("test", $"kernel_fault: reading unmapped kernel address 0x{address:x} on request");
            return (long)*(ulong*)address;
        }
    }
}
