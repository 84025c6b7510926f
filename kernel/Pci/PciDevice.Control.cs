using Nooks.Kernel.Memory;

namespace Nooks.Kernel.Pci
{
    // Operations on the live function behind a PciDevice, for drivers.
    public sealed partial class PciDevice
    {
        public byte ReadConfig8(int offset) => PciConfig.Read8(Address, offset);
        public ushort ReadConfig16(int offset) => PciConfig.Read16(Address, offset);
        public uint ReadConfig32(int offset) => PciConfig.Read32(Address, offset);
        public void WriteConfig8(int offset, byte value) => PciConfig.Write8(Address, offset, value);
        public void WriteConfig16(int offset, ushort value) => PciConfig.Write16(Address, offset, value);
        public void WriteConfig32(int offset, uint value) => PciConfig.Write32(Address, offset, value);

        public PciCommand Command
        {
            get => (PciCommand)ReadConfig16(PciRegisters.Command);
            set => WriteConfig16(PciRegisters.Command, (ushort)value);
        }

        // Lets the device master the bus, i.e. do DMA.
        public void EnableBusMastering() => Command |= PciCommand.BusMaster;
        public void EnableMemorySpace() => Command |= PciCommand.MemorySpace;
        public void EnableIoSpace() => Command |= PciCommand.IoSpace;

        // The registers behind a memory BAR, mapped uncached. A driver asking for a BAR the
        // device does not have is a driver bug, stopped here with the device named.
        public MmioRegion MapBar(int index)
        {
            if (index < 0 || index >= Bars.Length || !Bars[index].IsMemory)
                Panic.Halt($"pci {Address.ToString()}: BAR{index} is not a memory BAR");
            return MmioRegion.Map($"{Address.ToString()} BAR{index}", Bars[index].Address, Bars[index].Size);
        }
    }
}
