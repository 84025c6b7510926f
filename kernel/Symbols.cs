using System.Runtime;
using System.Runtime.CompilerServices;
using Nooks.Kernel.Console;
using Nooks.Kernel.Memory;

namespace Nooks.Kernel
{
    // Resolves kernel code addresses to method names through the symbol table that build.sh links
    // into the image (.ksyms: addresses sorted ascending, each with a NUL-terminated name).
    public static unsafe class Symbols
    {
        private struct Entry { public ulong Address; public byte* Name; }
        private struct Table { public ulong Count; }

        private const int MaxBacktraceFrames = 16;

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "k_ksyms")]
        private static extern Table* Get();

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "k_read_rbp")]
        public static extern ulong CurrentFramePointer();

        public static int Count => (int)Get()->Count;

        // "Method+0xoffset", or "?" outside kernel code.
        public static string Describe(ulong address)
        {
            Table* t = Get();
            Entry* entries = (Entry*)(t + 1);
            if (!KernelLayout.IsText(address) || t->Count == 0) return "?";
            long lo = 0, hi = (long)t->Count - 1, best = -1;
            while (lo <= hi)
            {
                long mid = (lo + hi) / 2;
                if (entries[mid].Address <= address) { best = mid; lo = mid + 1; }
                else hi = mid - 1;
            }
            if (best < 0) return "?";
            return $"{CString(entries[best].Name)}+0x{address - entries[best].Address:x}";
        }

        private static string CString(byte* p)
        {
            int n = 0;
            while (p[n] != 0) n++;
            System.Span<char> chars = n <= 512 ? stackalloc char[n] : new char[n];
            for (int i = 0; i < n; i++) chars[i] = (char)p[i];
            return new string(chars);
        }

        // Follows saved frame pointers while they stay inside the kernel's identity map.
        public static void WriteBacktrace(ulong rbp)
        {
            for (int i = 0; i < MaxBacktraceFrames && rbp != 0 && rbp % 8 == 0; i++)
            {
                if (!KernelStacks.IsReadable(rbp) || !KernelStacks.IsReadable(rbp + 8)) break;
                ulong ret = ((ulong*)rbp)[1];
                if (!KernelLayout.IsText(ret)) break;
                Terminal.WriteRaw($"      {ret:x16} {Describe(ret)}\n");
                rbp = *(ulong*)rbp;
            }
        }
    }
}
