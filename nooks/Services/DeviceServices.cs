using Nooks.Api;
using Nooks.Extensions;
using Nooks.Isolation;
using Nooks.Kernel.Memory;
using Nooks.Kernel.Pci;
using Nooks.Tracking;

namespace Nooks.Services
{
    // PCI, MMIO, DMA memory, port I/O and delays for driver extensions. Every call acts on the
    // caller's own PCI device (Extension.Device, bound at load by DeviceBindings).
    public static unsafe partial class KernelServices
    {
        private const int MaxDmaBuffers = 64;
        private static readonly DmaBuffer[] dmaBuffers = new DmaBuffer[MaxDmaBuffers];
        private static readonly ulong[] dmaAddresses = new ulong[MaxDmaBuffers];
        private static readonly Extension[] dmaOwners = new Extension[MaxDmaBuffers];

        public static int Delay(int microseconds)
        {
            if (microseconds < 0) return ApiStatus.Invalid;
            ulong end = Kernel.Arch.Cpu.ReadTsc() + (ulong)microseconds * Kernel.Time.Clock.TscPerMicrosecond;
            while (Kernel.Arch.Cpu.ReadTsc() < end) Kernel.Arch.Cpu.Pause();
            return ApiStatus.Ok;
        }

        public static int GetPciDevice(PciDeviceInfo* info)
        {
            PciDevice d = Gate.Current.Device;
            if (d == null) return ApiStatus.NoDevice;
            PciDeviceInfo i = default;
            i.VendorId = d.VendorId;
            i.DeviceId = d.DeviceId;
            i.Bus = d.Address.Bus;
            i.Device = d.Address.Device;
            i.Function = d.Address.Function;
            i.InterruptLine = d.InterruptLine;
            i.BarCount = (uint)d.Bars.Length;
            BarInfo* bars = &i.Bar0;
            for (int b = 0; b < d.Bars.Length && b < 6; b++)
            {
                PciBar bar = d.Bars[b];
                bars[b].Address = bar.Address;
                bars[b].Size = bar.Size;
                bars[b].IsIo = bar.Kind == PciBarKind.Io ? 1u : 0u;
                bars[b].Is64Bit = bar.Kind == PciBarKind.Memory64 ? 1u : 0u;
            }
            *info = i;
            return ApiStatus.Ok;
        }

        public static int ReadPciConfig(int offset, int size, uint* value)
        {
            PciDevice d = Gate.Current.Device;
            if (d == null) return ApiStatus.NoDevice;
            if (!ConfigAccessFits(offset, size)) return ApiStatus.Invalid;
            *value = size == 1 ? d.ReadConfig8(offset) : size == 2 ? d.ReadConfig16(offset) : d.ReadConfig32(offset);
            return ApiStatus.Ok;
        }

        // The BARs and the expansion ROM address are the kernel's: the driver may not move them.
        public static int WritePciConfig(int offset, int size, uint value)
        {
            PciDevice d = Gate.Current.Device;
            if (d == null) return ApiStatus.NoDevice;
            if (!ConfigAccessFits(offset, size)) return ApiStatus.Invalid;
            if (offset + size > PciRegisters.Bar0 && offset < 0x34) return ApiStatus.Invalid;
            if (size == 1) d.WriteConfig8(offset, (byte)value);
            else if (size == 2) d.WriteConfig16(offset, (ushort)value);
            else d.WriteConfig32(offset, value);
            return ApiStatus.Ok;
        }

        private static bool ConfigAccessFits(int offset, int size) =>
            (size == 1 || size == 2 || size == 4) && offset >= 0 && offset + size <= 256 && offset % size == 0;

        public static int EnableBusMastering()
        {
            PciDevice d = Gate.Current.Device;
            if (d == null) return ApiStatus.NoDevice;
            d.Command |= PciCommand.BusMaster | PciCommand.MemorySpace;
            return ApiStatus.Ok;
        }

        // Maps a memory BAR uncached into the extension area (and the caller's domain).
        public static void* MapMmio(int bar)
        {
            Extension caller = Gate.Current;
            PciDevice d = caller.Device;
            if (d == null || bar < 0 || bar >= d.Bars.Length || !d.Bars[bar].IsMemory) return null;
            ulong physical = d.Bars[bar].Address;
            ulong first = PageSize.AlignDown(physical);
            ulong bytes = PageSize.AlignUp(physical + d.Bars[bar].Size) - first;
            ulong virt = ExtensionArea.Reserve(bytes);
            for (ulong off = 0; off < bytes; off += PageSize.Small) ExtensionMemory.MapOne(caller, virt + off, first + off, PageFlags.Mmio);
            caller.Tracker.Add(ObjectKind.MmioMapping, virt, CallOrigin.MapMmio, bytes);
            return (void*)(virt + (physical - first));
        }

