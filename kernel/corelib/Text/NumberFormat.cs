namespace System.Text
{
    // Integer to text without allocation. Shared by every image and by the host tests.
    public static class NumberFormat
    {
        private const string HexDigitsLower = "0123456789abcdef";
        private const string HexDigitsUpper = "0123456789ABCDEF";

        // Writes value in the given base right-aligned in at least minDigits digits; returns the count written.
        public static int FormatUnsigned(ulong value, Span<char> destination, int radix, int minDigits, bool upper)
        {
            Span<char> scratch = stackalloc char[64];
            string digits = upper ? HexDigitsUpper : HexDigitsLower;
            int n = 0;
            do
            {
                scratch[n++] = digits[(int)(value % (ulong)radix)];
                value /= (ulong)radix;
            } while (value != 0);
            while (n < minDigits && n < scratch.Length) scratch[n++] = '0';
            if (n > destination.Length) return 0;
            for (int i = 0; i < n; i++) destination[i] = scratch[n - 1 - i];
            return n;
        }

        public static int FormatSigned(long value, Span<char> destination, int minDigits)
        {
            if (value >= 0) return FormatUnsigned((ulong)value, destination, 10, minDigits, false);
            if (destination.Length == 0) return 0;
            destination[0] = '-';
            return 1 + FormatUnsigned((ulong)(-(value + 1)) + 1, destination.Slice(1), 10, minDigits, false);
        }

        // Formats per a .NET-style specifier: "", "D", "Dn", "x", "xn", "X", "Xn".
        public static int Format(ulong magnitude, bool negative, ReadOnlySpan<char> format, Span<char> destination)
        {
            int radix = 10, minDigits = 1;
            bool upper = false;
            if (format.Length > 0)
            {
                char kind = format[0];
                if (kind == 'x' || kind == 'X') { radix = 16; upper = kind == 'X'; }
                if (!TryParseDecimal(format.Slice(1), out minDigits)) minDigits = 1;
            }
            if (negative && radix == 10)
            {
                if (destination.Length == 0) return 0;
                destination[0] = '-';
                return 1 + FormatUnsigned(magnitude, destination.Slice(1), 10, minDigits, false);
            }
            return FormatUnsigned(magnitude, destination, radix, minDigits, upper);
        }

        public static bool TryParseDecimal(ReadOnlySpan<char> text, out int value)
        {
            value = 0;
            if (text.Length == 0 || text.Length > 9) return false;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c < '0' || c > '9') { value = 0; return false; }
                value = value * 10 + (c - '0');
            }
            return true;
        }

        // Accepts decimal or 0x-prefixed hexadecimal.
        public static bool TryParseUnsigned(ReadOnlySpan<char> text, out ulong value)
        {
            value = 0;
            int radix = 10;
            if (text.Length > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) { radix = 16; text = text.Slice(2); }
            if (text.Length == 0) return false;
            for (int i = 0; i < text.Length; i++)
            {
                int d = DigitValue(text[i]);
                if (d < 0 || d >= radix) { value = 0; return false; }
                ulong next = value * (ulong)radix + (ulong)d;
                if (next / (ulong)radix != value) { value = 0; return false; }
                value = next;
            }
            return true;
        }

        private static int DigitValue(char c)
        {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'a' && c <= 'f') return c - 'a' + 10;
            if (c >= 'A' && c <= 'F') return c - 'A' + 10;
            return -1;
        }
    }
}
