namespace Nooks.Tools;

public sealed record BootSample(TimeSpan ToReady, TimeSpan ToExit, QemuExit Exit);

public sealed record Spread(TimeSpan Median, TimeSpan Min, TimeSpan Max)
{
    public static Spread Of(IReadOnlyCollection<TimeSpan> samples)
    {
        if (samples.Count == 0) throw new ArgumentException("no samples", nameof(samples));
        var sorted = samples.Order().ToList();
        int middle = sorted.Count / 2;
        TimeSpan median = sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new Spread(median, sorted[0], sorted[^1]);
    }

    public override string ToString() => $"median {Ms(Median)}  min {Ms(Min)}  max {Ms(Max)}";

    private static string Ms(TimeSpan t) => $"{t.TotalMilliseconds,7:0.0} ms";
}

// Boot time as a person sees it: from starting QEMU to the console being ready, and on to
// QEMU's exit after the kernel is told to power off.
public static class BootBenchmark
{
    public static BootSample Measure(QemuMachine machine, TimeSpan timeout)
    {
        using var qemu = QemuProcess.Start(machine);
        TimeSpan ready = qemu.WaitFor(KernelConsole.ReadyMarker, timeout);
        qemu.SendLine(KernelConsole.PowerOffCommand);
        QemuExit exit = qemu.WaitForExit(timeout);
        return new BootSample(ready, qemu.Elapsed, exit);
    }

    // The files a boot loads: the kernel, the ISO, and every boot module (extensions, programs).
    public static IEnumerable<string> Images(RepoLayout layout) =>
        new[] { layout.Kernel, layout.Iso }.Concat(layout.BootModules()).Where(File.Exists);
}
