using System.Runtime;
using Nooks.Api;

namespace Internal.Runtime
{
    // The extension's own heap: a BlockHeap over chunks the kernel maps into the extension's
    // domain, so that a `new` costs a kernel call only once per chunk. The chunks go back to the
    // kernel when the extension is unloaded or recovered.
    internal static unsafe partial class RuntimeMemory
    {
        private static BlockHeap heap;

        internal static partial void* Allocate(nuint size) => heap.Allocate(size, &Grow);

        static partial void FreeBlock(void* block)
        {
            if (heap.Free(block) == BlockHeap.FreeResult.AlreadyFree) Kernel.Fail((int)ExceptionKind.Argument);
        }

        private static void* Grow(ulong bytes) => Kernel.Allocate((long)bytes);
    }

    internal static partial class RuntimeFault
    {
        // A managed failure in an extension is the extension's failure: the kernel decides what
        // happens (in an isolated domain: unwind and recover; native: the kernel cannot go on).
        internal static partial void Raise(ExceptionKind kind) => Kernel.Fail((int)kind);
    }
}
