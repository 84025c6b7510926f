using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Nooks.Tools;

namespace Nooks.SystemTests;

// Packet buffers: the e1000 receives into packets of its pool, which the kernel tracks as the
// driver's objects, and recovery gives every packet and the pool itself back.
public partial class PacketTests
{
    [GeneratedRegex(@"^\s+packet\s+0x[0-9a-f]+\s+2048 bytes\s+from nk_packet_alloc", RegexOptions.Multiline)]
    private static partial Regex AllocatedPacketLine();

    [GeneratedRegex(@"^packet pool: (\d+) packets in \d+ chunks: (\d+) held by e1000", RegexOptions.Multiline)]
    private static partial Regex PoolLine();

    // NAME MODE IMAGE TEXT DATA-END PACKETS
    [GeneratedRegex(@"^e1000\s+(native|isolated)\s.*\s(\d+)$", RegexOptions.Multiline)]
    private static partial Regex ExtensionLine();

    [GeneratedRegex(@"^e1000\s+isolated\s+running\s+\d+\s+(\d+)", RegexOptions.Multiline)]
    private static partial Regex E1000Restarts();

    [GeneratedRegex(@"^(\w+):\s+(\d+)", RegexOptions.Multiline)]
    private static partial Regex MemInfoLine();

    private const int RxRing = 64;

    private static QemuProcess Start(string mode, out QemuMachine machine)
    {
        Boot.Layout.RequireBuilt(Boot.Layout.Kernel);
        machine = QemuMachine.Isolated(Boot.Layout) with { ExtraArguments = ["-append", $"nooks.load=e1000:{mode}"] };
        var qemu = QemuProcess.Start(machine);
        try
        {
            qemu.WaitFor($"loaded e1000 ({mode})", Boot.KernelTimeout);
            qemu.WaitFor(KernelConsole.Prompt, Boot.KernelTimeout);
            return qemu;
        }
        catch
        {
            qemu.Dispose();
            throw;
        }
    }

    [Theory]
    [InlineData("native")]
    [InlineData("isolated")]
    public void TheReceiveRingsPacketsAreTrackedAsTheDriversObjects(string mode)
    {
        using QemuProcess qemu = Start(mode, out _);
        string objects = KernelShell.Run(qemu, "nooks objects e1000");
        Assert.True(AllocatedPacketLine().Matches(objects).Count >= RxRing, objects);
        Match pool = PoolLine().Match(objects);
        Assert.True(pool.Success, objects);
        Assert.True(int.Parse(pool.Groups[2].Value, CultureInfo.InvariantCulture) >= RxRing, objects);
        Match extension = ExtensionLine().Match(KernelShell.Run(qemu, "nooks extensions").Replace("\r", ""));
        Assert.True(extension.Success && extension.Groups[1].Value == mode, qemu.Console);
        Assert.True(int.Parse(extension.Groups[2].Value, CultureInfo.InvariantCulture) >= RxRing, qemu.Console);
    }

