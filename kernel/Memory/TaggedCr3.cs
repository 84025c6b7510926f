namespace Nooks.Kernel.Memory
{
    // What a CR3 value says once CR4.PCIDE is on: the root table's address, a process-context
    // identifier (PCID) in the low 12 bits that tags every TLB entry made under it, and bit 63,
    // which asks the CPU to keep the entries it holds for that PCID instead of flushing them.
    // Reading CR3 never returns bit 63. No hardware access here: the host tests compile it.
    public static class TaggedCr3
    {
        public const ulong PcidMask = 0xFFF;
        public const ulong KeepEntries = 1UL << 63;
        // Bits 12-51, as in a page-table entry: what is left once the PCID and bit 63 are off.
        public const ulong RootMask = 0x000FFFFFFFFFF000;

        public static ulong Compose(ulong root, int pcid, bool keepEntries) =>
            (root & RootMask) | ((ulong)pcid & PcidMask) | (keepEntries ? KeepEntries : 0);

        public static ulong Root(ulong cr3) => cr3 & RootMask;

        public static int Pcid(ulong cr3) => (int)(cr3 & PcidMask);
    }
}
