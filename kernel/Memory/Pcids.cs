using Nooks.Kernel.Arch;
using Nooks.Kernel.Console;

namespace Nooks.Kernel.Memory
{
    // PCIDs on this machine: turned on at boot where CPUID offers them, handed out to protection
    // domains, and the CR3 values the paths between address spaces load. The kernel and every
    // process share PCID 0; they keep its entries across a domain's crossing because every
    // change to their page tables is invalidated in PCID 0 when it is made (AddressSpace).
    public static class Pcids
    {
        private static PcidAllocator allocator;

        public static bool Enabled { get; private set; }

        // Once the kernel's own tables are live (CR3's low bits must be 0 when PCIDE is set).
        public static void Initialize()
        {
            if (!PcidFeature.Offered(Cpu.Cpuid(PcidFeature.CpuidLeaf).Ecx))
            {
                Log.Info("paging", "PCID not offered by this CPU; every domain switch flushes the TLB");
                return;
            }
            Cpu.WriteCr4(Cpu.ReadCr4() | PcidFeature.Cr4Enable);
            allocator = new PcidAllocator();
            Enabled = true;
            Log.Info("paging", "PCID on, domain switches keep TLB entries");
        }

        public static TlbTag NewTag() => new TlbTag(Enabled ? allocator.Allocate() : PcidAllocator.Untagged);

        public static void Release(TlbTag tag)
        {
            if (Enabled) allocator.Free(tag.Pcid);
        }

        // A PCID-0 CR3 value (kernel or process) to return to from a domain without flushing.
        public static ulong KeepingEntries(ulong cr3) => Enabled ? TaggedCr3.Compose(cr3, PcidAllocator.Untagged, true) : cr3;

        // Drops every PCID-0 entry; a CR3 read has bit 63 clear, so writing it back flushes.
        public static void FlushKernelTag() => Cpu.WriteCr3(Cpu.ReadCr3());
    }
}
