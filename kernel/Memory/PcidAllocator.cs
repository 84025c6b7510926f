namespace Nooks.Kernel.Memory
{
    // Hands out PCIDs to address spaces whose TLB entries should survive switches away and back
    // (protection domains). PCID 0 is the kernel's and every process's. The last PCID is shared
    // by whoever asks once the others are taken and is flushed on every entry (TlbTag), so running
    // out costs speed, never correctness. A freed PCID may be handed out again at once: its new
    // owner's first entry flushes whatever the old one left (TlbTag).
    public sealed class PcidAllocator
    {
        public const int Untagged = 0;
        public const int First = 1;
        public const int Shared = 4095;
        private const int BitsPerWord = 64;

        private readonly ulong[] used = new ulong[(Shared + BitsPerWord - 1) / BitsPerWord];

        public int InUse { get; private set; }

        // A PCID of its own for the caller, or Shared when none is left.
        public int Allocate()
        {
            for (int pcid = First; pcid < Shared; pcid++)
            {
                ulong bit = Bit(pcid);
                if ((used[pcid / BitsPerWord] & bit) != 0) continue;
                used[pcid / BitsPerWord] |= bit;
                InUse++;
                return pcid;
            }
            return Shared;
        }

        // Untagged and Shared are nobody's to give back; freeing a PCID twice changes nothing.
        public void Free(int pcid)
        {
            if (pcid < First || pcid >= Shared) return;
            ulong bit = Bit(pcid);
            if ((used[pcid / BitsPerWord] & bit) == 0) return;
            used[pcid / BitsPerWord] &= ~bit;
            InUse--;
        }

        private static ulong Bit(int pcid) => 1UL << (pcid % BitsPerWord);
    }
}
