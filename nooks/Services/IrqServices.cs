using Nooks.Api;
using Nooks.Extensions;
using Nooks.Isolation;
using Nooks.Kernel.Interrupts;

namespace Nooks.Services
{
    // Device interrupts for driver extensions: the caller's PCI interrupt line is routed to one
    // of a few kernel handler slots, each of which calls the extension's handler through the
    // gate (a crossing when the extension is isolated).
    public static unsafe partial class KernelServices
    {
        private const int IrqSlots = 4;
        private static readonly Extension[] irqOwners = new Extension[IrqSlots];
        private static readonly ulong[] irqHandlers = new ulong[IrqSlots];
        private static readonly long[] irqContexts = new long[IrqSlots];
        private static readonly uint[] irqGsis = new uint[IrqSlots];
        public static readonly ulong[] IrqCounts = new ulong[IrqSlots];

        public static long RegisterIrq(delegate* unmanaged<long, void> handler, long context)
        {
            Extension caller = Gate.Current;
            Kernel.Pci.PciDevice d = caller.Device;
            if (d == null || d.InterruptPin == Kernel.Pci.PciDevice.NoInterruptPin) return ApiStatus.NoDevice;
            int slot = -1;
            for (int i = 0; i < IrqSlots && slot < 0; i++) if (irqOwners[i] == null) slot = i;
            if (slot < 0) return ApiStatus.Busy;
            irqOwners[slot] = caller;
            irqHandlers[slot] = (ulong)handler;
            irqContexts[slot] = context;
            // PCI INTx as the firmware routed it: an ISA IRQ number, level triggered per the MADT.
            uint gsi = Irq.RegisterIsa(d.InterruptLine, SlotHandler(slot), caller.Name);
            if (gsi == Irq.InvalidGsi)
            {
                irqOwners[slot] = null;
                return ApiStatus.Busy;
            }
            irqGsis[slot] = gsi;
            d.Command &= ~Kernel.Pci.PciCommand.InterruptDisable;   // set when a driver of it last failed or unloaded
            long handle = slot + 1;
            caller.Tracker.Add(ObjectKind.Irq, (ulong)handle, CallOrigin.RegisterIrq);
            caller.Tracker.AddEntryPoint((ulong)handler, CallOrigin.RegisterIrq);
            return handle;
        }

        public static int UnregisterIrq(long irq)
        {
            Extension caller = Gate.Current;
            if (!caller.Tracker.Holds(ObjectKind.Irq, (ulong)irq)) return ApiStatus.BadHandle;
            ReleaseIrq(caller, irq);
            caller.Tracker.Remove(ObjectKind.Irq, (ulong)irq);
            return ApiStatus.Ok;
        }

        private static void ReleaseIrq(Extension owner, long irq)
        {
            int slot = (int)irq - 1;
            if (slot < 0 || slot >= IrqSlots || irqOwners[slot] != owner) return;
            Irq.Unregister(irqGsis[slot], SlotHandler(slot));
            irqOwners[slot] = null;
            irqHandlers[slot] = 0;
        }

        private static delegate*<InterruptFrame*, void> SlotHandler(int slot) => slot switch
        {
            0 => &Slot0,
            1 => &Slot1,
            2 => &Slot2,
            _ => &Slot3,
        };

        private static void Slot0(InterruptFrame* f) => DispatchIrq(0);
        private static void Slot1(InterruptFrame* f) => DispatchIrq(1);
        private static void Slot2(InterruptFrame* f) => DispatchIrq(2);
        private static void Slot3(InterruptFrame* f) => DispatchIrq(3);

        private static void DispatchIrq(int slot)
        {
            Extension owner = irqOwners[slot];
            if (owner == null || !owner.IsRunning) return;
            IrqCounts[slot]++;
            Gate.Call(owner, irqHandlers[slot], irqContexts[slot]);
        }
    }
}
