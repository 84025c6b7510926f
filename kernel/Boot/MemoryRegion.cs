namespace Nooks.Kernel.Boot
{
    public enum MemoryKind : uint { Usable = 1, Reserved = 2, AcpiReclaimable = 3, AcpiNvs = 4, Bad = 5 }

    // One entry of the firmware's memory map, as the bootloader passed it on.
    public struct MemoryRegion
    {
        public ulong Base;
        public ulong Length;
        public MemoryKind Kind;
    }
}
