using Nooks.Loader;
using Nooks.Tools;

namespace Nooks.HostTests;

// The extension loader's validation, on the real null extension built by ./build.sh and on
// damaged copies of it: a bad image is an error message, never a crash.
public class ExtensionImageTests
{
    private static byte[] NullExtension()
    {
        string path = Path.Combine(RepoLayout.Find().Out, "ext", "null");
        Assert.True(File.Exists(path), $"{path} is missing: run ./build.sh first");
        return File.ReadAllBytes(path);
    }

    [Fact]
    public void TheBuiltExtensionIsValidAndExportsItsEntryPoints()
    {
        var elf = new ElfSharedObject(NullExtension());
        Assert.Null(elf.Error);
        Assert.NotEqual(ulong.MaxValue, elf.FindExport("nx_init"));
        Assert.NotEqual(ulong.MaxValue, elf.FindExport("nx_startup"));
        Assert.Equal(ulong.MaxValue, elf.FindExport("nx_missing"));
        Assert.True(elf.RelocationCount > 0);
        Assert.NotEqual(0UL, elf.ModulesSectionAddress);
    }

    [Theory]
    [InlineData(0, 0x00, "bad magic")]
    [InlineData(4, 0x01, "ELF64")]
    [InlineData(16, 0x02, "ET_DYN")]
    [InlineData(18, 0x03, "x86-64")]
    public void AHeaderFieldChangedIsReported(int offset, byte value, string expected)
    {
        byte[] image = NullExtension();
        image[offset] = value;
        Assert.Contains(expected, new ElfSharedObject(image).Error);
    }

    [Fact]
    public void ProgramHeadersOutsideTheImageAreReported()
    {
        byte[] image = NullExtension();
        BitConverter.TryWriteBytes(image.AsSpan(32), (ulong)image.Length);   // e_phoff past the end
        Assert.Contains("program headers", new ElfSharedObject(image).Error);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(100)]
    [InlineData(1000)]
    public void ATruncatedImageIsReported(int length)
    {
        byte[] image = NullExtension()[..length];
        Assert.NotNull(new ElfSharedObject(image).Error);
    }
}
