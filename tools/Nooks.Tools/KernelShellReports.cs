using System.Globalization;
using System.Text.RegularExpressions;

namespace Nooks.Tools;

// Running a command at the booted system's shell and reading the reports the benchmarks use.
public static partial class KernelShellReports
{
    // Sends a command and returns what came back before the next prompt (the echoed command
    // line included; kernel log lines may be mixed in).
    public static string Run(QemuProcess qemu, string command, TimeSpan timeout)
    {
        int before = qemu.Console.Length;
        qemu.SendLine(command);
        qemu.WaitFor(KernelConsole.Prompt, timeout);
        string output = qemu.Console[before..];
        return output[..output.LastIndexOf(KernelConsole.Prompt, StringComparison.Ordinal)];
    }

    // Sends a command and reports whether the prompt came back within `timeout` (false: the
    // system crashed or hung); `output` is what came back either way.
    public static bool TryRun(QemuProcess qemu, string command, TimeSpan timeout, out string output)
    {
        int before = qemu.Console.Length;
        qemu.SendLine(command);
        try
        {
            qemu.WaitFor(KernelConsole.Prompt, timeout);
            output = qemu.Console[before..];
            return true;
        }
        catch (QemuConsoleException)
        {
            output = qemu.Console[before..];
            return false;
        }
    }

    [GeneratedRegex(@"^(?<name>\S+)\s+(?<mode>native|isolated)\s+(?<state>\S+)\s+(?<faults>\d+)\s+(?<restarts>\d+)\s+(?<xpcs>\d+)\s*$", RegexOptions.Multiline)]
    private static partial Regex LsmodRow();

    // lsmod's XPCS column (crossings counted by the gate) for one extension; null if not listed.
    public static long? Crossings(string lsmod, string extension)
    {
        foreach (Match row in LsmodRow().Matches(lsmod.Replace("\r", "")))
            if (row.Groups["name"].Value == extension) return long.Parse(row.Groups["xpcs"].Value, CultureInfo.InvariantCulture);
        return null;
    }

    [GeneratedRegex(@"(?<dir>RX|TX) packets (?<packets>\d+)\s+bytes (?<bytes>\d+)\s+dropped (?<dropped>\d+)\s+errors (?<errors>\d+)")]
    private static partial Regex InterfaceCounters();

    [GeneratedRegex(@"udp port 7: (?<received>\d+) received, (?<queued>\d+) queued, (?<dropped>\d+) dropped")]
    private static partial Regex EchoSocketCounters();

    [GeneratedRegex(@"^\d+ \d+\.\d+ \S+ ", RegexOptions.Multiline)]
    private static partial Regex EventRow();

    // The interface and echo-socket counters of `netstat` (which starts with ifconfig's report).
    public static NetCounters Counters(string netstat)
    {
        long rxPackets = 0, txPackets = 0, rxDropped = 0, txDropped = 0, errors = 0;
        foreach (Match m in InterfaceCounters().Matches(netstat))
        {
            long packets = long.Parse(m.Groups["packets"].Value, CultureInfo.InvariantCulture);
            long dropped = long.Parse(m.Groups["dropped"].Value, CultureInfo.InvariantCulture);
            errors += long.Parse(m.Groups["errors"].Value, CultureInfo.InvariantCulture);
            if (m.Groups["dir"].Value == "RX") { rxPackets += packets; rxDropped += dropped; }
            else { txPackets += packets; txDropped += dropped; }
        }
        Match echo = EchoSocketCounters().Match(netstat);
        long echoDropped = echo.Success ? long.Parse(echo.Groups["dropped"].Value, CultureInfo.InvariantCulture) : 0;
        return new NetCounters(rxPackets, txPackets, rxDropped, txDropped, errors, echoDropped);
    }

    // Rows of `nooks events` (faults and restarts recorded by the recovery manager).
    public static int EventCount(string events) => EventRow().Matches(events.Replace("\r", "")).Count;
}

public sealed record NetCounters(long RxPackets, long TxPackets, long RxDropped, long TxDropped, long Errors, long EchoSocketDropped)
{
    public long Dropped => RxDropped + TxDropped + EchoSocketDropped;

    public static NetCounters operator -(NetCounters a, NetCounters b) => new(
        a.RxPackets - b.RxPackets, a.TxPackets - b.TxPackets, a.RxDropped - b.RxDropped,
        a.TxDropped - b.TxDropped, a.Errors - b.Errors, a.EchoSocketDropped - b.EchoSocketDropped);
}
