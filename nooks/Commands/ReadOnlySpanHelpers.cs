using System;

namespace Nooks.Commands
{
    public static class ReadOnlySpanHelpers
    {
        // "name  rest of line" -> ("name", "rest of line"), trimmed.
        public static void SplitFirstWord(string line, out string first, out string rest)
        {
            ReadOnlySpan<char> s = ((ReadOnlySpan<char>)line).Trim();
            int space = s.IndexOf(' ');
            if (space < 0) { first = new string(s); rest = ""; return; }
            first = new string(s.Slice(0, space));
            rest = new string(s.Slice(space + 1).Trim());
        }
    }
}
