using System.Runtime.CompilerServices;

namespace System
{
    // Block copies and fills the JIT lowers cpblk/initblk and span copies to.
    public static unsafe class Buffer
    {
        public static void Memmove(ref byte destination, ref byte source, nuint length) =>
            SpanHelpers.Memmove(ref destination, ref source, length);

        internal static void Memmove<T>(ref T destination, ref T source, nuint count) =>
            Memmove(ref Unsafe.As<T, byte>(ref destination), ref Unsafe.As<T, byte>(ref source), count * (nuint)Unsafe.SizeOf<T>());

        // There is no moving collector, so a reference copy needs no barrier.
        internal static void BulkMoveWithWriteBarrier(ref byte destination, ref byte source, nuint length) =>
            Memmove(ref destination, ref source, length);

        public static void MemoryCopy(void* source, void* destination, long destinationSize, long count) =>
            Memmove(ref *(byte*)destination, ref *(byte*)source, (nuint)count);
    }

    // Eight bytes at a time, then the tail: the JIT calls these for every struct copy or
    // zeroing too large to do inline (an XPC record, a packet header), so a byte loop costs
    // hundreds of instructions on hot paths. x86 allows the unaligned accesses.
    internal static unsafe class SpanHelpers
    {
        private const int Word = 8;

        public static void Memmove(ref byte destination, ref byte source, nuint length)
        {
            byte* dst = (byte*)Unsafe.AsPointer(ref destination);
            byte* src = (byte*)Unsafe.AsPointer(ref source);
            if (dst == src || length == 0) return;
            if (dst < src || dst >= src + length)
            {
                nuint i = 0;
                for (; i + Word <= length; i += Word) *(ulong*)(dst + i) = *(ulong*)(src + i);
                for (; i < length; i++) dst[i] = src[i];
            }
            else
            {
                nuint i = length;
                for (; i >= Word; i -= Word) *(ulong*)(dst + i - Word) = *(ulong*)(src + i - Word);
                for (; i > 0; i--) dst[i - 1] = src[i - 1];
            }
        }

        public static void ClearWithoutReferences(ref byte b, nuint byteLength) => Fill(ref b, byteLength, 0);

        public static void ClearWithReferences(ref nint ip, nuint pointerSizeLength)
        {
            nint* p = (nint*)Unsafe.AsPointer(ref ip);
            for (nuint i = 0; i < pointerSizeLength; i++) p[i] = 0;
        }

        public static void Fill(ref byte b, nuint length, byte value)
        {
            byte* p = (byte*)Unsafe.AsPointer(ref b);
            ulong pattern = value * 0x0101010101010101UL;
            nuint i = 0;
            for (; i + Word <= length; i += Word) *(ulong*)(p + i) = pattern;
            for (; i < length; i++) p[i] = value;
        }
    }
}
