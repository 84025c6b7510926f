using Nooks.Abi;
using Nooks.Kernel.Arch;
using Nooks.Kernel.Console;
using Nooks.Kernel.Memory;

namespace Nooks.Kernel.Syscalls
{
    // Time, scheduling, power, and the test-only kernel fault.
    public static unsafe class MachineCalls
    {
        private const string TestOption = "nooks.test";
        // The lowest page of the kernel stack area belongs to no stack (slot 0's guard): reading
        // it is a page fault in the kernel.
        private const ulong UnmappedKernelAddress = KernelStacks.AreaBase;

        // Until the scheduler and its clock land (branch `threads`) there is no time source.
        public static long Uptime() => Errno.NotImplemented;
        public static long Sleep(long milliseconds) => milliseconds < 0 ? Errno.InvalidArgument : Errno.NotImplemented;
        // Nothing else can run yet: spawn runs each child to completion.
        public static long Yield() => 0;

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
            Log.Warn("test", $"kernel_fault: reading unmapped kernel address 0x{UnmappedKernelAddress:x} on request");
            return (long)*(ulong*)UnmappedKernelAddress;
        }
    }
}
