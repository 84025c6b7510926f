using System.Buffers.Binary;
using Nooks.Kernel.Processes;

namespace Nooks.HostTests;

// The kernel's ELF validation on crafted images: a good one loads, every kind of bad one is
// refused with a reason instead of being trusted.
public class ElfImageTests
{
    private const int HeaderSize = 64, ProgramHeaderSize = 56;
    private const uint PtLoad = 1, PtDynamic = 2, PtInterp = 3;
    private const uint FlagX = 1, FlagW = 2, FlagR = 4;
    private const int TextOffset = 0x1000, DataOffset = 0x2000, FileSize = 0x3000;
    private const ulong TextAddress = 0x1000, DataAddress = 0x2000;
    private const int DynamicOffset = DataOffset, RelaOffset = DataOffset + 0x100;
    private const long DtRela = 7, DtRelaSize = 8, DtRelaEntrySize = 9, DtNeeded = 1;

    // ET_DYN x86-64 with a text segment (R X), a data segment (R W) holding the dynamic table and
    // two R_X86_64_RELATIVE relocations into itself.
    private static byte[] ValidImage()
    {
        var file = new byte[FileSize];
        file[0] = 0x7F; file[1] = (byte)'E'; file[2] = (byte)'L'; file[3] = (byte)'F';
        file[4] = 2; file[5] = 1; file[6] = 1;
        U16(file, 16, 3); U16(file, 18, 62); U32(file, 20, 1);
        U64(file, 24, TextAddress);          // entry
        U64(file, 32, HeaderSize);           // program headers right after the header
        U16(file, 52, HeaderSize); U16(file, 54, ProgramHeaderSize); U16(file, 56, 3);
        ProgramHeader(file, 0, PtLoad, FlagR | FlagX, TextOffset, TextAddress, 0x100, 0x100);
        ProgramHeader(file, 1, PtLoad, FlagR | FlagW, DataOffset, DataAddress, 0x200, 0x800);
        ProgramHeader(file, 2, PtDynamic, FlagR | FlagW, DynamicOffset, DataAddress, 0x40, 0x40);
        Dynamic(file, 0, DtRela, DataAddress + 0x100);
        Dynamic(file, 1, DtRelaSize, 48);
        Dynamic(file, 2, DtRelaEntrySize, 24);
        Relocation(file, 0, DataAddress + 0x180, 8, (long)TextAddress);
        Relocation(file, 1, DataAddress + 0x188, 8, (long)DataAddress);
        return file;
    }

    private static void ProgramHeader(byte[] f, int i, uint type, uint flags, ulong offset, ulong vaddr, ulong filesz, ulong memsz)
    {
        int o = HeaderSize + i * ProgramHeaderSize;
        U32(f, o, type); U32(f, o + 4, flags); U64(f, o + 8, offset); U64(f, o + 16, vaddr);
        U64(f, o + 24, vaddr); U64(f, o + 32, filesz); U64(f, o + 40, memsz); U64(f, o + 48, 0x1000);
    }

    private static void Dynamic(byte[] f, int i, long tag, ulong value) { U64(f, DynamicOffset + i * 16, (ulong)tag); U64(f, DynamicOffset + i * 16 + 8, value); }
    private static void Relocation(byte[] f, int i, ulong offset, uint type, long addend)
    {
        int o = RelaOffset + i * 24;
        U64(f, o, offset); U64(f, o + 8, type); U64(f, o + 16, (ulong)addend);
    }

    private static void U16(byte[] f, int o, ushort v) => BinaryPrimitives.WriteUInt16LittleEndian(f.AsSpan(o), v);
    private static void U32(byte[] f, int o, uint v) => BinaryPrimitives.WriteUInt32LittleEndian(f.AsSpan(o), v);
    private static void U64(byte[] f, int o, ulong v) => BinaryPrimitives.WriteUInt64LittleEndian(f.AsSpan(o), v);
    private static int Ph(int i, int field) => HeaderSize + i * ProgramHeaderSize + field;

    private static string? ErrorOf(Action<byte[]> corrupt)
    {
        byte[] file = ValidImage();
        corrupt(file);
        return ElfImage.Parse(file).Error;
    }

