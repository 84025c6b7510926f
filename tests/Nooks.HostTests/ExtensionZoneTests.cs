using Nooks.Kernel.Boot;
using Nooks.Kernel.Memory;

namespace Nooks.HostTests;

// Where the extensions' frames come from, placed on memory maps like the ones firmware hands over.
public class ExtensionZoneTests
{
    private const ulong MiB = 1024 * 1024;
    private const ulong ImageEnd = 0x59A000;   // the kernel image as it is linked now

    private static MemoryRegion[] Map(params (ulong Base, ulong Length, MemoryKind Kind)[] regions) =>
        regions.Select(r => new MemoryRegion { Base = r.Base, Length = r.Length, Kind = r.Kind }).ToArray();

    private static bool Place(MemoryRegion[] map, out ulong start, out ulong end) =>
        ExtensionZone.Place(map, (ulong)map.Where(r => r.Kind == MemoryKind.Usable).Sum(r => (decimal)r.Length), ImageEnd, out start, out end);

    [Fact]
    public void QemusMapOf256MiBGivesTheTopQuarterBelowItsAcpiTables()
    {
        // SeaBIOS under QEMU -m 256: low memory, the BIOS hole, RAM up to the ACPI tables.
        MemoryRegion[] map = Map((0, 0x9FC00, MemoryKind.Usable), (0x9FC00, 0x400, MemoryKind.Reserved),
            (0xF0000, 0x10000, MemoryKind.Reserved), (0x100000, 0xFEE0000, MemoryKind.Usable),
            (0xFFE0000, 0x20000, MemoryKind.Reserved));
        Assert.True(Place(map, out ulong start, out ulong end));
        Assert.Equal(0xFE00000UL, end);               // whole large pages, below the reserved top
        Assert.Equal(0xC000000UL, start);             // a quarter of usable RAM, in whole large pages
        Assert.Equal(0UL, start % PageSize.Large);
    }

    [Fact]
    public void RamAbove4GiBIsNotUsedForTheZone()
    {
        MemoryRegion[] map = Map((0x100000, 3 * 1024 * MiB - 0x100000, MemoryKind.Usable),
            (0x100000000, 4096 * MiB, MemoryKind.Usable));
        Assert.True(Place(map, out ulong start, out ulong end));
        Assert.True(end <= ExtensionZone.Limit);
        Assert.Equal(3 * 1024 * MiB, end);
        Assert.True(start >= PageSize.AlignUpLarge(ImageEnd));
    }

    [Fact]
    public void ARegionCrossing4GiBIsCutThere()
    {
        MemoryRegion[] map = Map((0x100000, 8192 * MiB, MemoryKind.Usable));
        Assert.True(Place(map, out ulong start, out ulong end));
        Assert.Equal(ExtensionZone.Limit, end);
        Assert.Equal(ExtensionZone.Limit - 2048 * MiB, start);   // a quarter of 8 GiB
    }

    [Fact]
    public void AQuarterThatDoesNotFitBelow4GiBTakesWhatThereIs()
    {
        MemoryRegion[] map = Map((0x100000, 64 * MiB, MemoryKind.Usable), (0x100000000, 16384 * MiB, MemoryKind.Usable));
        Assert.True(Place(map, out ulong start, out ulong end));
        Assert.Equal(PageSize.AlignUpLarge(ImageEnd), start);
        Assert.Equal(PageSize.AlignDownLarge(0x100000 + 64 * MiB), end);
    }

    [Fact]
    public void TheZoneNeverReachesDownIntoTheKernelImage()
    {
        MemoryRegion[] map = Map((0x100000, 16 * MiB, MemoryKind.Usable));
        Assert.True(Place(map, out ulong start, out ulong end));
        Assert.True(start >= PageSize.AlignUpLarge(ImageEnd));
        Assert.Equal(PageSize.AlignDownLarge(0x100000 + 16 * MiB), end);
    }

    [Fact]
    public void NoWholeLargePageMeansNoZone()
    {
        MemoryRegion[] map = Map((0, 0x9FC00, MemoryKind.Usable), (0x100000, 0x500000, MemoryKind.Usable));
        Assert.False(Place(map, out _, out _));
    }
}
