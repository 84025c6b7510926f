using Nooks.Kernel.Arch;

namespace Nooks.HostTests;

public class QemuDebugExitTests
{
    [Fact]
    public void StatusOfAKernelWritingSuccessDecodesToSuccess() =>
        Assert.Equal((int)QemuDebugExit.Success, QemuDebugExit.CodeFromStatus(((int)QemuDebugExit.Success << 1) | 1));

    [Theory]
    [InlineData(1)]
    [InlineData(42)]
    [InlineData(127)]
    public void StatusCarriesTheKernelsCode(int code) =>
        Assert.Equal(code, QemuDebugExit.CodeFromStatus((code << 1) | 1));

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void EvenStatusDidNotComeFromTheDevice(int status) =>
        Assert.Equal(QemuDebugExit.NotFromDevice, QemuDebugExit.CodeFromStatus(status));
}
