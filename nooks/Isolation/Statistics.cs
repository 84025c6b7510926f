namespace Nooks.Isolation
{
    // How often each kernel call was made through a wrapper (isolated extensions only).
    public static class Statistics
    {
        private const int MaxCalls = 128;
        private static readonly ulong[] calls = new ulong[MaxCalls];
        private static readonly ulong[] queued = new ulong[MaxCalls];

        public static void CountCall(int index) { if ((uint)index < MaxCalls) calls[index]++; }

        // A call an extension queued in its domain's ring (no crossing), counted when taken over.
        public static void CountQueued(int index) { if ((uint)index < MaxCalls) queued[index]++; }

        // `nooks calls`: the calls isolated extensions made so far, by kernel call: through a
        // wrapper (a crossing each) or queued in the domain and taken over in a batch.
        public static string Report()
        {
            var text = new System.Text.TextBuilder();
            text.Append("CALL                      WRAPPED   QUEUED\n");
            for (int i = 0; i < Generated.KernelApiTable.CallCount && i < MaxCalls; i++)
                if (calls[i] != 0 || queued[i] != 0) text.Append($"{Generated.KernelApiTable.CallName(i),-24} {calls[i],8} {queued[i],8}\n");
            return text.Finish();
        }
    }
}
