using System.Globalization;
using System.Text.RegularExpressions;
using Nooks.Tools;

namespace Nooks.SystemTests;

// What the ring-3 shell shows about the machine agrees with how QEMU was started.
public partial class ShellReportsTests
{
    [GeneratedRegex(@"MemTotal:\s+(\d+) kB")]
    private static partial Regex MemTotal();

    [Fact]
    public void LspciListsTheMachinesDevicesWithTheirIds()
    {
        using QemuProcess qemu = KernelShell.Boot("");
        string lspci = KernelShell.Run(qemu, "lspci");
        Assert.Contains("00:03.0 8086:100e Ethernet controller", lspci);      // e1000
        Assert.Contains("00:04.0 1022:2000 Ethernet controller", lspci);      // pcnet
        Assert.Contains("00:05.0 1274:5000 Multimedia audio controller", lspci);   // es1370
        Assert.Contains("00:01.1 8086:7010 IDE interface", lspci);
    }

    [Fact]
    public void MeminfoTotalAgreesWithTheMachinesMemory()
    {
        using QemuProcess qemu = KernelShell.Boot("");
        Match m = MemTotal().Match(KernelShell.Run(qemu, "meminfo"));
        Assert.True(m.Success, qemu.Console);
        long kib = long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        long configured = QemuMachine.MemoryMiB * 1024L;
        // The firmware keeps the first MiB's holes and its ACPI tables; everything else is RAM.
        Assert.InRange(kib, configured - 2048, configured);
    }

    [Fact]
    public void UptimeAdvances()
    {
        using QemuProcess qemu = KernelShell.Boot("");
        string first = KernelShell.Run(qemu, "uptime");
        Thread.Sleep(1500);
        string second = KernelShell.Run(qemu, "uptime");
        static double Seconds(string s) => double.Parse(Regex.Match(s, @"up (\d+\.\d+) s").Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.True(Seconds(second) - Seconds(first) >= 1.0, first + second);
    }
}
