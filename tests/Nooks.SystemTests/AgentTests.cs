using System.Text.RegularExpressions;
using Nooks.Tools;

namespace Nooks.SystemTests;

// The user-mode recovery agent (kernel/user/agent): init starts it before the shell, it applies
// agent.conf, is told of every fault through `nooks wait-events`, and carries out fallback
// rules. A test changes the policy by adding a boot module agent.local.conf, which the agent
// reads after agent.conf.
public partial class AgentTests
{
    private const string Isolated = "nooks.load=null:isolated,faulty:isolated";
    private const string DefaultApplied =
        "agent: applied agent.conf (2 directives, 0 bad lines): policy: restart failed extensions; disable one that fails more than 5 times in 10 s";
    private static readonly TimeSpan Timeout = SystemTests.Boot.KernelTimeout;

    [GeneratedRegex(@"^faulty\s+(\S+)\s+(\S+)\s+(\d+)\s+(\d+)", RegexOptions.Multiline)]
    private static partial Regex FaultyLsmodLine();

    [GeneratedRegex(@"^\s+\d+\s+1\s+\d+\s+\S+\s+agent\r?$", RegexOptions.Multiline)]
    private static partial Regex AgentPsLine();

    // Boots with `localConfig` (null: none) as the boot module agent.local.conf.
    private static QemuProcess BootWith(string? localConfig)
    {
        var layout = SystemTests.Boot.Layout;
        layout.RequireBuilt(layout.Kernel);
        var modules = new List<string>(layout.BootModules());
        if (localConfig != null)
        {
            string dir = Directory.CreateTempSubdirectory("nooks-agent-").FullName;
            string path = Path.Combine(dir, "agent.local.conf");
            File.WriteAllText(path, localConfig);
            modules.Add(path);
        }
        var qemu = QemuProcess.Start(QemuMachine.Isolated(layout) with { BootModules = modules, ExtraArguments = ["-append", Isolated] });
        qemu.WaitFor(KernelConsole.Prompt, Timeout);
        return qemu;
    }

    [GeneratedRegex(@"^\d+ \d+\.\d{6} \S+ ", RegexOptions.Multiline)]
    private static partial Regex EventLine();

