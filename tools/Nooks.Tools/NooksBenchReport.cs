using System.Globalization;
using System.Text;

namespace Nooks.Tools;

// Echo figures of one e1000 mode and datagram size, pooled over that mode's boots.
public sealed record EchoSummary(string Mode, int Size, int Boots, int Sent, int Echoed, double MedianMicros, double P90Micros,
    double DatagramsPerSecond, double BytesPerSecond, double? CrossingsPerDatagram, long Dropped, int FaultEvents)
{
    // The slowest and fastest boot's datagrams/s: the spread neighbours on the host cause.
    public double MinBootDatagramsPerSecond { get; init; }
    public double MaxBootDatagramsPerSecond { get; init; }

    public static IReadOnlyList<EchoSummary> Of(IReadOnlyList<EchoBootRun> boots)
    {
        var summaries = new List<EchoSummary>();
        foreach (string mode in NooksBenchmark.E1000Modes)
        {
            var ofMode = boots.Where(b => b.Mode == mode).ToList();
            foreach (int size in ofMode.SelectMany(b => b.Sizes).Select(s => s.Sample.Size).Distinct().Order())
            {
                var runs = ofMode.SelectMany(b => b.Sizes).Where(s => s.Sample.Size == size).ToList();
                var trips = runs.SelectMany(r => r.Sample.RoundTripsMicros).ToList();
                int sent = runs.Sum(r => r.Sample.Sent), echoed = runs.Sum(r => r.Sample.Echoed);
                double seconds = runs.Sum(r => r.Sample.Elapsed.TotalSeconds);
                double perSecond = seconds > 0 ? echoed / seconds : 0;
                long? crossings = runs.All(r => r.Crossings is not null) ? runs.Sum(r => r.Crossings!.Value) : null;
                summaries.Add(new EchoSummary(mode, size, ofMode.Count(b => b.Sizes.Any(s => s.Sample.Size == size)), sent, echoed,
                    Percentile.Median(trips), Percentile.Of(trips, 90), perSecond, perSecond * size,
                    crossings is long c && sent > 0 ? (double)c / sent : null,
                    runs.Sum(r => r.Counters?.Dropped ?? 0), ofMode.Sum(b => b.FaultEvents))
                {
                    MinBootDatagramsPerSecond = runs.Min(r => r.Sample.DatagramsPerSecond),
                    MaxBootDatagramsPerSecond = runs.Max(r => r.Sample.DatagramsPerSecond),
                });
            }
        }
        return summaries;
    }
}

