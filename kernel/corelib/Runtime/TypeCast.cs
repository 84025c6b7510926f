using System.Runtime.CompilerServices;
using Internal.Runtime;

namespace System.Runtime
{
    // Cast and array-store checks. Exact identity, the base-type chain and the interface map
    // cover the kernel's types; generic variance is not supported.
    internal static unsafe class TypeCast
    {
        private static bool Implements(MethodTable* type, MethodTable* target)
        {
            for (MethodTable* t = type; t != null; t = t->BaseType)
            {
                if (t == target) return true;
                if (target->IsInterface)
                {
                    MethodTable** map = t->InterfaceMap;
                    for (int i = 0; i < t->NumInterfaces; i++)
                        if (map[i] == target) return true;
                }
            }
            return false;
        }

        public static object IsInstanceOfAny(MethodTable* target, object obj) =>
            obj == null || Implements(obj.GetMethodTable(), target) ? obj : null;
        public static object IsInstanceOfInterface(MethodTable* target, object obj) => IsInstanceOfAny(target, obj);
        public static object IsInstanceOfClass(MethodTable* target, object obj) => IsInstanceOfAny(target, obj);
        public static object IsInstanceOfException(MethodTable* target, object obj) => IsInstanceOfAny(target, obj);

        public static object CheckCastAny(MethodTable* target, object obj)
        {
            if (obj != null && !Implements(obj.GetMethodTable(), target)) RuntimeFault.Raise(ExceptionKind.InvalidCast);
            return obj;
        }
        public static object CheckCastInterface(MethodTable* target, object obj) => CheckCastAny(target, obj);
        public static object CheckCastClass(MethodTable* target, object obj) => CheckCastAny(target, obj);
        public static object CheckCastClassSpecial(MethodTable* target, object obj) => CheckCastAny(target, obj);

        public static void StelemRef(object[] array, nint index, object obj)
        {
            if (array == null) RuntimeFault.Raise(ExceptionKind.NullReference);
            if ((nuint)index >= (uint)array.Length) RuntimeFault.Raise(ExceptionKind.IndexOutOfRange);
            if (obj != null && !Implements(obj.GetMethodTable(), array.GetMethodTable()->RelatedType))
                RuntimeFault.Raise(ExceptionKind.ArrayTypeMismatch);
            Unsafe.Add(ref Unsafe.As<byte, object>(ref Unsafe.As<RawArrayData>(array).Data), index) = obj;
        }

        public static ref object LdelemaRef(object[] array, nint index, MethodTable* elementType)
        {
            if (array == null) RuntimeFault.Raise(ExceptionKind.NullReference);
            if ((nuint)index >= (uint)array.Length) RuntimeFault.Raise(ExceptionKind.IndexOutOfRange);
            if (elementType != array.GetMethodTable()->RelatedType) RuntimeFault.Raise(ExceptionKind.ArrayTypeMismatch);
            return ref Unsafe.Add(ref Unsafe.As<byte, object>(ref Unsafe.As<RawArrayData>(array).Data), index);
        }
    }
}
