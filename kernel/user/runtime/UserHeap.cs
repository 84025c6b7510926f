using System.Runtime;
using Nooks.Abi;
using Nooks.User;

namespace Internal.Runtime
{
    // The program's objects, in a BlockHeap over the heap region the kernel grows on request.
    // Long-running programs (the shell) free what they allocate per command (Memory.Free).
    internal static unsafe partial class RuntimeMemory
    {
        private static BlockHeap heap;

        internal static partial void* Allocate(nuint size) => heap.Allocate(size, &Grow);

        static partial void FreeBlock(void* block)
        {
            if (heap.Free(block) == BlockHeap.FreeResult.AlreadyFree) RuntimeFault.Raise(ExceptionKind.Argument);
        }

        private static void* Grow(ulong bytes)
        {
            long start = Kernel.Call(SystemCall.GrowHeap, (long)bytes);
            return start < 0 ? null : (void*)start;
        }
    }
}
