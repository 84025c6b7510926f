using Nooks.Abi;

namespace Nooks.Recovery
{
    // The times of one extension's most recent faults, for the recovery policy's "more than N
    // failures within T seconds". Kept per extension so that one extension's faults can
    // neither push another's out of the record nor count against it.
    public sealed class FaultWindow
    {
        private readonly ulong[] times = new ulong[RecoveryLimits.MaxFailuresInWindow + 1];
        private int next;
        private int count;

        public void Record(ulong nanos)
        {
            times[next] = nanos;
            next = (next + 1) % times.Length;
            if (count < times.Length) count++;
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
