namespace Nooks.Kernel.Memory
{
    // One address space's PCID and whether the TLB entries tagged with it can be trusted. They
    // can if no translation changed anywhere (TranslationGeneration) since the PCID was last
    // flushed; otherwise the next entry flushes it. Untagged (PCIDs off) and Shared (none left)
    // always flush. No hardware access here: the host tests compile it.
    public struct TlbTag
    {
        private const ulong NeverFlushed = TranslationGeneration.First - 1;

        public readonly int Pcid;
        private ulong flushedAt;

        public TlbTag(int pcid)
        {
            Pcid = pcid;
            flushedAt = NeverFlushed;
        }

        // The CR3 value that enters the address space at `root` now. It records a flush when it
        // asks for one, so the caller must load it before any translation can change again
        // (interrupts off until then).
        public ulong EnterCr3(ulong root, ulong generation)
        {
            bool keep = Pcid != PcidAllocator.Untagged && Pcid != PcidAllocator.Shared && flushedAt == generation;
            flushedAt = generation;
            return TaggedCr3.Compose(root, Pcid, keep);
        }
    }
}
