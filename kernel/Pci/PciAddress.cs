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

        // "00:03.0", the form lspci prints: the buffer Format needs.
        public const int MaxTextLength = 7;
        private const int Hex = 16;

        // Into the caller's buffer (stackalloc), so that a log line need not leave a string on
        // the kernel heap.
        public System.ReadOnlySpan<char> Format(System.Span<char> into)
        {
            int n = System.Text.NumberFormat.FormatUnsigned(Bus, into, Hex, 2, false);
            into[n++] = ':';
            n += System.Text.NumberFormat.FormatUnsigned(Device, into.Slice(n), Hex, 2, false);
            into[n++] = '.';
            n += System.Text.NumberFormat.FormatUnsigned(Function, into.Slice(n), Hex, 1, false);
            return into.Slice(0, n);
        }

        public override string ToString()
        {
            System.Span<char> text = stackalloc char[MaxTextLength];
            return new string(Format(text));
        }
    }
}