    // Each cycle: a fault injected while datagrams flow, the restart, and traffic through the
    // new instance before the next fault. Free memory and the kernel heap are the same after
    // the cycles as before.
    [Fact]
    public void FaultRestartCyclesDuringTrafficLeaveMemoryUnchanged()
    {
        // Warm-up fills the bounded event log (two events a cycle) and the heap's size-class pages.
        const int Warmup = 40, Cycles = 20, EchoesPerCycle = 5;
        using QemuProcess qemu = Start("isolated", out QemuMachine machine);
        Assert.Contains("policy:", KernelShell.Run(qemu, "nooks policy limit 1000 1"));
        int restarts = 0;
        Dictionary<string, long> before = [];
        using var traffic = new EchoTraffic(new IPEndPoint(IPAddress.Loopback, machine.EchoHostPort));
        for (int cycle = 0; cycle < Warmup + Cycles; cycle++)
        {
            // Measured after traffic through the instance, whose pool has grown for it.
            traffic.WaitForEchoes(EchoesPerCycle, Boot.KernelTimeout, qemu);
            if (cycle == Warmup)
            {
                Quiet(traffic, () => MemInfo(qemu));   // the report's own buffer may take a heap page the first time
                before = Quiet(traffic, () => MemInfo(qemu));
            }
            KernelShell.Run(qemu, "nooks inject e1000");
            restarts++;
            WaitForRestarts(qemu, restarts);
        }
        traffic.WaitForEchoes(EchoesPerCycle, Boot.KernelTimeout, qemu);
        Dictionary<string, long> after = Quiet(traffic, () => MemInfo(qemu));

        // Every frame an instance of the driver took came back: its zone exactly, and all memory
        // but the kernel heap's own pages, which traffic may grow by a page for unrelated blocks
        // (an ARP entry, a socket's queue); the heap's blocks are bounded below.
        Assert.Equal(before["ExtensionFree"], after["ExtensionFree"]);
        Assert.Equal(before["MemFree"] + before["HeapReserved"], after["MemFree"] + after["HeapReserved"]);
        // The pool's chunks and the rings are DMA buffers: each instance's went back.
        Assert.Equal(before["DmaBuffers"], after["DmaBuffers"]);
        Assert.Equal(before["DmaBytes"], after["DmaBytes"]);
        // A leak per cycle would add at least one block a cycle; a block or two from unrelated
        // kernel activity (the agent's pending wait, an ARP entry) over the run is not that.
        Assert.InRange(after["HeapAllocations"] - before["HeapAllocations"], -Cycles, Cycles / 10);
        Assert.DoesNotContain("KERNEL PANIC", qemu.Console);
    }

    private static void WaitForRestarts(QemuProcess qemu, int restarts)
    {
        // The shell's prompt after `nooks inject` may come before or after the recovery lines:
        // ask lsmod until it counts the restart.
        for (int attempt = 0; ; attempt++)
        {
            Match m = E1000Restarts().Match(KernelShell.Run(qemu, "lsmod"));
            if (m.Success && int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) == restarts) return;
            Assert.True(attempt < 100, $"e1000 not restarted {restarts} times\n{qemu.Console}");
            Thread.Sleep(100);
        }
    }

    // Reads with the traffic paused, so that no packet is between the host and the guest.
    private static T Quiet<T>(EchoTraffic traffic, Func<T> read)
    {
        traffic.Pause();
        try { return read(); }
        finally { traffic.Resume(); }
    }

    private static Dictionary<string, long> MemInfo(QemuProcess qemu) =>
        MemInfoLine().Matches(KernelShell.Run(qemu, "meminfo"))
            .ToDictionary(m => m.Groups[1].Value, m => long.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));

    // Datagrams to the guest's echo service in a closed loop on a thread of its own.
    private sealed class EchoTraffic : IDisposable
    {
        private readonly UdpClient client = new();
        private readonly IPEndPoint guest;
        private readonly Thread thread;
        private readonly ManualResetEventSlim running = new(true);
        private readonly ManualResetEventSlim idle = new(false);
        private volatile bool stop;
        private int echoes;

        public EchoTraffic(IPEndPoint guest)
        {
            this.guest = guest;
            client.Client.ReceiveTimeout = 200;
            thread = new Thread(Loop) { IsBackground = true };
            thread.Start();
        }

        private void Loop()
        {
            byte[] payload = new byte[64];
            while (!stop)
            {
                if (!running.IsSet) { idle.Set(); running.Wait(); idle.Reset(); continue; }
                client.Send(payload, payload.Length, guest);
                try
                {
                    IPEndPoint? from = null;
                    client.Receive(ref from);
                    Interlocked.Increment(ref echoes);
                }
                catch (SocketException) { }
            }
        }

        // Until `count` more datagrams have come back.
        public void WaitForEchoes(int count, TimeSpan timeout, QemuProcess qemu)
        {
            int target = Volatile.Read(ref echoes) + count;
            Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref echoes) >= target, timeout), $"the echoes stopped\n{qemu.Console}");
        }

        public void Pause()
        {
            running.Reset();
            idle.Wait();
        }

        public void Resume() => running.Set();

        public void Dispose()
        {
            stop = true;
            running.Set();
            thread.Join();
            client.Dispose();
        }
    }
}
