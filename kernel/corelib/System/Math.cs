namespace System
{
    public static class Math
    {
        public static int Min(int a, int b) => a < b ? a : b;
        public static int Max(int a, int b) => a > b ? a : b;
        public static ulong Min(ulong a, ulong b) => a < b ? a : b;
        public static ulong Max(ulong a, ulong b) => a > b ? a : b;
        public static long Min(long a, long b) => a < b ? a : b;
        public static long Max(long a, long b) => a > b ? a : b;
        public static int Abs(int a) => a < 0 ? -a : a;

        // Helpers the JIT calls for checked conversions and multiplications.
        private const double TwoTo63 = 9223372036854775808.0;
        private const double TwoTo64 = 18446744073709551616.0;

        internal static int ConvertToInt32Checked(double v)
        {
            if (!(v > -2147483649.0 && v < 2147483648.0)) Overflow();
            return (int)v;
        }
        internal static uint ConvertToUInt32Checked(double v)
        {
            if (!(v > -1.0 && v < 4294967296.0)) Overflow();
            return (uint)v;
        }
        internal static long ConvertToInt64Checked(double v)
        {
            if (!(v >= -TwoTo63 && v < TwoTo63)) Overflow();
            return (long)v;
        }
        internal static ulong ConvertToUInt64Checked(double v)
        {
            if (!(v > -1.0 && v < TwoTo64)) Overflow();
            return ConvertToUInt64(v);
        }
        internal static ulong ConvertToUInt64(double v) =>
            v >= TwoTo63 ? (ulong)(long)(v - TwoTo63) + 0x8000000000000000UL : (ulong)(long)v;
        internal static long MultiplyChecked(long a, long b)
        {
            long r = unchecked(a * b);
            if (a != 0 && (r / a != b || (a == -1 && b == long.MinValue))) Overflow();
            return r;
        }
        internal static ulong MultiplyChecked(ulong a, ulong b)
        {
            ulong r = unchecked(a * b);
            if (a != 0 && r / a != b) Overflow();
            return r;
        }
        private static void Overflow() => Internal.Runtime.CompilerHelpers.ThrowHelpers.ThrowOverflowException();
    }
}
