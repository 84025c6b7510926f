using Nooks.Kernel.Arch;
using Nooks.Kernel.Boot;

namespace Nooks.Kernel.Memory
{
    // Which frames an allocation may come from. Extensions get theirs from a zone of their own,
    // which protection domains do not see through the kernel's identity map (KernelPaging.
    // BuildDomainView): one extension's memory is never readable from another's domain, and no
    // extension can use up the frames the kernel needs.
    public enum FrameZone { Kernel, Extensions }

    // Physical 4 KiB frames, one bit each, built from the boot memory map. Frames below 1 MiB,
    // the kernel image and the boot modules are never handed out.
    public static class FrameAllocator
    {
        private const ulong LowMemoryEnd = 0x100000;
        private static ulong[] bitmap;     // bit set = frame in use or not RAM
        private static ulong frameCount;
        private static ulong freeFrames;
        private static ulong usableFrames;
        private static ulong searchHint;
        private static ulong zoneHint;
        private static ulong zoneFirst, zoneEnd;         // frame numbers of the extensions' zone
        private static ulong zoneFreeFrames;

        public static ulong TotalBytes => usableFrames * PageSize.Small;
        public static ulong FreeBytes => freeFrames * PageSize.Small;
        public static ulong FrameCount => frameCount;
        public static ulong ExtensionZoneStart => zoneFirst * PageSize.Small;
        public static ulong ExtensionZoneEnd => zoneEnd * PageSize.Small;
        public static ulong ExtensionZoneFreeBytes => zoneFreeFrames * PageSize.Small;

        public static void Initialize(BootInfo boot)
        {
            frameCount = boot.HighestUsableAddress / PageSize.Small;
            bitmap = new ulong[(frameCount + 63) / 64];
            for (int i = 0; i < bitmap.Length; i++) bitmap[i] = ulong.MaxValue;

            for (int r = 0; r < boot.RegionCount; r++)
            {
                MemoryRegion region = boot.Regions[r];
                if (region.Kind != MemoryKind.Usable) continue;
                ulong first = PageSize.AlignUp(region.Base) / PageSize.Small;
                ulong end = PageSize.AlignDown(region.Base + region.Length) / PageSize.Small;
                for (ulong f = first; f < end && f < frameCount; f++) { Clear(f); usableFrames++; freeFrames++; }
            }
            Reserve(0, LowMemoryEnd);
            Reserve(KernelLayout.ImageStart, KernelLayout.ImageEnd);
            for (int m = 0; m < boot.ModuleCount; m++) Reserve(boot.Modules[m].Start, boot.Modules[m].End);
            PlaceExtensionZone(boot);
        }

        private static void PlaceExtensionZone(BootInfo boot)
        {
            System.ReadOnlySpan<MemoryRegion> regions = boot.Regions;
            if (!ExtensionZone.Place(regions.Slice(0, boot.RegionCount), boot.UsableBytes, KernelLayout.ImageEnd, out ulong start, out ulong end))
                Panic.Halt("no whole large page of RAM below 4 GiB for extensions");
            zoneFirst = start / PageSize.Small;
            zoneEnd = end / PageSize.Small;
            for (ulong f = zoneFirst; f < zoneEnd; f++) if (!IsSet(f)) zoneFreeFrames++;
        }

        private static bool InZone(ulong frame) => frame >= zoneFirst && frame < zoneEnd;

        private static void Reserve(ulong start, ulong end)
        {
            for (ulong f = PageSize.AlignDown(start) / PageSize.Small; f < PageSize.AlignUp(end) / PageSize.Small && f < frameCount; f++)
                if (!IsSet(f)) { Set(f); freeFrames--; }
        }

        private static bool IsSet(ulong f) => (bitmap[f / 64] & (1UL << (int)(f % 64))) != 0;
        private static void Set(ulong f) => bitmap[f / 64] |= 1UL << (int)(f % 64);
        private static void Clear(ulong f) => bitmap[f / 64] &= ~(1UL << (int)(f % 64));

        // Returns the physical address of `count` contiguous frames, or 0 if none are free.
        public static ulong Allocate(ulong count = 1, FrameZone zone = FrameZone.Kernel) => AllocateBelow(count, ulong.MaxValue, zone);

        // As Allocate, with every frame of the run below the physical address `limit` (for
        // devices that cannot address all of memory).
        public static ulong AllocateBelow(ulong count, ulong limit, FrameZone zone = FrameZone.Kernel)
        {
            bool extensions = zone == FrameZone.Extensions;
            ulong floor = extensions ? zoneFirst : 0;
            ulong endFrame = limit / PageSize.Small;
            if (endFrame > (extensions ? zoneEnd : frameCount)) endFrame = extensions ? zoneEnd : frameCount;
            ulong flags = Cpu.SaveAndDisableInterrupts();
            ulong hint = extensions ? zoneHint : searchHint;
            if (hint < floor) hint = floor;
            ulong result = FindRun(count, hint, endFrame, !extensions);
            if (result == 0 && hint != floor) result = FindRun(count, floor, endFrame, !extensions);
            if (result != 0)
            {
                ulong first = result / PageSize.Small;
                for (ulong f = first; f < first + count; f++) Set(f);
                freeFrames -= count;
                if (extensions) { zoneFreeFrames -= count; zoneHint = first + count; }
                else searchHint = first + count;
            }
            Cpu.RestoreInterrupts(flags);
            return result;
        }

        // The kernel's runs step over the extensions' zone.
        private static ulong FindRun(ulong count, ulong from, ulong endFrame, bool skipZone)
        {
            ulong run = 0;
            for (ulong f = from; f < endFrame; f++)
            {
                if (skipZone && f == zoneFirst) { f = zoneEnd - 1; run = 0; continue; }
                if (run == 0 && f % 64 == 0 && bitmap[f / 64] == ulong.MaxValue) { f += 63; continue; }
                if (IsSet(f)) { run = 0; continue; }
                if (++run == count) return (f + 1 - count) * PageSize.Small;
            }
            return 0;
        }

        public static void Free(ulong physical, ulong count = 1)
        {
            ulong flags = Cpu.SaveAndDisableInterrupts();
            ulong first = physical / PageSize.Small;
            for (ulong f = first; f < first + count && f < frameCount; f++)
            {
                if (!IsSet(f)) Panic.Halt($"frame {f * PageSize.Small:x} freed twice");
                Clear(f);
                freeFrames++;
                if (InZone(f)) zoneFreeFrames++;
            }
            if (InZone(first)) { if (first < zoneHint) zoneHint = first; }
            else if (first < searchHint) searchHint = first;
            Cpu.RestoreInterrupts(flags);
        }
    }
}
