using Nooks.Api;

namespace Internal.Runtime
{
    // The extension's own heap: objects are carved from chunks the kernel maps into the
    // extension's domain, so that a `new` costs a kernel call only once per chunk. Objects are
    // never freed (there is no collector); chunks go back to the kernel when the extension is
    // unloaded or recovered. Only non-GC statics: this runs while the image's statics are made.
    internal static unsafe partial class RuntimeMemory
    {
        private const long ChunkSize = 64 * 1024;
        private const nuint Alignment = 16;
        private static byte* cursor;
        private static byte* limit;

        internal static partial void* Allocate(nuint size)
        {
            size = (size + Alignment - 1) & ~(Alignment - 1);
            if (cursor == null || (nuint)(limit - cursor) < size)
            {
                long chunk = (long)size > ChunkSize ? (long)size : ChunkSize;
                byte* fresh = (byte*)Kernel.Allocate(chunk);
                if (fresh == null) return null;
                // A large object gets its own chunk; the current chunk keeps serving small ones.
                if ((long)size > ChunkSize / 2) return fresh;
                cursor = fresh;
                limit = fresh + chunk;
            }
            void* result = cursor;
            cursor += size;
            return result;
        }
    }

    internal static partial class RuntimeFault
    {
        // A managed failure in an extension is the extension's failure: the kernel decides what
        // happens (in an isolated domain: unwind and recover; native: the kernel cannot go on).
        internal static partial void Raise(ExceptionKind kind) => Kernel.Fail((int)kind);
    }
}
