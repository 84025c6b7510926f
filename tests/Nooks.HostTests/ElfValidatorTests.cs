using System.Buffers.Binary;
using Nooks.Kernel.Elf;
using Nooks.Tools;

namespace Nooks.HostTests;

// The header and segment checks that ring-3 programs and extension images share, on crafted
// files: each kind of damage gets a sentence naming it, and no input makes the validator throw.
public class ElfValidatorTests
{
    private const int HeaderSize = 64, ProgramHeaderSize = 56;
    private const uint PtLoad = 1, PtNote = 4;
    private const uint FlagX = 1, FlagW = 2, FlagR = 4;
    private const int MaxSegments = 4;
    private const ulong MaxImageSize = 1024 * 1024;
    private const ulong PageAlignment = 0x1000;
    private const int FileSize = 0x3000;

    // ET_DYN x86-64 with a text segment (R X) and a data segment (R W) on their own pages.
    private static byte[] ValidFile()
    {
        var file = new byte[FileSize];
        file[0] = 0x7F; file[1] = (byte)'E'; file[2] = (byte)'L'; file[3] = (byte)'F';
        file[4] = 2; file[5] = 1; file[6] = 1;
        U16(file, 16, 3); U16(file, 18, 62);
        U64(file, 24, 0x1000);
        U64(file, 32, HeaderSize);
        U16(file, 54, ProgramHeaderSize); U16(file, 56, 2);
        ProgramHeader(file, 0, PtLoad, FlagR | FlagX, 0x1000, 0x1000, 0x100, 0x100);
        ProgramHeader(file, 1, PtLoad, FlagR | FlagW, 0x2000, 0x2000, 0x200, 0x800);
        return file;
    }

    private static void ProgramHeader(byte[] f, int i, uint type, uint flags, ulong offset, ulong vaddr, ulong filesz, ulong memsz)
    {
        int o = HeaderSize + i * ProgramHeaderSize;
        U32(f, o, type); U32(f, o + 4, flags); U64(f, o + 8, offset); U64(f, o + 16, vaddr);
        U64(f, o + 24, vaddr); U64(f, o + 32, filesz); U64(f, o + 40, memsz); U64(f, o + 48, PageAlignment);
    }

    private static void U16(byte[] f, int o, ushort v) => BinaryPrimitives.WriteUInt16LittleEndian(f.AsSpan(o), v);
    private static void U32(byte[] f, int o, uint v) => BinaryPrimitives.WriteUInt32LittleEndian(f.AsSpan(o), v);
    private static void U64(byte[] f, int o, ulong v) => BinaryPrimitives.WriteUInt64LittleEndian(f.AsSpan(o), v);
    private static int Ph(int i, int field) => HeaderSize + i * ProgramHeaderSize + field;

    private static string? Validate(byte[] file, out ElfHeader header, out ulong imageEnd) =>
        ElfValidator.Validate(file, MaxSegments, MaxImageSize, out header, out imageEnd);

    private static string? ErrorOf(Action<byte[]> corrupt)
    {
        byte[] file = ValidFile();
        corrupt(file);
        return Validate(file, out _, out _);
    }

    [Fact]
    public void AValidFileReportsItsHeaderAndExtent()
    {
        Assert.Null(Validate(ValidFile(), out ElfHeader header, out ulong imageEnd));
        Assert.Equal(0x1000UL, header.Entry);
        Assert.Equal(2, header.ProgramHeaderCount);
        Assert.Equal(0x2800UL, imageEnd);
        ElfSegment data = ElfValidator.ProgramHeader(ValidFile(), header, 1);
        Assert.True(data.Writable);
        Assert.False(data.Executable);
        Assert.Equal(0x800UL, data.MemorySize);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(HeaderSize - 1)]
    public void TruncatedHeaderIsRefused(int length) =>
        Assert.Equal($"{length} bytes is too short for an ELF header", Validate(ValidFile()[..length], out _, out _));

    [Fact]
    public void WrongMachineIsNamed() =>
        Assert.Equal("built for machine 40, not x86-64", ErrorOf(f => U16(f, 18, 40)));

    [Theory]
    [InlineData(0, 0x7E, "bad magic")]
    [InlineData(4, 1, "not a 64-bit ELF file")]
    [InlineData(5, 2, "not a little-endian")]
    [InlineData(6, 0, "unknown ELF version")]
    [InlineData(16, 2, "ET_DYN")]
    public void HeaderIdentityIsChecked(int offset, byte value, string reason) =>
        Assert.Contains(reason, ErrorOf(f => f[offset] = value));

    [Fact]
    public void ProgramHeaderTablePastTheEndIsRefused() =>
        Assert.Equal("program headers lie outside the file", ErrorOf(f => U64(f, 32, FileSize - ProgramHeaderSize)));

    [Fact]
    public void ProgramHeaderTableOffsetThatWrapsIsRefused() =>
        Assert.Equal("program headers lie outside the file", ErrorOf(f => U64(f, 32, ulong.MaxValue - 8)));

    [Theory]
    [InlineData(0)]
    [InlineData(ElfValidator.MaxProgramHeaders + 1)]
    public void ProgramHeaderCountOutOfRangeIsRefused(int count) =>
        Assert.Contains($"{count} program headers", ErrorOf(f => U16(f, 56, (ushort)count)));

