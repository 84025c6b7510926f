using Nooks.Tools;

namespace Nooks.SystemTests;

// insmod, rmmod and lsmod from the ring-3 shell, on a kernel booted with no extension loaded.
public class ModuleCommandTests
{
    [Fact]
    public void ExtensionsLoadAfterBootInEitherModeAndUnload()
    {
        using QemuProcess qemu = KernelShell.Boot("");
        Assert.Contains("faulty: loaded (isolated)", KernelShell.Run(qemu, "insmod faulty"));
        Assert.Contains("null-deref", KernelShell.Run(qemu, "fault list"));
        Assert.Contains("null.native: loaded (native)", KernelShell.Run(qemu, "insmod null --native --as null.native"));
        string lsmod = KernelShell.Run(qemu, "lsmod");
        Assert.Matches(@"faulty\s+isolated\s+running", lsmod);
        Assert.Matches(@"null\.native\s+native\s+running", lsmod);
        Assert.Contains("faulty: unloaded", KernelShell.Run(qemu, "rmmod faulty"));
        Assert.DoesNotContain("faulty", KernelShell.Run(qemu, "lsmod"));
        Assert.DoesNotContain("KERNEL PANIC", qemu.Console);
    }

    [Fact]
    public void BadModuleCommandsAreExplained()
    {
        using QemuProcess qemu = KernelShell.Boot("");
        Assert.Contains("no extension image named 'nosuch'", KernelShell.Run(qemu, "insmod nosuch"));
        Assert.Contains("unknown option '--fast'", KernelShell.Run(qemu, "insmod null --fast"));
        Assert.Contains("usage: insmod", KernelShell.Run(qemu, "insmod"));
        Assert.Contains("rmmod: e1001: not loaded", KernelShell.Run(qemu, "rmmod e1001"));
        KernelShell.Run(qemu, "insmod null");
        Assert.Contains("already loaded", KernelShell.Run(qemu, "insmod null"));
    }
}
