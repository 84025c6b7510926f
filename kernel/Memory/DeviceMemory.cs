namespace Nooks.Kernel.Memory
{
    // Makes device registers (MMIO) reachable by the kernel. Below KernelPaging's identity map
    // top they already are, uncached; above it (64-bit BARs placed high) they get uncached pages
    // in a window of the kernel address space of their own.
    public static class DeviceMemory
    {
        // Top-level slots in use: 256 thread stacks, 257 extensions, 258 interrupt stacks.
        public const int TopLevelIndex = 259;
        public const ulong WindowBase = 0xFFFF818000000000;
        public const ulong WindowSize = 512UL * 1024 * 1024 * 1024;
        private static ulong windowUsed;

        // The kernel virtual address of [physical, physical + length).
        public static ulong MapUncached(ulong physical, ulong length)
        {
            if (length == 0) Panic.Halt($"device memory at {physical:x}: zero-length mapping");
            if (physical + length <= KernelPaging.IdentityMappedTop) return physical;

            ulong first = PageSize.AlignDown(physical);
            ulong span = PageSize.AlignUp(physical + length) - first;
            ulong flags = Arch.Cpu.SaveAndDisableInterrupts();
            if (windowUsed + span > WindowSize)
            {
                Arch.Cpu.RestoreInterrupts(flags);
                Panic.Halt($"device memory window full mapping {length:x} bytes at {physical:x}");
            }
            ulong virt = WindowBase + windowUsed;
            windowUsed += span;
            Arch.Cpu.RestoreInterrupts(flags);

            for (ulong offset = 0; offset < span; offset += PageSize.Small)
                AddressSpace.Kernel.Map(virt + offset, first + offset, PageFlags.Mmio);
            return virt + (physical - first);
        }
    }
}
