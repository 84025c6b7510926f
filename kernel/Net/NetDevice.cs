using Nooks.Kernel.Console;

namespace Nooks.Kernel.Net
{
    // Requests the kernel makes of a NIC's driver through NetDevice.ControlHook.
    public static class NetControl
    {
        public const int Open = 1;
        public const int Stop = 2;
        public const int SetReceiveMode = 3;     // argument: Nooks.Api.ReceiveMode value
        public const int SetMacAddress = 4;      // argument: the address (EthernetAddress layout)
    }

    // The kernel's side of one network interface, whatever drives it. It holds the
    // configuration the kernel wants (MAC, receive mode, up or down, IPv4 address) and the
    // counters. A driver attaches by setting the hooks and Driver; when the driver fails, the
    // device stays registered, detached, and a restarted driver re-attaches to it and gets the
    // configuration replayed.
    public sealed unsafe class NetDevice
    {
        public readonly string Name;
        public readonly string DriverName;
        public ulong Mac;
        public bool IsUp;
        public int ReceiveMode;

        // IPv4 configuration of this interface (0 = none).
        public uint Address;
        public int PrefixLength;
        public uint Gateway;

        public ulong RxPackets, RxBytes, RxDrops, RxErrors;
        public ulong TxPackets, TxBytes, TxDrops, TxErrors;
        public int Attachments;

        // Set by the layer that binds a driver (nooks/Services/NetServices.cs).
        public delegate*<NetDevice, byte*, int, int> TransmitHook;
        public delegate*<NetDevice, int, long, int> ControlHook;
        public object Driver;

        public NetDevice(string name, string driverName, ulong mac)
        {
            Name = name;
            DriverName = driverName;
            Mac = mac;
        }

        public bool IsAttached => Driver != null;
        public bool IsRunning => IsUp && IsAttached;
        public uint Netmask => Ipv4Address.MaskOf(PrefixLength);

        public void Attach(object driver, delegate*<NetDevice, byte*, int, int> transmit, delegate*<NetDevice, int, long, int> control)
        {
            Driver = driver;
            TransmitHook = transmit;
            ControlHook = control;
            Attachments++;
        }

        public void Detach()
        {
            TransmitHook = null;
            ControlHook = null;
            Driver = null;
        }

        // Gives the driver the kernel's configuration: after the first attach and after every restart.
        public void Replay()
        {
            Control(NetControl.SetMacAddress, (long)Mac);
            Control(NetControl.SetReceiveMode, ReceiveMode);
            if (IsUp) Control(NetControl.Open, 0);
        }

        public int SetUp(bool up)
        {
            IsUp = up;
            return Control(up ? NetControl.Open : NetControl.Stop, 0);
        }

        public int SetReceiveMode(int mode)
        {
            ReceiveMode = mode;
            return Control(NetControl.SetReceiveMode, mode);
        }

        public int SetMac(ulong mac)
        {
            Mac = mac;
            return Control(NetControl.SetMacAddress, (long)mac);
        }

        private int Control(int request, long argument)
        {
            if (ControlHook == null) return 0;
            int r = ControlHook(this, request, argument);
            if (r < 0) Log.Warn("net", $"{Name}: driver {DriverName} refused request {request} ({r})");
            return r;
        }

        // Sends one whole Ethernet frame; false if it was dropped.
        public bool Transmit(byte* frame, int length)
        {
            if (!IsRunning || TransmitHook == null) { TxDrops++; return false; }
            int r = TransmitHook(this, frame, length);
            if (r < 0) { TxErrors++; return false; }
            TxPackets++;
            TxBytes += (ulong)length;
            return true;
        }
    }
}
