namespace Nooks.Kernel.Memory
{
    // Counts removals and changes of present translations in any address space. `invlpg` only
    // reaches the TLB entries of the PCID that is live when it runs (the kernel's), so an address
    // space with a PCID of its own compares this with the value it last flushed at (TlbTag) to
    // know whether its entries may be stale. Advance only with interrupts off, right after the
    // page-table entry changed, so no one can see the change without the new generation.
    public static class TranslationGeneration
    {
        // TlbTag's "never flushed" is below it, so a new tag always flushes first.
        public const ulong First = 1;

        public static ulong Current { get; private set; } = First;

        public static void Advance() => Current++;
    }
}
