using Nooks.Tools;

namespace Nooks.HostTests;

public class QemuExitTests
{
    [Fact]
    public void KernelSuccessIsShellSuccess()
    {
        var exit = new QemuExit(Status: 1, Errors: "");
        Assert.True(exit.KernelSucceeded);
        Assert.Equal(0, exit.ShellExitCode);
    }

    [Fact]
    public void KernelFailureCodeIsTheShellCode() =>
        Assert.Equal(3, new QemuExit(Status: (3 << 1) | 1, Errors: "").ShellExitCode);

    [Fact]
    public void QemusOwnErrorIsNotMistakenForKernelSuccess()
    {
        var exit = new QemuExit(Status: 1, Errors: "qemu-system-x86_64: -drive file=x: Could not open 'x'\n");
        Assert.False(exit.KernelSucceeded);
        Assert.Equal(QemuExit.EmulatorFailed, exit.ShellExitCode);
    }

    [Fact]
    public void QemuWarningsDoNotMakeARunFail() =>
        Assert.True(new QemuExit(Status: 1, Errors: "qemu-system-x86_64: warning: host doesn't support requested feature\n").KernelSucceeded);

    [Fact]
    public void EndingWithoutTheDeviceIsAFailure() =>
        Assert.Equal(QemuExit.EndedWithoutKernelExit, new QemuExit(Status: 0, Errors: "").ShellExitCode);
}
