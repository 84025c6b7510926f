using System.Runtime.CompilerServices;

namespace Nooks.Kernel.Memory
{
    // There is no collector: code that creates objects per operation (per extension load, per
    // process) gives them back explicitly, so that repeated cycles do not leak.
    public static unsafe class ObjectMemory
    {
        // Matches System.Runtime.RuntimeExports: every object is preceded by one header word,
        // and its heap block starts there.
        private const int ObjectHeaderSize = 8;

        public static void Free(object o)
        {
            if (o == null) return;
            KernelHeap.Free(BlockOf(o));
        }

        // For values that may be heap objects or frozen literals in the image (strings):
        // only heap blocks go back.
        public static void FreeIfHeap(object o)
        {
            if (o != null && KernelHeap.IsLiveBlock(BlockOf(o))) KernelHeap.Free(BlockOf(o));
        }

        private static byte* BlockOf(object o) => *(byte**)Unsafe.AsPointer(ref o) - ObjectHeaderSize;
    }
}
