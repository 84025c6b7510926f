using Nooks.Kernel.Memory;

namespace Nooks.Extensions
{
    // Pages of the extension area that belong to one extension: mapped in the kernel's tables and,
    // for an isolated extension, at the same address in its domain's.
    public static class ExtensionMemory
    {
        public static bool MapFresh(Extension owner, ulong virt, ulong pages, PageFlags flags)
        {
            for (ulong i = 0; i < pages; i++)
            {
                ulong frame = FrameAllocator.Allocate(1, FrameZone.Extensions);
                if (frame == 0)
                {
                    Unmap(owner, virt, pages);   // the pages not mapped yet are skipped
                    return false;
                }
                ZeroFrame(frame);
                MapOne(owner, virt + i * PageSize.Small, frame, flags);
            }
            return true;
        }

        public static void MapOne(Extension owner, ulong virt, ulong phys, PageFlags flags)
        {
            AddressSpace.Kernel.Map(virt, phys, flags);
            owner.Domain?.Map(virt, phys, flags);
        }

        // Changes the flags of pages already mapped (e.g. text becomes read-only once relocated).
        public static void Protect(Extension owner, ulong virt, ulong pages, PageFlags flags)
        {
            for (ulong i = 0; i < pages; i++)
            {
                ulong a = virt + i * PageSize.Small;
                ulong phys = AddressSpace.Kernel.Translate(a);
                if (phys != AddressSpace.NotMapped) MapOne(owner, a, phys, flags);
            }
        }

        // Unmaps a whole reservation, frees its frames and gives the addresses back.
        public static void Unmap(Extension owner, ulong virt, ulong pages) => Unmap(owner, virt, pages, true);

        // Unmaps device pages: the frames are the device's, not RAM to free.
        public static void UnmapDevice(Extension owner, ulong virt, ulong pages) => Unmap(owner, virt, pages, false);

        private static void Unmap(Extension owner, ulong virt, ulong pages, bool freeFrames)
        {
            for (ulong i = 0; i < pages; i++)
            {
                ulong a = virt + i * PageSize.Small;
                ulong phys = AddressSpace.Kernel.Unmap(a);
                owner.Domain?.Unmap(a);
                if (freeFrames && phys != AddressSpace.NotMapped) FrameAllocator.Free(phys);
            }
            ExtensionArea.Release(virt, pages * PageSize.Small);
        }

        private static unsafe void ZeroFrame(ulong frame)
        {
            ulong* p = (ulong*)frame;
            for (int i = 0; i < (int)(PageSize.Small / 8); i++) p[i] = 0;
        }
    }
}
