using System;
using Nooks.Abi;

namespace Nooks.User
{
    // Standard input, output and error: the kernel's console.
    public static unsafe class Console
    {
        private const long StandardInput = 0, StandardOutput = 1, StandardError = 2;
        private const int ChunkBytes = 256;
        private const int LineCapacity = 256;

        public static void Write(string text) => WriteTo(StandardOutput, text);
        public static void WriteLine(string text) { Write(text); Write("\n"); }
        public static void Error(string text) => WriteTo(StandardError, text);

        private static void WriteTo(long fd, ReadOnlySpan<char> text)
        {
            byte* chunk = stackalloc byte[ChunkBytes];
            while (text.Length > 0)
            {
                int n = text.Length < ChunkBytes ? text.Length : ChunkBytes;
                Text.Encode(text.Slice(0, n), new Span<byte>(chunk, n));
                Kernel.Call(SystemCall.Write, fd, (long)chunk, n);
                text = text.Slice(n);
            }
        }

        // One line from the console, without its end; null if input failed.
        public static string ReadLine()
        {
            byte* line = stackalloc byte[LineCapacity];
            long n = Kernel.Call(SystemCall.Read, StandardInput, (long)line, LineCapacity);
            return n < 0 ? null : Text.Decode(new ReadOnlySpan<byte>(line, (int)n));
        }
    }
}
