using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Nooks.Tools;

namespace Nooks.SystemTests;

// A fault raised inside the isolated e1000 while datagrams flow: the kernel recovers the driver
// (release, reload, init, replay of the interface's configuration) and the traffic goes on.
public partial class NetworkRecoveryTests
{
    [GeneratedRegex(@"^e1000\s+isolated\s+running\s+(\d+)\s+(\d+)", RegexOptions.Multiline)]
    private static partial Regex E1000Line();

    [Fact]
    public async Task E1000KeepsWorkingAfterAFaultDuringTraffic()
    {
        Boot.Layout.RequireBuilt(Boot.Layout.Kernel);
        QemuMachine machine = QemuMachine.Isolated(Boot.Layout) with { ExtraArguments = ["-append", "nooks.load=e1000:isolated"] };
        using var qemu = QemuProcess.Start(machine);
        qemu.WaitFor("loaded e1000 (isolated)", Boot.KernelTimeout);
        qemu.WaitFor(KernelConsole.Prompt, Boot.KernelTimeout);

        using var client = new UdpClient();
        client.Client.ReceiveTimeout = 200;
        var guest = new IPEndPoint(IPAddress.Loopback, machine.EchoHostPort);
        int EchoesFor(TimeSpan span)
        {
            int echoed = 0;
            var clock = Stopwatch.StartNew();
            byte[] payload = new byte[64];
            IPEndPoint? from = null;
            while (clock.Elapsed < span)
            {
                client.Send(payload, payload.Length, guest);
                try { client.Receive(ref from); echoed++; } catch (SocketException) { }
            }
            return echoed;
        }

        // QEMU's e1000 may hold the first frames for a second after receive is enabled.
        Assert.True(EchoesFor(TimeSpan.FromSeconds(3)) > 10, qemu.Console);
        var traffic = Task.Run(() => EchoesFor(TimeSpan.FromSeconds(4)));
        await Task.Delay(1000);
        qemu.SendLine("nooks inject e1000");
        qemu.WaitFor("extension e1000 failed: injected fault", Boot.KernelTimeout);
        qemu.WaitFor("restarted e1000 (isolated)", Boot.KernelTimeout);
        await traffic;
        int afterRecovery = EchoesFor(TimeSpan.FromSeconds(3));

        Assert.True(afterRecovery > 10, $"{afterRecovery} echoes after recovery\n{qemu.Console}");
        Assert.Contains("eth0: re-attached to e1000 (isolated)", qemu.Console);
        // The device was stopped while no driver ran it, and its interrupt came back with the new one.
        Assert.Contains("nooks: e1000: device 00:03.0 stopped: bus mastering and its interrupt off", qemu.Console);
        // The shell's prompt after `nooks inject` may come before or after the recovery lines,
        // so read lsmod's table by its header rather than by prompts.
        int before = qemu.Console.Length;
        qemu.SendLine("lsmod");
        qemu.WaitFor("XPCS", Boot.KernelTimeout);
        qemu.WaitFor(KernelConsole.Prompt, Boot.KernelTimeout);
        Match line = E1000Line().Match(qemu.Console[before..]);
        Assert.True(line.Success, qemu.Console);
        Assert.Equal("1", line.Groups[1].Value);   // faults
        Assert.Equal("1", line.Groups[2].Value);   // restarts
        Assert.DoesNotContain("KERNEL PANIC", qemu.Console);
    }
    // What the kernel configured (receive mode, MAC, up or down) is in the restarted driver's
    // device registers, as its `e1000` diagnostics command reads them, not only in `ifconfig`.
    [Fact]
    public void ARestartedDriverGetsTheInterfacesConfigurationReplayed()
    {
        Boot.Layout.RequireBuilt(Boot.Layout.Kernel);
        QemuMachine machine = QemuMachine.Isolated(Boot.Layout) with { ExtraArguments = ["-append", "nooks.load=e1000:isolated"] };
        using var qemu = QemuProcess.Start(machine);
        qemu.WaitFor("loaded e1000 (isolated)", Boot.KernelTimeout);
        qemu.WaitFor(KernelConsole.Prompt, Boot.KernelTimeout);
        Assert.Contains("unicast promiscuous off", KernelShell.Run(qemu, "e1000"));

        KernelShell.Run(qemu, "ifconfig eth0 promisc");
        Assert.Contains("ether 52:54:00:12:34:57", KernelShell.Run(qemu, "ifconfig eth0 hw 52:54:00:12:34:57"));
        RestartThroughAnInjectedFault(qemu);
        string registers = KernelShell.Run(qemu, "e1000");
        Assert.Contains("receiver on, unicast promiscuous on, multicast promiscuous on", registers);
        Assert.Contains("receive address 0 52:54:00:12:34:57", registers);

        KernelShell.Run(qemu, "ifconfig eth0 down");
        RestartThroughAnInjectedFault(qemu);
        Assert.Contains("receiver off", KernelShell.Run(qemu, "e1000"));

        Assert.Contains("not a unicast MAC address", KernelShell.Run(qemu, "ifconfig eth0 hw 01:00:5e:00:00:01"));
        KernelShell.Run(qemu, "ifconfig eth0 hw 52:54:00:12:34:56");
        KernelShell.Run(qemu, "ifconfig eth0 -promisc");
        KernelShell.Run(qemu, "ifconfig eth0 up");
        registers = KernelShell.Run(qemu, "e1000");
        Assert.Contains("receiver on, unicast promiscuous off, multicast promiscuous off", registers);
        Assert.Contains("receive address 0 52:54:00:12:34:56", registers);
        Assert.Equal("2", E1000Line().Match(KernelShell.Run(qemu, "lsmod")).Groups[2].Value);   // restarts
    }

    private static void RestartThroughAnInjectedFault(QemuProcess qemu)
    {
        KernelShell.Run(qemu, "nooks inject e1000");
        Assert.Contains("extension e1000 failed: injected fault", KernelShell.Run(qemu, "e1000"));
    }
}
