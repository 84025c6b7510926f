using Nooks.Abi;
using Nooks.User;

namespace Internal.Runtime
{
    // The program's objects: a bump allocator over memory the kernel adds to the heap region in
    // chunks. Nothing is collected or freed; programs are short-lived. Plain statics only: this
    // runs while the image's GC statics are being made.
    internal static unsafe partial class RuntimeMemory
    {
        private const ulong ChunkBytes = 64 * 1024;
        private const ulong Alignment = 16;
        private static ulong next, limit;

        internal static partial void* Allocate(nuint size)
        {
            ulong bytes = ((ulong)size + Alignment - 1) & ~(Alignment - 1);
            if (bytes > limit - next)
            {
                ulong grow = bytes > ChunkBytes ? (bytes + ChunkBytes - 1) & ~(ChunkBytes - 1) : ChunkBytes;
                long start = Kernel.Call(SystemCall.GrowHeap, (long)grow);
                if (start < 0) return null;
                // The heap is contiguous: a new chunk extends the current one.
                if ((ulong)start != limit) next = (ulong)start;
                limit = (ulong)start + grow;
            }
            void* result = (void*)next;
            next += bytes;
            return result;
        }
    }
}
