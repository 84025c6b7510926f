namespace Nooks.Kernel.Pci
{
    // Configuration space offsets (PCI Local Bus Specification 3.0, section 6.1).
    public static class PciRegisters
    {
        public const int VendorId = 0x00;
        public const int DeviceId = 0x02;
        public const int Command = 0x04;
        public const int Status = 0x06;
        public const int RevisionId = 0x08;
        public const int ProgIf = 0x09;
        public const int Subclass = 0x0A;
        public const int ClassCode = 0x0B;
        public const int HeaderType = 0x0E;
        public const int Bar0 = 0x10;
        public const int SubsystemVendorId = 0x2C;   // type 0 header
        public const int SubsystemId = 0x2E;         // type 0 header
        public const int SecondaryBus = 0x19;        // type 1 header (PCI-to-PCI bridge)
        public const int InterruptLine = 0x3C;
        public const int InterruptPin = 0x3D;

        public const int BarSize = 4;
        public const ushort NoDevice = 0xFFFF;
    }

    // Header Type register: layout in the low bits, multi-function flag in bit 7.
    public static class PciHeaderType
    {
        public const byte LayoutMask = 0x7F;
        public const byte MultiFunction = 0x80;
        public const byte General = 0x00;
        public const byte PciBridge = 0x01;
        public const byte CardBusBridge = 0x02;

        public const int GeneralBarCount = 6;
        public const int PciBridgeBarCount = 2;

        public static int BarCount(byte headerType) => (headerType & LayoutMask) switch
        {
            General => GeneralBarCount,
            PciBridge => PciBridgeBarCount,
            _ => 0,
        };
    }

    // Command register bits.
    [System.Flags]
    public enum PciCommand : ushort
    {
        IoSpace = 1 << 0,
        MemorySpace = 1 << 1,
        BusMaster = 1 << 2,
        InterruptDisable = 1 << 10,
    }
}
