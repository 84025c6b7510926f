using Nooks.Kernel.Console;

namespace Nooks.HostTests;

public class LineDisciplineTests
{
    // Feeds text; returns the completed lines and everything echoed.
    private static (List<string> Lines, string Echo) Type(string input, int capacity = 64)
    {
        var discipline = new LineDiscipline();
        var lines = new List<string>();
        var echo = new System.Text.StringBuilder();
        var line = new char[capacity];
        int length = 0;
        foreach (char c in input)
        {
            bool done = discipline.Feed(c, line, ref length, out ReadOnlySpan<char> e);
            echo.Append(e);
            if (done) { lines.Add(new string(line, 0, length)); length = 0; }
        }
        return (lines, echo.ToString());
    }

    [Fact]
    public void PrintableCharactersAreKeptAndEchoed()
    {
        var (lines, echo) = Type("uptime\r");
        Assert.Equal(["uptime"], lines);
        Assert.Equal("uptime\n", echo);
    }

    [Fact]
    public void BackspaceAndDeleteEraseTheLastCharacter()
    {
        var (lines, echo) = Type("upx\bty\u007Fime\n");
        Assert.Equal(["uptime"], lines);
        Assert.Equal("upx\b \bty\b \bime\n", echo);
    }

    [Fact]
    public void BackspaceOnAnEmptyLineDoesNothing()
    {
        var (lines, echo) = Type("\b\ba\r");
        Assert.Equal(["a"], lines);
        Assert.Equal("a\n", echo);
    }

    [Theory]
    [InlineData("one\rtwo\r")]
    [InlineData("one\ntwo\n")]
    [InlineData("one\r\ntwo\r\n")]
    public void CrLfAndCrLfEachEndOneLine(string input) =>
        Assert.Equal(["one", "two"], Type(input).Lines);

    [Fact]
    public void TwoLineFeedsAreTwoLines() =>
        Assert.Equal(["", ""], Type("\n\n").Lines);

    [Fact]
    public void OtherControlCharactersAreIgnored()
    {
        var (lines, echo) = Type("a\x01\tb\x1B\r");
        Assert.Equal(["ab"], lines);
        Assert.Equal("ab\n", echo);
    }

    [Fact]
    public void AFullLineDropsFurtherCharacters() =>
        Assert.Equal(["abc"], Type("abcdef\r", capacity: 3).Lines);
}
