using System;

namespace Nooks.Kernel.Console
{
    // Cooked terminal input: printable characters are kept and echoed, backspace and DEL erase
    // the last one ("\b \b"), CR, LF or CR LF end the line, other control characters are
    // dropped. Pure logic (no I/O), so the host tests run it as is.
    public sealed class LineDiscipline
    {
        public const char Backspace = '\b', Delete = (char)0x7F, CarriageReturn = '\r', LineFeed = '\n';
        public const string EraseEcho = "\b \b";
        public const string EndOfLineEcho = "\n";
        private const char FirstPrintable = ' ', LastPrintable = '~';

        private bool lastWasCarriageReturn;

        // Feeds one character into `line` (holding `length` characters so far). Returns true when
        // the line is complete. `echo` receives what to show the user (often nothing).
        public bool Feed(char c, Span<char> line, ref int length, out ReadOnlySpan<char> echo)
        {
            echo = default;
            bool swallowLineFeed = lastWasCarriageReturn && c == LineFeed;
            lastWasCarriageReturn = c == CarriageReturn;
            if (swallowLineFeed) return false;
            if (c == CarriageReturn || c == LineFeed) { echo = EndOfLineEcho; return true; }
            if (c == Backspace || c == Delete)
            {
                if (length > 0) { length--; echo = EraseEcho; }
                return false;
            }
            if (c < FirstPrintable || c > LastPrintable || length >= line.Length) return false;
            line[length++] = c;
            echo = line.Slice(length - 1, 1);
            return false;
        }
    }
}
