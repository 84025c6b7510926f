#nullable disable
using System;

namespace Nooks.Kernel.Boot
{
    // Reading the kernel command line: space-separated words, some of them `key=value`.
    public static class CommandLineOptions
    {
        // True if `word` is one of the line's words.
        public static bool Has(string commandLine, string word)
        {
            ReadOnlySpan<char> line = commandLine;
            for (int start = 0; start < line.Length;)
            {
                int end = start;
                while (end < line.Length && line[end] != ' ') end++;
                if (line.Slice(start, end - start).SequenceEqual(word)) return true;
                start = end + 1;
            }
            return false;
        }

        // The value of the word starting with `key` (which ends in '='), or null.
        public static string Value(string commandLine, string key)
        {
            ReadOnlySpan<char> s = commandLine;
            for (int i = 0; i + key.Length <= s.Length; i++)
            {
                if ((i > 0 && s[i - 1] != ' ') || !s.Slice(i, key.Length).SequenceEqual(key)) continue;
                ReadOnlySpan<char> value = s.Slice(i + key.Length);
                int end = value.IndexOf(' ');
                return new string(end < 0 ? value : value.Slice(0, end));
            }
            return null;
        }
    }
}
