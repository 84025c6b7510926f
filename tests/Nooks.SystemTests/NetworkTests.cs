using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Nooks.Tools;

namespace Nooks.SystemTests;

// The e1000 extension and the kernel's network stack over QEMU user networking, with the driver
// loaded natively and isolated in its own protection domain.
public class NetworkTests
{
    private static readonly string Prompt = KernelConsole.Prompt;

    private static QemuProcess StartWithE1000(string mode, out QemuMachine machine)
    {
        Boot.Layout.RequireBuilt(Boot.Layout.Kernel);
        machine = QemuMachine.Isolated(Boot.Layout) with { ExtraArguments = ["-append", $"nooks.load=e1000:{mode}"] };
        var qemu = QemuProcess.Start(machine);
        try
        {
            // In boot order: the driver attaches during its init, which ends the load.
            qemu.WaitFor($"eth0: attached to e1000 ({mode})", Boot.KernelTimeout);
            qemu.WaitFor($"loaded e1000 ({mode})", Boot.KernelTimeout);
            qemu.WaitFor(Prompt, Boot.KernelTimeout);
            return qemu;
        }
        catch
        {
            qemu.Dispose();   // the caller never gets it to dispose
            throw;
        }
    }

    [Theory]
    [InlineData("native")]
    [InlineData("isolated")]
    public void PingOfTheGatewayGetsReplies(string mode)
    {
        using var qemu = StartWithE1000(mode, out _);
        // QEMU's e1000 holds received frames back for one second after the driver sets
        // RCTL.EN (its flush_queue_timer), so the first reply right after boot may come late.
        qemu.SendLine("ping -c 4 10.0.2.2");
        qemu.WaitFor("64 bytes from 10.0.2.2: icmp_seq=", Boot.KernelTimeout);
        qemu.WaitFor("4 packets transmitted, ", Boot.KernelTimeout);
        qemu.WaitFor("rtt min/avg/max/mdev = ", Boot.KernelTimeout);
        Match summary = Regex.Match(qemu.Console, @"4 packets transmitted, (\d) received");
        Assert.True(summary.Success && int.Parse(summary.Groups[1].Value) >= 3, qemu.Console);
        Assert.Matches(@"64 bytes from 10\.0\.2\.2: icmp_seq=4 ttl=255 time=\d+\.\d{3} ms", qemu.Console);
    }

    [Theory]
    [InlineData("native")]
    [InlineData("isolated")]
    public void UdpDatagramsFromTheHostComeBack(string mode)
    {
        using var qemu = StartWithE1000(mode, out QemuMachine machine);
        using var client = new UdpClient();
        client.Client.ReceiveTimeout = 2000;
        var guest = new IPEndPoint(IPAddress.Loopback, machine.EchoHostPort);
        int echoed = 0;
        // The first datagram may be lost while slirp and the guest learn each other's addresses.
        for (int i = 0; i < 20 && echoed < 5; i++)
        {
            byte[] message = Encoding.ASCII.GetBytes($"nooks udp echo {mode} {i}");
            client.Send(message, message.Length, guest);
            try
            {
                IPEndPoint? from = null;
                byte[] reply = client.Receive(ref from);
                Assert.Equal(message, reply);
                echoed++;
            }
            catch (SocketException) { }
        }
        Assert.True(echoed >= 5, $"only {echoed} datagrams came back\n{qemu.Console}");
        qemu.SendLine("netstat");
        qemu.WaitFor("echo on port 7: ", Boot.KernelTimeout);
    }

    [Fact]
    public void IfconfigShowsTheStaticAddressAndTheMac()
    {
        using var qemu = StartWithE1000("isolated", out _);
        qemu.SendLine("ifconfig");
        qemu.WaitFor("eth0: flags=<UP,RUNNING>", Boot.KernelTimeout);
        qemu.WaitFor("inet 10.0.2.15  netmask 255.255.255.0  gateway 10.0.2.2", Boot.KernelTimeout);
        qemu.WaitFor("ether 52:54:00:12:34:56", Boot.KernelTimeout);
    }
}
