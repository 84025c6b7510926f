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

        // "52:54:00:12:34:56": the buffer Format needs.
        public const int MaxTextLength = 3 * Length - 1;

        private const int BitsPerByte = 8;
        private const int Hex = 16;
        private const int DigitsPerByte = 2;

        // "52:54:00:12:34:56", two hex digits a byte; false for anything else, and for a
        // multicast address, which no interface may take as its own.
        public static bool TryParse(ReadOnlySpan<char> text, out ulong address)
        {
            address = None;
            if (text.Length != MaxTextLength) return false;
            ulong a = 0;
            for (int i = 0; i < Length; i++)
            {
                int at = i * (DigitsPerByte + 1);
                if (i > 0 && text[at - 1] != ':') return false;
                int high = HexDigit(text[at]), low = HexDigit(text[at + 1]);
                if (high < 0 || low < 0) return false;
                a = (a << BitsPerByte) | (byte)(high * Hex + low);
            }
            if (IsMulticast(a)) return false;
            address = a;
            return true;
        }

        private static int HexDigit(char c) =>
            c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;

        // Writes the address into the caller's buffer (stackalloc) rather than making a string:
        // reports and log lines format addresses on every use, and the heap has no collector.
        public static ReadOnlySpan<char> Format(ulong a, Span<char> into)
        {
            int n = 0;
            for (int i = Length - 1; i >= 0; i--)
            {
                n += System.Text.NumberFormat.FormatUnsigned((a >> (i * BitsPerByte)) & 0xFF, into.Slice(n), Hex, DigitsPerByte, false);
                if (i > 0) into[n++] = ':';
            }
            return into.Slice(0, n);
        }
    }
}
