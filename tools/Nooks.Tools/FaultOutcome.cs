using System.Text.RegularExpressions;

namespace Nooks.Tools;

// What one injected extension bug did to the system, as seen from outside.
public enum FaultOutcome
{
    Crash,          // kernel panic
    Hang,           // no prompt came back, no panic
    Corruption,     // the command returned, kernel memory changed (nooks checksum)
    Refused,        // the kernel API returned an error code: the bug had no effect
    Silent,         // returned, kernel unchanged, nothing refused (e.g. a write into another extension, a leak)
    Recovered,      // the extension failed, was restarted, works again, kernel unchanged
    Disabled,       // the extension failed and the recovery policy disabled it, kernel unchanged
    KernelLost,     // isolated, yet the kernel crashed, hung or changed: Nooks failed
}

// What a trial observed: whether each step answered, the console, the checksums and lsmod.
public sealed record FaultObservation(
    bool Isolated, bool Answered, bool Panicked, string Output,
    string ChecksumBefore, string? ChecksumAfter, int FaultsBefore, int? FaultsAfter, string? StateAfter, bool WorksAgain);

public static partial class FaultClassifier
{
    [GeneratedRegex(@"returned[^\n]* -\d+")]
    private static partial Regex ErrorReturned();

    public static FaultOutcome Classify(FaultObservation o)
    {
        bool kernelIntact = o.Answered && !o.Panicked && o.ChecksumAfter == o.ChecksumBefore;
        if (o.Isolated)
        {
            if (!kernelIntact) return FaultOutcome.KernelLost;
            bool failed = o.FaultsAfter > o.FaultsBefore;
            if (failed && o.StateAfter == "disabled") return FaultOutcome.Disabled;
            if (failed && o.StateAfter == "running" && o.WorksAgain) return FaultOutcome.Recovered;
        }
        if (o.Panicked) return FaultOutcome.Crash;
        if (!o.Answered) return FaultOutcome.Hang;
        if (o.ChecksumAfter != o.ChecksumBefore) return FaultOutcome.Corruption;
        if (ErrorReturned().IsMatch(o.Output)) return FaultOutcome.Refused;
        return FaultOutcome.Silent;
    }
}
