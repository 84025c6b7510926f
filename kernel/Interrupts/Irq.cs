using Nooks.Kernel.Acpi;
using Nooks.Kernel.Apic;
using Nooks.Kernel.Arch;
using Nooks.Kernel.Console;
using Nooks.Kernel.Threading;

namespace Nooks.Kernel.Interrupts
{
    // Device interrupts: global system interrupts (GSIs) routed through the I/O APICs to vectors,
    // and the local APIC's own sources. Every device vector lands in Dispatch, which runs the
    // line's handlers, signals end of interrupt, then lets the scheduler preempt.
    public static unsafe class Irq
    {
        public const int LegacyPicVector = Idt.FirstIrqVector;                 // 32-47, masked
        public const int FirstDeviceVector = LegacyPicVector + Pic8259.LineCount;
        public const int LastDeviceVector = 0xEF;
        public const int LocalTimerVector = 0xF0;
        public const int SpuriousVector = 0xFF;
        public const uint InvalidGsi = uint.MaxValue;
        public const int MaxHandlersPerLine = 4;
        private const int IsaIrqCount = 16;
        private const ulong DefaultLocalApicAddress = 0xFEE00000;
        private const uint DefaultIoApicAddress = 0xFEC00000;

        // One vector's line: a GSI (or a local source) with up to four sharing handlers.
        private sealed class Line
        {
            public uint Gsi = InvalidGsi;
            public bool LevelTriggered, ActiveLow, Masked;
            public readonly ulong[] Handlers = new ulong[MaxHandlersPerLine];
            public readonly string[] Names = new string[MaxHandlersPerLine];
            public int HandlerCount;
        }

        private static readonly Line[] lines = new Line[Idt.VectorCount];
        private static IoApic[] ioApics = new IoApic[0];
        private static Madt madt;
        private static uint destinationApicId;
        private static SpinLock tableLock;
        private static int handlerDepth;

        // True while device interrupt handlers run: no sleeping, no switching threads.
        public static bool InHandler => handlerDepth > 0;

        public static void Initialize(Madt fromFirmware)
        {
            madt = fromFirmware;
            Pic8259.RemapAndMask(LegacyPicVector);
            for (int v = LegacyPicVector; v < FirstDeviceVector; v++) InterruptDispatch.SetHandler(v, &IgnoreLegacy);
            InterruptDispatch.SetHandler(SpuriousVector, &IgnoreSpurious);

            ulong lapic = madt != null ? madt.LocalApicAddress : DefaultLocalApicAddress;
            LocalApic.Initialize(lapic, SpuriousVector);
            destinationApicId = LocalApic.Id;

            if (madt != null && madt.IoApicCount > 0)
            {
                ioApics = new IoApic[madt.IoApicCount];
                for (int i = 0; i < madt.IoApicCount; i++) ioApics[i] = new IoApic(madt.IoApics[i].Address, madt.IoApics[i].GsiBase);
            }
            else
            {
                Log.Warn("irq", $"no MADT: assuming a local APIC at {DefaultLocalApicAddress:x} and one I/O APIC at {DefaultIoApicAddress:x} with identity ISA wiring");
                ioApics = new IoApic[] { new IoApic(DefaultIoApicAddress, 0) };
            }
            for (int i = 0; i < ioApics.Length; i++)
            {
                ioApics[i].MaskAll();
                Log.Info("irq", $"I/O APIC at {ioApics[i].Address:x}: GSIs {ioApics[i].GsiBase}-{ioApics[i].GsiBase + (uint)ioApics[i].EntryCount - 1}");
            }
            Log.Info("irq", $"8259 PICs masked; local APIC {destinationApicId} at {lapic:x}, spurious vector {SpuriousVector}");
            if (madt != null)
                for (int i = 0; i < madt.OverrideCount; i++)
                {
                    InterruptOverride o = madt.Overrides[i];
                    Log.Info("irq", $"ISA IRQ {o.IsaIrq} -> GSI {o.Gsi}{(o.LevelTriggered ? ", level" : "")}{(o.ActiveLow ? ", active low" : "")}");
                }
        }

