using System;
using Nooks.Abi;
using Nooks.Kernel.Memory;
using Nooks.Kernel.Processes;

namespace Nooks.Kernel.Syscalls
{
    // System calls that take a name or a line from the caller and answer with text copied into
    // the caller's buffer as ASCII (info reports, kernel commands). Both arguments are checked
    // before anything runs; the answer belongs to the caller of `answer` and is freed here.
    public static unsafe class TextExchange
    {
        // Returns the answer's whole length (it may exceed `capacity`; what fits is copied), or
        // NoSuchEntry if `answer` returned null, or an argument error.
        public static long Run(Process process, long text, long textLength, long maxTextLength, long buffer, long capacity,
            delegate*<string, string> answer, out int copied)
        {
            copied = 0;
            if (textLength < 0 || textLength > maxTextLength) return Errno.InvalidArgument;
            if (!UserMemory.TryWrite(process.Space, (ulong)buffer, capacity, out Span<byte> output)) return Errno.BadAddress;
            string request = UserMemory.ReadString(process.Space, (ulong)text, textLength);
            if (request == null) return Errno.BadAddress;
            string reply = answer(request);
            KernelHeap.FreeObject(request);
            if (reply == null) return Errno.NoSuchEntry;
            copied = reply.Length < output.Length ? reply.Length : output.Length;
            for (int i = 0; i < copied; i++) output[i] = reply[i] < 0x80 ? (byte)reply[i] : (byte)'?';
            long length = reply.Length;
            KernelHeap.FreeObject(reply);
            return length;
        }
    }
}