    // Waits for `text` anywhere in the console after position `from`: the agent's lines may
    // come before or after the shell's prompt, so QemuProcess.WaitFor's cursor may be past them.
    private static void WaitForConsole(QemuProcess qemu, string text, int from)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (qemu.Console.IndexOf(text, from, StringComparison.Ordinal) < 0)
        {
            if (clock.Elapsed > Timeout) Assert.Fail($"no \"{text}\" after {Timeout.TotalSeconds} s\n--- console ---\n{qemu.Console}");
            Thread.Sleep(20);
        }
    }

    private static Match Faulty(QemuProcess qemu)
    {
        Match m = FaultyLsmodLine().Match(KernelShell.Run(qemu, "lsmod"));
        Assert.True(m.Success, qemu.Console);
        return m;
    }

    [Fact]
    public void AgentAppliesItsConfigBeforeTheShellStarts()
    {
        using QemuProcess qemu = BootWith(null);
        string console = qemu.Console;
        int applied = console.IndexOf(DefaultApplied, StringComparison.Ordinal);
        Assert.True(applied >= 0, console);
        Assert.True(applied < console.IndexOf(KernelConsole.Prompt, StringComparison.Ordinal), console);
        Assert.Matches(AgentPsLine(), KernelShell.Run(qemu, "ps"));
        Assert.Contains("1", KernelShell.Run(qemu, "nooks waiters"));   // the agent, blocked for events
    }

    [Fact]
    public void AgentIsToldOfAFaultAndLogsIt()
    {
        using QemuProcess qemu = BootWith(null);
        int mark = qemu.Console.Length;
        Assert.Contains("extension faulty failed", KernelShell.Run(qemu, "fault null-deref"));
        WaitForConsole(qemu, "agent: faulty failed (page fault (#PF)", mark);
        WaitForConsole(qemu, "); kernel restarted it in ", mark);
        Match faulty = Faulty(qemu);
        Assert.Equal("isolated", faulty.Groups[1].Value);
        Assert.Equal("running", faulty.Groups[2].Value);
    }

    [Fact]
    public void WaitEventsReturnsNewEventsAndTimesOut()
    {
        using QemuProcess qemu = BootWith(null);
        Assert.DoesNotMatch(EventLine(), KernelShell.Run(qemu, "nooks wait-events 0 200"));   // none yet: times out
        Assert.Contains("usage: nooks wait-events SEQ [TIMEOUT_MS]", KernelShell.Run(qemu, "nooks wait-events x"));
        KernelShell.Run(qemu, "fault div-zero");
        string events = KernelShell.Run(qemu, "nooks wait-events 0");
        Assert.Matches(new Regex(@"^1 \d+\.\d{6} faulty fault: ", RegexOptions.Multiline), events);
        Assert.Matches(new Regex(@"^2 \d+\.\d{6} faulty restarted in \d+ us", RegexOptions.Multiline), events);
        string after = KernelShell.Run(qemu, "nooks wait-events 1 200");
        Assert.Matches(new Regex(@"^2 \d+\.\d{6} faulty restarted", RegexOptions.Multiline), after);
        Assert.DoesNotMatch(new Regex(@"^1 ", RegexOptions.Multiline), after);
        Assert.DoesNotMatch(EventLine(), KernelShell.Run(qemu, "nooks wait-events 2 200"));
    }

    [Fact]
    public void FallbackRuleReloadsFaultyNativeAfterTwoFaults()
    {
        using QemuProcess qemu = BootWith("# test\nfallback faulty native after 2\n");
        Assert.Contains("agent: applied agent.conf + agent.local.conf (3 directives, 0 bad lines)", qemu.Console);
        Assert.Contains("agent: fallback: faulty is reloaded native after 2 faults", qemu.Console);

        int mark = qemu.Console.Length;
        KernelShell.Run(qemu, "fault null-deref");
        WaitForConsole(qemu, "kernel restarted it in ", mark);
        Assert.Equal("isolated", Faulty(qemu).Groups[1].Value);

        mark = qemu.Console.Length;
        KernelShell.Run(qemu, "fault null-deref");
        WaitForConsole(qemu, "agent: faulty failed 2 times: reloading it native (fallback rule)", mark);
        WaitForConsole(qemu, "agent: faulty: loaded (native)", mark);
        Match faulty = Faulty(qemu);
        Assert.Equal("native", faulty.Groups[1].Value);
        Assert.Equal("running", faulty.Groups[2].Value);
        Assert.Contains("null-deref", KernelShell.Run(qemu, "fault list"));   // the native copy answers
    }

    [Fact]
    public void DisableAfterRuleDisablesAnExtensionThatKeepsFailing()
    {
        using QemuProcess qemu = BootWith("disable-after 2 600\n");
        Assert.Contains("policy: restart failed extensions; disable one that fails more than 2 times in 600 s", qemu.Console);
        for (int fault = 1; fault <= 2; fault++)
        {
            int before = qemu.Console.Length;
            KernelShell.Run(qemu, "fault null-deref");
            WaitForConsole(qemu, "); kernel restarted it in ", before);
        }
        int mark = qemu.Console.Length;
        KernelShell.Run(qemu, "fault null-deref");
        WaitForConsole(qemu, "faulty disabled by the recovery policy after 3 faults", mark);
        WaitForConsole(qemu, "agent: faulty failed (page fault (#PF)", mark);
        WaitForConsole(qemu, "); kernel disabled it (recovery policy)", mark);
        Match faulty = Faulty(qemu);
        Assert.Equal("disabled", faulty.Groups[2].Value);
        Assert.Equal("3", faulty.Groups[3].Value);      // faults
        Assert.Equal("2", faulty.Groups[4].Value);      // restarts
        // Its command went with it, and says why.
        Assert.Contains("fault: extension faulty was disabled by the recovery policy after 3 faults (`nooks events`); `rmmod faulty` and `insmod faulty` load it again",
            KernelShell.Run(qemu, "fault list"));

        // A disabled extension is unloaded and loaded again by hand, with a clean fault record.
        KernelShell.Run(qemu, "rmmod faulty");
        Assert.Contains("fault: extension faulty is unloaded (`insmod faulty`)", KernelShell.Run(qemu, "fault list"));
        Assert.Contains("faulty: loaded (isolated)", KernelShell.Run(qemu, "insmod faulty"));
        Assert.Equal("running", Faulty(qemu).Groups[2].Value);
        mark = qemu.Console.Length;
        KernelShell.Run(qemu, "fault null-deref");
        WaitForConsole(qemu, "); kernel restarted it in ", mark);
        Assert.Contains("null-deref", KernelShell.Run(qemu, "fault list"));
    }

    [Fact]
    public void PolicyLimitsOutOfRangeAreRefused()
    {
        using QemuProcess qemu = BootWith(null);
        Assert.Contains("nooks policy limit: FAILURES at most 1000, SECONDS at most 86400", KernelShell.Run(qemu, "nooks policy limit 1001 10"));
        Assert.Contains("nooks policy limit: FAILURES at most 1000, SECONDS at most 86400", KernelShell.Run(qemu, "nooks policy limit 2 86401"));
        Assert.Contains("usage: nooks policy limit FAILURES SECONDS", KernelShell.Run(qemu, "nooks policy limit 2 0"));
        Assert.Contains("disable one that fails more than 5 times in 10 s", KernelShell.Run(qemu, "nooks policy"));
    }

    [Fact]
    public void BadConfigLinesAreReportedAndTheRestApplies()
    {
        using QemuProcess qemu = BootWith("frobnicate 3\ndisable-after 2 30\nfallback faulty sideways after 1\n");
        string console = qemu.Console;
        Assert.Contains("agent: bad config line, ignored: agent.local.conf line 1: unknown directive 'frobnicate'", console);
        Assert.Contains("agent: bad config line, ignored: agent.local.conf line 3: usage: fallback NAME native|isolated after FAILURES", console);
        Assert.Contains("(3 directives, 2 bad lines): policy: restart failed extensions; disable one that fails more than 2 times in 30 s", console);

        // Still running, and still told of faults.
        Assert.Matches(AgentPsLine(), KernelShell.Run(qemu, "ps"));
        int mark = qemu.Console.Length;
        KernelShell.Run(qemu, "fault null-deref");
        WaitForConsole(qemu, "agent: faulty failed (page fault (#PF)", mark);
        Assert.Equal("isolated", Faulty(qemu).Groups[1].Value);
    }
}
