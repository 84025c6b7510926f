using Nooks.Tools;

namespace Nooks.SystemTests;

public class IsoBootTests
{
    [Fact]
    public void GrubBootsTheIsoToTheBanner()
    {
        using var qemu = Boot.Start(BootMedium.Iso);
        QemuExit exit = Boot.PowerOff(qemu, Boot.IsoTimeout);
        Assert.True(exit.KernelSucceeded, $"{exit}\n{qemu.Console}");
    }
}
