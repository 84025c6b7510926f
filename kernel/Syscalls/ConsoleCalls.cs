using System;
using Nooks.Abi;
using Nooks.Kernel.Console;
using Nooks.Kernel.Processes;

namespace Nooks.Kernel.Syscalls
{
    // read and write on the console: fd 0 in, fds 1 and 2 out.
    public static class ConsoleCalls
    {
        private const long StandardInput = 0, StandardOutput = 1, StandardError = 2;
        private const int ChunkChars = 256;
        private const int MaxLine = 1024;

        public static long Write(Process process, long fd, long buffer, long length)
        {
            if (fd != StandardOutput && fd != StandardError) return Errno.BadFileDescriptor;
            if (!UserMemory.TryRead(process.Space, (ulong)buffer, length, out ReadOnlySpan<byte> bytes)) return Errno.BadAddress;
            Span<char> chunk = stackalloc char[ChunkChars];
            for (int done = 0; done < bytes.Length; done += ChunkChars)
            {
                int n = bytes.Length - done < ChunkChars ? bytes.Length - done : ChunkChars;
                for (int i = 0; i < n; i++) chunk[i] = (char)bytes[done + i];
                Terminal.Write(chunk.Slice(0, n));
            }
            return bytes.Length;
        }

        public static long Read(Process process, long fd, long buffer, long capacity)
        {
            if (fd != StandardInput) return Errno.BadFileDescriptor;
            if (!UserMemory.TryWrite(process.Space, (ulong)buffer, capacity, out Span<byte> bytes)) return Errno.BadAddress;
            Span<char> line = stackalloc char[MaxLine];
            int n = ConsoleInput.ReadLine(line.Slice(0, bytes.Length < MaxLine ? bytes.Length : MaxLine));
            for (int i = 0; i < n; i++) bytes[i] = line[i] < 0x80 ? (byte)line[i] : (byte)'?';
            return n;
        }
    }
}
