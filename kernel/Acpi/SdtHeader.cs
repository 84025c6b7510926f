using System;

namespace Nooks.Kernel.Acpi
{
    // The header every System Description Table starts with (ACPI 6.5, 5.2.6), and the root
    // tables (RSDT, XSDT) that are nothing but a header followed by table addresses.
    public struct SdtHeader
    {
        public const int Size = 36;
        private const int SignatureLength = 4, LengthOffset = 4, RevisionOffset = 8, OemIdOffset = 10, OemIdLength = 6;

        public string Signature;
        public uint Length;
        public byte Revision;
        public string OemId;

        // Reads the header only: enough to learn how many bytes the whole table has.
        public static bool TryParse(ReadOnlySpan<byte> bytes, out SdtHeader header)
        {
            header = default;
            if (bytes.Length < Size) return false;
            header.Signature = AcpiBytes.Text(bytes, 0, SignatureLength);
            header.Length = AcpiBytes.U32(bytes, LengthOffset);
            header.Revision = bytes[RevisionOffset];
            header.OemId = AcpiBytes.Text(bytes, OemIdOffset, OemIdLength);
            return header.Length >= Size;
        }

        // Checks a whole table: its length field fits `table` and its bytes sum to zero.
        public static bool IsValidTable(ReadOnlySpan<byte> table, string signature) =>
            TryParse(table, out SdtHeader h) && h.Length <= table.Length && AcpiBytes.HasSignature(table, signature)
            && AcpiBytes.ChecksumIsValid(table.Slice(0, (int)h.Length));

        // The number of entries in an RSDT (4-byte addresses) or XSDT (8-byte addresses).
        public static int RootEntryCount(ReadOnlySpan<byte> table, int entrySize) =>
            (int)((AcpiBytes.U32(table, LengthOffset) - Size) / (uint)entrySize);

        public static ulong RootEntry(ReadOnlySpan<byte> table, int entrySize, int index) =>
            entrySize == 8 ? AcpiBytes.U64(table, Size + index * 8) : AcpiBytes.U32(table, Size + index * 4);
    }
}
