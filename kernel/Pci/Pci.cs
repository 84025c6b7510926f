using Nooks.Kernel.Console;
using Nooks.Kernel.Info;

namespace Nooks.Kernel.Pci
{
    // The PCI functions found at boot, and lookups for drivers.
    public static class Pci
    {
        private const int MaxDevices = 256;
        private static readonly PciDevice[] devices = new PciDevice[MaxDevices];
        private static int count;

        public static int Count => count;
        public static PciDevice At(int index) => devices[index];

        public static unsafe void Initialize()
        {
            count = PciEnumerator.Scan(devices);
            if (count == MaxDevices) Log.Warn("pci", $"device table full at {MaxDevices}; later functions ignored");
            for (int i = 0; i < count; i++) Log.Info("pci", PciReport.Line(devices[i]));
            KernelInfo.Register("pci", &Report);
            KernelInfo.Register("pci-verbose", &VerboseReport);
        }

        // The instance-th function (0 = the first) with this vendor and device id, or null.
        public static PciDevice Find(ushort vendorId, ushort deviceId, int instance = 0)
        {
            for (int i = 0; i < count; i++)
                if (devices[i].VendorId == vendorId && devices[i].DeviceId == deviceId && instance-- == 0) return devices[i];
            return null;
        }

        // The instance-th function of this class and subclass, or null.
        public static PciDevice FindByClass(byte classCode, byte subclass, int instance = 0)
        {
            for (int i = 0; i < count; i++)
                if (devices[i].ClassCode == classCode && devices[i].Subclass == subclass && instance-- == 0) return devices[i];
            return null;
        }

        private static string Report() => PciReport.List(devices, count, false);
        private static string VerboseReport() => PciReport.List(devices, count, true);
    }
}
