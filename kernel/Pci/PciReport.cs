using System.Text;

namespace Nooks.Kernel.Pci
{
    // The text of the "pci" and "pci-verbose" reports, in the shape lspci -n/-v users know.
    public static class PciReport
    {
        public static string Line(PciDevice d)
        {
            var text = new TextBuilder();
            AppendLine(text, d);
            return text.Finish();
        }

        public static string Verbose(PciDevice d)
        {
            var text = new TextBuilder();
            AppendVerbose(text, d);
            return text.Finish();
        }

        // "00:03.0 8086:100e Ethernet controller", without a line end.
        public static void AppendLine(TextBuilder text, PciDevice d)
        {
            text.Append(d.Address.ToString());
            text.Append($" {(uint)d.VendorId:x4}:{(uint)d.DeviceId:x4} ");
            text.Append(d.ClassName);
        }

        // The one-line form, then indented details: subsystem, revision, interrupt and BARs.
        public static void AppendVerbose(TextBuilder text, PciDevice d)
        {
            AppendLine(text, d);
            text.Append($"\n\tClass {(uint)d.ClassCode:x2}{(uint)d.Subclass:x2} prog-if {(uint)d.ProgIf:x2}, revision {(uint)d.Revision:x2}, header type {(uint)d.HeaderType:x2}\n");
            if ((d.HeaderType & PciHeaderType.LayoutMask) == PciHeaderType.General)
                text.Append($"\tSubsystem: {(uint)d.SubsystemVendorId:x4}:{(uint)d.SubsystemId:x4}\n");
            if (d.IsPciBridge) text.Append($"\tSecondary bus: {(uint)d.SecondaryBus:x2}\n");
            if (d.InterruptPin == PciDevice.NoInterruptPin) text.Append("\tInterrupt: none\n");
            else
            {
                text.Append("\tInterrupt: pin ");
                text.Append(d.InterruptPinName);
                text.Append($" routed to IRQ {(uint)d.InterruptLine}\n");
            }
            for (int i = 0; i < d.Bars.Length; i++)
            {
                if (!d.Bars[i].IsUsed) continue;
                text.Append($"\tBAR{d.Bars[i].Index}: ");
                text.Append(d.Bars[i].ToString());
                text.Append("\n");
            }
        }

        public static string List(PciDevice[] devices, int count, bool verbose)
        {
            var text = new TextBuilder();
            for (int i = 0; i < count; i++)
            {
                if (verbose)
                {
                    AppendVerbose(text, devices[i]);
                    text.Append("\n");
                }
                else
                {
                    AppendLine(text, devices[i]);
                    text.Append("\n");
                }
            }
            return text.Finish();
        }
    }
}
