using System.Globalization;
using System.Text.RegularExpressions;

namespace Nooks.Tools;

// One figure the in-kernel `nooks bench` command prints (nooks/Diagnostics/XpcBenchmark.cs).
// Key names it in the CSV; Label is the kernel's own wording, which the parser matches.
public sealed record XpcOperation(string Key, string Label, string Description, bool IsMicroseconds = false)
{
    public static readonly XpcOperation FunctionCall = new("function-call", "kernel function call (null call)", "kernel function call");
    public static readonly XpcOperation NativeCall = new("native-call", "kernel -> native extension call", "kernel -> native extension call");
    public static readonly XpcOperation XpcRoundTrip = new("xpc-round-trip", "kernel -> isolated extension (XPC round)", "kernel -> isolated extension (XPC round trip)");
    public static readonly XpcOperation NativeKernelCall = new("native-kernel-call", "native extension -> kernel call", "native extension -> kernel call");
    public static readonly XpcOperation WrappedKernelCall = new("wrapped-kernel-call", "isolated extension -> kernel (wrapped)", "isolated extension -> kernel call (wrapped)");
    public static readonly XpcOperation FaultDetection = new("fault-detection", "fault detection (null-deref, command to fault)", "fault detection (null-deref, command to fault)", IsMicroseconds: true);
    public static readonly XpcOperation Recovery = new("recovery", "recovery (release, reload, init)", "recovery (release, reload, init)", IsMicroseconds: true);

    public static readonly IReadOnlyList<XpcOperation> All =
        [FunctionCall, NativeCall, XpcRoundTrip, NativeKernelCall, WrappedKernelCall, FaultDetection, Recovery];

    // Isolated operation -> its native counterpart, for the isolated/native ratios.
    public static readonly IReadOnlyList<(XpcOperation Isolated, XpcOperation Native)> Pairs =
        [(XpcRoundTrip, NativeCall), (WrappedKernelCall, NativeKernelCall)];
}

// The figures of one `nooks bench` run. Cycle figures are TSC ticks per operation (instructions
// under -icount); the fault figures are printed in microseconds of the kernel's clock and are
// converted to TSC ticks with the kernel's calibrated TSC rate, when the boot log gave it.
public sealed record XpcBenchFigures(int Rounds, int Iterations, IReadOnlyDictionary<XpcOperation, double> Values, long? TscKilohertz)
{
    public double? this[XpcOperation operation] => Values.TryGetValue(operation, out double v) ? v : null;

    // Per-operation TSC ticks: the cycle figures as printed, the microsecond figures converted.
    public double? Ticks(XpcOperation operation)
    {
        double? value = this[operation];
        if (value is null || !operation.IsMicroseconds) return value;
        return TscKilohertz is long khz ? value * khz / 1000.0 : null;
    }

    // Wall time of a tick-per-operation figure, when the TSC rate is known.
    public double? Nanoseconds(XpcOperation operation)
    {
        double? value = this[operation];
        if (value is null) return null;
        if (operation.IsMicroseconds) return value * 1000.0;
        return TscKilohertz is long khz and > 0 ? value * 1_000_000.0 / khz : null;
    }
}

public static partial class XpcBenchReport
{
    public const string Command = "nooks bench";

    [GeneratedRegex(@"best of (\d+) x (\d+)")]
    private static partial Regex HeaderPattern();

    // "  LABEL   VALUE" or "  LABEL   VALUE us": two leading spaces, a run of two or more before the number.
    [GeneratedRegex(@"^  (?<label>\S.*?)\s{2,}(?<value>\d+(?:\.\d+)?)(?<unit> us)?\s*$")]
    private static partial Regex FigurePattern();

    // The kernel's boot line: "time: TSC 2095840 kHz (2095 per us), ...".
    [GeneratedRegex(@"time: TSC (\d+) kHz")]
    private static partial Regex TscPattern();

    // Parses the output of `nooks bench`; kernel log lines interleaved with it are ignored.
    // bootLog, when given, supplies the TSC rate. Throws if the figures are not all there.
    public static XpcBenchFigures Parse(string output, string? bootLog = null)
    {
        Match header = HeaderPattern().Match(output);
        if (!header.Success) throw new FormatException($"no \"{Command}\" header in:\n{output}");
        var values = new Dictionary<XpcOperation, double>();
        foreach (string raw in output.Split('\n'))
        {
            Match figure = FigurePattern().Match(raw.TrimEnd('\r'));
            if (!figure.Success) continue;
            string label = figure.Groups["label"].Value.Trim();
            XpcOperation? operation = XpcOperation.All.FirstOrDefault(o => o.Label == label);
            if (operation is null) continue;   // the kernel's own ratios and anything new
            if (operation.IsMicroseconds != figure.Groups["unit"].Success)
                throw new FormatException($"\"{label}\" has the wrong unit: {raw}");
            values[operation] = double.Parse(figure.Groups["value"].Value, CultureInfo.InvariantCulture);
        }
        foreach (XpcOperation required in XpcOperation.All.Where(o => !o.IsMicroseconds))
            if (!values.ContainsKey(required)) throw new FormatException($"\"{required.Label}\" missing from:\n{output}");
        return new XpcBenchFigures(
            int.Parse(header.Groups[1].Value, CultureInfo.InvariantCulture),
            int.Parse(header.Groups[2].Value, CultureInfo.InvariantCulture),
            values,
            TscKilohertzFrom(bootLog ?? output));
    }

    public static long? TscKilohertzFrom(string log)
    {
        Match m = TscPattern().Match(log);
        return m.Success ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    public static double? Ratio(double? isolated, double? native) =>
        isolated is double i && native is double n && n > 0 ? i / n : null;
}
