using System.Text;
using Nooks.Kernel.Acpi;

namespace Nooks.HostTests;

// The ACPI parsers on tables built here the way firmware lays them out (ACPI 6.5, 5.2).
public class AcpiTableTests
{
    private static void FixChecksum(byte[] bytes, int checksumOffset, int length)
    {
        bytes[checksumOffset] = 0;
        byte sum = 0;
        for (int i = 0; i < length; i++) sum += bytes[i];
        bytes[checksumOffset] = (byte)-sum;
    }

    private static byte[] Rsdp(byte revision, uint rsdt, ulong xsdt)
    {
        var b = new byte[Nooks.Kernel.Acpi.Rsdp.Version2Length];
        Encoding.ASCII.GetBytes("RSD PTR ").CopyTo(b, 0);
        Encoding.ASCII.GetBytes("BOCHS ").CopyTo(b, 9);
        b[15] = revision;
        BitConverter.GetBytes(rsdt).CopyTo(b, 16);
        BitConverter.GetBytes((uint)b.Length).CopyTo(b, 20);
        BitConverter.GetBytes(xsdt).CopyTo(b, 24);
        FixChecksum(b, 8, 20);
        FixChecksum(b, 32, b.Length);
        return b;
    }

    [Fact]
    public void Revision0RsdpGivesTheRsdt()
    {
        Assert.True(Nooks.Kernel.Acpi.Rsdp.TryParse(Rsdp(0, 0x7FE1AD8, 0), out Rsdp r));
        Assert.Equal(0x7FE1AD8u, r.RsdtAddress);
        Assert.Equal(0ul, r.XsdtAddress);
        Assert.Equal("BOCHS ", r.OemId);
    }

    [Fact]
    public void Revision2RsdpGivesTheXsdt()
    {
        Assert.True(Nooks.Kernel.Acpi.Rsdp.TryParse(Rsdp(2, 0x1000, 0x1_2345_6000), out Rsdp r));
        Assert.Equal(0x1_2345_6000ul, r.XsdtAddress);
    }

    [Fact]
    public void RsdpWithABadChecksumIsRejected()
    {
        byte[] b = Rsdp(0, 0x1000, 0);
        b[16] ^= 1;
        Assert.False(Nooks.Kernel.Acpi.Rsdp.TryParse(b, out _));
    }

    [Fact]
    public void RsdpWithABadExtendedChecksumIsRejected()
    {
        byte[] b = Rsdp(2, 0x1000, 0x2000);
        b[24] ^= 1;
        Assert.False(Nooks.Kernel.Acpi.Rsdp.TryParse(b, out _));
    }

    [Fact]
    public void FindScansOnlySixteenByteBoundaries()
    {
        var area = new byte[256];
        Rsdp(0, 0x1000, 0).CopyTo(area, 0x48);       // misaligned copy: must be skipped
        Rsdp(0, 0x2000, 0).CopyTo(area, 0x80);
        Assert.Equal(0x80, Nooks.Kernel.Acpi.Rsdp.Find(area, out Rsdp r));
        Assert.Equal(0x2000u, r.RsdtAddress);
    }

    [Fact]
    public void FindReportsNothingInAnAreaWithoutRsdp() =>
        Assert.Equal(-1, Nooks.Kernel.Acpi.Rsdp.Find(new byte[1024], out _));

    // A MADT like QEMU's: one CPU, one I/O APIC, ISA IRQ 0 -> GSI 2, IRQ 9 level active high.
    private static byte[] Madt(Action<List<byte>>? extra = null)
    {
        var b = new List<byte>();
        b.AddRange(Encoding.ASCII.GetBytes("APIC"));
        b.AddRange(new byte[4]);                                 // length, patched below
        b.Add(1); b.Add(0);                                      // revision, checksum
        b.AddRange(Encoding.ASCII.GetBytes("BOCHS BXPC    "));   // OEM id and table id
        b.AddRange(new byte[12]);                                // OEM revision, creator
        b.AddRange(BitConverter.GetBytes(0xFEE00000u));
        b.AddRange(BitConverter.GetBytes(1u));                   // PC-AT compatible
        b.AddRange(new byte[] { 0, 8, 0, 0, 1, 0, 0, 0 });       // processor 0, APIC id 0, enabled
        b.AddRange(new byte[] { 1, 12, 0, 0 });                  // I/O APIC id 0
        b.AddRange(BitConverter.GetBytes(0xFEC00000u));
        b.AddRange(BitConverter.GetBytes(0u));
        b.AddRange(new byte[] { 2, 10, 0, 0 });                  // ISA IRQ 0
        b.AddRange(BitConverter.GetBytes(2u));
        b.AddRange(BitConverter.GetBytes((ushort)0));
        b.AddRange(new byte[] { 2, 10, 0, 9 });                  // ISA IRQ 9, level, active high
        b.AddRange(BitConverter.GetBytes(9u));
        b.AddRange(BitConverter.GetBytes((ushort)0b1101));
        extra?.Invoke(b);
        byte[] table = b.ToArray();
        BitConverter.GetBytes((uint)table.Length).CopyTo(table, 4);
        FixChecksum(table, 9, table.Length);
        return table;
    }

