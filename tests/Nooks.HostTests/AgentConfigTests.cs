using Nooks.User;

namespace Nooks.HostTests;

// The recovery agent's config parser (kernel/user/agent/AgentConfig.cs), compiled here.
public class AgentConfigTests
{
    private static AgentConfig Parse(string text, string source = "agent.conf")
    {
        var config = new AgentConfig();
        config.Parse(source, text);
        return config;
    }

    [Fact]
    public void ShippedConfigParsesCleanly()
    {
        string path = Path.Combine(Nooks.Tools.RepoLayout.Find().Root, "kernel", "user", "agent", "agent.conf");
        AgentConfig config = Parse(File.ReadAllText(path));
        Assert.Equal(0, config.ErrorCount);
        Assert.True(config.ActionSet);
        Assert.False(config.DisableByDefault);
        Assert.Equal(5, config.DisableFailures);
        Assert.Equal(10, config.DisableSeconds);
        Assert.Equal(0, config.FallbackCount);
    }

    [Fact]
    public void DirectivesCommentsAndBlankLines()
    {
        AgentConfig config = Parse("# comment\n\n  disable   # trailing comment\r\ndisable-after 3 20\nfallback faulty native after 2\nfallback e1000\tisolated after 1\n");
        Assert.Equal(0, config.ErrorCount);
        Assert.Equal(4, config.Directives);
        Assert.True(config.DisableByDefault);
        Assert.Equal(3, config.DisableFailures);
        Assert.Equal(20, config.DisableSeconds);
        Assert.Equal(2, config.FallbackCount);
        int faulty = config.FindFallback("faulty");
        Assert.True(config.FallbackNative[faulty]);
        Assert.Equal(2, config.FallbackAfter[faulty]);
        int e1000 = config.FindFallback("e1000");
        Assert.False(config.FallbackNative[e1000]);
        Assert.Equal(-1, config.FindFallback("null"));
    }

    [Fact]
    public void LaterLinesAndFilesOverrideEarlierOnes()
    {
        AgentConfig config = Parse("disable\nfallback faulty native after 2\n");
        config.Parse("agent.local.conf", "restart\nfallback faulty isolated after 4\ndisable-after 1 1\n");
        Assert.False(config.DisableByDefault);
        Assert.Equal(1, config.FallbackCount);
        Assert.False(config.FallbackNative[0]);
        Assert.Equal(4, config.FallbackAfter[0]);
        Assert.Equal(1, config.DisableFailures);
    }

    [Theory]
    [InlineData("frobnicate", "agent.conf line 1: unknown directive 'frobnicate' (expected restart, disable, disable-after or fallback)")]
    [InlineData("restart now", "agent.conf line 1: 'restart' takes no arguments")]
    [InlineData("disable-after 3", "agent.conf line 1: usage: disable-after FAILURES SECONDS")]
    [InlineData("disable-after x 10", "agent.conf line 1: usage: disable-after FAILURES SECONDS")]
    [InlineData("disable-after 3 0", "agent.conf line 1: disable-after: SECONDS must be at least 1")]
    [InlineData("disable-after 3 99999999", "agent.conf line 1: usage: disable-after FAILURES SECONDS")]
    [InlineData("disable-after 1001 10", "agent.conf line 1: disable-after: FAILURES at most 1000, SECONDS at most 86400")]
    [InlineData("disable-after 3 86401", "agent.conf line 1: disable-after: FAILURES at most 1000, SECONDS at most 86400")]
    [InlineData("fallback faulty sideways after 1", "agent.conf line 1: usage: fallback NAME native|isolated after FAILURES")]
    [InlineData("fallback faulty native before 1", "agent.conf line 1: usage: fallback NAME native|isolated after FAILURES")]
    [InlineData("fallback faulty native after 0", "agent.conf line 1: usage: fallback NAME native|isolated after FAILURES")]
    [InlineData("fallback faulty native after", "agent.conf line 1: usage: fallback NAME native|isolated after FAILURES")]
    [InlineData("a b c d e f g h i", "agent.conf line 1: too many words for 'a'")]
    public void BadLineIsReported(string line, string message)
    {
        AgentConfig config = Parse(line);
        Assert.Equal(1, config.ErrorCount);
        Assert.StartsWith(message, config.Errors[0]);
        Assert.Equal(0, config.Directives);
    }

    [Fact]
    public void BadLinesAreSkippedAndTheRestApplies()
    {
        AgentConfig config = Parse("restart\nbogus\ndisable-after 2 30\nfallback x native\n", "agent.local.conf");
        Assert.Equal(2, config.ErrorCount);
        Assert.StartsWith("agent.local.conf line 2: ", config.Errors[0]);
        Assert.StartsWith("agent.local.conf line 4: ", config.Errors[1]);
        Assert.Equal(2, config.Directives);
        Assert.Equal(2, config.DisableFailures);
        Assert.Equal(30, config.DisableSeconds);
    }

    [Fact]
    public void TooManyFallbacksIsAnErrorNotAnOverflow()
    {
        string text = "";
        for (int i = 0; i <= AgentConfig.MaxFallbacks; i++) text += $"fallback ext{i} native after 1\n";
        AgentConfig config = Parse(text);
        Assert.Equal(AgentConfig.MaxFallbacks, config.FallbackCount);
        Assert.Equal(1, config.ErrorCount);
        Assert.Contains("too many fallback rules", config.Errors[0]);
    }
}
