using Nooks.Tools;

namespace Nooks.HostTests;

public class TestCountsTests
{
    private const string Trx = """
        <?xml version="1.0" encoding="utf-8"?>
        <TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
          <ResultSummary outcome="Failed">
            <Counters total="7" executed="6" passed="4" failed="1" error="1" timeout="0" aborted="0" inconclusive="0" notExecuted="1" />
          </ResultSummary>
        </TestRun>
        """;

    [Fact]
    public void TrxCountersBecomePassedFailedSkipped() =>
        Assert.Equal(new TestCounts(Passed: 4, Failed: 2, Skipped: 1), TestCounts.FromTrx(Trx));

    [Fact]
    public void SummaryLineNamesSkippedOnlyWhenThereAreAny()
    {
        Assert.Equal("tests: 3 passed, 0 failed", new TestCounts(3, 0, 0).SummaryLine());
        Assert.Equal("tests: 3 passed, 1 failed, 2 skipped", new TestCounts(3, 1, 2).SummaryLine());
    }

    [Fact]
    public void SuiteWithoutResultsCountsAsAFailure() =>
        Assert.Equal(new TestCounts(0, 1, 0), TestCounts.ForSuite(trxXml: null, runnerExitCode: 1));

    [Fact]
    public void FailedRunnerWithGreenResultsCountsAsAFailure() =>
        Assert.Equal(1, TestCounts.ForSuite(Trx.Replace("failed=\"1\" error=\"1\"", "failed=\"0\" error=\"0\""), runnerExitCode: 1).Failed);

    [Fact]
    public void SuitesAddUp() =>
        Assert.Equal(new TestCounts(5, 1, 1), new TestCounts(2, 1, 0) + new TestCounts(3, 0, 1));
}
