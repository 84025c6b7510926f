using System.Globalization;
using System.Text.RegularExpressions;
using Nooks.Tools;

namespace Nooks.SystemTests;

// Interrupt controllers, the calibrated clock, the scheduler and the pre-init console, seen
// from the serial line.
public partial class ThreadingTests
{
    private static QemuProcess StartWithSelfTest()
    {
        Boot.Layout.RequireBuilt(Boot.Layout.Kernel);
        Boot.Layout.RequireBuilt(Boot.Layout.Disk);
        return QemuProcess.Start(QemuMachine.Isolated(Boot.Layout) with { ExtraArguments = ["-append", "selftest"] });
    }

    private static QemuProcess StartConsole(QemuProcess qemu)
    {
        qemu.WaitFor(Prompt, Boot.KernelTimeout);
        return qemu;
    }

    private const string Prompt = KernelConsole.Prompt;

    // Sends a console command and returns what the kernel printed up to the next prompt.
    private static string Command(QemuProcess qemu, string command)
    {
        int before = qemu.Console.Length;
        qemu.SendLine(command);
        qemu.WaitFor(Prompt, Boot.KernelTimeout);
        string output = qemu.Console[before..];
        return output[..output.LastIndexOf(Prompt, StringComparison.Ordinal)];
    }

    [GeneratedRegex(@"\[\s*(\d+)\.(\d{6})\] demo: (ping|pong) line (\d)/4")]
    private static partial Regex DemoLine();

    [GeneratedRegex(@"time: TSC (\d+) kHz .* local APIC timer (\d+) kHz")]
    private static partial Regex CalibrationLine();

    [GeneratedRegex(@"Sleep\(1000\) took (\d+)\.(\d{3}) ms")]
    private static partial Regex SleepLine();

    [GeneratedRegex(@"up (\d+)\.(\d{3}) s")]
    private static partial Regex UptimeLine();

    [Fact]
    public void TimersAreCalibratedAgainstThePit()
    {
        using var qemu = Boot.Start();
        qemu.WaitFor("calibrated against the PIT", Boot.KernelTimeout);
        Match m = CalibrationLine().Match(qemu.Console);
        Assert.True(m.Success, qemu.Console);
        Assert.InRange(long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), 100_000, 10_000_000);   // 0.1-10 GHz
        Assert.InRange(long.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), 1_000, 1_000_000);
        Assert.Contains("ISA IRQ 0 -> GSI 2", qemu.Console);
        Assert.Contains("8259 PICs masked", qemu.Console);
    }

    [Fact]
    public void TwoThreadsInterleaveWithRealTimestamps()
    {
        using var qemu = StartWithSelfTest();
        qemu.WaitFor("demo: pong line 4/4", Boot.KernelTimeout);
        var lines = DemoLine().Matches(qemu.Console).Select(m => (
            Micros: long.Parse(m.Groups[1].Value + m.Groups[2].Value, CultureInfo.InvariantCulture),
            Who: m.Groups[3].Value, Line: int.Parse(m.Groups[4].Value, CultureInfo.InvariantCulture))).ToList();
        Assert.Equal(8, lines.Count);
        Assert.All(lines, l => Assert.True(l.Micros > 0, qemu.Console));
        Assert.Equal(lines.Select(l => l.Micros).Order(), lines.Select(l => l.Micros));
        // ping sleeps 30 ms, pong 45 ms: their first lines come before either's second.
        Assert.Equal(["ping 1", "pong 1", "ping 2", "pong 2"], lines.Take(4).Select(l => $"{l.Who} {l.Line}"));
        Assert.InRange(lines[^1].Micros - lines[0].Micros, 135_000, 1_000_000);
    }

    [Fact]
    public void SleepingOneSecondTakesAboutOneSecond()
    {
        using var qemu = StartWithSelfTest();
        qemu.WaitFor("Sleep(1000) took", Boot.KernelTimeout);
        qemu.WaitFor(" ms", Boot.KernelTimeout);
        Match m = SleepLine().Match(qemu.Console);
        Assert.True(m.Success, qemu.Console);
        Assert.InRange(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), 1000, 1100);
    }

    [Fact]
    public void PreemptedThreadsComputeCorrectChecksums()
    {
        using var qemu = StartWithSelfTest();
        qemu.WaitFor("selftest: done", Boot.KernelTimeout);
        Assert.Contains("sum-a: 16 rounds correct", qemu.Console);
        Assert.Contains("sum-b: 16 rounds correct", qemu.Console);
        Assert.DoesNotContain("preempted 0 times", qemu.Console);
        Assert.DoesNotContain("WRONG", qemu.Console);
    }

    [Fact]
    public void ThreadsReportListsTheThreads()
    {
        using var qemu = StartConsole(StartWithSelfTest());
        string report = Command(qemu, "threads");
        Assert.Contains("ID PRI STATE", report);
        // The shell asked: its process's thread is the one running.
        Assert.Matches(@"\d+\s+16 running .* user process", report);
        Assert.Matches(@"\s1\s+0 \w+ .* idle", report);
        Assert.Contains("selftest", report);
    }

    [Fact]
    public void UptimeAdvancesWithWallTime()
    {
        using var qemu = StartConsole(Boot.Start());
        double first = Uptime(Command(qemu, "uptime"));
        var wall = System.Diagnostics.Stopwatch.StartNew();
        Thread.Sleep(TimeSpan.FromSeconds(2));
        double second = Uptime(Command(qemu, "uptime"));
        double elapsed = wall.Elapsed.TotalSeconds;
        Assert.True(second - first > elapsed - 0.5 && second - first < elapsed + 0.5, $"guest {second - first:0.000} s, host {elapsed:0.000} s\n{qemu.Console}");
    }

    private static double Uptime(string report)
    {
        Match m = UptimeLine().Match(report);
        Assert.True(m.Success, report);
        return int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) / 1000.0;
    }

    [Fact]
    public void InterruptsReportCountsTheTimerAndTheSerialLine()
    {
        using var qemu = StartConsole(Boot.Start());
        string report = Command(qemu, "interrupts");
        Assert.Matches(@"240\s+[1-9]\d*\s+LAPIC timer", report);
        Assert.Matches(@"\s[1-9]\d*\s+GSI 4 edge/high: com1", report);
    }

    // Lines typed while the kernel boots (as `printf ... | ./build.sh run` does) arrive whole:
    // taking over the UART must not throw away what its receiver already holds.
    [Fact]
    public void InputTypedDuringBootIsKept()
    {
        using var qemu = Boot.Start();
        qemu.SendLine("echo typed during boot, line one");
        qemu.SendLine("echo typed during boot, line two");
        qemu.WaitFor("\ntyped during boot, line two", Boot.KernelTimeout);
        Assert.Contains("\ntyped during boot, line one", qemu.Console.Replace("\r", ""));
        Assert.DoesNotContain("command not found", qemu.Console);
    }

    [Fact]
    public void ConsoleEditsTheLine()
    {
        using var qemu = StartConsole(Boot.Start());
        Assert.Contains("up ", Command(qemu, "upxx\b\btime"));
        Assert.Contains("up ", Command(qemu, "uptimm\u007Fe"));
        Assert.Contains("sh: bogus: command not found", Command(qemu, "bogus"));
    }
}
