using System.Text;

namespace Nooks.Tools;

// The campaign's tables: per class, what each mode's trials did; then the totals per mode.
public static class FaultCampaignReport
{
    public static string Markdown(IReadOnlyList<FaultTrial> trials, string commandLine, HostNote host, TimeSpan wall)
    {
        var text = new StringBuilder();
        text.AppendLine("# Nooks.OS fault-injection campaign").AppendLine();
        text.AppendLine($"`{commandLine}`, {wall.TotalSeconds:0} s. Host: {host.Cores} cores, {host.Qemu}, {(host.KvmUsed ? "KVM" : "no KVM (TCG)")}.").AppendLine();
        text.AppendLine("Each trial boots a fresh kernel with `null` and `faulty` loaded in one mode, commits the fault twice (`fault CLASS`), "
            + "then reads `nooks checksum`, `lsmod` and calls the extension again. Recovery time: the kernel's `restarted in` figure of the first restart.").AppendLine();
        text.AppendLine("| fault class | native | isolated | isolated recovery (µs) |");
        text.AppendLine("|---|---|---|---:|");
        foreach (string faultClass in trials.Select(t => t.FaultClass).Distinct())
        {
            string Outcomes(string mode) => string.Join(", ", trials.Where(t => t.FaultClass == faultClass && t.Mode == mode)
                .GroupBy(t => t.Outcome).Select(g => g.Count() > 1 ? $"{Name(g.Key)} x{g.Count()}" : Name(g.Key)));
            var recoveries = trials.Where(t => t.FaultClass == faultClass && t.Mode == "isolated" && t.RecoveryMicroseconds is not null)
                .Select(t => t.RecoveryMicroseconds!.Value).ToList();
            string recovery = recoveries.Count == 0 ? "-"
                : recoveries.Min() == recoveries.Max() ? $"{recoveries.Min()}" : $"{recoveries.Min()}-{recoveries.Max()}";
            text.AppendLine($"| {faultClass} | {Outcomes("native")} | {Outcomes("isolated")} | {recovery} |");
        }
        text.AppendLine();
        text.AppendLine("| mode | trials | " + string.Join(" | ", Enum.GetValues<FaultOutcome>().Select(Name)) + " |");
        text.AppendLine("|---|---:|" + string.Concat(Enum.GetValues<FaultOutcome>().Select(_ => "---:|")));
        foreach (string mode in FaultCampaign.Modes)
        {
            var ofMode = trials.Where(t => t.Mode == mode).ToList();
            text.AppendLine($"| {mode} | {ofMode.Count} | " + string.Join(" | ", Enum.GetValues<FaultOutcome>().Select(o => ofMode.Count(t => t.Outcome == o))) + " |");
        }
        var errors = trials.Where(t => t.Error is not null).ToList();
        if (errors.Count > 0)
        {
            text.AppendLine().AppendLine("Trials the host could not finish (counted as hangs):");
            foreach (FaultTrial t in errors) text.AppendLine($"- {t.FaultClass} {t.Mode} #{t.Round}: {t.Error}");
        }
        return text.ToString();
    }

    public static string Name(FaultOutcome outcome) => outcome switch
    {
        FaultOutcome.KernelLost => "kernel lost",
        _ => outcome.ToString().ToLowerInvariant(),
    };
}
