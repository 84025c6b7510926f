using Nooks.Kernel.Boot;

namespace Nooks.Kernel.Memory
{
    // Where the extensions' frames come from (FrameZone.Extensions): a quarter of usable RAM,
    // whole large pages so that the domains' view can leave the zone out without splitting its
    // large pages, at the top of the highest usable region below 4 GiB (extensions' DMA buffers
    // need 32-bit addresses) and above the kernel image. Arithmetic on the memory map only, so
    // that the host tests check it.
    public static class ExtensionZone
    {
        public const ulong Limit = 1UL << 32;
        public const ulong ShareOfRam = 4;

        // False if not even one large page fits.
        public static bool Place(System.ReadOnlySpan<MemoryRegion> regions, ulong usableBytes, ulong imageEnd, out ulong start, out ulong end)
        {
            ulong want = PageSize.AlignDownLarge(usableBytes / ShareOfRam);
            ulong bestEnd = 0, bestBase = 0;
            for (int i = 0; i < regions.Length; i++)
            {
                MemoryRegion region = regions[i];
                if (region.Kind != MemoryKind.Usable) continue;
                ulong regionEnd = region.Base + region.Length;
                ulong top = PageSize.AlignDownLarge(regionEnd < Limit ? regionEnd : Limit);
                ulong bottom = PageSize.AlignUpLarge(region.Base);
                if (top > bottom && top > bestEnd) { bestEnd = top; bestBase = bottom; }
            }
            ulong floor = PageSize.AlignUpLarge(imageEnd);
            if (bestBase < floor) bestBase = floor;
            start = bestEnd > bestBase + want ? bestEnd - want : bestBase;
            end = bestEnd;
            return end > start;
        }
    }
}
