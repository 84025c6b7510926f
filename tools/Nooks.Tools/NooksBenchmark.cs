using System.Diagnostics;

namespace Nooks.Tools;

public sealed record NooksBenchOptions
{
    // Passed to `nooks bench N`; 0 keeps the kernel's default.
    public int Iterations { get; init; }
    // Boots per e1000 mode; the modes alternate native, isolated, native, isolated, ...
    public int EchoBootsPerMode { get; init; } = 2;
    public int Datagrams { get; init; } = 1000;
    public IReadOnlyList<int> Sizes { get; init; } = [64, 1024];
    public TimeSpan DatagramTimeout { get; init; } = TimeSpan.FromSeconds(1);
    // For each boot and each console step; icount runs get IcountSlowdown times as long.
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(120);
    public double IcountSlowdown { get; init; } = 10;
}

public enum TscMode { Cycles, Icount }

public sealed record XpcBenchRun(TscMode Mode, XpcBenchFigures? Figures, string? Error, TimeSpan Wall);

public sealed record EchoBootRun(int Index, string Mode, int HostPort, IReadOnlyList<EchoSizeRun> Sizes, int FaultEvents, string? Error, TimeSpan Wall)
{
    public double? IdleCrossingsPerSecond { get; init; }
}

// One datagram size within one boot, with what the guest counted around it.
public sealed record EchoSizeRun(UdpEchoSample Sample, long? Crossings, NetCounters? Counters)
{
    public double? CrossingsPerDatagram => Crossings is long c && Sample.Sent > 0 ? (double)c / Sample.Sent : null;
}

public sealed record NooksBenchResults(
    NooksBenchOptions Options, DateTimeOffset Started, TimeSpan Wall, HostNote Host,
    IReadOnlyList<XpcBenchRun> Xpc, IReadOnlyList<EchoBootRun> Echo)
{
    public bool Succeeded => Xpc.All(r => r.Error is null) && Echo.All(r => r.Error is null);

    public XpcBenchRun? XpcRun(TscMode mode) => Xpc.FirstOrDefault(r => r.Mode == mode && r.Figures is not null);
}

// Where the figures were measured: they mean little without it.
public sealed record HostNote(int Cores, string CpuModel, string Qemu, bool KvmUsed, string LoadAverage)
{
    public static HostNote Read()
    {
        string cpu = "unknown";
        try
        {
            cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? cpu;
        }
        catch (IOException) { }
        string load = "unknown";
        try { load = string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); } catch (IOException) { }
        string qemu = "unknown";
        try
        {
            using var p = Process.Start(new ProcessStartInfo(QemuMachine.Emulator, "--version") { RedirectStandardOutput = true, UseShellExecute = false });
            if (p is not null)
            {
                qemu = p.StandardOutput.ReadLine()?.Trim() ?? qemu;
                p.WaitForExit();
            }
        }
        catch (System.ComponentModel.Win32Exception) { }
        return new HostNote(Environment.ProcessorCount, cpu, qemu, KvmUsed: false, load);
    }
}

// Reports what the benchmark is doing: a step begins (with its share of the whole run), moves
// on (0..1 within the step), and ends with a one-line summary.
public interface INooksBenchProgress
{
    void Begin(string step);
    void Advance(double fraction, string? status = null);
    void End(string summary);
}

// ./build.sh bench nooks: the isolation costs from `nooks bench` (TSC cycles and, under -icount,
// instructions) and UDP echo throughput and latency with e1000 native and isolated, alternating.
public sealed class NooksBenchmark(RepoLayout layout, NooksBenchOptions options, INooksBenchProgress progress)
{
    public const string FaultyIsolated = "nooks.load=faulty:isolated";
    public static readonly string[] IcountArguments = ["-icount", "shift=0,sleep=off"];
    public static readonly string[] E1000Modes = ["native", "isolated"];
    private static readonly TimeSpan IdleWindow = TimeSpan.FromSeconds(1);

    public IEnumerable<string> Steps()
    {
        yield return StepName(TscMode.Cycles);
        yield return StepName(TscMode.Icount);
        foreach ((int index, string mode) in EchoPlan()) yield return EchoStepName(index, mode);
    }

    private static string StepName(TscMode mode) => mode == TscMode.Cycles ? "nooks bench (TSC cycles)" : "nooks bench (-icount: instructions)";

    private static string EchoStepName(int index, string mode) => $"udp echo #{index} e1000 {mode}";

    private IEnumerable<(int Index, string Mode)> EchoPlan()
    {
        int index = 1;
        for (int round = 0; round < options.EchoBootsPerMode; round++)
            foreach (string mode in E1000Modes) yield return (index++, mode);
    }

    public NooksBenchResults Run()
    {
        layout.RequireBuilt(layout.Kernel);
        layout.RequireBuilt(layout.Disk);
        var started = DateTimeOffset.Now;
        var wall = Stopwatch.StartNew();
        HostNote host = HostNote.Read();
        var xpc = new List<XpcBenchRun> { RunXpcBench(TscMode.Cycles), RunXpcBench(TscMode.Icount) };
        var echo = EchoPlan().Select(p => RunEcho(p.Index, p.Mode)).ToList();
        return new NooksBenchResults(options, started, wall.Elapsed, host, xpc, echo);
    }