        // Physically contiguous memory below 4 GiB, mapped in the extension area.
        public static void* AllocateDma(long bytes, ulong* physical)
        {
            Extension caller = Gate.Current;
            if (bytes <= 0) return null;
            int slot = -1;
            for (int i = 0; i < MaxDmaBuffers && slot < 0; i++) if (dmaBuffers[i] == null) slot = i;
            if (slot < 0) return null;
            DmaBuffer buffer = DmaBuffer.Allocate((ulong)bytes, FrameZone.Extensions);
            if (buffer == null) return null;
            ulong virt = ExtensionArea.Reserve(buffer.Length);
            for (ulong off = 0; off < buffer.Length; off += PageSize.Small) ExtensionMemory.MapOne(caller, virt + off, buffer.PhysicalAddress + off, PageFlags.KernelData);
            dmaBuffers[slot] = buffer;
            dmaAddresses[slot] = virt;
            dmaOwners[slot] = caller;
            caller.Tracker.Add(ObjectKind.DmaBuffer, virt, CallOrigin.AllocateDma, buffer.Length);
            *physical = buffer.PhysicalAddress;
            return (void*)virt;
        }

        public static int FreeDma(void* buffer)
        {
            Extension caller = Gate.Current;
            if (!caller.Tracker.Holds(ObjectKind.DmaBuffer, (ulong)buffer)) return ApiStatus.BadHandle;
            ReleaseDma(caller, (ulong)buffer);
            caller.Tracker.Remove(ObjectKind.DmaBuffer, (ulong)buffer);
            return ApiStatus.Ok;
        }

        private static void ReleaseDma(Extension owner, ulong virt)
        {
            for (int i = 0; i < MaxDmaBuffers; i++)
            {
                if (dmaBuffers[i] == null || dmaOwners[i] != owner || dmaAddresses[i] != virt) continue;
                ExtensionMemory.UnmapDevice(owner, virt, dmaBuffers[i].Length / PageSize.Small);
                dmaBuffers[i].Free();
                KernelHeap.FreeObject(dmaBuffers[i]);
                dmaBuffers[i] = null;
                dmaOwners[i] = null;
                return;
            }
        }

        public static int ReadPort(ushort port, int size, uint* value)
        {
            if (!PortInDeviceBars(port, size)) return ApiStatus.Invalid;
            *value = size == 1 ? Kernel.Arch.Cpu.In8(port) : size == 2 ? Kernel.Arch.Cpu.In16(port) : Kernel.Arch.Cpu.In32(port);
            return ApiStatus.Ok;
        }

        public static int WritePort(ushort port, int size, uint value)
        {
            if (!PortInDeviceBars(port, size)) return ApiStatus.Invalid;
            if (size == 1) Kernel.Arch.Cpu.Out8(port, (byte)value);
            else if (size == 2) Kernel.Arch.Cpu.Out16(port, (ushort)value);
            else Kernel.Arch.Cpu.Out32(port, value);
            return ApiStatus.Ok;
        }

        private static bool PortInDeviceBars(ushort port, int size)
        {
            PciDevice d = Gate.Current.Device;
            if (d == null || (size != 1 && size != 2 && size != 4)) return false;
            for (int i = 0; i < d.Bars.Length; i++)
                if (d.Bars[i].Kind == PciBarKind.Io && port >= d.Bars[i].Address && (ulong)port + (ulong)size <= d.Bars[i].Address + d.Bars[i].Size) return true;
            return false;
        }

        // Recovery and unload, once the extension's entry points are gone and before any of its
        // packets or DMA memory go back: a failed driver's device may still be doing DMA, and it
        // must not hold its interrupt line asserted with no handler behind it (a level-triggered
        // storm) until a driver initializes it again. Registering an interrupt handler turns the
        // interrupt back on (RegisterIrq).
        public static void QuiesceDevice(Extension owner)
        {
            PciDevice d = owner.Device;
            if (d == null) return;
            d.Command = (d.Command & ~PciCommand.BusMaster) | PciCommand.InterruptDisable;
            System.Span<char> address = stackalloc char[PciAddress.MaxTextLength];
            Kernel.Console.Log.Info("nooks", $"{owner.Name}: device {d.Address.Format(address)} stopped: bus mastering and its interrupt off");
        }

        // Release rules for device objects; the device was quiesced first (QuiesceDevice).

        private static void ReleaseDeviceObject(Extension owner, TrackedObject o)
        {
            if (o.Kind == ObjectKind.MmioMapping)
            {
                ExtensionMemory.UnmapDevice(owner, PageSize.AlignDown(o.Value), o.Size / PageSize.Small);
            }
            else if (o.Kind == ObjectKind.DmaBuffer) ReleaseDma(owner, o.Value);
        }
    }
}
