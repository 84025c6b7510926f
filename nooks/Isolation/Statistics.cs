namespace Nooks.Isolation
{
    // How often each kernel call was made through a wrapper (isolated extensions only).
    public static class Statistics
    {
        private const int MaxCalls = 128;
        private static readonly ulong[] calls = new ulong[MaxCalls];

        public static void CountCall(int index) { if ((uint)index < MaxCalls) calls[index]++; }
        public static ulong Calls(int index) => (uint)index < MaxCalls ? calls[index] : 0;
    }
}
