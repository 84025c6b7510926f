using Nooks.Tools;

namespace Nooks.HostTests;

public class QemuMachineTests
{
    private static readonly QemuMachine Machine = new()
    {
        KernelPath = "/out/kernel.elf",
        IsoPath = "/out/nooks.iso",
        DiskPath = "/out/disk.img",
        HttpHostPort = 18080,
        EchoHostPort = 18081,
    };

    private static string CommandLine(QemuMachine machine) => string.Join(' ', machine.Arguments("/audio"));

    [Fact]
    public void KernelBootPassesBootModulesAsOneInitrdList()
    {
        string line = CommandLine(Machine with { BootModules = ["/out/a.elf", "/out/b.elf"] });
        Assert.Contains("-kernel /out/kernel.elf -initrd /out/a.elf,/out/b.elf", line);
    }

    [Fact]
    public void KernelBootWithoutModulesHasNoInitrd() =>
        Assert.DoesNotContain("-initrd", CommandLine(Machine));

    [Fact]
    public void IsoBootUsesTheCdrom()
    {
        string line = CommandLine(Machine with { Medium = BootMedium.Iso });
        Assert.Contains("-cdrom /out/nooks.iso", line);
        Assert.DoesNotContain("-kernel", line);
    }

    [Fact]
    public void ForwardsGoToTheMachinesOwnHostPorts()
    {
        string line = CommandLine(Machine);
        Assert.Contains("hostfwd=tcp:127.0.0.1:18080-:80", line);
        Assert.Contains("hostfwd=udp:127.0.0.1:18081-:7", line);
    }

    [Fact]
    public void DebugExitDeviceSitsWhereTheKernelWrites() =>
        Assert.Contains("isa-debug-exit,iobase=0xf4,iosize=0x4", CommandLine(Machine));

    [Fact]
    public void PipedConsoleHasNoMonitorToEatInput()
    {
        string line = CommandLine(Machine with { Console = ConsoleMode.Pipe });
        Assert.Contains("-serial stdio -monitor none", line);
        Assert.Contains("-serial mon:stdio", CommandLine(Machine with { Console = ConsoleMode.Terminal }));
    }

    [Fact]
    public void SnapshotDiskLeavesTheImageUntouched() =>
        Assert.Contains("file=/out/disk.img,format=raw,if=ide,index=0,snapshot=on", CommandLine(Machine with { DiskSnapshot = true }));
}
