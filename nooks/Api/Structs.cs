namespace Nooks.Api
{
    public enum LogLevel { Debug = 0, Info = 1, Warn = 2, Error = 3 }

    // What the loader tells an extension about the PCI device it was bound to.
    public struct PciDeviceInfo
    {
        public ushort VendorId, DeviceId;
        public byte Bus, Device, Function, InterruptLine;
        public uint BarCount;
        public BarInfo Bar0, Bar1, Bar2, Bar3, Bar4, Bar5;
    }

    public struct BarInfo
    {
        public ulong Address;
        public ulong Size;
        public uint IsIo;
        public uint Is64Bit;
    }

    public struct MacAddress
    {
        public byte B0, B1, B2, B3, B4, B5;
    }

    // The operations a network driver registers; the kernel calls them (through XPC when the
    // driver is isolated). `device` is the handle nk_netdev_register returned.
    public unsafe struct NetDeviceOps
    {
        public delegate* unmanaged<long, int> Open;
        public delegate* unmanaged<long, int> Stop;
        // Sends `length` bytes from the packet (a handle into the driver's own packet pool, filled
        // by the kernel and now held by the driver): the driver frees it with nk_packet_free once
        // the device is done with it. A driver that returns an error leaves it to the kernel.
        public delegate* unmanaged<long, long, int, int> Transmit;
        public delegate* unmanaged<long, int, int> SetReceiveMode;
        // Programs the station address (48 bits, first byte on the wire most significant); may be null.
        public delegate* unmanaged<long, long, int> SetMacAddress;
    }

    // What the kernel keeps about one packet buffer; a packet's handle points at it (read-only in
    // the extension's domain).
    public unsafe struct PacketInfo
    {
        public byte* Data;          // the buffer, writable by the extension that holds the packet
        public ulong Physical;      // its bus address (physically contiguous, below 4 GiB)
        public int Capacity;        // bytes

        public const int Size = 2048;
        // The largest Ethernet frame a packet carries: 1518 bytes and a VLAN tag.
        public const int MaxFrame = 1518 + 4;
    }

    public static class ReceiveMode
    {
        public const int Unicast = 0;
        public const int Promiscuous = 1;
        public const int AllMulticast = 2;
    }
}