        // The GSI an ISA IRQ arrives on, with its trigger mode and polarity (MADT overrides).
        public static uint IsaToGsi(int isaIrq, out bool levelTriggered, out bool activeLow)
        {
            levelTriggered = activeLow = false;
            if (madt != null)
                for (int i = 0; i < madt.OverrideCount; i++)
                    if (madt.Overrides[i].IsaIrq == isaIrq)
                    {
                        levelTriggered = madt.Overrides[i].LevelTriggered;
                        activeLow = madt.Overrides[i].ActiveLow;
                        return madt.Overrides[i].Gsi;
                    }
            return (uint)isaIrq;
        }

        // Routes an ISA IRQ to the NMI (watchdogs); returns false if no I/O APIC serves it.
        public static bool RouteIsaAsNmi(int isaIrq)
        {
            uint gsi = IsaToGsi(isaIrq, out bool level, out bool low);
            IoApic apic = ApicFor(gsi);
            if (apic == null) return false;
            apic.RouteNmi(gsi, level, low, LocalApic.Id);
            Log.Info("irq", $"ISA IRQ {isaIrq} (GSI {gsi}) delivers NMIs");
            return true;
        }

        // Registers an ISA device's handler; returns the GSI (for Mask, Unmask and Unregister),
        // or InvalidGsi with the reason logged.
        public static uint RegisterIsa(int isaIrq, delegate*<InterruptFrame*, void> handler, string name = "isa")
        {
            if (isaIrq < 0 || isaIrq >= IsaIrqCount) { Log.Error("irq", $"{name}: ISA IRQ {isaIrq} does not exist"); return InvalidGsi; }
            uint gsi = IsaToGsi(isaIrq, out bool level, out bool low);
            return RegisterGsi(gsi, level, low, handler, name) ? gsi : InvalidGsi;
        }

        // Registers a handler on a GSI (PCI INTx lines: level triggered, active low) and unmasks
        // it. Lines may be shared by handlers that agree on trigger mode and polarity.
        public static bool RegisterGsi(uint gsi, bool levelTriggered, bool activeLow, delegate*<InterruptFrame*, void> handler, string name = "device")
        {
            if (handler == null) { Log.Error("irq", $"{name}: null handler for GSI {gsi}"); return false; }
            IoApic apic = ApicFor(gsi);
            if (apic == null) { Log.Error("irq", $"{name}: no I/O APIC handles GSI {gsi}"); return false; }
            tableLock.Acquire();
            int vector = VectorOf(gsi);
            Line line;
            if (vector >= 0)
            {
                line = lines[vector];
                if (line.LevelTriggered != levelTriggered || line.ActiveLow != activeLow)
                {
                    tableLock.Release();
                    Log.Error("irq", $"{name}: GSI {gsi} is already {Mode(line.LevelTriggered, line.ActiveLow)}, cannot share it as {Mode(levelTriggered, activeLow)}");
                    return false;
                }
                if (line.HandlerCount == MaxHandlersPerLine)
                {
                    tableLock.Release();
                    Log.Error("irq", $"{name}: GSI {gsi} already has {MaxHandlersPerLine} handlers");
                    return false;
                }
            }
            else
            {
                vector = FreeVector();
                if (vector < 0) { tableLock.Release(); Log.Error("irq", $"{name}: out of interrupt vectors"); return false; }
                line = lines[vector] ?? new Line();
                line.Gsi = gsi;
                line.LevelTriggered = levelTriggered;
                line.ActiveLow = activeLow;
                line.Masked = false;
                lines[vector] = line;
                InterruptDispatch.SetHandler(vector, &Dispatch);
                apic.Route(gsi, vector, levelTriggered, activeLow, destinationApicId);
            }
            line.Handlers[line.HandlerCount] = (ulong)handler;
            line.Names[line.HandlerCount++] = name;
            if (!line.Masked) apic.SetMasked(gsi, false);
            tableLock.Release();
            Log.Info("irq", $"{name}: GSI {gsi} ({Mode(levelTriggered, activeLow)}) on vector {vector}");
            return true;
        }