    [Fact]
    public void ProgramHeaderEntrySizeIsChecked() =>
        Assert.Equal("program header size 64, expected 56", ErrorOf(f => U16(f, 54, 64)));

    [Fact]
    public void SegmentFileRangeThatOverflowsIsRefused() =>
        Assert.Equal("segment 1 lies outside the file", ErrorOf(f => { U64(f, Ph(1, 8), ulong.MaxValue - 0x10); }));

    [Fact]
    public void SegmentFileRangePastTheEndIsRefused() =>
        Assert.Equal("segment 0 lies outside the file", ErrorOf(f => U64(f, Ph(0, 32), FileSize)));

    [Fact]
    public void SegmentAddressRangeThatOverflowsIsRefused() =>
        Assert.Contains("exceeds the 1 MiB image limit", ErrorOf(f => U64(f, Ph(1, 40), ulong.MaxValue - 0x1000)));

    [Fact]
    public void SegmentBeyondTheImageLimitIsRefused() =>
        Assert.Contains("segment 1 at 100000", ErrorOf(f => { U64(f, Ph(1, 8), 0); U64(f, Ph(1, 16), MaxImageSize); }));

    [Fact]
    public void MoreFileThanMemoryBytesIsRefused() =>
        Assert.Equal("segment 1 has more file bytes than memory bytes", ErrorOf(f => U64(f, Ph(1, 40), 0x100)));

    [Fact]
    public void EmptySegmentIsRefused() =>
        Assert.Equal("segment 1 is empty", ErrorOf(f => { U64(f, Ph(1, 32), 0); U64(f, Ph(1, 40), 0); }));

    [Fact]
    public void WritableCodeIsRefused() =>
        Assert.Equal("segment 0 is both writable and executable", ErrorOf(f => U32(f, Ph(0, 4), FlagR | FlagW | FlagX)));

    [Fact]
    public void SegmentsSharingAPageAreRefused() =>
        Assert.Equal("segment 1 at 1800 shares pages with segment 0 at 1000", ErrorOf(f => { U64(f, Ph(1, 8), 0x1800); U64(f, Ph(1, 16), 0x1800); }));

    [Fact]
    public void OffsetAndAddressDisagreeingModuloTheAlignmentIsRefused() =>
        Assert.Equal("segment 1 is misaligned: file offset 2010 and address 2000 differ modulo its alignment 1000", ErrorOf(f => U64(f, Ph(1, 8), 0x2010)));

    [Fact]
    public void AlignmentThatIsNotAPowerOfTwoIsRefused() =>
        Assert.Equal("segment 0 has alignment 3000, not a power of two", ErrorOf(f => U64(f, Ph(0, 48), 0x3000)));

    [Fact]
    public void TooManyLoadableSegmentsAreRefused()
    {
        byte[] file = ValidFile();
        U64(file, 32, 0x2800);
        U16(file, 56, MaxSegments + 1);
        for (int i = 0; i <= MaxSegments; i++)
        {
            int o = 0x2800 + i * ProgramHeaderSize;
            U32(file, o, PtLoad); U32(file, o + 4, FlagR);
            U64(file, o + 16, (ulong)i * PageAlignment); U64(file, o + 40, 1);
        }
        Assert.Equal($"more than {MaxSegments} loadable segments", Validate(file, out _, out _));
    }

    [Fact]
    public void NoLoadableSegmentIsRefused() =>
        Assert.Equal("no loadable segments", ErrorOf(f => { U32(f, Ph(0, 0), PtNote); U32(f, Ph(1, 0), PtNote); }));

    [Fact]
    public void OtherProgramHeadersAreNotHeldToSegmentRules() =>
        Assert.Null(ErrorOf(f => { U32(f, Ph(1, 0), PtNote); U64(f, Ph(1, 8), ulong.MaxValue); }));

    // Every prefix of the file and every byte of its headers set to a few telling values.
    [Fact]
    public void NoDamageMakesItThrow()
    {
        byte[] valid = ValidFile();
        for (int length = 0; length <= HeaderSize + 2 * ProgramHeaderSize; length++)
            Assert.NotEmpty(Validate(valid[..length], out _, out _)!);
        byte[] values = [0x00, 0x01, 0x7F, 0x80, 0xFF];
        for (int at = 0; at < HeaderSize + 2 * ProgramHeaderSize; at++)
            foreach (byte value in values)
            {
                byte[] file = ValidFile();
                file[at] = value;
                string? error = Validate(file, out _, out _);
                Assert.True(error == null || error.Length > 0);
            }
    }

    // What the build produces passes: extensions and ring-3 programs alike.
    [Fact]
    public void EveryBuiltImagePasses()
    {
        string output = RepoLayout.Find().Out;
        string[] images = [.. Directory.GetFiles(Path.Combine(output, "ext")), .. Directory.GetFiles(Path.Combine(output, "user"))];
        int checkedImages = 0;
        foreach (string path in images)
        {
            byte[] file = File.ReadAllBytes(path);
            if (file.Length < 4 || file[0] != 0x7F || file[1] != (byte)'E') continue;   // configuration files ship there too
            Assert.True(ElfValidator.Validate(file, Nooks.Kernel.Processes.ElfImage.MaxSegments, Nooks.Kernel.Processes.ElfImage.MaxImageSize, out _, out _) == null, path);
            checkedImages++;
        }
        Assert.True(checkedImages > 0, $"no images under {output}: run ./build.sh first");
    }
}
