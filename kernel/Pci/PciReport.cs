namespace Nooks.Kernel.Pci
{
    // The text of the "pci" and "pci-verbose" reports, in the shape lspci -n/-v users know.
    public static class PciReport
    {
        // "00:03.0 8086:100e Ethernet controller"
        public static string Line(PciDevice d) =>
            $"{d.Address.ToString()} {(uint)d.VendorId:x4}:{(uint)d.DeviceId:x4} {d.ClassName}";

        // The one-line form, then indented details: subsystem, revision, interrupt and BARs.
        public static string Verbose(PciDevice d)
        {
            string text = Line(d) + "\n";
            text += $"\tClass {(uint)d.ClassCode:x2}{(uint)d.Subclass:x2} prog-if {(uint)d.ProgIf:x2}, revision {(uint)d.Revision:x2}, header type {(uint)d.HeaderType:x2}\n";
            if ((d.HeaderType & PciHeaderType.LayoutMask) == PciHeaderType.General)
                text += $"\tSubsystem: {(uint)d.SubsystemVendorId:x4}:{(uint)d.SubsystemId:x4}\n";
            if (d.IsPciBridge) text += $"\tSecondary bus: {(uint)d.SecondaryBus:x2}\n";
            text += d.InterruptPin == PciDevice.NoInterruptPin
                ? "\tInterrupt: none\n"
                : $"\tInterrupt: pin {d.InterruptPinName} routed to IRQ {(uint)d.InterruptLine}\n";
            for (int i = 0; i < d.Bars.Length; i++)
                if (d.Bars[i].IsUsed) text += $"\tBAR{d.Bars[i].Index}: {d.Bars[i].ToString()}\n";
            return text;
        }

        public static string List(PciDevice[] devices, int count, bool verbose)
        {
            string text = "";
            for (int i = 0; i < count; i++)
                text += verbose ? Verbose(devices[i]) + "\n" : Line(devices[i]) + "\n";
            return text;
        }
    }
}
