using System;

namespace Nooks.Kernel.Acpi
{
    // Little-endian field reads and the ACPI checksum rule (all bytes of a structure sum to zero).
    // Plain span code, so the table parsers run unchanged in the host tests.
    public static class AcpiBytes
    {
        public static byte U8(ReadOnlySpan<byte> s, int offset) => s[offset];
        public static ushort U16(ReadOnlySpan<byte> s, int offset) => (ushort)(s[offset] | s[offset + 1] << 8);
        public static uint U32(ReadOnlySpan<byte> s, int offset) => (uint)(U16(s, offset) | U16(s, offset + 2) << 16);
        public static ulong U64(ReadOnlySpan<byte> s, int offset) => U32(s, offset) | (ulong)U32(s, offset + 4) << 32;

        public static bool ChecksumIsValid(ReadOnlySpan<byte> s)
        {
            byte sum = 0;
            for (int i = 0; i < s.Length; i++) sum += s[i];
            return sum == 0;
        }

        public static bool HasSignature(ReadOnlySpan<byte> s, string signature)
        {
            if (s.Length < signature.Length) return false;
            for (int i = 0; i < signature.Length; i++) if (s[i] != signature[i]) return false;
            return true;
        }

        public static string Text(ReadOnlySpan<byte> s, int offset, int length)
        {
            var chars = new char[length];
            for (int i = 0; i < length; i++) chars[i] = s[offset + i] >= 0x20 && s[offset + i] < 0x7F ? (char)s[offset + i] : '?';
            return new string(chars);
        }
    }
}
