using System.Globalization;
using System.Xml.Linq;

namespace Nooks.Tools;

public sealed record TestCounts(int Passed, int Failed, int Skipped)
{
    public static readonly TestCounts None = new(0, 0, 0);

    public static TestCounts operator +(TestCounts a, TestCounts b) => new(a.Passed + b.Passed, a.Failed + b.Failed, a.Skipped + b.Skipped);

    // The one closing line of ./build.sh test.
    public string SummaryLine() =>
        $"tests: {Passed} passed, {Failed} failed" + (Skipped > 0 ? $", {Skipped} skipped" : "");

    // Reads the counters of a Visual Studio TRX file, as dotnet test --logger trx writes it.
    public static TestCounts FromTrx(string trxXml)
    {
        XElement counters = XDocument.Parse(trxXml).Descendants().First(e => e.Name.LocalName == "Counters");
        int Count(string name) => int.Parse(counters.Attribute(name)?.Value ?? "0", CultureInfo.InvariantCulture);
        return new TestCounts(
            Passed: Count("passed"),
            Failed: Count("failed") + Count("error") + Count("timeout") + Count("aborted"),
            Skipped: Count("notExecuted"));
    }

    // A suite whose runner failed without any failing test (it did not build, its host crashed,
    // it wrote no results) still counts one failure, so the totals never read as green.
    public static TestCounts ForSuite(string? trxXml, int runnerExitCode)
    {
        TestCounts counts = trxXml is null ? None : FromTrx(trxXml);
        bool unexplained = (runnerExitCode != 0 || trxXml is null) && counts.Failed == 0;
        return unexplained ? counts with { Failed = 1 } : counts;
    }
}
