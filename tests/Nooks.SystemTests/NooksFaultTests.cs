using System.Globalization;
using System.Text.RegularExpressions;
using Nooks.Tools;

namespace Nooks.SystemTests;

// The faulty extension commits each class of extension bug. Isolated, the kernel survives with
// its memory unchanged, the extension is restarted and works again, and what it held is
// released. Native, the expected damage is recorded: a crash, a hang, or silent corruption that
// the kernel checksum reveals.
public partial class NooksFaultTests
{
    private const string Isolated = "nooks.load=null:isolated,faulty:isolated";
    private const string Native = "nooks.load=null:native,faulty:native";
    private static readonly TimeSpan HangTimeout = TimeSpan.FromSeconds(6);
    private const string KernelTextStart = "0x101000";   // boot/kernel.ld

    [GeneratedRegex(@"kernel checksum 0x([0-9a-f]{8}) .* canary 0x([0-9a-f]+)\+")]
    private static partial Regex ChecksumLine();

    [GeneratedRegex(@"^null\s+\S+\s+0x([0-9a-f]+)\+\d+\s+\S+\s+0x([0-9a-f]+)", RegexOptions.Multiline)]
    private static partial Regex NullImageLine();

    [GeneratedRegex(@"^faulty\s+(\S+)\s+(\S+)\s+(\d+)\s+(\d+)\s+(\d+)", RegexOptions.Multiline)]
    private static partial Regex FaultyLsmodLine();

    [GeneratedRegex(@"^(\w+):\s+(\d+)", RegexOptions.Multiline)]
    private static partial Regex MemInfoLine();

    public static TheoryData<string> Classes() => new()
    {
        "null-deref", "wild-write", "cross-domain-write", "write-text", "stack-overflow", "div-zero", "invalid-opcode",
        "bad-pointer-arg", "foreign-free", "double-free", "lock-held", "throw", "loop", "loop-cli", "sleep-with-lock", "queued-bad-free",
        "smash-sleeper", "deadlock", "loop-in-kernel-call",
    };

    private static (string Checksum, string Canary) Checksum(QemuProcess qemu)
    {
        Match m = ChecksumLine().Match(KernelShell.Run(qemu, "nooks checksum"));
        Assert.True(m.Success, qemu.Console);
        return (m.Groups[1].Value, m.Groups[2].Value);
    }

