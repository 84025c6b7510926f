namespace Nooks.Kernel.Memory
{
    public static class PageSize
    {
        public const ulong Small = 4096;
        public const ulong Large = 2 * 1024 * 1024;
        public const int SmallShift = 12;

        public static ulong AlignDown(ulong value) => value & ~(Small - 1);
        public static ulong AlignUp(ulong value) => (value + Small - 1) & ~(Small - 1);
        public static ulong AlignDownLarge(ulong value) => value & ~(Large - 1);
        public static ulong AlignUpLarge(ulong value) => (value + Large - 1) & ~(Large - 1);
    }
}
