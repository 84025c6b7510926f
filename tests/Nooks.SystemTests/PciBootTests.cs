using Nooks.Tools;

namespace Nooks.SystemTests;

// The default machine's PCI functions, as the kernel logs them at boot (bus order).
public class PciBootTests
{
    [Fact]
    public void BootLogListsEveryPciFunctionOfTheMachine()
    {
        using var qemu = Boot.Start();
        string[] expected =
        [
            "pci: 00:00.0 8086:1237 Host bridge",
            "pci: 00:01.0 8086:7000 ISA bridge",
            "pci: 00:01.1 8086:7010 IDE interface",
            "pci: 00:01.3 8086:7113 Bridge",
            "pci: 00:02.0 1234:1111 VGA compatible controller",
            "pci: 00:03.0 8086:100e Ethernet controller",
            "pci: 00:04.0 1022:2000 Ethernet controller",
            "pci: 00:05.0 1274:5000 Multimedia audio controller",
        ];
        foreach (string line in expected) qemu.WaitFor(line, Boot.KernelTimeout);
    }

    [Fact]
    public void InterfaceDispatchSelfTestPasses()
    {
        using var qemu = Boot.Start();
        qemu.WaitFor("corelib: interface dispatch self-test passed", Boot.KernelTimeout);
    }
}
