using System.Runtime.InteropServices;

namespace Nooks.Isolation
{
    // One crossing into a domain, on the kernel caller's stack. The first fields are written by
    // boot/xpc.asm (keep the offsets there in step); a fault inside the domain resumes the
    // caller from them with an error, as if the call had returned.
    [StructLayout(LayoutKind.Sequential)]
    public unsafe struct XpcRecord
    {
        public ulong Rsp, Rbx, Rbp, R12, R13, R14, R15;
        public ulong DomainCr3;      // CR3 values to load, with PCID and keep-entries bit (Gate);
                                     // DomainCr3 is chosen again for each return from a call out
        public ulong StackTop;       // where the domain's stack starts for this crossing
        public ulong CallerCr3;
        public ulong CallerFlags;    // the kernel caller's RFLAGS, restored on return with interrupts still off
        public ulong DomainRsp;      // the domain's RSP at its latest call out to the kernel
        public XpcRecord* Outer;     // the crossing this one is nested in, if any
        public int DomainId;
        public int StackIndex;       // which of the domain's stacks this crossing took, or -1
        public ulong StartTsc;       // for the lockup watchdog
        public bool Overdue;         // older than the lockup limit while kernel code ran for it (Watchdog)
        // 128 bytes: Gate.Call zeroes a record on every crossing, inline up to this size.
    }
}
