using Nooks.Tools;

namespace Nooks.SystemTests;

// What every system test starts from: the built tree, and machines that never collide.
public static class Boot
{
    public static readonly TimeSpan KernelTimeout = TimeSpan.FromSeconds(60);
    // GRUB under software emulation, with another QEMU beside it on two cores.
    public static readonly TimeSpan IsoTimeout = TimeSpan.FromSeconds(120);

    public static RepoLayout Layout { get; } = RepoLayout.Find();

    public static QemuProcess Start(BootMedium medium = BootMedium.Kernel)
    {
        Layout.RequireBuilt(medium == BootMedium.Iso ? Layout.Iso : Layout.Kernel);
        Layout.RequireBuilt(Layout.Disk);
        return QemuProcess.Start(QemuMachine.Isolated(Layout, medium));
    }

    // Waits for the console, asks the kernel to power off, and returns how QEMU ended.
    public static QemuExit PowerOff(QemuProcess qemu, TimeSpan timeout)
    {
        qemu.WaitFor(KernelConsole.ReadyMarker, timeout);
        qemu.SendLine(KernelConsole.PowerOffCommand);
        return qemu.WaitForExit(timeout);
    }
}
