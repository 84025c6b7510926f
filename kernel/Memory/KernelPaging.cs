using Nooks.Kernel.Boot;

namespace Nooks.Kernel.Memory
{
    // Replaces the boot identity map with the kernel's own: page 0 unmapped (null dereferences
    // fault), kernel text read-only and executable, rodata read-only, everything else
    // non-executable, and address ranges that are not RAM uncached (device memory).
    public static class KernelPaging
    {
        private const ulong FineGrainedEnd = 16 * 1024 * 1024;
        private const ulong MinimumMappedTop = 4UL * 1024 * 1024 * 1024;

        public static ulong IdentityMappedTop { get; private set; }

        // Thread stacks (256), extension area (257), interrupt stacks (258), high MMIO (259).
        private const int FirstKernelHalfSlot = 256;
        private const int LastKernelHalfSlotInUse = 259;

        public static void Initialize(BootInfo boot)
        {
            AddressSpace space = AddressSpace.CreateEmpty();
            for (ulong a = PageSize.Small; a < FineGrainedEnd; a += PageSize.Small)
                if (a != KernelLayout.BootStackGuard) space.Map(a, a, FlagsFor(a, boot));

            ulong top = boot.HighestUsableAddress;
            if (top < MinimumMappedTop) top = MinimumMappedTop;
            top = (top + PageSize.Large - 1) & ~(PageSize.Large - 1);
            for (ulong a = FineGrainedEnd; a < top; a += PageSize.Large)
                space.MapLarge(a, a, IsRam(a, PageSize.Large, boot) ? PageFlags.KernelData : PageFlags.Mmio);
            IdentityMappedTop = top;

            // The kernel half's slots get their tables before any process copies them.
            for (int slot = FirstKernelHalfSlot; slot <= LastKernelHalfSlotInUse; slot++) space.CreateTopLevel(slot);
            AddressSpace.SetKernel(space);
            KernelStacks.Initialize(space);
            space.Activate();
            Pcids.Initialize();
        }

        // What every protection domain sees of the lower half: the kernel's RAM, read-only,
        // without device memory (a stray read of a register can have effects: reading a NIC's
        // interrupt cause clears it) and without the extensions' frame zone (one extension's
        // memory is not another's to read). Each domain reaches its own pages, and its device's
        // registers, through the extension area. Built once; the zone is whole large pages.
        public static AddressSpace BuildDomainView(BootInfo boot, ulong zoneStart, ulong zoneEnd)
        {
            AddressSpace view = AddressSpace.CreateEmpty();
            for (ulong a = PageSize.Small; a < FineGrainedEnd; a += PageSize.Small)
                if (a != KernelLayout.BootStackGuard && IsRam(a, PageSize.Small, boot) && !(a >= zoneStart && a < zoneEnd))
                    view.Map(a, a, FlagsFor(a, boot) & ~PageFlags.Writable);
            for (ulong a = FineGrainedEnd; a < IdentityMappedTop; a += PageSize.Large)
                if (IsRam(a, PageSize.Large, boot) && !(a >= zoneStart && a < zoneEnd))
                    view.MapLarge(a, a, PageFlags.KernelData & ~PageFlags.Writable);
            return view;
        }

        private static PageFlags FlagsFor(ulong a, BootInfo boot)
        {
            if (a >= KernelLayout.TextStart && a < KernelLayout.TextEnd) return PageFlags.KernelCode;
            if (a >= KernelLayout.ImageStart && a < KernelLayout.TextStart) return PageFlags.KernelCode; // boot code and headers
            if (a >= KernelLayout.RodataStart && a < KernelLayout.RodataEnd) return PageFlags.KernelReadOnly;
            return IsRam(a, PageSize.Small, boot) ? PageFlags.KernelData : PageFlags.Mmio;
        }

        private static bool IsRam(ulong start, ulong length, BootInfo boot)
        {
            for (int i = 0; i < boot.RegionCount; i++)
            {
                MemoryRegion r = boot.Regions[i];
                if (r.Kind == MemoryKind.Usable && start < r.Base + r.Length && start + length > r.Base) return true;
            }
            return false;
        }
    }
}
