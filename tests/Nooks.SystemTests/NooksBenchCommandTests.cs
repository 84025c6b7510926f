using Nooks.Tools;

namespace Nooks.SystemTests;

// `nooks bench` loads the null extension twice more (native and isolated, under aliases) next to
// the instance already running, measures, and unloads its copies again.
public class NooksBenchCommandTests
{
    private const int Iterations = 20;

    [Fact]
    public void BenchRunsBesideARunningInstanceAndCleansUp()
    {
        using QemuProcess qemu = KernelShell.Boot("nooks.load=null:isolated");
        string output = KernelShell.Run(qemu, $"nooks bench {Iterations}");
        Assert.Contains("kernel -> isolated extension (XPC round)", output);
        Assert.Contains("wrapped / native kernel call ratio", output);
        Assert.DoesNotContain("failed", output);
        string lsmod = KernelShell.Run(qemu, "lsmod");
        Assert.DoesNotContain("null.native", lsmod);
        Assert.Matches(@"null\s+isolated\s+running\s+0\s+0", lsmod);
        Assert.Contains("woken by the timer", KernelShell.Run(qemu, "null-sleep 10"));
    }
}
