using Nooks.Kernel;
using Nooks.Kernel.Memory;

namespace Internal.Runtime
{
    internal static unsafe partial class RuntimeMemory
    {
        internal static partial void* Allocate(nuint size) => KernelHeap.Allocate(size);

        static partial void FreeBlock(void* block) => KernelHeap.Free(block);
    }

    internal static partial class RuntimeFault
    {
        // There is no unwinder in the kernel: a failed check in kernel code is a kernel bug.
        internal static partial void Raise(ExceptionKind kind) => Panic.Halt($"managed exception in the kernel: {ExceptionNames.Of(kind)}");
    }
}
