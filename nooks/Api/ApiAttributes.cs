using System;

namespace Nooks.Api
{
    // The vocabulary of the extension API declaration (KernelApi.cs). The source generator in
    // nooks/Generator reads these attributes to produce, from one declaration per call, the
    // extension-side imports, the kernel's ABI table, the native bindings and the checking
    // wrappers used in isolated mode.

    // Marks the interface whose methods are the kernel calls extensions may import.
    [AttributeUsage(AttributeTargets.Interface)]
    public sealed class KernelApiAttribute : Attribute
    {
        public KernelApiAttribute(int version) { }
    }

    // The symbol an extension imports for this call.
    [AttributeUsage(AttributeTargets.Method)]
    public sealed class KernelCallAttribute : Attribute
    {
        public KernelCallAttribute(string symbol) { }
        // Calls that hand work to the kernel without waiting for it (packets up, transmit
        // completions) may be queued in the domain and delivered in one batch.
        public bool Deferrable;
        // Calls that may block the caller (sleeping, mutexes) are refused while the extension
        // holds a spinning lock or has interrupts off.
        public bool MayBlock;
    }

    // A pointer the kernel reads `lengthParameter` bytes from.
    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class InBufferAttribute : Attribute
    {
        public InBufferAttribute(string lengthParameter) { }
    }

    // A pointer the kernel writes up to `lengthParameter` bytes to: it must be memory the
    // domain owns and may write.
    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class OutBufferAttribute : Attribute
    {
        public OutBufferAttribute(string lengthParameter) { }
    }

    // A pointer to one blittable struct the kernel reads (In) or writes (Out).
    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class InStructAttribute : Attribute { }

    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class OutStructAttribute : Attribute { }

    // A handle or pointer to a kernel object of `kind` that the calling extension must hold.
    // With Releases = true the call gives it back and the object tracker forgets it.
    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class HandleAttribute : Attribute
    {
        public HandleAttribute(ObjectKind kind) { }
        public bool Releases;
    }

    // The call returns a new kernel object of `kind`, recorded in the caller's tracker.
    [AttributeUsage(AttributeTargets.Method)]
    public sealed class CreatesAttribute : Attribute
    {
        public CreatesAttribute(ObjectKind kind) { }
    }

    // A function pointer into the extension that the kernel will call later (through XPC when
    // the extension is isolated); recorded in the tracker as an entry point.
    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class EntryPointAttribute : Attribute { }

    // A size or count with a sanity bound; larger values are refused as bad calls.
    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class AtMostAttribute : Attribute
    {
        public AtMostAttribute(long maximum) { }
    }
}
