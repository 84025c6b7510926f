using System;
using Nooks.Abi;
using Nooks.Kernel.Memory;
using Nooks.Kernel.Processes;

namespace Nooks.Kernel.Syscalls
{
    // command(line, buffer): runs a kernel command (nooks/Commands) and copies its output out.
    public static class CommandCalls
    {
        private const long MaxLineLength = 256;

        public static long Run(Process process, long line, long lineLength, long buffer, long capacity)
        {
            if (lineLength < 0 || lineLength > MaxLineLength) return Errno.InvalidArgument;
            if (!UserMemory.TryWrite(process.Space, (ulong)buffer, capacity, out Span<byte> output)) return Errno.BadAddress;
            string text = UserMemory.ReadString(process.Space, (ulong)line, lineLength);
            if (text == null) return Errno.BadAddress;
            string result = Nooks.Commands.KernelCommands.Execute(text);
            KernelHeap.FreeObject(text);
            if (result == null) return Errno.NoSuchEntry;
            int n = result.Length < output.Length ? result.Length : output.Length;
            for (int i = 0; i < n; i++) output[i] = result[i] < 0x80 ? (byte)result[i] : (byte)'?';
            KernelHeap.FreeObject(result);
            return n;
        }
    }
}
