using System.Buffers.Binary;
using System.Text;

namespace Nooks.Tools;

public sealed record ElfSection(int Index, string Name, uint Type, ulong Flags, ulong Address, ulong Offset, ulong Size);

public sealed record ElfSymbol(string Name, ulong Value, ulong Size, int SectionIndex, byte Kind);

// Just enough of an ELF64 little-endian reader for the host checks: sections and the symbol table,
// from a relocatable object (ILC's output) or a linked image alike.
public sealed class ElfImage
{
    public const uint SymbolTableType = 2;
    public const uint NoBitsType = 8;
    public const byte FunctionSymbol = 2;
    private const byte Class64 = 2;
    private const byte LittleEndian = 1;
    private const int SymbolEntrySize = 24;
    private static readonly byte[] Magic = [0x7F, (byte)'E', (byte)'L', (byte)'F'];

    private readonly byte[] bytes;

    public IReadOnlyList<ElfSection> Sections { get; }
    public IReadOnlyList<ElfSymbol> Symbols { get; }

    private ElfImage(byte[] bytes)
    {
        this.bytes = bytes;
        if (bytes.Length < 64 || !bytes.AsSpan(0, 4).SequenceEqual(Magic) || bytes[4] != Class64 || bytes[5] != LittleEndian)
            throw new InvalidDataException("not an ELF64 little-endian file");
        ulong sectionTable = U64(0x28);
        ushort sectionEntrySize = U16(0x3A), sectionCount = U16(0x3C), namesIndex = U16(0x3E);

        var raw = new List<(uint name, uint type, ulong flags, ulong address, ulong offset, ulong size, uint link)>();
        for (int i = 0; i < sectionCount; i++)
        {
            int at = checked((int)sectionTable + i * sectionEntrySize);
            raw.Add((U32(at), U32(at + 4), U64(at + 8), U64(at + 0x10), U64(at + 0x18), U64(at + 0x20), U32(at + 0x28)));
        }
        ulong namesOffset = raw[namesIndex].offset;
        Sections = raw.Select((s, i) => new ElfSection(i, CString(namesOffset + s.name), s.type, s.flags, s.address, s.offset, s.size)).ToList();

        var symbols = new List<ElfSymbol>();
        foreach (var table in raw.Where(s => s.type == SymbolTableType))
        {
            ulong stringsOffset = raw[(int)table.link].offset;
            for (ulong at = table.offset + SymbolEntrySize; at < table.offset + table.size; at += SymbolEntrySize)
            {
                int entry = checked((int)at);
                symbols.Add(new ElfSymbol(CString(stringsOffset + U32(entry)), U64(entry + 8), U64(entry + 16), U16(entry + 6), (byte)(bytes[entry + 4] & 0xF)));
            }
        }
        Symbols = symbols;
    }

    public static ElfImage Read(byte[] bytes) => new(bytes);

    public static ElfImage Load(string path) => new(File.ReadAllBytes(path));

    public ReadOnlyMemory<byte> Contents(ElfSection section) =>
        section.Type == NoBitsType ? ReadOnlyMemory<byte>.Empty : bytes.AsMemory(checked((int)section.Offset), checked((int)section.Size));

    private ushort U16(int at) => BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(at));
    private uint U32(int at) => BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at));
    private ulong U64(int at) => BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(at));

    private string CString(ulong at)
    {
        int start = checked((int)at);
        int end = Array.IndexOf(bytes, (byte)0, start);
        return Encoding.ASCII.GetString(bytes, start, end - start);
    }
}
