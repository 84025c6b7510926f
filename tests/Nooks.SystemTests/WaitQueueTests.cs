using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Nooks.Tools;

namespace Nooks.SystemTests;

// Extensions sleeping on kernel wait queues: blocking inside an isolated domain, wakeups from a
// timer (interrupt context, through the gate), and a sleeper woken and unwound when its
// extension fails under it.
public partial class WaitQueueTests
{
    private const int SleepMilliseconds = 300;
    // Longer than the watchdog's lockup limit (1 s): time asleep in the kernel is not running time.
    private const int LongSleepMilliseconds = 1500;
    private static readonly TimeSpan RecoveryTimeout = TimeSpan.FromSeconds(20);

    [GeneratedRegex(@"slept (\d+) ms, woken by the timer")]
    private static partial Regex SleptLine();

    [GeneratedRegex(@"^faulty\s+(\S+)\s+(\S+)\s+(\d+)\s+(\d+)", RegexOptions.Multiline)]
    private static partial Regex FaultyLsmodLine();

    [GeneratedRegex(@"kernel checksum (0x[0-9a-f]{8})")]
    private static partial Regex ChecksumLine();

    [Theory]
    [InlineData("isolated")]
    [InlineData("native")]
    public void AnExtensionSleepsUntilItsTimerWakesIt(string mode)
    {
        using QemuProcess qemu = KernelShell.Boot($"nooks.load=null:{mode}");
        Match slept = SleptLine().Match(KernelShell.Run(qemu, $"null-sleep {SleepMilliseconds}"));
        Assert.True(slept.Success, qemu.Console);
        Assert.True(int.Parse(slept.Groups[1].Value, CultureInfo.InvariantCulture) >= SleepMilliseconds, slept.Value);
        Assert.Contains("nk_waitq_create", KernelShell.Run(qemu, "nooks objects null"));
        Assert.Matches($@"null\s+{mode}\s+running\s+0\s+0", KernelShell.Run(qemu, "lsmod"));
    }

    [Fact]
    public void SleepingLongerThanTheLockupLimitIsNotALockup()
    {
        using QemuProcess qemu = KernelShell.Boot("nooks.load=null:isolated");
        Assert.Matches(SleptLine(), KernelShell.Run(qemu, $"null-sleep {LongSleepMilliseconds}"));
        Assert.Matches(@"null\s+isolated\s+running\s+0\s+0", KernelShell.Run(qemu, "lsmod"));
        Assert.DoesNotContain("failed: lockup", qemu.Console);
    }

    // While the shell's thread sleeps inside the isolated null extension, the isolated e1000
    // keeps answering: other threads and interrupts, other domains, carry on.
    [Fact]
    public void TheSystemRunsWhileAThreadSleepsInADomain()
    {
        const int SleepWhileEchoing = 4000;
        Boot.Layout.RequireBuilt(Boot.Layout.Kernel);
        QemuMachine machine = QemuMachine.Isolated(Boot.Layout) with { ExtraArguments = ["-append", "nooks.load=e1000:isolated,null:isolated"] };
        using var qemu = QemuProcess.Start(machine);
        qemu.WaitFor(KernelConsole.Prompt, Boot.KernelTimeout);
        qemu.SendLine($"null-sleep {SleepWhileEchoing}");
        using var client = new UdpClient();
        client.Client.ReceiveTimeout = 500;
        var guest = new IPEndPoint(IPAddress.Loopback, machine.EchoHostPort);
        const string Text = "echo while null sleeps";
        int echoed = 0;
        // QEMU's e1000 holds frames back for a second after the receiver is enabled, so an
        // echo may arrive after its datagram's wait: any echo of ours counts.
        for (int i = 0; i < 6 && echoed < 3; i++)
        {
            byte[] message = Encoding.ASCII.GetBytes($"{Text} {i}");
            client.Send(message, message.Length, guest);
            try
            {
                IPEndPoint? from = null;
                if (Encoding.ASCII.GetString(client.Receive(ref from)).StartsWith(Text, StringComparison.Ordinal)) echoed++;
            }
            catch (SocketException) { }
        }
        Assert.DoesNotMatch(SleptLine(), qemu.Console);   // the echoes came back during the sleep
        Assert.True(echoed >= 3, $"only {echoed} datagrams came back\n{qemu.Console}");
        qemu.WaitFor("woken by the timer", Boot.KernelTimeout);
    }

    [Fact]
    public void BadSleepArgumentsAreRefused()
    {
        using QemuProcess qemu = KernelShell.Boot("nooks.load=null:isolated");
        Assert.Contains("usage: null-sleep MS", KernelShell.Run(qemu, "null-sleep soon"));
        Assert.Contains("usage: null-sleep MS", KernelShell.Run(qemu, "null-sleep 99999999999"));
        Assert.Matches(@"null\s+isolated\s+running\s+0\s+0", KernelShell.Run(qemu, "lsmod"));
    }

    // The timer faults the extension while the shell's thread sleeps inside it: recovery (on the
    // recovery thread: the fault was in interrupt context) wakes the sleeper, which unwinds out of
    // the domain with an error, and only then frees the domain and restarts the extension.
    [Fact]
    public void ASleeperIsWokenAndUnwoundWhenItsExtensionFails()
    {
        using QemuProcess qemu = KernelShell.Boot("nooks.load=faulty:isolated");
        string checksum = ChecksumLine().Match(KernelShell.Run(qemu, "nooks checksum")).Groups[1].Value;

        string output = KernelShell.Run(qemu, "fault fault-while-asleep");

        Assert.Contains("extension faulty failed", output);
        Assert.DoesNotContain("did not wake the sleeper", output);
        Match faulty = WaitUntilRunning(qemu);
        Assert.Equal("isolated", faulty.Groups[1].Value);
        Assert.Equal("1", faulty.Groups[3].Value);   // faults
        Assert.Equal("1", faulty.Groups[4].Value);   // restarts
        Assert.Equal(checksum, ChecksumLine().Match(KernelShell.Run(qemu, "nooks checksum")).Groups[1].Value);
        Assert.Contains("null-deref", KernelShell.Run(qemu, "fault list"));
        Assert.DoesNotContain("KERNEL PANIC", qemu.Console);
    }

    private static Match WaitUntilRunning(QemuProcess qemu)
    {
        DateTime deadline = DateTime.UtcNow + RecoveryTimeout;
        while (true)
        {
            Match m = FaultyLsmodLine().Match(KernelShell.Run(qemu, "lsmod"));
            Assert.True(m.Success, qemu.Console);
            if (m.Groups[2].Value == "running" || DateTime.UtcNow > deadline) return m;
            Thread.Sleep(100);
        }
    }
}
