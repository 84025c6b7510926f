namespace Nooks.Kernel.Net
{
    // Every network interface the kernel knows: eth0, eth1, ... in order of first registration.
    public static class NetDevices
    {
        public const int Capacity = 8;
        private static readonly NetDevice[] devices = new NetDevice[Capacity];
        private static int count;

        public static int Count => count;
        public static NetDevice At(int index) => devices[index];

        // Handles handed to drivers are index + 1.
        public static NetDevice ByHandle(long handle) => handle >= 1 && handle <= count ? devices[handle - 1] : null;
        public static long HandleOf(NetDevice d)
        {
            for (int i = 0; i < count; i++) if (devices[i] == d) return i + 1;
            return 0;
        }

        public static NetDevice Find(string name)
        {
            for (int i = 0; i < count; i++) if (devices[i].Name == name) return devices[i];
            return null;
        }

        // A device this driver held before (its driver failed or was unloaded), to re-attach to.
        public static NetDevice FindDetached(string driverName)
        {
            for (int i = 0; i < count; i++)
                if (!devices[i].IsAttached && devices[i].DriverName == driverName) return devices[i];
            return null;
        }

        public static NetDevice Create(string driverName, ulong mac)
        {
            if (count == Capacity) return null;
            var d = new NetDevice($"eth{count}", driverName, mac);
            devices[count++] = d;
            NetStack.Configure(d);
            return d;
        }

        // The interface whose subnet holds `address`, or else the first running one with a gateway.
        public static NetDevice Route(uint address)
        {
            NetDevice fallback = null;
            for (int i = 0; i < count; i++)
            {
                NetDevice d = devices[i];
                if (!d.IsRunning || d.Address == 0) continue;
                if ((address & d.Netmask) == (d.Address & d.Netmask)) return d;
                if (fallback == null && d.Gateway != 0) fallback = d;
            }
            return fallback;
        }
    }
}
