using Nooks.Tools;

namespace Nooks.HostTests;

public class XpcBenchReportTests
{
    // `nooks bench` as the shell shows it: the echoed command, kernel log lines in between, CRLF.
    private const string Output =
        "nooks bench\r\n" +
        "[    0.177264] nooks: loaded null.native (native) at 0xffff808000128000, 17384 bytes\r\n" +
        "[    0.410912] error: nooks: extension faulty failed: page fault (#PF)\r\n" +
        "isolation costs, TSC cycles per operation (instructions under -icount), best of 5 x 2000:\r\n" +
        "  kernel function call (null call)               16\r\n" +
        "  kernel -> native extension call               228\r\n" +
        "  kernel -> isolated extension (XPC round)    19868\r\n" +
        "  native extension -> kernel call               194\r\n" +
        "  isolated extension -> kernel (wrapped)      19155\r\n" +
        "  XPC / native call ratio                  87.1\r\n" +
        "  wrapped / native kernel call ratio       98.7\r\n" +
        "  fault detection (null-deref, command to fault)  1824 us\r\n" +
        "  recovery (release, reload, init)                9325 us\r\n";

    private const string BootLog = "[    0.108587] time: TSC 2095840 kHz (2095 per us), local APIC timer 62545 kHz (bus / 16)\r\n";

    [Fact]
    public void ReadsEveryFigureAndConvertsFaultTimesToTicks()
    {
        XpcBenchFigures f = XpcBenchReport.Parse(Output, BootLog + Output);
        Assert.Equal((5, 2000), (f.Rounds, f.Iterations));
        Assert.Equal(16, f[XpcOperation.FunctionCall]);
        Assert.Equal(228, f[XpcOperation.NativeCall]);
        Assert.Equal(19868, f[XpcOperation.XpcRoundTrip]);
        Assert.Equal(194, f[XpcOperation.NativeKernelCall]);
        Assert.Equal(19155, f[XpcOperation.WrappedKernelCall]);
        Assert.Equal(1824, f[XpcOperation.FaultDetection]);
        Assert.Equal(2095840, f.TscKilohertz);
        Assert.Equal(1824 * 2095.840, f.Ticks(XpcOperation.FaultDetection)!.Value, 3);
        Assert.Equal(9325 * 1000.0, f.Nanoseconds(XpcOperation.Recovery));
        Assert.Equal(19868 / 228.0, XpcBenchReport.Ratio(f.Ticks(XpcOperation.XpcRoundTrip), f.Ticks(XpcOperation.NativeCall)));
    }

    [Fact]
    public void FaultTimesAreOptionalWithoutFaultyLoaded()
    {
        string output = Output[..Output.IndexOf("  fault detection", StringComparison.Ordinal)]
            + "  (load faulty isolated to also time fault detection and recovery)\r\n";
        XpcBenchFigures f = XpcBenchReport.Parse(output);
        Assert.Null(f[XpcOperation.FaultDetection]);
        Assert.Null(f.TscKilohertz);
        Assert.Null(f.Ticks(XpcOperation.Recovery));
    }

    [Fact]
    public void MissingFigureIsAnError() =>
        Assert.Throws<FormatException>(() => XpcBenchReport.Parse(Output.Replace("  kernel -> isolated extension (XPC round)    19868\r\n", "")));

    [Fact]
    public void ReadsLsmodCrossingsAndNetCounters()
    {
        const string lsmod = "lsmod\r\nNAME         MODE      STATE       FAULTS RESTARTS       XPCS\r\n" +
            "faulty       isolated  running          1        1         13\r\ne1000        isolated  running          0        0         17\r\n";
        Assert.Equal(17, KernelShellReports.Crossings(lsmod, "e1000"));
        Assert.Null(KernelShellReports.Crossings(lsmod, "null"));
        const string netstat =
            "        RX packets 10  bytes 640  dropped 2  errors 0\r\n        TX packets 9  bytes 600  dropped 1  errors 0\r\n" +
            "  udp port 7: 10 received, 0 queued, 3 dropped\r\n";
        NetCounters c = KernelShellReports.Counters(netstat);
        Assert.Equal((10, 9, 6), (c.RxPackets, c.TxPackets, c.Dropped));
    }
}
