using System;

namespace Nooks.Kernel.Acpi
{
    // The Root System Description Pointer (ACPI 6.5, 5.2.5): where the firmware's tables start.
    public struct Rsdp
    {
        public const string Signature = "RSD PTR ";
        public const int Alignment = 16;
        public const int Version1Length = 20;
        public const int Version2Length = 36;

        private const int ChecksumEnd = Version1Length;
        private const int OemIdOffset = 9, OemIdLength = 6;
        private const int RevisionOffset = 15, RsdtAddressOffset = 16, LengthOffset = 20, XsdtAddressOffset = 24;

        public byte Revision;
        public string OemId;
        public uint RsdtAddress;
        public ulong XsdtAddress;     // 0 before ACPI 2.0

        // Parses an RSDP at the start of `bytes`; false if the signature or a checksum is wrong.
        public static bool TryParse(ReadOnlySpan<byte> bytes, out Rsdp rsdp)
        {
            rsdp = default;
            if (bytes.Length < Version1Length || !AcpiBytes.HasSignature(bytes, Signature)) return false;
            if (!AcpiBytes.ChecksumIsValid(bytes.Slice(0, ChecksumEnd))) return false;
            rsdp.Revision = bytes[RevisionOffset];
            rsdp.OemId = AcpiBytes.Text(bytes, OemIdOffset, OemIdLength);
            rsdp.RsdtAddress = AcpiBytes.U32(bytes, RsdtAddressOffset);
            if (rsdp.Revision >= 2)
            {
                if (bytes.Length < Version2Length) return false;
                uint length = AcpiBytes.U32(bytes, LengthOffset);
                if (length < Version2Length || length > bytes.Length || !AcpiBytes.ChecksumIsValid(bytes.Slice(0, (int)length))) return false;
                rsdp.XsdtAddress = AcpiBytes.U64(bytes, XsdtAddressOffset);
            }
            return true;
        }

        // The offset of the first valid RSDP on a 16-byte boundary in `area`, or -1.
        public static int Find(ReadOnlySpan<byte> area, out Rsdp rsdp)
        {
            for (int offset = 0; offset + Version1Length <= area.Length; offset += Alignment)
                if (TryParse(area.Slice(offset), out rsdp)) return offset;
            rsdp = default;
            return -1;
        }
    }
}
