using System;

namespace Nooks.Kernel.Net
{
    // A 48-bit MAC address in the low bits of a ulong, first byte on the wire most significant.
    public static class EthernetAddress
    {
        public const int Length = 6;
        public const ulong Broadcast = 0xFFFFFFFFFFFF;
        public const ulong None = 0;

        public static ulong Read(ReadOnlySpan<byte> s, int offset)
        {
            ulong a = 0;
            for (int i = 0; i < Length; i++) a = (a << 8) | s[offset + i];
            return a;
        }

        public static void Write(Span<byte> s, int offset, ulong address)
        {
            for (int i = Length - 1; i >= 0; i--) { s[offset + i] = (byte)address; address >>= 8; }
        }

        public static bool IsMulticast(ulong address) => ((address >> 40) & 1) != 0;

        public static string Format(ulong a) =>
            $"{(a >> 40) & 0xFF:x2}:{(a >> 32) & 0xFF:x2}:{(a >> 24) & 0xFF:x2}:{(a >> 16) & 0xFF:x2}:{(a >> 8) & 0xFF:x2}:{a & 0xFF:x2}";
    }
}
