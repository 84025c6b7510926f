using System.Runtime.InteropServices;

namespace Nooks.Kernel.Syscalls
{
    // What k_syscall_entry (boot/usermode.asm) saved, lowest address first.
    [StructLayout(LayoutKind.Sequential)]
    public struct SyscallFrame
    {
        public long R9, R8, R10, Rdx, Rsi, Rdi;
        public long Number;
        public ulong UserFlags, UserRip, UserRsp;

        public long Argument0 => Rdi;
        public long Argument1 => Rsi;
        public long Argument2 => Rdx;
        public long Argument3 => R10;
    }
}
