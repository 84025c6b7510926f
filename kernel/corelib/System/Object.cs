using System.Runtime.CompilerServices;
using Internal.Runtime;

namespace System
{
    public unsafe class Object
    {
        // The first field of every object is its MethodTable pointer; ILC lays this out itself.
#pragma warning disable 169
        internal MethodTable* m_pEEType;
#pragma warning restore 169
        public Object() { }
        ~Object() { }
        public virtual bool Equals(object o) => this == o;
        public virtual int GetHashCode() => 0;
        public virtual string ToString() => "object";
        internal MethodTable* GetMethodTable() => m_pEEType;
    }

    public abstract class ValueType { }
    public abstract class Enum : ValueType { }
    public class Attribute { }
    public abstract class Delegate
    {
        // ILC requires exactly these field names for delegate construction.
        internal object _firstParameter;
        internal object _helperObject;
        internal nint _extraFunctionPointerOrData;
        internal IntPtr _functionPointer;

        private void InitializeClosedStaticThunk(object firstParameter, IntPtr functionPointer, IntPtr functionPointerThunk)
        {
            _extraFunctionPointerOrData = (nint)functionPointer;
            _helperObject = firstParameter;
            _functionPointer = functionPointerThunk;
            _firstParameter = this;
        }
        private void InitializeOpenStaticThunk(object firstParameter, IntPtr functionPointer, IntPtr functionPointerThunk)
        {
            _firstParameter = this;
            _functionPointer = functionPointerThunk;
            _extraFunctionPointerOrData = (nint)functionPointer;
        }
        private void InitializeClosedInstance(object firstParameter, IntPtr functionPointer)
        {
            _functionPointer = functionPointer;
            _firstParameter = firstParameter;
        }
    }
    public abstract class MulticastDelegate : Delegate { }

    [Flags]
    public enum AttributeTargets
    {
        Assembly = 0x0001, Module = 0x0002, Class = 0x0004, Struct = 0x0008, Enum = 0x0010,
        Constructor = 0x0020, Method = 0x0040, Property = 0x0080, Field = 0x0100, Event = 0x0200,
        Interface = 0x0400, Parameter = 0x0800, Delegate = 0x1000, ReturnValue = 0x2000,
        GenericParameter = 0x4000, All = 0x7FFF,
    }

    [AttributeUsage(AttributeTargets.Class, Inherited = true)]
    public sealed class AttributeUsageAttribute : Attribute
    {
        public AttributeUsageAttribute(AttributeTargets validOn) { }
        public bool AllowMultiple { get; set; }
        public bool Inherited { get; set; }
    }
    [AttributeUsage(AttributeTargets.Enum)]
    public sealed class FlagsAttribute : Attribute { }
    public sealed class ParamArrayAttribute : Attribute { }
    public sealed class ObsoleteAttribute : Attribute { public ObsoleteAttribute() { } public ObsoleteAttribute(string m) { } public ObsoleteAttribute(string m, bool e) { } }
    public sealed class CLSCompliantAttribute : Attribute { public CLSCompliantAttribute(bool b) { } }
    public sealed class ThreadStaticAttribute : Attribute { }
    public class Exception
    {
        public Exception() { }
        public Exception(string message) { Message = message; }
        public string Message { get; }
    }
    public sealed class RuntimeType { }
    public abstract class Type { }
    public interface IDisposable { void Dispose(); }
}

namespace System.Collections
{
    public interface IEnumerable { }
}
