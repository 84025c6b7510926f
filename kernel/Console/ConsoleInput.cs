using System;
using Nooks.Kernel.Arch;

namespace Nooks.Kernel.Console
{
    // Lines typed on the serial console, cooked: characters are echoed, backspace erases, Enter
    // ends the line. Polls the UART; the threads branch replaces this with a version that
    // sleeps on the receive interrupt.
    public static class ConsoleInput
    {
        private const byte Backspace = 0x08, Delete = 0x7F, CarriageReturn = 0x0D, LineFeed = 0x0A;
        private const byte FirstPrintable = 0x20;

        // Reads one line (without its end) into `line`; returns its length.
        public static int ReadLine(Span<char> line)
        {
            int n = 0;
            while (true)
            {
                if (!Serial.TryRead(out byte b)) { Cpu.Pause(); continue; }
                if (b == CarriageReturn || b == LineFeed) { Terminal.Write("\n"); return n; }
                if (b == Backspace || b == Delete)
                {
                    if (n > 0) { n--; Terminal.Write("\b \b"); }
                    continue;
                }
                if (b < FirstPrintable || n == line.Length) continue;
                line[n++] = (char)b;
                Span<char> echo = stackalloc char[1];
                echo[0] = (char)b;
                Terminal.Write(echo);
            }
        }
    }
}
