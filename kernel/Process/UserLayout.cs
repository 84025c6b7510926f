namespace Nooks.Kernel.Processes
{
    // Where things live in a process's address space. The kernel's top-level slots (0: identity
    // map of RAM; the kernel half from 256: stacks, extensions, device memory) are shared with
    // every process but mapped supervisor-only; the process owns the slots in between.
    public static class UserLayout
    {
        public const int KernelIdentitySlot = 0;
        public const int FirstUserSlot = 1;
        public const int EndUserSlot = 256;
        public const int FirstKernelHalfSlot = 256;
        public const int TopLevelSlots = 512;

        public const ulong ImageBase = 0x0000_0080_0000_0000;           // slot 1
        public const ulong HeapBase = 0x0000_0100_0000_0000;            // slot 2
        public const ulong HeapMaxSize = 256UL * 1024 * 1024;
        public const ulong StackTop = 0x0000_0180_0000_0000;            // slot 3 starts here
        public const ulong StackSize = 256 * 1024;                       // the page below stays unmapped: a guard
        // First address past the user half (canonical lower half of a 48-bit address space).
        public const ulong End = 0x0000_8000_0000_0000;

        public static bool InUserHalf(ulong address) => address < End;
    }
}
