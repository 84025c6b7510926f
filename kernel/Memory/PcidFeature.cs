namespace Nooks.Kernel.Memory
{
    // Whether the CPU tags TLB entries with PCIDs, and the CR4 bit that turns it on. Setting a CR4
    // bit the CPU lacks is a #GP on hardware and hangs QEMU's virtual CPU, so the bit is set only
    // when CPUID offers the feature (QEMU's TCG does not).
    public static class PcidFeature
    {
        public const uint CpuidLeaf = 1;
        public const uint CpuidEcxBit = 1u << 17;
        public const ulong Cr4Enable = 1UL << 17;

        public static bool Offered(uint cpuidLeaf1Ecx) => (cpuidLeaf1Ecx & CpuidEcxBit) != 0;
    }
}
