using Nooks.Kernel.Arch;

namespace Nooks.Kernel.Pci
{
    // Configuration space access through mechanism #1 (PCI 3.0, section 3.2.2.3.2): write the
    // function and dword offset to CONFIG_ADDRESS, then move data through CONFIG_DATA.
    public static class PciConfig
    {
        private const ushort ConfigAddressPort = 0xCF8;
        private const ushort ConfigDataPort = 0xCFC;
        private const uint EnableBit = 0x80000000;
        private const int DwordMask = 0xFC;

        private static uint ConfigAddress(PciAddress a, int offset) =>
            EnableBit | (uint)a.Bus << 16 | (uint)a.Device << 11 | (uint)a.Function << 8 | (uint)(offset & DwordMask);

        // The address and data writes are a pair: nothing may touch CONFIG_ADDRESS in between.
        public static uint Read32(PciAddress a, int offset)
        {
            ulong flags = Cpu.SaveAndDisableInterrupts();
            Cpu.Out32(ConfigAddressPort, ConfigAddress(a, offset));
            uint value = Cpu.In32(ConfigDataPort);
            Cpu.RestoreInterrupts(flags);
            return value;
        }

        public static ushort Read16(PciAddress a, int offset)
        {
            ulong flags = Cpu.SaveAndDisableInterrupts();
            Cpu.Out32(ConfigAddressPort, ConfigAddress(a, offset));
            ushort value = Cpu.In16((ushort)(ConfigDataPort + (offset & 2)));
            Cpu.RestoreInterrupts(flags);
            return value;
        }

        public static byte Read8(PciAddress a, int offset)
        {
            ulong flags = Cpu.SaveAndDisableInterrupts();
            Cpu.Out32(ConfigAddressPort, ConfigAddress(a, offset));
            byte value = Cpu.In8((ushort)(ConfigDataPort + (offset & 3)));
            Cpu.RestoreInterrupts(flags);
            return value;
        }

        public static void Write32(PciAddress a, int offset, uint value)
        {
            ulong flags = Cpu.SaveAndDisableInterrupts();
            Cpu.Out32(ConfigAddressPort, ConfigAddress(a, offset));
            Cpu.Out32(ConfigDataPort, value);
            Cpu.RestoreInterrupts(flags);
        }

        public static void Write16(PciAddress a, int offset, ushort value)
        {
            ulong flags = Cpu.SaveAndDisableInterrupts();
            Cpu.Out32(ConfigAddressPort, ConfigAddress(a, offset));
            Cpu.Out16((ushort)(ConfigDataPort + (offset & 2)), value);
            Cpu.RestoreInterrupts(flags);
        }

        public static void Write8(PciAddress a, int offset, byte value)
        {
            ulong flags = Cpu.SaveAndDisableInterrupts();
            Cpu.Out32(ConfigAddressPort, ConfigAddress(a, offset));
            Cpu.Out8((ushort)(ConfigDataPort + (offset & 3)), value);
            Cpu.RestoreInterrupts(flags);
        }
    }
}
