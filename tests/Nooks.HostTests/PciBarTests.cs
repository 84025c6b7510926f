using Nooks.Kernel.Pci;

namespace Nooks.HostTests;

public class PciBarTests
{
    [Fact]
    public void Memory32BarDecodesAddressSizeAndPrefetch()
    {
        // e1000 BAR0 under QEMU: 128 KiB of registers at febc0000.
        PciBar bar = PciBar.Decode(0, 0xfebc0000, 0, 0xfffe0000, 0);
        Assert.Equal(PciBarKind.Memory32, bar.Kind);
        Assert.Equal(0xfebc0000UL, bar.Address);
        Assert.Equal(128UL * 1024, bar.Size);
        Assert.False(bar.Prefetchable);
        Assert.Equal("Memory at febc0000 (32-bit, non-prefetchable) [size=128K]", bar.ToString());
    }

    [Fact]
    public void PrefetchableFramebufferBar()
    {
        PciBar bar = PciBar.Decode(0, 0xfd000008, 0, 0xff000008, 0);
        Assert.True(bar.Prefetchable);
        Assert.Equal(16UL * 1024 * 1024, bar.Size);
        Assert.Equal("Memory at fd000000 (32-bit, prefetchable) [size=16M]", bar.ToString());
    }

    [Fact]
    public void Memory64BarCombinesBothRegisters()
    {
        PciBar bar = PciBar.Decode(2, 0x0000000c, 0x00000008, 0xffffc00c, 0xffffffff);
        Assert.Equal(PciBarKind.Memory64, bar.Kind);
        Assert.Equal(0x8_0000_0000UL, bar.Address);
        Assert.Equal(16UL * 1024, bar.Size);
        Assert.True(bar.Prefetchable);
    }

    [Fact]
    public void IoBarWith16BitDecoderReadsBackZeroUpperHalf()
    {
        PciBar bar = PciBar.Decode(1, 0xc101, 0, 0x0000ffc1, 0);
        Assert.Equal(PciBarKind.Io, bar.Kind);
        Assert.Equal(0xc100UL, bar.Address);
        Assert.Equal(64UL, bar.Size);
        Assert.Equal("I/O ports at c100 [size=64]", bar.ToString());
    }

    [Fact]
    public void IoBarWith32BitDecoder()
    {
        PciBar bar = PciBar.Decode(0, 0xc001, 0, 0xffffff01, 0);
        Assert.Equal(256UL, bar.Size);
    }

    [Fact]
    public void BarThatKeepsNoBitsIsUnused()
    {
        Assert.False(PciBar.Decode(3, 0, 0, 0, 0).IsUsed);
        Assert.False(PciBar.Decode(3, 1, 0, 1, 0).IsUsed);
    }

    [Theory]
    [InlineData(32UL, "32")]
    [InlineData(4096UL, "4K")]
    [InlineData(1536UL, "1536")]
    [InlineData(2UL * 1024 * 1024, "2M")]
    [InlineData(4UL * 1024 * 1024 * 1024, "4G")]
    public void SizesPrintLikeLspci(ulong bytes, string text) => Assert.Equal(text, PciBar.SizeText(bytes));
}
