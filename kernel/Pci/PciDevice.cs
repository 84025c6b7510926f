namespace Nooks.Kernel.Pci
{
    // One PCI function as found during enumeration: its identity from the configuration header
    // and its decoded BARs. Operations on the live device are in PciDevice.Control.cs.
    public sealed partial class PciDevice
    {
        public const byte NoInterruptPin = 0;
        public const byte NoSecondaryBus = 0;

        public PciAddress Address;
        public ushort VendorId;
        public ushort DeviceId;
        public byte ClassCode;
        public byte Subclass;
        public byte ProgIf;
        public byte Revision;
        public byte HeaderType;
        public byte InterruptLine;
        public byte InterruptPin;       // 0 = none, 1..4 = INTA#..INTD#
        public ushort SubsystemVendorId;
        public ushort SubsystemId;
        public byte SecondaryBus;       // PCI-to-PCI bridges only
        public PciBar[] Bars = new PciBar[PciHeaderType.GeneralBarCount];

        public string ClassName => PciClassNames.Name(ClassCode, Subclass);
        public bool IsMultiFunction => (HeaderType & PciHeaderType.MultiFunction) != 0;
        public bool IsPciBridge => (HeaderType & PciHeaderType.LayoutMask) == PciHeaderType.PciBridge;

        public string InterruptPinName => InterruptPin >= 1 && InterruptPin <= 4 ? $"{(char)('A' + InterruptPin - 1)}" : "none";
    }
}