    [Fact]
    public void MadtGivesApicsAndOverrides()
    {
        Madt? m = Nooks.Kernel.Acpi.Madt.Parse(Madt(), out string? error);
        Assert.NotNull(m);
        Assert.Null(error);
        Assert.Equal(0xFEE00000ul, m.LocalApicAddress);
        Assert.True(m.HasLegacyPics);
        Assert.Equal(1, m.ProcessorCount);
        Assert.Equal(1, m.IoApicCount);
        Assert.Equal(0xFEC00000u, m.IoApics[0].Address);
        Assert.Equal(0u, m.IoApics[0].GsiBase);
        Assert.Equal(2, m.OverrideCount);
        Assert.Equal(new InterruptOverride { IsaIrq = 0, Gsi = 2 }, m.Overrides[0]);
        Assert.Equal(new InterruptOverride { IsaIrq = 9, Gsi = 9, LevelTriggered = true, ActiveLow = false }, m.Overrides[1]);
    }

    [Fact]
    public void ActiveLowLevelOverrideIsDecoded()
    {
        byte[] t = Madt(b =>
        {
            b.AddRange(new byte[] { 2, 10, 0, 11 });
            b.AddRange(BitConverter.GetBytes(11u));
            b.AddRange(BitConverter.GetBytes((ushort)0b1111));
        });
        Madt? m = Nooks.Kernel.Acpi.Madt.Parse(t, out _);
        Assert.NotNull(m);
        Assert.True(m.Overrides[2].LevelTriggered);
        Assert.True(m.Overrides[2].ActiveLow);
    }

    [Fact]
    public void LocalApicAddressOverrideWins()
    {
        byte[] t = Madt(b =>
        {
            b.AddRange(new byte[] { 5, 12, 0, 0 });
            b.AddRange(BitConverter.GetBytes(0x1_0000_0000ul));
        });
        Assert.Equal(0x1_0000_0000ul, Nooks.Kernel.Acpi.Madt.Parse(t, out _)!.LocalApicAddress);
    }

    [Fact]
    public void DisabledProcessorsAreNotCounted()
    {
        byte[] t = Madt(b => b.AddRange(new byte[] { 0, 8, 1, 1, 0, 0, 0, 0 }));
        Assert.Equal(1, Nooks.Kernel.Acpi.Madt.Parse(t, out _)!.ProcessorCount);
    }

    [Fact]
    public void EntryOverrunningTheTableIsRejected()
    {
        byte[] t = Madt(b => b.AddRange(new byte[] { 1, 40, 0, 0 }));
        Assert.Null(Nooks.Kernel.Acpi.Madt.Parse(t, out string? error));
        Assert.Contains("overruns", error);
    }

    [Fact]
    public void MadtWithABadChecksumIsRejected()
    {
        byte[] t = Madt();
        t[40] ^= 1;
        Assert.Null(Nooks.Kernel.Acpi.Madt.Parse(t, out _));
    }

    [Fact]
    public void RootTableEntriesAreReadAtTheirWidth()
    {
        var xsdt = new byte[SdtHeader.Size + 16];
        BitConverter.GetBytes((uint)xsdt.Length).CopyTo(xsdt, 4);
        BitConverter.GetBytes(0x1_0000_2000ul).CopyTo(xsdt, SdtHeader.Size + 8);
        Assert.Equal(2, SdtHeader.RootEntryCount(xsdt, 8));
        Assert.Equal(0x1_0000_2000ul, SdtHeader.RootEntry(xsdt, 8, 1));
        Assert.Equal(4, SdtHeader.RootEntryCount(xsdt, 4));
    }
}
