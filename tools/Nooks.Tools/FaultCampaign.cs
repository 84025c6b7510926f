using System.Globalization;
using System.Text.RegularExpressions;

namespace Nooks.Tools;

public sealed record FaultCampaignOptions
{
    // Trials of each fault class in each mode (the modes alternate trial by trial).
    public int Rounds { get; init; } = 1;
    // A bug that has not answered within this long has hung the system.
    public TimeSpan HangTimeout { get; init; } = TimeSpan.FromSeconds(6);
    public TimeSpan BootTimeout { get; init; } = TimeSpan.FromSeconds(60);
}

public sealed record FaultTrial(string FaultClass, string Mode, int Round, FaultOutcome Outcome, long? RecoveryMicroseconds, string? Error);

// A fault-injection campaign: each class of extension bug the `faulty` extension commits, in a
// fresh boot with the extensions native and then isolated. Each bug is hit twice (the second hit
// shows what the first left behind, e.g. a lock still held), then the kernel checksum, lsmod and
// a call into the extension tell what happened.
public static partial class FaultCampaign
{
    private const string FaultyName = "faulty";
    public static readonly string[] Modes = ["native", "isolated"];

    [GeneratedRegex(@"^(?<name>[a-z][a-z-]+)\s{2,}\S", RegexOptions.Multiline)]
    private static partial Regex FaultListRow();

    [GeneratedRegex(@"kernel checksum (?<sum>0x[0-9a-f]{8}) .* canary 0x(?<canary>[0-9a-f]+)\+")]
    private static partial Regex ChecksumLine();

    [GeneratedRegex(@"^null\s+\S+\s+0x[0-9a-f]+\+\d+\s+\S+\s+0x(?<dataEnd>[0-9a-f]+)", RegexOptions.Multiline)]
    private static partial Regex NullImageLine();

    [GeneratedRegex(@"^faulty\s+\S+\s+(?<state>\S+)\s+(?<faults>\d+)\s+\d+", RegexOptions.Multiline)]
    private static partial Regex FaultyRow();

    [GeneratedRegex(@"restarted faulty \(isolated\) in (?<us>\d+) us")]
    private static partial Regex Restarted();

    // The classes as the extension itself lists them (`fault list`), so new ones join the campaign.
    public static IReadOnlyList<string> Classes(string faultList) =>
        FaultListRow().Matches(faultList.Replace("\r", "")).Select(m => m.Groups["name"].Value).ToList();

    public static IReadOnlyList<string> ListClasses(RepoLayout layout, FaultCampaignOptions options)
    {
        using QemuProcess qemu = Boot(layout, "native", options);
        return Classes(KernelShellReports.Run(qemu, "fault list", options.BootTimeout));
    }

    public static FaultTrial Run(RepoLayout layout, string faultClass, string mode, int round, FaultCampaignOptions options)
    {
        try
        {
            using QemuProcess qemu = Boot(layout, mode, options);
            Match sum = ChecksumLine().Match(KernelShellReports.Run(qemu, "nooks checksum", options.BootTimeout));
            int faultsBefore = Faults(KernelShellReports.Run(qemu, "lsmod", options.BootTimeout)) ?? 0;
            string command = $"fault {faultClass}{Argument(qemu, faultClass, sum.Groups["canary"].Value, options)}";
            string second = "";
            bool answered = KernelShellReports.TryRun(qemu, command, options.HangTimeout, out string first)
                && KernelShellReports.TryRun(qemu, command, options.HangTimeout, out second);
            string output = first + second;
            string? checksum = null, state = null;
            int? faultsAfter = null;
            bool worksAgain = false;
            if (answered)
            {
                checksum = ChecksumLine().Match(KernelShellReports.Run(qemu, "nooks checksum", options.HangTimeout)).Groups["sum"].Value;
                string lsmod = SettledLsmod(qemu, options);
                faultsAfter = Faults(lsmod);
                state = FaultyRow().Match(lsmod.Replace("\r", "")).Groups["state"].Value;
                worksAgain = KernelShellReports.Run(qemu, "fault list", options.HangTimeout).Contains("null-deref", StringComparison.Ordinal);
            }
            var observation = new FaultObservation(mode == "isolated", answered, qemu.Console.Contains("KERNEL PANIC", StringComparison.Ordinal),
                output, sum.Groups["sum"].Value, checksum, faultsBefore, faultsAfter, state, worksAgain);
            Match restarted = Restarted().Match(qemu.Console);
            long? micros = restarted.Success ? long.Parse(restarted.Groups["us"].Value, CultureInfo.InvariantCulture) : null;
            return new FaultTrial(faultClass, mode, round, FaultClassifier.Classify(observation), micros, null);
        }
        catch (Exception e) when (e is QemuConsoleException or IOException or InvalidOperationException)
        {
            return new FaultTrial(faultClass, mode, round, FaultOutcome.Hang, null, e.Message);
        }
    }

    private static QemuProcess Boot(RepoLayout layout, string mode, FaultCampaignOptions options)
    {
        var qemu = QemuProcess.Start(QemuMachine.Isolated(layout) with { ExtraArguments = ["-append", $"nooks.load=null:{mode},{FaultyName}:{mode}"] });
        try
        {
            qemu.WaitFor(KernelConsole.Prompt, options.BootTimeout);
            return qemu;
        }
        catch
        {
            qemu.Dispose();
            throw;
        }
    }

    // The address a class needs: the kernel canary, or the last word of null's data.
    private static string Argument(QemuProcess qemu, string faultClass, string canary, FaultCampaignOptions options)
    {
        if (faultClass == "wild-write") return " 0x" + canary;
        if (faultClass != "cross-domain-write") return "";
        Match m = NullImageLine().Match(KernelShellReports.Run(qemu, "nooks extensions", options.BootTimeout));
        ulong dataEnd = ulong.Parse(m.Groups["dataEnd"].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return $" 0x{(dataEnd - sizeof(ulong)) & ~(ulong)(sizeof(ulong) - 1):x}";
    }

    // A fault in interrupt context is recovered on the recovery thread: wait for it to finish.
    private static string SettledLsmod(QemuProcess qemu, FaultCampaignOptions options)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            string lsmod = KernelShellReports.Run(qemu, "lsmod", options.HangTimeout);
            string state = FaultyRow().Match(lsmod.Replace("\r", "")).Groups["state"].Value;
            if ((state != "failed" && state != "recovering") || waited.Elapsed > options.HangTimeout) return lsmod;
            Thread.Sleep(SettlePoll);
        }
    }

    private static readonly TimeSpan SettlePoll = TimeSpan.FromMilliseconds(100);

    private static int? Faults(string lsmod)
    {
        Match m = FaultyRow().Match(lsmod.Replace("\r", ""));
        return m.Success ? int.Parse(m.Groups["faults"].Value, CultureInfo.InvariantCulture) : null;
    }
}
