using Nooks.Tools;

namespace Nooks.HostTests;

// How the fault campaign reads the extension's class list and judges what a trial observed.
public class FaultCampaignTests
{
    private const string Sum = "0x1234abcd";

    private static FaultObservation Seen(bool isolated, bool answered = true, bool panicked = false, string output = "",
        string? checksumAfter = Sum, int? faultsAfter = 0, string? state = "running", bool worksAgain = true) =>
        new(isolated, answered, panicked, output, Sum, checksumAfter, 0, faultsAfter, state, worksAgain);

    [Fact]
    public void ClassesAreReadFromFaultList()
    {
        const string list = "fault list\r\nnull-deref          read through a null pointer\r\n"
            + "wild-write          write to kernel data at ADDRESS (default: the kernel canary)\r\nqueued-bad-free     free a packet\r\n";
        Assert.Equal(["null-deref", "wild-write", "queued-bad-free"], FaultCampaign.Classes(list));
    }

    [Fact]
    public void NativeOutcomes()
    {
        Assert.Equal(FaultOutcome.Crash, FaultClassifier.Classify(Seen(false, answered: false, panicked: true, checksumAfter: null)));
        Assert.Equal(FaultOutcome.Hang, FaultClassifier.Classify(Seen(false, answered: false, checksumAfter: null)));
        Assert.Equal(FaultOutcome.Corruption, FaultClassifier.Classify(Seen(false, checksumAfter: "0xdeadbeef")));
        Assert.Equal(FaultOutcome.Refused, FaultClassifier.Classify(Seen(false, output: "free returned 0, then -9")));
        Assert.Equal(FaultOutcome.Silent, FaultClassifier.Classify(Seen(false, output: "wrote 0xffff808000001ff8")));
    }

    [Fact]
    public void IsolatedOutcomes()
    {
        Assert.Equal(FaultOutcome.Recovered, FaultClassifier.Classify(Seen(true, faultsAfter: 2)));
        Assert.Equal(FaultOutcome.Disabled, FaultClassifier.Classify(Seen(true, faultsAfter: 2, state: "disabled", worksAgain: false)));
        // A fault that the extension survived without failing (the kernel refused the call).
        Assert.Equal(FaultOutcome.Refused, FaultClassifier.Classify(Seen(true, output: "returned -9")));
    }

    [Fact]
    public void AnIsolatedFaultThatReachesTheKernelIsAFailureOfIsolation()
    {
        Assert.Equal(FaultOutcome.KernelLost, FaultClassifier.Classify(Seen(true, answered: false, panicked: true, checksumAfter: null)));
        Assert.Equal(FaultOutcome.KernelLost, FaultClassifier.Classify(Seen(true, answered: false, checksumAfter: null)));
        Assert.Equal(FaultOutcome.KernelLost, FaultClassifier.Classify(Seen(true, faultsAfter: 1, checksumAfter: "0xdeadbeef")));
        // Restarted but not answering calls: not counted as recovered.
        Assert.NotEqual(FaultOutcome.Recovered, FaultClassifier.Classify(Seen(true, faultsAfter: 1, worksAgain: false)));
    }
}
