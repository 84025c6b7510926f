using Nooks.Abi;
using Nooks.Recovery;

namespace Nooks.HostTests;

// The per-extension record behind "disable an extension that fails more than N times in T s".
public class FaultWindowTests
{
    private const ulong Second = 1_000_000_000;

    [Fact]
    public void CountsOnlyFaultsInsideTheWindow()
    {
        var window = new FaultWindow();
        window.Record(1 * Second);
        window.Record(5 * Second);
        window.Record(12 * Second);
        Assert.Equal(2, window.CountWithin(12 * Second, 10 * Second));   // 5 s and 12 s
        Assert.Equal(3, window.CountWithin(12 * Second, 11 * Second));   // the edge counts
        Assert.Equal(1, window.CountWithin(12 * Second, 0));
    }

    [Fact]
    public void AnEmptyWindowCountsNothing() =>
        Assert.Equal(0, new FaultWindow().CountWithin(100 * Second, 10 * Second));

    [Fact]
    public void KeepsEnoughFaultsToExceedTheLargestLimit()
    {
        var window = new FaultWindow();
        for (int i = 0; i < 3 * RecoveryLimits.MaxFailuresInWindow; i++) window.Record((ulong)i * Second / 1000);
        ulong now = (ulong)(3 * RecoveryLimits.MaxFailuresInWindow) * Second / 1000;
        Assert.Equal(RecoveryLimits.MaxFailuresInWindow + 1, window.CountWithin(now, 10 * Second));
    }

    [Fact]
    public void OldFaultsArePushedOutByNewOnes()
    {
        var window = new FaultWindow();
        window.Record(0);
        for (int i = 0; i < RecoveryLimits.MaxFailuresInWindow + 1; i++) window.Record(100 * Second);
        // The fault at 0 s is gone: a window reaching back to it finds only the newer ones.
        Assert.Equal(RecoveryLimits.MaxFailuresInWindow + 1, window.CountWithin(100 * Second, 200 * Second));
    }
}
