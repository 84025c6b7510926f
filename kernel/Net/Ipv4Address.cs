using System;

namespace Nooks.Kernel.Net
{
    // IPv4 addresses as host-order uints: 10.0.2.15 is 0x0A00020F.
    public static class Ipv4Address
    {
        public const uint Any = 0;
        public const uint Broadcast = 0xFFFFFFFF;

        public static uint Make(int a, int b, int c, int d) => ((uint)a << 24) | ((uint)b << 16) | ((uint)c << 8) | (uint)d;

        public static uint MaskOf(int prefixLength) => prefixLength <= 0 ? 0 : prefixLength >= 32 ? 0xFFFFFFFF : ~(0xFFFFFFFFu >> prefixLength);

        // "255.255.255.255": the buffer Format needs.
        public const int MaxTextLength = 15;

        private const int BitsPerPart = 8;
        private const int Decimal = 10;

        // Writes "a.b.c.d" into the caller's buffer (stackalloc) rather than making a string:
        // reports and log lines format addresses on every use, and the heap has no collector.
        public static ReadOnlySpan<char> Format(uint a, Span<char> into)
        {
            int n = 0;
            for (int shift = 32 - BitsPerPart; shift >= 0; shift -= BitsPerPart)
            {
                n += System.Text.NumberFormat.FormatUnsigned((a >> shift) & 0xFF, into.Slice(n), Decimal, 1, false);
                if (shift > 0) into[n++] = '.';
            }
            return into.Slice(0, n);
        }

        // "a.b.c.d" with each part 0..255.
        public static bool TryParse(ReadOnlySpan<char> text, out uint address)
        {
            address = 0;
            int part = 0, digits = 0, value = 0;
            for (int i = 0; i <= text.Length; i++)
            {
                if (i == text.Length || text[i] == '.')
                {
                    if (digits == 0 || value > 255) return false;
                    address = (address << 8) | (uint)value;
                    part++;
                    digits = value = 0;
                    if (i < text.Length && part == 4) return false;
                    continue;
                }
                char c = text[i];
                if (c < '0' || c > '9' || digits == 3) return false;
                value = value * 10 + (c - '0');
                digits++;
            }
            return part == 4;
        }

        // "a.b.c.d/n"; without "/n" the prefix is 24.
        public static bool TryParseWithPrefix(ReadOnlySpan<char> text, out uint address, out int prefixLength)
        {
            prefixLength = 24;
            int slash = text.IndexOf('/');
            if (slash < 0) return TryParse(text, out address);
            if (!TryParse(text.Slice(0, slash), out address)) return false;
            ReadOnlySpan<char> p = text.Slice(slash + 1);
            if (p.Length == 0 || p.Length > 2) return false;
            int n = 0;
            for (int i = 0; i < p.Length; i++)
            {
                if (p[i] < '0' || p[i] > '9') return false;
                n = n * 10 + (p[i] - '0');
            }
            if (n > 32) return false;
            prefixLength = n;
            return true;
        }
    }
}
