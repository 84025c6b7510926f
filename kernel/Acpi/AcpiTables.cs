using System;
using Nooks.Kernel.Console;
using Nooks.Kernel.Memory;

namespace Nooks.Kernel.Acpi
{
    // Finds the firmware's ACPI tables in physical memory (identity-mapped) and keeps what the
    // kernel needs from them. Everything read here is firmware data: it is checked, never trusted.
    public static unsafe class AcpiTables
    {
        private const ulong EbdaSegmentPointer = 0x40E;
        private const int EbdaSearchLength = 1024;
        private const ulong BiosAreaStart = 0xE0000, BiosAreaEnd = 0x100000;
        private const int MaxTableLength = 1024 * 1024;

        public static bool Found { get; private set; }
        public static Rsdp Rsdp { get; private set; }
        private static ulong rootTable;
        private static int rootEntrySize;

        // The MADT, or null if the firmware has none (the interrupt layer then assumes defaults).
        public static Madt Madt { get; private set; }

        public static void Initialize()
        {
            ulong rsdpAddress = FindRsdp();
            if (rsdpAddress == 0) { Log.Warn("acpi", "no RSDP in the EBDA or the BIOS area: no ACPI tables"); return; }
            Rsdp r;
            Rsdp.TryParse(Physical(rsdpAddress, Rsdp.Version2Length), out r);
            Rsdp = r;

            bool useXsdt = r.Revision >= 2 && r.XsdtAddress != 0 && IsMapped(r.XsdtAddress, SdtHeader.Size);
            rootTable = useXsdt ? r.XsdtAddress : r.RsdtAddress;
            rootEntrySize = useXsdt ? 8 : 4;
            string rootName = useXsdt ? "XSDT" : "RSDT";
            ReadOnlySpan<byte> root = Table(rootTable);
            if (root.IsEmpty || !SdtHeader.IsValidTable(root, rootName))
            {
                Log.Warn("acpi", $"RSDP at {rsdpAddress:x} points at an invalid {rootName} at {rootTable:x}");
                return;
            }
            Found = true;
            Log.Info("acpi", $"RSDP at {rsdpAddress:x} (revision {r.Revision}, OEM '{r.OemId}'), {rootName} at {rootTable:x} with {SdtHeader.RootEntryCount(root, rootEntrySize)} tables");

            ulong madtAddress = FindTable(Madt.Signature);
            if (madtAddress == 0) { Log.Warn("acpi", "no MADT"); return; }
            Madt = Madt.Parse(Table(madtAddress), out string error);
            if (Madt == null) Log.Warn("acpi", $"MADT at {madtAddress:x} rejected: {error}");
            else if (Madt.SkippedEntries > 0) Log.Warn("acpi", $"MADT: {Madt.SkippedEntries} entries beyond the kernel's limits were ignored");
        }

        // The physical address of the first valid table with this signature, or 0.
        public static ulong FindTable(string signature)
        {
            if (!Found) return 0;
            ReadOnlySpan<byte> root = Table(rootTable);
            int count = SdtHeader.RootEntryCount(root, rootEntrySize);
            for (int i = 0; i < count; i++)
            {
                ulong address = SdtHeader.RootEntry(root, rootEntrySize, i);
                ReadOnlySpan<byte> table = Table(address);
                if (!table.IsEmpty && AcpiBytes.HasSignature(table, signature))
                {
                    if (SdtHeader.IsValidTable(table, signature)) return address;
                    Log.Warn("acpi", $"{signature} at {address:x} has a bad checksum; skipped");
                }
            }
            return 0;
        }

        // A whole table at a physical address, sized by its header; empty if unreadable.
        public static ReadOnlySpan<byte> Table(ulong address)
        {
            if (!IsMapped(address, SdtHeader.Size)) return default;
            if (!SdtHeader.TryParse(Physical(address, SdtHeader.Size), out SdtHeader h) || h.Length > MaxTableLength || !IsMapped(address, h.Length))
                return default;
            return Physical(address, (int)h.Length);
        }

        private static ulong FindRsdp()
        {
            ulong ebda = (ulong)ReadBiosDataWord(EbdaSegmentPointer) << 4;
            if (ebda >= 0x400 && ebda + EbdaSearchLength <= BiosAreaStart)
            {
                int at = Rsdp.Find(Physical(ebda, EbdaSearchLength), out _);
                if (at >= 0) return ebda + (ulong)at;
            }
            int offset = Rsdp.Find(Physical(BiosAreaStart, (int)(BiosAreaEnd - BiosAreaStart)), out _);
            return offset >= 0 ? BiosAreaStart + (ulong)offset : 0;
        }

        // Page 0 (the BIOS data area) stays unmapped so that null dereferences fault; map it
        // read-only just long enough to read one word.
        private static ushort ReadBiosDataWord(ulong address)
        {
            AddressSpace.Kernel.Map(0, 0, PageFlags.KernelReadOnly);
            ushort value = *(ushort*)address;
            AddressSpace.Kernel.Unmap(0);
            return value;
        }

        private static bool IsMapped(ulong address, ulong length) =>
            address >= PageSize.Small && address + length <= KernelPaging.IdentityMappedTop && address + length > address;

        private static ReadOnlySpan<byte> Physical(ulong address, int length) => new ReadOnlySpan<byte>((void*)address, length);
    }
}
