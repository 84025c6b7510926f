using Nooks.Tools;

namespace Nooks.SystemTests;

// QEMU's TCG offers no PCIDs: the kernel says so at boot and isolated extensions run on the path
// where every domain switch flushes the TLB (the one real hardware with PCIDs avoids).
public class PcidTests
{
    private const string NotOffered = "paging: PCID not offered by this CPU; every domain switch flushes the TLB";

    [Fact]
    public void KernelReportsPcidsAbsentAndIsolatedExtensionsStillWork()
    {
        using QemuProcess qemu = KernelShell.Boot("nooks.load=faulty:isolated");
        Assert.Contains(NotOffered, qemu.Console);
        Assert.Contains("null-deref", KernelShell.Run(qemu, "fault list"));
        Assert.Contains("extension faulty failed", KernelShell.Run(qemu, "fault null-deref"));
        Assert.Contains("null-deref", KernelShell.Run(qemu, "fault list"));
        Assert.Matches(@"faulty\s+isolated\s+running", KernelShell.Run(qemu, "lsmod"));
        Assert.DoesNotContain("KERNEL PANIC", qemu.Console);
    }
}
