using System.Threading;

namespace Nooks.Kernel.Memory
{
    // A device's register block. Every access is volatile and bounds-checked: an offset outside
    // the region is a driver bug and stops the kernel naming the region, instead of reaching
    // whatever memory lies beyond it.
    public readonly unsafe struct MmioRegion
    {
        public readonly string Name;
        public readonly ulong PhysicalBase;
        public readonly ulong Length;
        private readonly ulong virtualBase;

        private MmioRegion(string name, ulong physicalBase, ulong length, ulong virtualBase)
        {
            Name = name;
            PhysicalBase = physicalBase;
            Length = length;
            this.virtualBase = virtualBase;
        }

        public static MmioRegion Map(string name, ulong physicalBase, ulong length) =>
            new MmioRegion(name, physicalBase, length, DeviceMemory.MapUncached(physicalBase, length));

        private ulong At(ulong offset, uint size)
        {
            if (offset >= Length || size > Length - offset)
                Panic.Halt($"MMIO {Name}: {size}-byte access at offset {offset:x} outside {PhysicalBase:x}+{Length:x}");
            return virtualBase + offset;
        }

        public byte Read8(ulong offset) => Volatile.Read(ref *(byte*)At(offset, sizeof(byte)));
        public ushort Read16(ulong offset) => Volatile.Read(ref *(ushort*)At(offset, sizeof(ushort)));
        public uint Read32(ulong offset) => Volatile.Read(ref *(uint*)At(offset, sizeof(uint)));
        public ulong Read64(ulong offset) => Volatile.Read(ref *(ulong*)At(offset, sizeof(ulong)));

        public void Write8(ulong offset, byte value) => Volatile.Write(ref *(byte*)At(offset, sizeof(byte)), value);
        public void Write16(ulong offset, ushort value) => Volatile.Write(ref *(ushort*)At(offset, sizeof(ushort)), value);
        public void Write32(ulong offset, uint value) => Volatile.Write(ref *(uint*)At(offset, sizeof(uint)), value);
        public void Write64(ulong offset, ulong value) => Volatile.Write(ref *(ulong*)At(offset, sizeof(ulong)), value);
    }
}
