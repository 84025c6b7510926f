using Nooks.Abi;

namespace Nooks.User
{
    // Hands the kernel bad arguments. Each call must fail with the expected error instead of
    // touching the memory (or taking the kernel down); exits 0 if every one did.
    public static unsafe partial class Program
    {
        private const long KernelImage = 0x100000;
        private const long KernelHalf = unchecked((long)0xFFFF800000000000);
        private const long NonCanonical = unchecked((long)0x8000000000000000);
        private const long UnmappedUser = 0x0000700000000000;
        private const long LastPageOfAddressSpace = unchecked((long)0xFFFFFFFFFFFFF000);
        private const long Overlong = 1L << 40;
        private const long UnknownCall = 999;
        private const long UnusedFileDescriptor = 7;
        private const int Length = 16;

        private static int failures;

        public static partial int Main(string arguments)
        {
            byte* buffer = stackalloc byte[Length];
            long readOnlyCode = (long)(delegate*<string, long, long, void>)&Check;

            Check("write from null", Kernel.Call(SystemCall.Write, 1, 0, Length), Errno.BadAddress);
            Check("write from kernel image", Kernel.Call(SystemCall.Write, 1, KernelImage, Length), Errno.BadAddress);
            Check("write from kernel half", Kernel.Call(SystemCall.Write, 1, KernelHalf, Length), Errno.BadAddress);
            Check("write from non-canonical", Kernel.Call(SystemCall.Write, 1, NonCanonical, Length), Errno.BadAddress);
            Check("write from unmapped user page", Kernel.Call(SystemCall.Write, 1, UnmappedUser, Length), Errno.BadAddress);
            Check("write with overlong length", Kernel.Call(SystemCall.Write, 1, (long)buffer, Overlong), Errno.BadAddress);
            Check("write with negative length", Kernel.Call(SystemCall.Write, 1, (long)buffer, -1), Errno.BadAddress);
            Check("write wrapping past 2^64", Kernel.Call(SystemCall.Write, 1, LastPageOfAddressSpace, 0x2000), Errno.BadAddress);
            Check("write to unused descriptor", Kernel.Call(SystemCall.Write, UnusedFileDescriptor, (long)buffer, Length), Errno.BadFileDescriptor);
            Check("read into kernel image", Kernel.Call(SystemCall.Read, 0, KernelImage, Length), Errno.BadAddress);
            Check("read into own code (read-only)", Kernel.Call(SystemCall.Read, 0, readOnlyCode, Length), Errno.BadAddress);
            Check("spawn with null name", Kernel.Call(SystemCall.Spawn, 0, 4, 0, 0), Errno.BadAddress);
            Check("info into kernel half", Kernel.Call(SystemCall.Info, (long)buffer, 1, KernelHalf, Length), Errno.BadAddress);
            Check("wait for a process that is not a child", Kernel.Call(SystemCall.Wait, 1), Errno.NoChild);
            Check("unknown system call", Kernel.Call((SystemCall)UnknownCall), Errno.NotImplemented);

            Console.WriteLine(failures == 0 ? "badsyscall: all bad calls rejected" : $"badsyscall: {failures} bad calls were not rejected");
            return failures == 0 ? 0 : 1;
        }

        private static void Check(string what, long result, long expected)
        {
            bool ok = result == expected;
            if (!ok) failures++;
            Console.WriteLine($"badsyscall: {what}: {result} ({(result < 0 ? Errno.Name(result) : "accepted")}){(ok ? "" : $", expected {expected}")}");
        }
    }
}
