namespace Nooks.Isolation
{
    // How often each kernel call was made through a wrapper (isolated extensions only).
    public static class Statistics
    {
        private const int MaxCalls = 128;
        private static readonly ulong[] calls = new ulong[MaxCalls];

        public static void CountCall(int index) { if ((uint)index < MaxCalls) calls[index]++; }

        // `nooks calls`: the wrapped calls made so far, by kernel call.
        public static string Report()
        {
            var text = new System.Text.TextBuilder();
            text.Append("CALL                      WRAPPED\n");
            for (int i = 0; i < Generated.KernelApiTable.CallCount && i < MaxCalls; i++)
                if (calls[i] != 0) text.Append($"{Generated.KernelApiTable.CallName(i),-24} {calls[i],8}\n");
            return text.Finish();
        }
    }
}
