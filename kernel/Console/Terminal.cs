using Nooks.Kernel.Arch;

namespace Nooks.Kernel.Console
{
    // Output to the serial console, translating "\n" to CR LF for terminals.
    public static class Terminal
    {
        public static void WriteRaw(System.ReadOnlySpan<char> text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '\n') Serial.Write((byte)'\r');
                Serial.Write(c < 0x80 ? (byte)c : (byte)'?');
            }
        }

        public static void Write(System.Runtime.CompilerServices.DefaultInterpolatedStringHandler text)
        {
            string s = text.ToStringAndClear();
            Write(s);
            Memory.KernelHeap.FreeObject(s);
        }

        public static void Write(System.ReadOnlySpan<char> text)
        {
            ulong flags = Cpu.SaveAndDisableInterrupts();
            WriteRaw(text);
            Cpu.RestoreInterrupts(flags);
        }
    }
}