    // The address argument a class needs: the kernel canary, or a page of null's data.
    private static string Argument(QemuProcess qemu, string faultClass, string canary)
    {
        if (faultClass == "wild-write") return " 0x" + canary;
        if (faultClass != "cross-domain-write") return "";
        Match m = NullImageLine().Match(KernelShell.Run(qemu, "nooks extensions"));
        Assert.True(m.Success, qemu.Console);
        ulong dataEnd = ulong.Parse(m.Groups[2].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return $" 0x{(dataEnd - 8) & ~7UL:x}";
    }

    [Theory]
    [MemberData(nameof(Classes))]
    public void IsolatedFaultIsContainedAndRecovered(string faultClass)
    {
        using QemuProcess qemu = KernelShell.Boot(Isolated);
        var (before, canary) = Checksum(qemu);

        string output = KernelShell.Run(qemu, "fault " + faultClass + Argument(qemu, faultClass, canary));

        Assert.Contains("extension faulty failed", output);
        Match faulty = FaultyLsmodLine().Match(KernelShell.Run(qemu, "lsmod"));
        Assert.True(faulty.Success, qemu.Console);
        Assert.Equal("isolated", faulty.Groups[1].Value);
        Assert.Equal("running", faulty.Groups[2].Value);
        Assert.Equal("1", faulty.Groups[3].Value);   // faults
        Assert.Equal("1", faulty.Groups[4].Value);   // restarts
        Assert.Equal(before, Checksum(qemu).Checksum);
        Assert.Contains("null-deref", KernelShell.Run(qemu, "fault list"));   // works again
        Assert.DoesNotContain("KERNEL PANIC", qemu.Console);
    }

    public enum Outcome { Crash, Hang, Corruption, Refused }

    public static TheoryData<string, Outcome> NativeOutcomes() => new()
    {
        { "null-deref", Outcome.Crash },
        { "wild-write", Outcome.Corruption },
        { "cross-domain-write", Outcome.Corruption },
        { "write-text", Outcome.Crash },
        { "stack-overflow", Outcome.Crash },
        { "div-zero", Outcome.Crash },
        { "invalid-opcode", Outcome.Crash },
        { "bad-pointer-arg", Outcome.Crash },
        { "foreign-free", Outcome.Refused },
        { "double-free", Outcome.Refused },
        { "lock-held", Outcome.Hang },
        { "throw", Outcome.Crash },
        { "loop", Outcome.Hang },
        { "loop-cli", Outcome.Hang },
        { "sleep-with-lock", Outcome.Refused },
        { "fault-while-asleep", Outcome.Crash },
        { "queued-bad-free", Outcome.Refused },
        { "smash-sleeper", Outcome.Crash },
        { "deadlock", Outcome.Hang },
        { "loop-in-kernel-call", Outcome.Hang },
    };

    [Theory]
    [MemberData(nameof(NativeOutcomes))]
    public void NativeFaultDoesItsDamage(string faultClass, Outcome expected)
    {
        using QemuProcess qemu = KernelShell.Boot(Native);
        var (before, canary) = Checksum(qemu);
        string argument = Argument(qemu, faultClass, canary);
        bool answered = KernelShell.TryRun(qemu, "fault " + faultClass + argument, HangTimeout, out string output);
        if (answered && faultClass == "lock-held")   // the lock is still held: the next acquire deadlocks
            answered = KernelShell.TryRun(qemu, "fault lock-held", HangTimeout, out output);

        switch (expected)
        {
            case Outcome.Crash:
                Assert.False(answered, qemu.Console);
                Assert.Contains("KERNEL PANIC", qemu.Console);
                break;
            case Outcome.Hang:
                Assert.False(answered, qemu.Console);
                Assert.DoesNotContain("KERNEL PANIC", qemu.Console);
                break;
            case Outcome.Corruption when faultClass == "wild-write":
                Assert.True(answered, qemu.Console);
                Assert.NotEqual(before, Checksum(qemu).Checksum);
                break;
            case Outcome.Corruption:
                Assert.True(answered, qemu.Console);
                Assert.Contains("wrote 0x", output);   // into null's memory, unnoticed
                Assert.Equal(before, Checksum(qemu).Checksum);
                break;
            case Outcome.Refused:
                Assert.True(answered, qemu.Console);
                Assert.Matches(faultClass == "sleep-with-lock"
                    ? "wait with a lock held returned -11"          // ApiStatus.WouldBlock
                    : "free returned .*-9", output);                // ApiStatus.BadHandle
                break;
        }
    }

    [Fact]
    public void HundredFaultRestartCyclesLeakNothing()
    {
        const int Warmup = 40, Cycles = 100;
        using QemuProcess qemu = KernelShell.Boot(Isolated);
        // The default policy disables an extension that keeps failing; this test wants restarts.
        Assert.Contains("policy:", KernelShell.Run(qemu, "nooks policy limit 1000 1"));
        // Warm-up fills the bounded event log and the heap's size-class pages.
        for (int i = 0; i < Warmup; i++) KernelShell.Run(qemu, "fault null-deref");
        MemInfo(qemu);   // the report's own buffer may take a heap page the first time
        Dictionary<string, long> before = MemInfo(qemu);
        for (int i = 0; i < Cycles; i++) Assert.Contains("extension faulty failed", KernelShell.Run(qemu, "fault null-deref"));
        Dictionary<string, long> after = MemInfo(qemu);

        Match faulty = FaultyLsmodLine().Match(KernelShell.Run(qemu, "lsmod"));
        Assert.Equal((Warmup + Cycles).ToString(CultureInfo.InvariantCulture), faulty.Groups[4].Value);
        Assert.Equal(before["MemFree"], after["MemFree"]);
        // A leak per cycle would add at least one block a cycle; a handful of blocks from
        // unrelated kernel activity over the run is not that.
        Assert.InRange(after["HeapAllocations"] - before["HeapAllocations"], -Cycles, Cycles / 10);
    }

    [Fact]
    public void UnloadReleasesLeakedMemory()
    {
        using QemuProcess qemu = KernelShell.Boot(Isolated);
        Dictionary<string, long> before = MemInfo(qemu);
        Assert.Contains("allocated 65536 bytes", KernelShell.Run(qemu, "fault leak"));
        Assert.Contains("65536 bytes  from nk_alloc", KernelShell.Run(qemu, "nooks objects faulty"));
        Assert.Contains("unloaded", KernelShell.Run(qemu, "rmmod faulty"));
        Assert.Contains("released 2 memory objects", qemu.Console);
        Assert.True(MemInfo(qemu)["MemFree"] >= before["MemFree"], qemu.Console);
    }

    [Fact]
    public void AFaultStaysInsideItsExtension()
    {
        using QemuProcess qemu = KernelShell.Boot(Isolated);
        KernelShell.Run(qemu, "fault null-deref");
        string lsmod = KernelShell.Run(qemu, "lsmod");
        Assert.Matches(@"null\s+isolated\s+running\s+0\s+0", lsmod);
        string events = KernelShell.Run(qemu, "nooks events");
        Assert.Contains("faulty fault: page fault", events);
        Assert.Contains("faulty restarted in", events);
    }

    // The domain can read kernel memory and other domains' memory itself (read-only), but it
    // cannot have the kernel read them for it: a buffer must be its own memory.
    [Theory]
    [InlineData("kernel-text")]
    [InlineData("null-image")]
    public void APointerIntoMemoryTheDomainDoesNotOwnIsABadCall(string target)
    {
        using QemuProcess qemu = KernelShell.Boot(Isolated);
        string address = KernelTextStart;
        if (target == "null-image")
        {
            Match m = NullImageLine().Match(KernelShell.Run(qemu, "nooks extensions"));
            Assert.True(m.Success, qemu.Console);
            address = "0x" + m.Groups[1].Value;
        }
        string output = KernelShell.Run(qemu, $"fault bad-pointer-arg {address}");
        Assert.Contains("extension faulty failed: bad call: nk_log", output);
        Assert.DoesNotContain("accepted", output);
        Assert.Matches(@"faulty\s+isolated\s+running\s+1\s+1", KernelShell.Run(qemu, "lsmod"));
    }

    // Through the identity map a domain reads kernel memory (Nooks' read-only kernel), but not
    // device registers and not the frames extensions' memory comes from.
    [Fact]
    public void ADomainReadsKernelMemoryButNotDevicesOrExtensionsFrames()
    {
        using QemuProcess qemu = KernelShell.Boot(Isolated);
        Match zone = Regex.Match(qemu.Console, @"extensions' frames: ([0-9a-f]+)-([0-9a-f]+)");
        Assert.True(zone.Success, qemu.Console);
        var (_, canary) = Checksum(qemu);

        Assert.Matches(@"read 0x[0-9a-f]{8} at 0x" + canary, KernelShell.Run(qemu, "fault wild-read 0x" + canary));
        Assert.Contains("extension faulty failed: page fault (#PF): page not present on read in kernel mode at 0xfee00020", KernelShell.Run(qemu, "fault wild-read"));
        string zoneAddress = "0x" + zone.Groups[1].Value;
        Assert.Contains($"extension faulty failed: page fault (#PF): page not present on read in kernel mode at {zoneAddress}", KernelShell.Run(qemu, "fault wild-read " + zoneAddress));
        Assert.Matches(@"faulty\s+isolated\s+running\s+2\s+2", KernelShell.Run(qemu, "lsmod"));
    }

    private static Dictionary<string, long> MemInfo(QemuProcess qemu) =>
        MemInfoLine().Matches(KernelShell.Run(qemu, "meminfo"))
            .ToDictionary(m => m.Groups[1].Value, m => long.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
}
