namespace Internal.Runtime
{
    public static class ExceptionNames
    {
        public static string Of(ExceptionKind kind) => kind switch
        {
            ExceptionKind.Thrown => "exception thrown",
            ExceptionKind.IndexOutOfRange => "index out of range",
            ExceptionKind.NullReference => "null reference",
            ExceptionKind.DivideByZero => "divide by zero",
            ExceptionKind.Overflow => "arithmetic overflow",
            ExceptionKind.InvalidCast => "invalid cast",
            ExceptionKind.ArrayTypeMismatch => "array type mismatch",
            ExceptionKind.ArgumentOutOfRange => "argument out of range",
            ExceptionKind.Argument => "bad argument",
            ExceptionKind.OutOfMemory => "out of memory",
            ExceptionKind.NotSupported => "not supported",
            ExceptionKind.BodyRemoved => "method body removed by the compiler",
            ExceptionKind.FailFast => "fail fast",
            ExceptionKind.TypeLoad => "type load failure",
            ExceptionKind.EntryPointNotFound => "interface method has no implementation (re-abstracted)",
            ExceptionKind.AmbiguousImplementation => "ambiguous default interface implementation (diamond)",
            _ => "unknown failure",
        };
    }
}
