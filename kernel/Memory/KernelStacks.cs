namespace Nooks.Kernel.Memory
{
    // Kernel stacks live in their own regions of the kernel address space, one slot each, with an
    // unmapped guard page below every stack so that an overflow faults instead of overwriting.
    // Thread stacks and interrupt (IST) stacks are in separate top-level slots: protection
    // domains map the interrupt stacks writable (the CPU pushes exception frames there whatever
    // page tables are live) but kernel thread stacks only readable.
    public static class KernelStacks
    {
        public const int ThreadAreaTopLevelIndex = 256;
        public const int InterruptAreaTopLevelIndex = 258;
        private const ulong ThreadAreaBase = 0xFFFF800000000000;
        private const ulong InterruptAreaBase = 0xFFFF810000000000;
        private const int ThreadSlots = 1024;
        private const int InterruptSlots = 16;

        private static StackRegion threads;
        private static StackRegion interrupts;

        public static void Initialize(AddressSpace kernel)
        {
            threads = new StackRegion(kernel, ThreadAreaBase, ThreadSlots);
            interrupts = new StackRegion(kernel, InterruptAreaBase, InterruptSlots);
        }

        // Maps a stack of `size` bytes and returns its top (exclusive, 16-byte aligned).
        public static ulong Allocate(ulong size) => threads.Allocate(size);
        public static void Free(ulong top, ulong size) => threads.Free(top, size);
        public static ulong AllocateInterruptStack(ulong size) => interrupts.Allocate(size);

        public static bool IsGuardPage(ulong address) => threads.IsGuardPage(address) || interrupts.IsGuardPage(address);

        public static bool IsReadable(ulong address) =>
            threads != null && AddressSpace.Kernel.Translate(address) != AddressSpace.NotMapped;
    }

    internal sealed class StackRegion
    {
        private const ulong SlotSize = 1024 * 1024;
        private const ulong GuardSize = PageSize.Small;

        private readonly AddressSpace space;
        private readonly ulong areaBase;
        private readonly bool[] used;

        public StackRegion(AddressSpace space, ulong areaBase, int slots)
        {
            this.space = space;
            this.areaBase = areaBase;
            used = new bool[slots];
        }

        public ulong Allocate(ulong size)
        {
            size = PageSize.AlignUp(size);
            if (size + GuardSize > SlotSize) Panic.Halt($"kernel stack of {size} bytes is larger than a slot");
            ulong flags = Arch.Cpu.SaveAndDisableInterrupts();
            int slot = -1;
            for (int i = 0; i < used.Length; i++) if (!used[i]) { used[i] = true; slot = i; break; }
            Arch.Cpu.RestoreInterrupts(flags);
            if (slot < 0) Panic.Halt("out of kernel stack slots");

            ulong top = areaBase + (ulong)(slot + 1) * SlotSize;
            // Neighbouring slots share page tables: no preemption while one may be created.
            flags = Arch.Cpu.SaveAndDisableInterrupts();
            for (ulong a = top - size; a < top; a += PageSize.Small)
            {
                ulong frame = FrameAllocator.Allocate();
                if (frame == 0) Panic.Halt("out of memory for a kernel stack");
                space.Map(a, frame, PageFlags.KernelData);
            }
            Arch.Cpu.RestoreInterrupts(flags);
            return top;
        }

        public void Free(ulong top, ulong size)
        {
            size = PageSize.AlignUp(size);
            ulong flags = Arch.Cpu.SaveAndDisableInterrupts();
            for (ulong a = top - size; a < top; a += PageSize.Small)
            {
                ulong frame = space.Unmap(a);
                if (frame != AddressSpace.NotMapped) FrameAllocator.Free(frame);
            }
            used[(int)((top - areaBase) / SlotSize) - 1] = false;
            Arch.Cpu.RestoreInterrupts(flags);
        }

        public bool IsGuardPage(ulong address) =>
            address >= areaBase && address < areaBase + (ulong)used.Length * SlotSize && space.Translate(address) == AddressSpace.NotMapped;
    }
}
