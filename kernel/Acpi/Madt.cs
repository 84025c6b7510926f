#nullable disable // shared with the host tests, which check nullability; the kernel does not

using System;

namespace Nooks.Kernel.Acpi
{
    public struct IoApicEntry
    {
        public byte Id;
        public uint Address;
        public uint GsiBase;
    }

    // An ISA IRQ that is wired to another global system interrupt, or with another polarity or
    // trigger mode, than the ISA default (edge, active high).
    public struct InterruptOverride
    {
        public byte IsaIrq;
        public uint Gsi;
        public bool ActiveLow;
        public bool LevelTriggered;
    }

    // The Multiple APIC Description Table (ACPI 6.5, 5.2.12): the interrupt controllers.
    public sealed class Madt
    {
        public const string Signature = "APIC";
        public const int MaxIoApics = 8;
        public const int MaxOverrides = 16;
        public const int MaxProcessors = 64;

        private const int LocalApicAddressOffset = 36, FlagsOffset = 40, FirstEntryOffset = 44;
        private const uint FlagPcAtCompatible = 1;
        private const byte TypeLocalApic = 0, TypeIoApic = 1, TypeInterruptOverride = 2, TypeLocalApicAddressOverride = 5;
        private const uint LocalApicEnabled = 1, LocalApicOnlineCapable = 2;
        // MPS INTI flags (ACPI 6.5, table 5.26): 2 bits of polarity, then 2 bits of trigger mode.
        private const int PolarityMask = 3, TriggerShift = 2, TriggerMask = 3;
        private const int PolarityActiveLow = 3, TriggerLevel = 3;

        public ulong LocalApicAddress;
        public bool HasLegacyPics;
        public readonly IoApicEntry[] IoApics = new IoApicEntry[MaxIoApics];
        public int IoApicCount;
        public readonly InterruptOverride[] Overrides = new InterruptOverride[MaxOverrides];
        public int OverrideCount;
        public readonly byte[] ProcessorApicIds = new byte[MaxProcessors];
        public int ProcessorCount;
        public int SkippedEntries;      // entries beyond the fixed capacities above

        // Parses a whole, checksummed MADT; null if it is not one or an entry overruns it.
        public static Madt Parse(ReadOnlySpan<byte> table, out string error)
        {
            error = null;
            if (!SdtHeader.IsValidTable(table, Signature)) { error = "bad signature, length or checksum"; return null; }
            table = table.Slice(0, (int)AcpiBytes.U32(table, 4));
            if (table.Length < FirstEntryOffset) { error = "table too short"; return null; }
            var madt = new Madt
            {
                LocalApicAddress = AcpiBytes.U32(table, LocalApicAddressOffset),
                HasLegacyPics = (AcpiBytes.U32(table, FlagsOffset) & FlagPcAtCompatible) != 0,
            };
            int offset = FirstEntryOffset;
            while (offset + 2 <= table.Length)
            {
                byte type = table[offset], length = table[offset + 1];
                if (length < 2 || offset + length > table.Length) { error = $"entry at offset {offset} overruns the table"; return null; }
                madt.AddEntry(type, table.Slice(offset, length));
                offset += length;
            }
            return madt;
        }

        private void AddEntry(byte type, ReadOnlySpan<byte> e)
        {
            switch (type)
            {
                case TypeLocalApic when e.Length >= 8:
                    if ((AcpiBytes.U32(e, 4) & (LocalApicEnabled | LocalApicOnlineCapable)) == 0) return;
                    if (ProcessorCount < MaxProcessors) ProcessorApicIds[ProcessorCount++] = e[3]; else SkippedEntries++;
                    break;
                case TypeIoApic when e.Length >= 12:
                    if (IoApicCount < MaxIoApics)
                        IoApics[IoApicCount++] = new IoApicEntry { Id = e[2], Address = AcpiBytes.U32(e, 4), GsiBase = AcpiBytes.U32(e, 8) };
                    else SkippedEntries++;
                    break;
                case TypeInterruptOverride when e.Length >= 10:
                    int flags = AcpiBytes.U16(e, 8);
                    if (OverrideCount < MaxOverrides)
                        Overrides[OverrideCount++] = new InterruptOverride
                        {
                            IsaIrq = e[3],
                            Gsi = AcpiBytes.U32(e, 4),
                            ActiveLow = (flags & PolarityMask) == PolarityActiveLow,
                            LevelTriggered = ((flags >> TriggerShift) & TriggerMask) == TriggerLevel,
                        };
                    else SkippedEntries++;
                    break;
                case TypeLocalApicAddressOverride when e.Length >= 12:
                    LocalApicAddress = AcpiBytes.U64(e, 4);
                    break;
            }
        }
    }
}
