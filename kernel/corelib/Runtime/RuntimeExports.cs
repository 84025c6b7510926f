using System.Runtime.CompilerServices;
using Internal.Runtime;

namespace System.Runtime
{
    // The allocation and failure helpers generated code calls by symbol name.
    internal static unsafe class RuntimeExports
    {
        // Every object is preceded by a header word that BaseSize already counts.
        private const int ObjectHeaderSize = 8;
        private const int ArrayLengthOffset = 8;

        private static object AllocateZeroed(MethodTable* type, nuint size)
        {
            size = (size + 7) & ~(nuint)7;
            byte* block = (byte*)RuntimeMemory.Allocate(size + ObjectHeaderSize);
            if (block == null) RuntimeFault.Raise(ExceptionKind.OutOfMemory);
            for (nuint i = 0; i < size + ObjectHeaderSize; i++) block[i] = 0;
            byte* obj = block + ObjectHeaderSize;
            *(MethodTable**)obj = type;
            return Unsafe.Read<object>(&obj);
        }

        [RuntimeExport("RhpNewFast")]
        private static object RhpNewFast(MethodTable* type) => AllocateZeroed(type, type->BaseSize);

        [RuntimeExport("RhpNewFinalizable")]
        private static object RhpNewFinalizable(MethodTable* type) => AllocateZeroed(type, type->BaseSize);

        [RuntimeExport("RhpNewArrayFast")]
        private static object RhpNewArrayFast(MethodTable* type, int length) => NewArray(type, length);

        [RuntimeExport("RhpNewPtrArrayFast")]
        private static object RhpNewPtrArrayFast(MethodTable* type, int length) => NewArray(type, length);

        [RuntimeExport("RhpNewArray")]
        private static object RhpNewArray(MethodTable* type, int length) => NewArray(type, length);

        [RuntimeExport("RhNewString")]
        private static object RhNewString(MethodTable* type, int length) => NewArray(type, length);

        private static object NewArray(MethodTable* type, int length)
        {
            if (length < 0) RuntimeFault.Raise(ExceptionKind.Overflow);
            nuint size = type->BaseSize + (nuint)length * type->ComponentSize;
            object array = AllocateZeroed(type, size);
            byte* obj = *(byte**)Unsafe.AsPointer(ref array);
            *(int*)(obj + ArrayLengthOffset) = length;
            return array;
        }

        internal static object AllocateString(int length)
        {
            string empty = "";
            return NewArray(empty.GetMethodTable(), length);
        }

        [RuntimeExport("RhpNewObject")]
        internal static object RhNewObject(MethodTable* type) => AllocateZeroed(type, type->BaseSize);

        [RuntimeExport("RhBox")]
        private static object RhBox(MethodTable* type, ref byte data)
        {
            object box = AllocateZeroed(type, type->BaseSize);
            byte* dst = *(byte**)Unsafe.AsPointer(ref box) + sizeof(nint);
            byte* src = (byte*)Unsafe.AsPointer(ref data);
            uint payload = type->BaseSize - ObjectHeaderSize - (uint)sizeof(nint);
            for (uint i = 0; i < payload; i++) dst[i] = src[i];
            return box;
        }

        [RuntimeExport("RhUnbox2")]
        private static ref byte RhUnbox2(MethodTable* type, object obj)
        {
            if (obj == null) RuntimeFault.Raise(ExceptionKind.NullReference);
            if (obj.GetMethodTable() != type) RuntimeFault.Raise(ExceptionKind.InvalidCast);
            byte* p = *(byte**)Unsafe.AsPointer(ref obj) + sizeof(nint);
            return ref *p;
        }

        [RuntimeExport("RhpThrowEx")]
        private static void RhpThrowEx(object exception) => RuntimeFault.Raise(ExceptionKind.Thrown);

        [RuntimeExport("RhpRethrow")]
        private static void RhpRethrow() => RuntimeFault.Raise(ExceptionKind.Thrown);

        [RuntimeExport("RhpFallbackFailFast")]
        private static void RhpFallbackFailFast() => RuntimeFault.Raise(ExceptionKind.FailFast);

        [RuntimeExport("RhpFailFast")]
        private static void RhpFailFast() => RuntimeFault.Raise(ExceptionKind.FailFast);
    }
}
