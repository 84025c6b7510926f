using Nooks.Kernel.Pci;

namespace Nooks.HostTests;

public class PciReportTests
{
    private static PciDevice E1000() => new()
    {
        Address = new PciAddress(0, 3, 0),
        VendorId = 0x8086,
        DeviceId = 0x100e,
        ClassCode = 0x02,
        Subclass = 0x00,
        Revision = 0x03,
        InterruptLine = 11,
        InterruptPin = 1,
        SubsystemVendorId = 0x1af4,
        SubsystemId = 0x1100,
        Bars =
        [
            PciBar.Decode(0, 0xfebc0000, 0, 0xfffe0000, 0),
            PciBar.Decode(1, 0xc101, 0, 0xffffffc1, 0),
            default, default, default, default,
        ],
    };

    [Theory]
    [InlineData(0x06, 0x00, "Host bridge")]
    [InlineData(0x06, 0x01, "ISA bridge")]
    [InlineData(0x01, 0x01, "IDE interface")]
    [InlineData(0x03, 0x00, "VGA compatible controller")]
    [InlineData(0x02, 0x00, "Ethernet controller")]
    [InlineData(0x04, 0x01, "Multimedia audio controller")]
    [InlineData(0x06, 0x80, "Bridge")]
    [InlineData(0x06, 0x04, "PCI bridge")]
    [InlineData(0x0c, 0x03, "USB controller")]
    [InlineData(0x02, 0x42, "Network controller")]
    [InlineData(0x77, 0x01, "Class 7701")]
    public void ClassNamesMatchLspci(byte classCode, byte subclass, string name) =>
        Assert.Equal(name, PciClassNames.Name(classCode, subclass));

    [Fact]
    public void AddressPrintsAsBusDeviceFunction() =>
        Assert.Equal("1f:1e.7", new PciAddress(0x1f, 0x1e, 7).ToString());

    [Fact]
    public void LineIsAddressIdsAndClass() =>
        Assert.Equal("00:03.0 8086:100e Ethernet controller", PciReport.Line(E1000()));

    [Fact]
    public void VerboseAddsSubsystemInterruptAndBars()
    {
        string text = PciReport.Verbose(E1000());
        Assert.StartsWith("00:03.0 8086:100e Ethernet controller\n", text);
        Assert.Contains("\tSubsystem: 1af4:1100\n", text);
        Assert.Contains("\tInterrupt: pin A routed to IRQ 11\n", text);
        Assert.Contains("\tBAR0: Memory at febc0000 (32-bit, non-prefetchable) [size=128K]\n", text);
        Assert.Contains("\tBAR1: I/O ports at c100 [size=64]\n", text);
        Assert.DoesNotContain("BAR2", text);
    }

    [Fact]
    public void ListHasOneLinePerFunction()
    {
        PciDevice[] devices = [E1000(), E1000()];
        devices[1].Address = new PciAddress(0, 4, 0);
        Assert.Equal("00:03.0 8086:100e Ethernet controller\n00:04.0 8086:100e Ethernet controller\n",
            PciReport.List(devices, 2, verbose: false));
    }
}
