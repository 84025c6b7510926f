using Nooks.Kernel.Boot;

namespace Nooks.HostTests;

public class CommandLineOptionsTests
{
    [Theory]
    [InlineData("nooks.load=e1000:isolated", "nooks.load=", "e1000:isolated")]
    [InlineData("quiet nooks.load=a,b net.ip=1.2.3.4/8", "net.ip=", "1.2.3.4/8")]
    [InlineData("xnooks.load=a", "nooks.load=", null)]
    [InlineData("", "nooks.load=", null)]
    public void ValueFindsWholeWordsOnly(string line, string key, string? expected) =>
        Assert.Equal(expected, CommandLineOptions.Value(line, key));

    [Theory]
    [InlineData("selftest nooks.test", "nooks.test", true)]
    [InlineData("nooks.testing", "nooks.test", false)]
    public void HasMatchesWords(string line, string word, bool expected) =>
        Assert.Equal(expected, CommandLineOptions.Has(line, word));
}
