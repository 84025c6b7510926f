using Nooks.Tools;

namespace Nooks.HostTests;

public class SpreadTests
{
    private static TimeSpan Ms(double ms) => TimeSpan.FromMilliseconds(ms);

    [Fact]
    public void OddCountTakesTheMiddleSample() =>
        Assert.Equal(new Spread(Ms(200), Ms(100), Ms(900)), Spread.Of([Ms(900), Ms(100), Ms(200)]));

    [Fact]
    public void EvenCountAveragesTheTwoMiddleSamples() =>
        Assert.Equal(Ms(250), Spread.Of([Ms(100), Ms(200), Ms(300), Ms(400)]).Median);
}
