namespace Nooks.Kernel.Pci
{
    public enum PciBarKind { Unused, Io, Memory32, Memory64 }

    // One decoded Base Address Register: where the device's registers are and how large.
    public readonly struct PciBar
    {
        // Low bits of a BAR (PCI 3.0, section 6.2.5.1).
        private const uint IoSpaceBit = 0x1;
        private const uint MemoryTypeMask = 0x6;
        private const uint MemoryType64 = 0x4;
        private const uint PrefetchableBit = 0x8;
        private const uint IoAddressMask = 0xFFFFFFFC;
        private const uint MemoryAddressMask = 0xFFFFFFF0;
        // I/O BARs of devices that decode only 16 address bits read back zeros above them.
        private const uint Io16UpperBits = 0xFFFF0000;

        public readonly int Index;
        public readonly PciBarKind Kind;
        public readonly bool Prefetchable;
        public readonly ulong Address;
        public readonly ulong Size;

        public PciBar(int index, PciBarKind kind, bool prefetchable, ulong address, ulong size)
        {
            Index = index;
            Kind = kind;
            Prefetchable = prefetchable;
            Address = address;
            Size = size;
        }

        public bool IsUsed => Kind != PciBarKind.Unused;
        public bool IsMemory => Kind == PciBarKind.Memory32 || Kind == PciBarKind.Memory64;

        public static bool IsIo(uint low) => (low & IoSpaceBit) != 0;
        public static bool Is64Bit(uint low) => !IsIo(low) && (low & MemoryTypeMask) == MemoryType64;

        // Decodes a BAR from its value and what it read back after all ones were written to it
        // (for a 64-bit BAR: both registers of the pair, high halves in `high`/`probeHigh`).
        public static PciBar Decode(int index, uint low, uint high, uint probeLow, uint probeHigh)
        {
            if (IsIo(low))
            {
                uint mask = probeLow & IoAddressMask;
                if (mask == 0) return new PciBar(index, PciBarKind.Unused, false, 0, 0);
                if ((mask & Io16UpperBits) == 0) mask |= Io16UpperBits;
                return new PciBar(index, PciBarKind.Io, false, low & IoAddressMask, (ulong)(~mask + 1));
            }

            bool prefetchable = (low & PrefetchableBit) != 0;
            if (Is64Bit(low))
            {
                ulong mask64 = ((ulong)probeHigh << 32) | (probeLow & MemoryAddressMask);
                if (mask64 == 0) return new PciBar(index, PciBarKind.Unused, false, 0, 0);
                ulong address = ((ulong)high << 32) | (low & MemoryAddressMask);
                return new PciBar(index, PciBarKind.Memory64, prefetchable, address, ~mask64 + 1);
            }

            uint mask32 = probeLow & MemoryAddressMask;
            if (mask32 == 0) return new PciBar(index, PciBarKind.Unused, false, 0, 0);
            return new PciBar(index, PciBarKind.Memory32, prefetchable, low & MemoryAddressMask, (ulong)(~mask32 + 1));
        }

        // lspci -v style: "Memory at febc0000 (32-bit, non-prefetchable) [size=128K]".
        public override string ToString()
        {
            if (Kind == PciBarKind.Io) return $"I/O ports at {Address:x} [size={SizeText(Size)}]";
            string width = Kind == PciBarKind.Memory64 ? "64-bit" : "32-bit";
            string fetch = Prefetchable ? "prefetchable" : "non-prefetchable";
            return $"Memory at {Address:x} ({width}, {fetch}) [size={SizeText(Size)}]";
        }

        public static string SizeText(ulong bytes)
        {
            const ulong K = 1024;
            if (bytes >= K * K * K && bytes % (K * K * K) == 0) return $"{bytes / (K * K * K)}G";
            if (bytes >= K * K && bytes % (K * K) == 0) return $"{bytes / (K * K)}M";
            if (bytes >= K && bytes % K == 0) return $"{bytes / K}K";
            return $"{bytes}";
        }
    }
}
