namespace Nooks.Extensions
{
    // Which PCI device each driver extension is loaded for: an explicit table of extension names
    // and the vendor:device ids they drive. The loader binds an extension to the first matching
    // function no other loaded extension holds; nk_pci_* calls then act on that device only.
    public static class DeviceBindings
    {
        private struct Match { public string Extension; public ushort Vendor, Device; }

        private static readonly Match[] table =
        {
            new Match { Extension = "e1000", Vendor = 0x8086, Device = 0x100E },   // 82540EM (QEMU e1000)
        };

        // `image` is the extension's image name (an instance loaded under another name drives the same kind).
        public static Kernel.Pci.PciDevice Find(Extension ext, string image)
        {
            for (int i = 0; i < table.Length; i++)
            {
                if (table[i].Extension != image) continue;
                for (int instance = 0; ; instance++)
                {
                    Kernel.Pci.PciDevice d = Kernel.Pci.Pci.Find(table[i].Vendor, table[i].Device, instance);
                    if (d == null) break;
                    if (!HeldByAnother(d, ext)) return d;
                }
            }
            return null;
        }

        private static bool HeldByAnother(Kernel.Pci.PciDevice d, Extension ext)
        {
            for (int i = 0; i < ExtensionRegistry.Count; i++)
            {
                Extension e = ExtensionRegistry.At(i);
                if (e != ext && e.Device == d && e.State != ExtensionState.Unloaded) return true;
            }
            return false;
        }
    }
}
