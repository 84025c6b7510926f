namespace Nooks.Kernel.Pci
{
    // Names of class codes as lspci prints them (PCI Code and Assignment Specification 1.x;
    // wording as in the pci.ids database). A subclass missing here falls back to its base class.
    public static class PciClassNames
    {
        public static string Name(byte classCode, byte subclass)
        {
            string name = SubclassName((classCode << 8) | subclass);
            if (name != null) return name;
            name = BaseClassName(classCode);
            return name ?? $"Class {(uint)classCode:x2}{(uint)subclass:x2}";
        }

        private static string SubclassName(int code) => code switch
        {
            0x0000 => "Non-VGA unclassified device",
            0x0001 => "VGA compatible unclassified device",
            0x0100 => "SCSI storage controller",
            0x0101 => "IDE interface",
            0x0102 => "Floppy disk controller",
            0x0104 => "RAID bus controller",
            0x0105 => "ATA controller",
            0x0106 => "SATA controller",
            0x0107 => "Serial Attached SCSI controller",
            0x0108 => "Non-Volatile memory controller",
            0x0180 => "Mass storage controller",
            0x0200 => "Ethernet controller",
            0x0201 => "Token ring network controller",
            0x0280 => "Network controller",
            0x0300 => "VGA compatible controller",
            0x0301 => "XGA compatible controller",
            0x0302 => "3D controller",
            0x0380 => "Display controller",
            0x0400 => "Multimedia video controller",
            0x0401 => "Multimedia audio controller",
            0x0403 => "Audio device",
            0x0480 => "Multimedia controller",
            0x0500 => "RAM memory",
            0x0501 => "FLASH memory",
            0x0580 => "Memory controller",
            0x0600 => "Host bridge",
            0x0601 => "ISA bridge",
            0x0602 => "EISA bridge",
            0x0604 => "PCI bridge",
            0x0605 => "PCMCIA bridge",
            0x0607 => "CardBus bridge",
            0x0609 => "Semi-transparent PCI-to-PCI bridge",
            0x0680 => "Bridge",
            0x0700 => "Serial controller",
            0x0701 => "Parallel controller",
            0x0703 => "Modem",
            0x0780 => "Communication controller",
            0x0800 => "PIC",
            0x0801 => "DMA controller",
            0x0802 => "Timer",
            0x0803 => "RTC",
            0x0805 => "SD Host controller",
            0x0806 => "IOMMU",
            0x0880 => "System peripheral",
            0x0900 => "Keyboard controller",
            0x0902 => "Mouse controller",
            0x0C00 => "FireWire (IEEE 1394)",
            0x0C03 => "USB controller",
            0x0C05 => "SMBus",
            0x0D00 => "IRDA controller",
            0x0D11 => "Bluetooth",
            0x0D80 => "Wireless controller",
            0x1000 => "Network and computing encryption device",
            0x1180 => "Signal processing controller",
            _ => null,
        };

        private static string BaseClassName(byte classCode) => classCode switch
        {
            0x00 => "Unclassified device",
            0x01 => "Mass storage controller",
            0x02 => "Network controller",
            0x03 => "Display controller",
            0x04 => "Multimedia controller",
            0x05 => "Memory controller",
            0x06 => "Bridge",
            0x07 => "Communication controller",
            0x08 => "Generic system peripheral",
            0x09 => "Input device controller",
            0x0A => "Docking station",
            0x0B => "Processor",
            0x0C => "Serial bus controller",
            0x0D => "Wireless controller",
            0x0E => "Intelligent controller",
            0x0F => "Satellite communications controller",
            0x10 => "Encryption controller",
            0x11 => "Signal processing controller",
            0x12 => "Processing accelerators",
            0x13 => "Non-Essential Instrumentation",
            0x40 => "Coprocessor",
            0xFF => "Unassigned class",
            _ => null,
        };
    }
}