    [Fact]
    public void ValidImageIsAccepted()
    {
        ElfImage image = ElfImage.Parse(ValidImage());
        Assert.Null(image.Error);
        Assert.Equal(2, image.SegmentCount);
        Assert.Equal(TextAddress, image.Entry);
        Assert.Equal(2, image.RelocationCount);
        Assert.Equal(0x3000UL, image.ImageSize);
        Assert.True(image.Segments[0].Executable && !image.Segments[0].Writable);
        Assert.True(image.Segments[1].Writable && !image.Segments[1].Executable);
    }

    [Fact]
    public void TruncatedFileIsRefused() => Assert.Contains("too short", ElfImage.Parse(new byte[10]).Error);

    [Theory]
    [InlineData(0, 0x00, "bad magic")]
    [InlineData(4, 1, "not a 64-bit")]
    [InlineData(5, 2, "little-endian")]
    [InlineData(18, 3, "not x86-64")]
    [InlineData(16, 2, "not a position-independent executable")]
    public void WrongIdentityIsRefused(int offset, byte value, string reason) =>
        Assert.Contains(reason, ErrorOf(f => f[offset] = value));

    [Fact]
    public void ProgramHeadersOutsideTheFileAreRefused() =>
        Assert.Contains("program headers lie outside", ErrorOf(f => U64(f, 32, FileSize - 8)));

    [Fact]
    public void HugeProgramHeaderOffsetDoesNotOverflow() =>
        Assert.Contains("program headers lie outside", ErrorOf(f => U64(f, 32, ulong.MaxValue - 10)));

    [Fact]
    public void WrongProgramHeaderSizeIsRefused() =>
        Assert.Contains("program header size", ErrorOf(f => U16(f, 54, 32)));

    [Fact]
    public void SegmentPastTheEndOfTheFileIsRefused() =>
        Assert.Contains("lies outside the file", ErrorOf(f => U64(f, Ph(0, 32), FileSize)));

    [Fact]
    public void SegmentWithMoreFileThanMemoryBytesIsRefused() =>
        Assert.Contains("more file bytes than memory bytes", ErrorOf(f => U64(f, Ph(0, 40), 0x10)));

    [Fact]
    public void HugeSegmentIsRefused() =>
        Assert.Contains("image limit", ErrorOf(f => U64(f, Ph(1, 40), ulong.MaxValue - 0x1000)));

    [Fact]
    public void WritableAndExecutableSegmentIsRefused() =>
        Assert.Contains("both writable and executable", ErrorOf(f => U32(f, Ph(0, 4), FlagR | FlagW | FlagX)));

    [Fact]
    public void OverlappingSegmentsAreRefused() =>
        Assert.Contains("shares pages", ErrorOf(f => U64(f, Ph(1, 16), TextAddress + 0x800)));

    [Fact]
    public void EntryOutsideExecutableCodeIsRefused() =>
        Assert.Contains("entry point", ErrorOf(f => U64(f, 24, DataAddress)));

    [Fact]
    public void InterpreterIsRefused() =>
        Assert.Contains("dynamic linker", ErrorOf(f => U32(f, Ph(2, 0), PtInterp)));

    [Fact]
    public void SharedLibraryDependencyIsRefused() =>
        Assert.Contains("DT_NEEDED", ErrorOf(f => Dynamic(f, 0, DtNeeded, 1)));

    [Fact]
    public void ImportRelocationIsRefused() =>
        Assert.Contains("only R_X86_64_RELATIVE", ErrorOf(f => Relocation(f, 1, DataAddress + 0x188, 7, 0)));

    [Fact]
    public void RelocationOutsideTheImageIsRefused() =>
        Assert.Contains("outside the image's segments", ErrorOf(f => Relocation(f, 0, 0x100000, 8, 0)));

    [Fact]
    public void RelocationStraddlingASegmentEndIsRefused() =>
        Assert.Contains("outside the image's segments", ErrorOf(f => Relocation(f, 0, DataAddress + 0x7FC, 8, 0)));

    [Fact]
    public void RelocationTableOutsideTheFileIsRefused() =>
        Assert.Contains("relocation table", ErrorOf(f => Dynamic(f, 1, DtRelaSize, 24 * 1000)));

    [Fact]
    public void NoLoadableSegmentIsRefused() =>
        Assert.Contains("no loadable segments", ErrorOf(f => { U32(f, Ph(0, 0), 0x6474E551); U32(f, Ph(1, 0), 0x6474E551); }));
}
