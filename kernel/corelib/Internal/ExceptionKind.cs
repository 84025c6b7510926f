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
        internal static partial void* Allocate(nuint size);
    }
}
