using System.Threading;
using R = Nooks.Kernel.Apic.IoApicRegisters;

namespace Nooks.Kernel.Apic
{
    // One I/O APIC: routes the global system interrupts [GsiBase, GsiBase + EntryCount) to vectors.
    public sealed unsafe class IoApic
    {
        public readonly ulong Address;
        public readonly uint GsiBase;
        public readonly int EntryCount;
        private readonly byte* registers;

        public IoApic(ulong address, uint gsiBase)
        {
            Address = address;
            GsiBase = gsiBase;
            registers = (byte*)address;
            EntryCount = (int)((Read(R.Version) >> R.MaxRedirectionEntryShift) & R.MaxRedirectionEntryMask) + 1;
        }

        public bool Handles(uint gsi) => gsi >= GsiBase && gsi < GsiBase + (uint)EntryCount;

        public void MaskAll()
        {
            for (int pin = 0; pin < EntryCount; pin++) Write(Low(pin), R.Masked);
        }

        // Programs a pin as fixed delivery to one CPU; it stays masked until Unmask.
        public void Route(uint gsi, int vector, bool levelTriggered, bool activeLow, uint destinationApicId)
        {
            int pin = (int)(gsi - GsiBase);
            Write(Low(pin), R.Masked);
            Write(Low(pin) + 1, destinationApicId << R.DestinationShift);
            Write(Low(pin), (uint)vector | R.DeliveryFixed | R.DestinationPhysical | R.Masked
                | (levelTriggered ? R.LevelTriggered : 0) | (activeLow ? R.ActiveLow : 0));
        }

        // Programs a pin to deliver a non-maskable interrupt (vector field ignored), unmasked:
        // it interrupts even code running with interrupts off.
        public void RouteNmi(uint gsi, bool levelTriggered, bool activeLow, uint destinationApicId)
        {
            int pin = (int)(gsi - GsiBase);
            Write(Low(pin), R.Masked);
            Write(Low(pin) + 1, destinationApicId << R.DestinationShift);
            Write(Low(pin), R.DeliveryNmi | R.DestinationPhysical
                | (levelTriggered ? R.LevelTriggered : 0) | (activeLow ? R.ActiveLow : 0));
        }

        public void SetMasked(uint gsi, bool masked)
        {
            uint low = Low((int)(gsi - GsiBase));
            uint entry = Read(low);
            Write(low, masked ? entry | R.Masked : entry & ~R.Masked);
        }

        private static uint Low(int pin) => R.RedirectionTable + 2 * (uint)pin;

        private uint Read(uint register)
        {
            Volatile.Write(ref *(uint*)(registers + R.RegisterSelect), register);
            return Volatile.Read(ref *(uint*)(registers + R.Window));
        }

        private void Write(uint register, uint value)
        {
            Volatile.Write(ref *(uint*)(registers + R.RegisterSelect), register);
            Volatile.Write(ref *(uint*)(registers + R.Window), value);
        }
    }
}
