using Nooks.Tools;

namespace Nooks.SystemTests;

public class KernelBootTests
{
    [Fact]
    public void BannerAppearsOnTheSerialConsole()
    {
        using var qemu = Boot.Start();
        qemu.WaitFor(KernelConsole.ReadyMarker, Boot.KernelTimeout);
    }

    [Fact]
    public void KernelExitsCleanlyThroughTheDebugExitDevice()
    {
        using var qemu = Boot.Start();
        QemuExit exit = Boot.PowerOff(qemu, Boot.KernelTimeout);
        Assert.True(exit.KernelSucceeded, $"{exit}\n{qemu.Console}");
    }
}
