using Nooks.Abi;

namespace Nooks.User
{
    // The recovery agent's policy, read from its config file (the boot module agent.conf, then
    // agent.local.conf if present; a later line overrides an earlier one). One directive a line,
    // words separated by spaces, `#` starts a comment:
    //
    //   restart                                   default action: the kernel restarts a failed extension
    //   disable                                   default action: the kernel disables it instead
    //   disable-after FAILURES SECONDS            an extension failing more than FAILURES times
    //                                             within SECONDS is disabled (`nooks policy limit`)
    //   fallback NAME native|isolated after N     after N faults of NAME, the agent reloads it in
    //                                             that mode (rmmod NAME; insmod NAME --MODE)
    //
    // A bad line is reported (Errors, naming the file and line) and skipped; the rest applies.
    // Compiled into the agent and into the host tests, so it uses only what both the OS's core
    // library and .NET offer.
    public sealed class AgentConfig
    {
        public const int MaxFallbacks = 8;
        public const int MaxErrors = 16;
        public const int MaxNumber = 1000000;
        private const int MaxWords = 8;

        public bool DisableByDefault;
        public bool ActionSet;                  // `restart` or `disable` appeared
        public int DisableFailures = -1;        // -1: no `disable-after` (the kernel keeps its own)
        public int DisableSeconds;
        public readonly string[] FallbackNames = new string[MaxFallbacks];
        public readonly bool[] FallbackNative = new bool[MaxFallbacks];
        public readonly int[] FallbackAfter = new int[MaxFallbacks];
        public int FallbackCount;
        public readonly string[] Errors = new string[MaxErrors];
        public int ErrorCount;
        public int Directives;                  // lines accepted

        private readonly string[] words = new string[MaxWords];

        // Reads `text` (the contents of the file called `source`, for messages).
        public void Parse(string source, string text)
        {
            int lineNumber = 0;
            for (int start = 0; start < text.Length;)
            {
                int end = start;
                while (end < text.Length && text[end] != '\n') end++;
                lineNumber++;
                ParseLine(source, lineNumber, text, start, end);
                start = end + 1;
            }
        }

        // The fallback rule for `name`, or -1.
        public int FindFallback(string name)
        {
            for (int i = 0; i < FallbackCount; i++) if (FallbackNames[i] == name) return i;
            return -1;
        }

        private void ParseLine(string source, int lineNumber, string text, int start, int end)
        {
            int count = 0;
            bool tooMany = false;
            for (int i = start; i < end;)
            {
                char c = text[i];
                if (c == '#') break;
                if (c == ' ' || c == '\t' || c == '\r') { i++; continue; }
                int wordEnd = i;
                while (wordEnd < end && text[wordEnd] != ' ' && text[wordEnd] != '\t' && text[wordEnd] != '\r' && text[wordEnd] != '#') wordEnd++;
                if (count < MaxWords) words[count++] = text.Substring(i, wordEnd - i);
                else tooMany = true;
                i = wordEnd;
            }
            if (count == 0) return;
            string directive = words[0];
            if (tooMany) Error(source, lineNumber, $"too many words for '{directive}'");
            else if (directive == "restart" || directive == "disable")
            {
                if (count != 1) Error(source, lineNumber, $"'{directive}' takes no arguments");
                else { DisableByDefault = directive == "disable"; ActionSet = true; Directives++; }
            }
            else if (directive == "disable-after")
            {
                if (count != 3 || !TryParseCount(words[1], out int failures) || !TryParseCount(words[2], out int seconds))
                    Error(source, lineNumber, "usage: disable-after FAILURES SECONDS (whole numbers, SECONDS at least 1)");
                else if (seconds == 0) Error(source, lineNumber, "disable-after: SECONDS must be at least 1");
                else if (failures > RecoveryLimits.MaxFailuresInWindow || seconds > RecoveryLimits.MaxWindowSeconds)
                    Error(source, lineNumber, $"disable-after: FAILURES at most {RecoveryLimits.MaxFailuresInWindow}, SECONDS at most {RecoveryLimits.MaxWindowSeconds}");
                else { DisableFailures = failures; DisableSeconds = seconds; Directives++; }
            }
            else if (directive == "fallback")
            {
                if (count != 5 || (words[2] != "native" && words[2] != "isolated") || words[3] != "after" || !TryParseCount(words[4], out int after) || after == 0)
                    Error(source, lineNumber, "usage: fallback NAME native|isolated after FAILURES (FAILURES at least 1)");
                else AddFallback(source, lineNumber, words[1], words[2] == "native", after);
            }
            else Error(source, lineNumber, $"unknown directive '{directive}' (expected restart, disable, disable-after or fallback)");
            for (int i = 0; i < count; i++) words[i] = "";   // read once at start: not worth freeing
        }

        private void AddFallback(string source, int lineNumber, string name, bool native, int after)
        {
            int i = FindFallback(name);
            if (i < 0)
            {
                if (FallbackCount == MaxFallbacks) { Error(source, lineNumber, $"too many fallback rules (at most {MaxFallbacks})"); return; }
                i = FallbackCount++;
                FallbackNames[i] = name;
            }
            FallbackNative[i] = native;
            FallbackAfter[i] = after;
            Directives++;
        }

        private void Error(string source, int lineNumber, string message)
        {
            if (ErrorCount < MaxErrors) Errors[ErrorCount++] = $"{source} line {lineNumber}: {message}";
        }

        // A whole number from 0 to MaxNumber.
        public static bool TryParseCount(string text, out int value)
        {
            value = 0;
            if (text.Length == 0 || text.Length > 7) return false;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c < '0' || c > '9') { value = 0; return false; }
                value = value * 10 + (c - '0');
            }
            if (value > MaxNumber) { value = 0; return false; }
            return true;
        }
    }
}
