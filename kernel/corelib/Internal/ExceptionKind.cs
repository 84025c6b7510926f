namespace Internal.Runtime
{
    // Why managed code could not go on. Each image decides what a failure means: the kernel
    // panics, an extension's domain faults and is recovered, a user process is killed.
    public enum ExceptionKind
    {
        Thrown = 1,
        IndexOutOfRange,
        NullReference,
        DivideByZero,
        Overflow,
        InvalidCast,
        ArrayTypeMismatch,
        ArgumentOutOfRange,
        Argument,
        OutOfMemory,
        NotSupported,
        BodyRemoved,
        FailFast,
        TypeLoad,
        EntryPointNotFound,
        AmbiguousImplementation,
    }

    // Supplied by each image (kernel, extension, user program).
    internal static partial class RuntimeFault
    {
        internal static partial void Raise(ExceptionKind kind);
    }

    // Supplied by each image: where the image's objects live.
    internal static unsafe partial class RuntimeMemory
    {
        // Matches RuntimeExports: an object's heap block starts one header word before it.
        private const int ObjectHeaderSize = 8;

        internal static partial void* Allocate(nuint size);

        // Optional: images that can give memory back implement it (there is no collector, so
        // code on repeating paths returns what it allocated).
        static partial void FreeBlock(void* block);

        internal static void Free(object o)
        {
            if (o == null) return;
            byte* obj = *(byte**)System.Runtime.CompilerServices.Unsafe.AsPointer(ref o);
            FreeBlock(obj - ObjectHeaderSize);
        }
    }
}
