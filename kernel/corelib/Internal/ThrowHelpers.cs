using Internal.Runtime;

namespace Internal.Runtime.CompilerHelpers
{
    // ILC calls these where generated code detects a failure; there is no unwinder, so every
    // throw ends the image's current work through RuntimeFault.
    internal static class ThrowHelpers
    {
        public static void ThrowOverflowException() => RuntimeFault.Raise(ExceptionKind.Overflow);
        public static void ThrowIndexOutOfRangeException() => RuntimeFault.Raise(ExceptionKind.IndexOutOfRange);
        public static void ThrowNullReferenceException() => RuntimeFault.Raise(ExceptionKind.NullReference);
        public static void ThrowDivideByZeroException() => RuntimeFault.Raise(ExceptionKind.DivideByZero);
        public static void ThrowArrayTypeMismatchException() => RuntimeFault.Raise(ExceptionKind.ArrayTypeMismatch);
        public static void ThrowPlatformNotSupportedException() => RuntimeFault.Raise(ExceptionKind.NotSupported);
        public static void ThrowTypeLoadException() => RuntimeFault.Raise(ExceptionKind.TypeLoad);
        public static void ThrowTypeLoadExceptionWithArgument() => RuntimeFault.Raise(ExceptionKind.TypeLoad);
        public static void ThrowArgumentException() => RuntimeFault.Raise(ExceptionKind.Argument);
        public static void ThrowArgumentOutOfRangeException() => RuntimeFault.Raise(ExceptionKind.ArgumentOutOfRange);
        public static void ThrowInvalidCastException() => RuntimeFault.Raise(ExceptionKind.InvalidCast);
        public static void ThrowInvalidProgramException() => RuntimeFault.Raise(ExceptionKind.NotSupported);
        public static void ThrowInvalidProgramExceptionWithArgument() => RuntimeFault.Raise(ExceptionKind.NotSupported);
        public static void ThrowMissingMethodException() => RuntimeFault.Raise(ExceptionKind.TypeLoad);
        public static void ThrowMissingFieldException() => RuntimeFault.Raise(ExceptionKind.TypeLoad);
        public static void ThrowFileNotFoundException() => RuntimeFault.Raise(ExceptionKind.TypeLoad);
        public static void ThrowBadImageFormatException() => RuntimeFault.Raise(ExceptionKind.TypeLoad);
        public static void ThrowAmbiguousMatchException() => RuntimeFault.Raise(ExceptionKind.TypeLoad);
        public static void ThrowNotSupportedInlineArrayEqualityException() => RuntimeFault.Raise(ExceptionKind.NotSupported);
        public static void ThrowBodyRemoved() => RuntimeFault.Raise(ExceptionKind.BodyRemoved);
        public static void ThrowFeatureBodyRemoved() => RuntimeFault.Raise(ExceptionKind.BodyRemoved);
        public static void ThrowInstanceBodyRemoved() => RuntimeFault.Raise(ExceptionKind.BodyRemoved);
        public static void ThrowUnavailableType() => RuntimeFault.Raise(ExceptionKind.TypeLoad);
    }

    // ILC looks this type up by name; images run their own startup (see Runtime/ImageStartup.cs).
    internal static class StartupCodeHelpers { }
}

namespace System.Runtime.InteropServices
{
    public interface IDynamicInterfaceCastable
    {
        static RuntimeTypeHandle GetDynamicInterfaceImplementation(IDynamicInterfaceCastable instance, RuntimeTypeHandle interfaceType) => default;
    }
}
