namespace Nooks.Kernel.Memory
{
    // Kernel stacks live in their own region of the kernel address space, one slot each, with an
    // unmapped guard page below every stack so that an overflow faults instead of overwriting.
    public static class KernelStacks
    {
        public const ulong AreaBase = 0xFFFF800000000000;
        public const int AreaTopLevelIndex = 256;
        private const ulong SlotSize = 1024 * 1024;
        private const int SlotCount = 1024;
        public const ulong AreaSize = SlotSize * SlotCount;
        private const ulong GuardSize = PageSize.Small;

        private static readonly bool[] used = new bool[SlotCount];
        private static AddressSpace space;

        public static void Initialize(AddressSpace kernel) => space = kernel;

        // Maps a stack of `size` bytes and returns its top (exclusive, 16-byte aligned).
        public static ulong Allocate(ulong size)
        {
            size = PageSize.AlignUp(size);
            if (size + GuardSize > SlotSize) Panic.Halt($"kernel stack of {size} bytes is larger than a slot");
            ulong flags = Arch.Cpu.SaveAndDisableInterrupts();
            int slot = -1;
            for (int i = 0; i < SlotCount; i++) if (!used[i]) { used[i] = true; slot = i; break; }
            Arch.Cpu.RestoreInterrupts(flags);
            if (slot < 0) Panic.Halt("out of kernel stack slots");

            ulong top = AreaBase + (ulong)(slot + 1) * SlotSize;
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

        public static void Free(ulong top, ulong size)
        {
            size = PageSize.AlignUp(size);
            ulong flags = Arch.Cpu.SaveAndDisableInterrupts();
            for (ulong a = top - size; a < top; a += PageSize.Small)
            {
                ulong frame = space.Unmap(a);
                if (frame != AddressSpace.NotMapped) FrameAllocator.Free(frame);
            }
            used[(int)((top - AreaBase) / SlotSize) - 1] = false;
            Arch.Cpu.RestoreInterrupts(flags);
        }

        public static bool IsGuardPage(ulong address) =>
            address >= AreaBase && address < AreaBase + AreaSize && space.Translate(address) == AddressSpace.NotMapped;

        public static bool IsReadable(ulong address) => space != null && space.Translate(address) != AddressSpace.NotMapped;
    }
}
