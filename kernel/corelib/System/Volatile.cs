using System.Runtime.CompilerServices;

namespace System.Threading
{
    // Reads and writes the compiler may not remove, merge or reorder with other volatile
    // accesses: device registers and memory shared with other CPUs. Each goes through a
    // volatile field, which makes the IL carry the volatile. prefix.
    public static class Volatile
    {
        private struct VolatileByte { public volatile byte Value; }
        private struct VolatileUInt16 { public volatile ushort Value; }
        private struct VolatileUInt32 { public volatile uint Value; }
        private struct VolatileUIntPtr { public volatile nuint Value; }

        public static byte Read(ref byte location) => Unsafe.As<byte, VolatileByte>(ref location).Value;
        public static ushort Read(ref ushort location) => Unsafe.As<ushort, VolatileUInt16>(ref location).Value;
        public static uint Read(ref uint location) => Unsafe.As<uint, VolatileUInt32>(ref location).Value;
        public static ulong Read(ref ulong location) => Unsafe.As<ulong, VolatileUIntPtr>(ref location).Value;

        public static void Write(ref byte location, byte value) => Unsafe.As<byte, VolatileByte>(ref location).Value = value;
        public static void Write(ref ushort location, ushort value) => Unsafe.As<ushort, VolatileUInt16>(ref location).Value = value;
        public static void Write(ref uint location, uint value) => Unsafe.As<uint, VolatileUInt32>(ref location).Value = value;
        public static void Write(ref ulong location, ulong value) => Unsafe.As<ulong, VolatileUIntPtr>(ref location).Value = (nuint)value;
    }
}