        // Removes one handler; the line is masked and its vector freed with the last one.
        public static bool Unregister(uint gsi, delegate*<InterruptFrame*, void> handler)
        {
            tableLock.Acquire();
            int vector = VectorOf(gsi);
            Line line = vector >= 0 ? lines[vector] : null;
            int index = -1;
            for (int i = 0; line != null && i < line.HandlerCount; i++) if (line.Handlers[i] == (ulong)handler) index = i;
            if (index < 0) { tableLock.Release(); Log.Error("irq", $"unregister: that handler is not registered on GSI {gsi}"); return false; }
            for (int i = index; i < line.HandlerCount - 1; i++) { line.Handlers[i] = line.Handlers[i + 1]; line.Names[i] = line.Names[i + 1]; }
            line.HandlerCount--;
            line.Handlers[line.HandlerCount] = 0;
            line.Names[line.HandlerCount] = null;
            if (line.HandlerCount == 0)
            {
                ApicFor(gsi).SetMasked(gsi, true);
                InterruptDispatch.SetHandler(vector, null);
                line.Gsi = InvalidGsi;
            }
            tableLock.Release();
            return true;
        }

        public static bool Mask(uint gsi) => SetMasked(gsi, true);
        public static bool Unmask(uint gsi) => SetMasked(gsi, false);

        private static bool SetMasked(uint gsi, bool masked)
        {
            tableLock.Acquire();
            int vector = VectorOf(gsi);
            if (vector >= 0) { lines[vector].Masked = masked; ApicFor(gsi).SetMasked(gsi, masked); }
            tableLock.Release();
            if (vector < 0) Log.Error("irq", $"{(masked ? "mask" : "unmask")}: GSI {gsi} has no handler");
            return vector >= 0;
        }

        // A local APIC source (the timer) on a fixed vector.
        public static void RegisterLocal(int vector, delegate*<InterruptFrame*, void> handler, string name)
        {
            Line line = lines[vector] ?? new Line();
            line.Handlers[0] = (ulong)handler;
            line.Names[0] = name;
            line.HandlerCount = 1;
            lines[vector] = line;
            InterruptDispatch.SetHandler(vector, &Dispatch);
        }

        private static void Dispatch(InterruptFrame* frame)
        {
            Line line = lines[(int)frame->Vector];
            handlerDepth++;
            for (int i = 0; i < line.HandlerCount; i++) ((delegate*<InterruptFrame*, void>)line.Handlers[i])(frame);
            LocalApic.EndOfInterrupt();
            handlerDepth--;
            Scheduler.PreemptIfNeeded();
        }

        // The 8259s are masked, but a masked 8259 can still raise its spurious IRQ 7 or 15.
        private static void IgnoreLegacy(InterruptFrame* frame) { }

        // A spurious local APIC interrupt must not be acknowledged (SDM 11.9).
        private static void IgnoreSpurious(InterruptFrame* frame) { }

        public static bool HasSource(int vector) => lines[vector] != null && lines[vector].HandlerCount > 0;

        // Appends what is on a vector, for reports ("GSI 4: com1", "LAPIC timer"); false if
        // nothing is. Appended, not returned: the handlers' names joined into strings were left
        // on the heap by every report.
        public static bool AppendSource(System.Text.TextBuilder text, int vector)
        {
            if (!HasSource(vector)) return false;
            Line line = lines[vector];
            if (line.Gsi != InvalidGsi) text.Append($"GSI {line.Gsi} {Mode(line.LevelTriggered, line.ActiveLow)}: ");
            for (int i = 0; i < line.HandlerCount; i++)
            {
                if (i > 0) text.Append(", ");
                text.Append(line.Names[i]);
            }
            return true;
        }

        // Literals, not a formatted string: callers put it in log lines on every registration (each
        // restart of an isolated driver), and a string made here would never be freed.
        private static string Mode(bool level, bool low) =>
            level ? (low ? "level/low" : "level/high") : (low ? "edge/low" : "edge/high");

        private static IoApic ApicFor(uint gsi)
        {
            for (int i = 0; i < ioApics.Length; i++) if (ioApics[i].Handles(gsi)) return ioApics[i];
            return null;
        }

        private static int VectorOf(uint gsi)
        {
            for (int v = FirstDeviceVector; v <= LastDeviceVector; v++)
                if (lines[v] != null && lines[v].Gsi == gsi && lines[v].HandlerCount > 0) return v;
            return -1;
        }

        private static int FreeVector()
        {
            for (int v = FirstDeviceVector; v <= LastDeviceVector; v++)
                if (lines[v] == null || lines[v].HandlerCount == 0) return v;
            return -1;
        }
    }
}
