using System.Runtime.InteropServices;

namespace Nooks.Kernel.Interrupts
{
    // The registers saved by boot/interrupts.asm, lowest address first.
    [StructLayout(LayoutKind.Sequential)]
    public struct InterruptFrame
    {
        // The CR3 of the protection domain the interrupt arrived in (0 if none); restored on return.
        public ulong DomainCr3;
        public ulong R15, R14, R13, R12, R11, R10, R9, R8, Rbp, Rdi, Rsi, Rdx, Rcx, Rbx, Rax;
        public ulong Vector, ErrorCode;
        public ulong Rip, Cs, Rflags, Rsp, Ss;

        public bool FromUserMode => (Cs & 3) == 3;
    }
}
