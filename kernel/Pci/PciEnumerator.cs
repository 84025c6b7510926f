namespace Nooks.Kernel.Pci
{
    // Finds every function: bus 0 (or one bus per host bridge function when the host bridge is
    // multi-function), then the secondary bus behind each PCI-to-PCI bridge.
    public static class PciEnumerator
    {
        public static int Scan(PciDevice[] into)
        {
            bool[] scanned = new bool[PciAddress.BusCount];
            int count = 0;
            PciAddress host = new PciAddress(0, 0, 0);
            bool multipleHosts = (PciConfig.Read8(host, PciRegisters.HeaderType) & PciHeaderType.MultiFunction) != 0;
            if (!multipleHosts) ScanBus(0, into, ref count, scanned);
            else
                for (int f = 0; f < PciAddress.FunctionsPerDevice; f++)
                    if (PciConfig.Read16(new PciAddress(0, 0, f), PciRegisters.VendorId) != PciRegisters.NoDevice)
                        ScanBus(f, into, ref count, scanned);
            return count;
        }

        private static void ScanBus(int bus, PciDevice[] into, ref int count, bool[] scanned)
        {
            if (scanned[bus]) return;
            scanned[bus] = true;
            for (int d = 0; d < PciAddress.DevicesPerBus; d++)
            {
                PciAddress first = new PciAddress(bus, d, 0);
                if (PciConfig.Read16(first, PciRegisters.VendorId) == PciRegisters.NoDevice) continue;
                bool multiFunction = (PciConfig.Read8(first, PciRegisters.HeaderType) & PciHeaderType.MultiFunction) != 0;
                int functions = multiFunction ? PciAddress.FunctionsPerDevice : 1;
                for (int f = 0; f < functions; f++)
                {
                    PciAddress a = new PciAddress(bus, d, f);
                    if (PciConfig.Read16(a, PciRegisters.VendorId) == PciRegisters.NoDevice) continue;
                    if (count == into.Length) return;
                    PciDevice device = Read(a);
                    into[count++] = device;
                    if (device.IsPciBridge && device.SecondaryBus != PciDevice.NoSecondaryBus)
                        ScanBus(device.SecondaryBus, into, ref count, scanned);
                }
            }
        }

        private static PciDevice Read(PciAddress a)
        {
            var d = new PciDevice
            {
                Address = a,
                VendorId = PciConfig.Read16(a, PciRegisters.VendorId),
                DeviceId = PciConfig.Read16(a, PciRegisters.DeviceId),
                ClassCode = PciConfig.Read8(a, PciRegisters.ClassCode),
                Subclass = PciConfig.Read8(a, PciRegisters.Subclass),
                ProgIf = PciConfig.Read8(a, PciRegisters.ProgIf),
                Revision = PciConfig.Read8(a, PciRegisters.RevisionId),
                HeaderType = PciConfig.Read8(a, PciRegisters.HeaderType),
                InterruptLine = PciConfig.Read8(a, PciRegisters.InterruptLine),
                InterruptPin = PciConfig.Read8(a, PciRegisters.InterruptPin),
            };
            if ((d.HeaderType & PciHeaderType.LayoutMask) == PciHeaderType.General)
            {
                d.SubsystemVendorId = PciConfig.Read16(a, PciRegisters.SubsystemVendorId);
                d.SubsystemId = PciConfig.Read16(a, PciRegisters.SubsystemId);
            }
            if (d.IsPciBridge) d.SecondaryBus = PciConfig.Read8(a, PciRegisters.SecondaryBus);
            ReadBars(d);
            return d;
        }

        // Sizes each BAR by writing all ones and reading back which address bits stick, with
        // I/O and memory decoding off meanwhile so the device never answers at the probe address,
        // then restores the BAR and the command register.
        private static void ReadBars(PciDevice d)
        {
            int barCount = PciHeaderType.BarCount(d.HeaderType);
            if (barCount == 0) return;
            ushort command = PciConfig.Read16(d.Address, PciRegisters.Command);
            PciConfig.Write16(d.Address, PciRegisters.Command, (ushort)(command & ~(ushort)(PciCommand.IoSpace | PciCommand.MemorySpace)));
            for (int i = 0; i < barCount; i++)
            {
                int offset = PciRegisters.Bar0 + i * PciRegisters.BarSize;
                uint low = PciConfig.Read32(d.Address, offset);
                uint probeLow = Probe(d.Address, offset, low);
                uint high = 0, probeHigh = 0;
                bool wide = PciBar.Is64Bit(low) && i + 1 < barCount;
                if (wide)
                {
                    high = PciConfig.Read32(d.Address, offset + PciRegisters.BarSize);
                    probeHigh = Probe(d.Address, offset + PciRegisters.BarSize, high);
                }
                d.Bars[i] = PciBar.Decode(i, low, high, probeLow, probeHigh);
                if (wide) i++;
            }
            PciConfig.Write16(d.Address, PciRegisters.Command, command);
        }

        private static uint Probe(PciAddress a, int offset, uint original)
        {
            PciConfig.Write32(a, offset, uint.MaxValue);
            uint mask = PciConfig.Read32(a, offset);
            PciConfig.Write32(a, offset, original);
            return mask;
        }
    }
}