// The results as Markdown (out/bench/nooks.md) and CSV (out/bench/nooks.csv).
public static class NooksBenchReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Markdown(NooksBenchResults results, string commandLine)
    {
        var md = new StringBuilder();
        md.AppendLine("# Nooks.OS isolation benchmark");
        md.AppendLine();
        md.AppendLine(Invariant, $"`{commandLine}`, started {results.Started:yyyy-MM-dd HH:mm zzz}, {results.Wall.TotalSeconds:0} s in all.");
        md.AppendLine();
        HostNote h = results.Host;
        md.AppendLine(Invariant, $"Host: {h.Cores} cores ({h.CpuModel}), {h.Qemu}, {(h.KvmUsed ? "KVM" : "no KVM: software emulation (TCG)")}, " +
            $"load average {h.LoadAverage} at the start (other work shares the machine: throughput figures move with it).");
        md.AppendLine();
        AppendXpc(md, results);
        AppendEcho(md, results);
        var errors = results.Xpc.Where(r => r.Error is not null).Select(r => $"nooks bench ({r.Mode}): {r.Error}")
            .Concat(results.Echo.Where(r => r.Error is not null).Select(r => $"udp echo #{r.Index} ({r.Mode}): {r.Error}")).ToList();
        if (errors.Count > 0)
        {
            md.AppendLine("## Failures");
            md.AppendLine();
            foreach (string e in errors) md.AppendLine("```").AppendLine(e.Trim()).AppendLine("```");
        }
        return md.ToString();
    }

    private static void AppendXpc(StringBuilder md, NooksBenchResults results)
    {
        XpcBenchFigures? cycles = results.XpcRun(TscMode.Cycles)?.Figures;
        XpcBenchFigures? icount = results.XpcRun(TscMode.Icount)?.Figures;
        md.AppendLine("## Isolation costs (`nooks bench`, boot with `nooks.load=faulty:isolated`)");
        md.AppendLine();
        var any = cycles ?? icount;
        if (any is not null)
            md.AppendLine(Invariant, $"Best of {any.Rounds} rounds of {any.Iterations}; per operation. Cycles: guest TSC in an ordinary run " +
                $"({Khz(cycles)}); instructions: the same command under `-icount shift=0,sleep=off`, where the guest TSC counts instructions. " +
                $"Fault rows are converted from the kernel's microseconds with its calibrated TSC rate.");
        md.AppendLine();
        md.AppendLine("| operation | cycles | wall time | instructions | cycles / instruction |");
        md.AppendLine("|---|---:|---:|---:|---:|");
        foreach (XpcOperation op in XpcOperation.All)
        {
            double? c = cycles?.Ticks(op), i = icount?.Ticks(op);
            md.AppendLine(Invariant, $"| {op.Description} | {F(c)} | {Wall(cycles?.Nanoseconds(op))} | {F(i)} | {F(XpcBenchReport.Ratio(c, i), "0.0")} |");
        }
        md.AppendLine();
        md.AppendLine("| isolated / native | cycles | instructions |");
        md.AppendLine("|---|---:|---:|");
        foreach ((XpcOperation iso, XpcOperation nat) in XpcOperation.Pairs)
            md.AppendLine(Invariant, $"| {iso.Description} / {nat.Description} | {F(XpcBenchReport.Ratio(cycles?.Ticks(iso), cycles?.Ticks(nat)), "0.0")} " +
                $"| {F(XpcBenchReport.Ratio(icount?.Ticks(iso), icount?.Ticks(nat)), "0.0")} |");
        md.AppendLine();
    }

    private static void AppendEcho(StringBuilder md, NooksBenchResults results)
    {
        var o = results.Options;
        md.AppendLine("## UDP echo through e1000, native and isolated");
        md.AppendLine();
        md.AppendLine(Invariant, $"Boots alternate {string.Join(", ", results.Echo.Select(b => b.Mode))}, each with its own forwarded UDP port to guest port 7 " +
            $"(slirp). Per boot and size: {o.Datagrams} datagrams in a closed loop from 127.0.0.1 (send, wait for the echo, " +
            $"give up after {o.DatagramTimeout.TotalMilliseconds:0} ms). Round trips pooled over the boots of a mode; datagrams/s = echoed / time; " +
            $"bytes/s counts payload one way. XPCs: lsmod's XPCS column for e1000 before and after, per datagram sent " +
            $"(native counts only calls into the driver; isolated counts calls in and wrapped calls out). Drops: ifconfig RX+TX dropped and the echo socket's.");
        md.AppendLine();
        var summaries = EchoSummary.Of(results.Echo);
        md.AppendLine("| e1000 | size | boots | echoed / sent | median RTT (µs) | p90 RTT (µs) | datagrams/s | per boot | bytes/s | XPCs / datagram | drops | fault events |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (EchoSummary s in summaries)
            md.AppendLine(Invariant, $"| {s.Mode} | {s.Size} | {s.Boots} | {s.Echoed} / {s.Sent} | {F(s.MedianMicros)} | {F(s.P90Micros)} | {F(s.DatagramsPerSecond)} " +
                $"| {F(s.MinBootDatagramsPerSecond)}-{F(s.MaxBootDatagramsPerSecond)} " +
                $"| {F(s.BytesPerSecond)} | {F(s.CrossingsPerDatagram, "0.00")} | {s.Dropped} | {s.FaultEvents} |");
        md.AppendLine();
        md.AppendLine("| isolated / native | median RTT | p90 RTT | datagrams/s | XPCs / datagram |");
        md.AppendLine("|---|---:|---:|---:|---:|");
        foreach (int size in summaries.Select(s => s.Size).Distinct())
        {
            EchoSummary? n = summaries.FirstOrDefault(s => s.Mode == "native" && s.Size == size);
            EchoSummary? i = summaries.FirstOrDefault(s => s.Mode == "isolated" && s.Size == size);
            if (n is null || i is null) continue;
            md.AppendLine(Invariant, $"| {size} bytes | {F(XpcBenchReport.Ratio(i.MedianMicros, n.MedianMicros), "0.00")} | {F(XpcBenchReport.Ratio(i.P90Micros, n.P90Micros), "0.00")} " +
                $"| {F(XpcBenchReport.Ratio(i.DatagramsPerSecond, n.DatagramsPerSecond), "0.00")} | {F(XpcBenchReport.Ratio(i.CrossingsPerDatagram, n.CrossingsPerDatagram), "0.00")} |");
        }
        md.AppendLine();
        md.AppendLine("Per boot:");
        md.AppendLine();
        md.AppendLine("| # | e1000 | host port | size | echoed / sent | median RTT (µs) | p90 RTT (µs) | datagrams/s | XPCs / datagram | idle XPCs/s | drops |");
        md.AppendLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (EchoBootRun b in results.Echo)
            foreach (EchoSizeRun s in b.Sizes)
                md.AppendLine(Invariant, $"| {b.Index} | {b.Mode} | {b.HostPort} | {s.Sample.Size} | {s.Sample.Echoed} / {s.Sample.Sent} | {F(Percentile.Median(s.Sample.RoundTripsMicros))} " +
                    $"| {F(Percentile.Of(s.Sample.RoundTripsMicros, 90))} | {F(s.Sample.DatagramsPerSecond)} | {F(s.CrossingsPerDatagram, "0.00")} | {F(b.IdleCrossingsPerSecond, "0.0")} | {s.Counters?.Dropped.ToString(Invariant) ?? "-"} |");
        md.AppendLine();
    }

    // Long format: one figure a row.
    public static string Csv(NooksBenchResults results)
    {
        var csv = new StringBuilder("section,operation,mode,boot,size,metric,value,unit\n");
        void Row(string section, string operation, string mode, string boot, string size, string metric, double? value, string unit)
        {
            if (value is double v && !double.IsNaN(v))
                csv.Append(Invariant, $"{section},{operation},{mode},{boot},{size},{metric},{v.ToString("0.###", Invariant)},{unit}\n");
        }
        foreach (XpcBenchRun run in results.Xpc.Where(r => r.Figures is not null))
        {
            string mode = run.Mode == TscMode.Icount ? "icount" : "tsc";
            string unit = run.Mode == TscMode.Icount ? "instructions" : "cycles";
            foreach (XpcOperation op in XpcOperation.All)
            {
                Row("xpc", op.Key, mode, "", "", "per-operation", run.Figures!.Ticks(op), unit);
                if (run.Mode == TscMode.Cycles) Row("xpc", op.Key, mode, "", "", "per-operation", run.Figures!.Nanoseconds(op), "ns");
            }
            foreach ((XpcOperation iso, XpcOperation nat) in XpcOperation.Pairs)
                Row("xpc", $"{iso.Key}/{nat.Key}", mode, "", "", "isolated/native", XpcBenchReport.Ratio(run.Figures!.Ticks(iso), run.Figures!.Ticks(nat)), "ratio");
        }
        foreach (EchoBootRun b in results.Echo)
            foreach (EchoSizeRun s in b.Sizes)
            {
                string boot = b.Index.ToString(Invariant), size = s.Sample.Size.ToString(Invariant);
                Row("udp-echo", "boot", b.Mode, boot, size, "sent", s.Sample.Sent, "datagrams");
                Row("udp-echo", "boot", b.Mode, boot, size, "echoed", s.Sample.Echoed, "datagrams");
                Row("udp-echo", "boot", b.Mode, boot, size, "median-rtt", Percentile.Median(s.Sample.RoundTripsMicros), "us");
                Row("udp-echo", "boot", b.Mode, boot, size, "p90-rtt", Percentile.Of(s.Sample.RoundTripsMicros, 90), "us");
                Row("udp-echo", "boot", b.Mode, boot, size, "throughput", s.Sample.DatagramsPerSecond, "datagrams/s");
                Row("udp-echo", "boot", b.Mode, boot, size, "throughput", s.Sample.BytesPerSecond, "bytes/s");
                Row("udp-echo", "boot", b.Mode, boot, size, "xpcs-per-datagram", s.CrossingsPerDatagram, "xpcs");
                Row("udp-echo", "boot", b.Mode, boot, size, "drops", s.Counters?.Dropped, "packets");
                Row("udp-echo", "boot", b.Mode, boot, size, "idle-xpcs-per-second", b.IdleCrossingsPerSecond, "xpcs/s");
            }
        var summaries = EchoSummary.Of(results.Echo);
        foreach (EchoSummary s in summaries)
        {
            string size = s.Size.ToString(Invariant);
            Row("udp-echo", "pooled", s.Mode, "", size, "median-rtt", s.MedianMicros, "us");
            Row("udp-echo", "pooled", s.Mode, "", size, "p90-rtt", s.P90Micros, "us");
            Row("udp-echo", "pooled", s.Mode, "", size, "throughput", s.DatagramsPerSecond, "datagrams/s");
            Row("udp-echo", "pooled", s.Mode, "", size, "throughput", s.BytesPerSecond, "bytes/s");
            Row("udp-echo", "pooled", s.Mode, "", size, "xpcs-per-datagram", s.CrossingsPerDatagram, "xpcs");
        }
        foreach (int size in summaries.Select(s => s.Size).Distinct())
        {
            EchoSummary? n = summaries.FirstOrDefault(s => s.Mode == "native" && s.Size == size);
            EchoSummary? i = summaries.FirstOrDefault(s => s.Mode == "isolated" && s.Size == size);
            if (n is null || i is null) continue;
            string sz = size.ToString(Invariant);
            Row("udp-echo", "ratio", "isolated/native", "", sz, "median-rtt", XpcBenchReport.Ratio(i.MedianMicros, n.MedianMicros), "ratio");
            Row("udp-echo", "ratio", "isolated/native", "", sz, "p90-rtt", XpcBenchReport.Ratio(i.P90Micros, n.P90Micros), "ratio");
            Row("udp-echo", "ratio", "isolated/native", "", sz, "throughput", XpcBenchReport.Ratio(i.DatagramsPerSecond, n.DatagramsPerSecond), "ratio");
        }
        return csv.ToString();
    }

    private static string Wall(double? ns) => ns switch
    {
        null => "-",
        < 1000 => string.Create(Invariant, $"{ns:0} ns"),
        < 1_000_000 => string.Create(Invariant, $"{ns / 1000:0.0} µs"),
        _ => string.Create(Invariant, $"{ns / 1_000_000:0.00} ms"),
    };

    private static string Khz(XpcBenchFigures? f) => f?.TscKilohertz is long k ? $"TSC {k / 1000.0:0.#} MHz" : "TSC rate unknown";

    private static string F(double? value, string format = "0")
    {
        if (value is not double v || double.IsNaN(v)) return "-";
        return Math.Abs(v) >= 10000 && format == "0" ? v.ToString("N0", Invariant) : v.ToString(format, Invariant);
    }
}
