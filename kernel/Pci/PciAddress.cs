namespace Nooks.Kernel.Pci
{
    // Where a function sits in PCI configuration space: bus, device (slot) and function.
    public readonly struct PciAddress
    {
        public const int BusCount = 256;
        public const int DevicesPerBus = 32;
        public const int FunctionsPerDevice = 8;

        public readonly byte Bus;
        public readonly byte Device;
        public readonly byte Function;

        public PciAddress(int bus, int device, int function)
        {
            Bus = (byte)bus;
            Device = (byte)device;
            Function = (byte)function;
        }

        // The form lspci prints: "00:03.0".
        public override string ToString() => $"{(uint)Bus:x2}:{(uint)Device:x2}.{(uint)Function:x1}";
    }
}