    private XpcBenchRun RunXpcBench(TscMode mode)
    {
        progress.Begin(StepName(mode));
        var wall = Stopwatch.StartNew();
        TimeSpan timeout = mode == TscMode.Icount ? options.Timeout * options.IcountSlowdown : options.Timeout;
        string[] extra = mode == TscMode.Icount ? ["-append", FaultyIsolated, .. IcountArguments] : ["-append", FaultyIsolated];
        try
        {
            using var qemu = QemuProcess.Start(QemuMachine.Isolated(layout) with { ExtraArguments = extra });
            progress.Advance(0.05, "booting");
            qemu.WaitFor(KernelConsole.Prompt, timeout);
            progress.Advance(0.2, "running nooks bench");
            string command = options.Iterations > 0 ? $"{XpcBenchReport.Command} {options.Iterations}" : XpcBenchReport.Command;
            string output = KernelShellReports.Run(qemu, command, timeout);
            XpcBenchFigures figures = XpcBenchReport.Parse(output, qemu.Console);
            progress.Advance(0.95, "powering off");
            PowerOff(qemu, timeout);
            string unit = mode == TscMode.Icount ? "instructions" : "cycles";
            progress.End($"XPC round trip {figures[XpcOperation.XpcRoundTrip]:0} {unit}, native call {figures[XpcOperation.NativeCall]:0} ({wall.Elapsed.TotalSeconds:0.0} s)");
            return new XpcBenchRun(mode, figures, null, wall.Elapsed);
        }
        catch (Exception e) when (e is QemuConsoleException or FormatException or IOException)
        {
            progress.End($"failed: {FirstLine(e.Message)}");
            return new XpcBenchRun(mode, null, e.Message, wall.Elapsed);
        }
    }

    private EchoBootRun RunEcho(int index, string mode)
    {
        progress.Begin(EchoStepName(index, mode));
        var wall = Stopwatch.StartNew();
        // Its own forwarded UDP port (and TCP port), from HostPorts.
        QemuMachine machine = QemuMachine.Isolated(layout) with { ExtraArguments = ["-append", $"nooks.load=e1000:{mode}"] };
        var sizes = new List<EchoSizeRun>();
        try
        {
            using var qemu = QemuProcess.Start(machine);
            progress.Advance(0.02, $"booting (udp 127.0.0.1:{machine.EchoHostPort})");
            qemu.WaitFor($"loaded e1000 ({mode})", options.Timeout);
            qemu.WaitFor(KernelConsole.Prompt, options.Timeout);
            using var client = new UdpEchoClient(machine.EchoHostPort);
            progress.Advance(0.05, "warming up");
            if (!client.WarmUp(options.Timeout))
                throw new QemuConsoleException($"no UDP echo from 127.0.0.1:{machine.EchoHostPort} within {options.Timeout.TotalSeconds:0} s\n{qemu.Console}");

            // Crossings with no traffic (the driver's timers), to tell them from the per-datagram ones.
            long? idleBefore = KernelShellReports.Crossings(KernelShellReports.Run(qemu, "lsmod", options.Timeout), "e1000");
            var idleClock = Stopwatch.StartNew();
            Thread.Sleep(IdleWindow);
            long? idleAfter = KernelShellReports.Crossings(KernelShellReports.Run(qemu, "lsmod", options.Timeout), "e1000");
            double? idleRate = idleAfter - idleBefore is long idle ? idle / idleClock.Elapsed.TotalSeconds : null;

            int total = options.Sizes.Count * options.Datagrams, done = 0;
            foreach (int size in options.Sizes)
            {
                // netstat outside the lsmod pair, in case reading the counters ever crosses into the driver.
                NetCounters countersBefore = KernelShellReports.Counters(KernelShellReports.Run(qemu, "netstat", options.Timeout));
                long? before = KernelShellReports.Crossings(KernelShellReports.Run(qemu, "lsmod", options.Timeout), "e1000");
                UdpEchoSample sample = client.Measure(size, options.Datagrams, options.DatagramTimeout,
                    n => progress.Advance(0.05 + 0.9 * (done + n) / total, $"{size}-byte datagrams: {n}/{options.Datagrams}"));
                done += options.Datagrams;
                long? after = KernelShellReports.Crossings(KernelShellReports.Run(qemu, "lsmod", options.Timeout), "e1000");
                NetCounters countersAfter = KernelShellReports.Counters(KernelShellReports.Run(qemu, "netstat", options.Timeout));
                sizes.Add(new EchoSizeRun(sample, after - before, countersAfter - countersBefore));
            }
            int faults = KernelShellReports.EventCount(KernelShellReports.Run(qemu, "nooks events", options.Timeout));
            PowerOff(qemu, options.Timeout);
            string summary = string.Join(", ", sizes.Select(s =>
                $"{s.Sample.Size} B: median {Percentile.Median(s.Sample.RoundTripsMicros):0} us, {s.Sample.DatagramsPerSecond:0}/s"));
            progress.End($"{summary} ({wall.Elapsed.TotalSeconds:0.0} s)");
            return new EchoBootRun(index, mode, machine.EchoHostPort, sizes, faults, null, wall.Elapsed) { IdleCrossingsPerSecond = idleRate };
        }
        catch (Exception e) when (e is QemuConsoleException or System.Net.Sockets.SocketException or IOException)
        {
            progress.End($"failed: {FirstLine(e.Message)}");
            return new EchoBootRun(index, mode, machine.EchoHostPort, sizes, 0, e.Message, wall.Elapsed);
        }
    }

    private static void PowerOff(QemuProcess qemu, TimeSpan timeout)
    {
        qemu.SendLine(KernelConsole.PowerOffCommand);
        qemu.WaitForExit(timeout);
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0];
}
