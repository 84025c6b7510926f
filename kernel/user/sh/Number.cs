namespace Nooks.User
{
    internal static class Number
    {
        // A decimal integer, optionally negative; false for anything else or on overflow.
        public static bool TryParse(string text, out long value)
        {
            value = 0;
            int i = text.Length > 0 && text[0] == '-' ? 1 : 0;
            if (i == text.Length) return false;
            const long Limit = long.MaxValue / 10;
            for (; i < text.Length; i++)
            {
                char c = text[i];
                if (c < '0' || c > '9' || value > Limit) return false;
                value = value * 10 + (c - '0');
            }
            if (text[0] == '-') value = -value;
            return true;
        }
    }
}
