using Nooks.Abi;

namespace Nooks.Recovery
{
    // The times of one extension's most recent faults, for the recovery policy's "more than N
    // failures within T seconds". Kept per extension so that one extension's faults can
    // neither push another's out of the record nor count against it; held inline in the
    // extension's record, so it goes when the record does.
    public unsafe struct FaultWindow
    {
        private const int Capacity = RecoveryLimits.MaxFailuresInWindow + 1;
        private fixed ulong times[Capacity];
        private int next;
        private int count;

        public void Record(ulong nanos)
        {
            times[next] = nanos;
            next = (next + 1) % Capacity;
            if (count < Capacity) count++;
        }

        // How many recorded faults happened at most `windowNanos` before `now`.
        public int CountWithin(ulong now, ulong windowNanos)
        {
            int within = 0;
            for (int i = 0; i < count; i++)
                if (now - times[i] <= windowNanos) within++;
            return within;
        }
    }
}
