using PeerLink.Load.Hosting;

namespace PeerLink.Load.Tests;

public sealed class LoadRunTests
{
    [Fact]
    public async Task A_small_in_process_run_matches_everyone_delivers_every_message_and_fills_every_percentile()
    {
        var options = new LoadOptions
        {
            Seekers = 12,
            Peers = 4,
            Waiting = 6,
            MessagesPerSecond = 40,
            Duration = TimeSpan.FromSeconds(2),
            RequestsPerSecond = 20,
            Settle = TimeSpan.FromMilliseconds(200),
        };

        var report = await new LoadSession(options, ServerKind.InProcess, TextWriter.Null).RunAsync(["memory"], CancellationToken.None);

        var run = Assert.Single(report.Results);
        Assert.Empty(run.ErrorsByKind);
        Assert.True(run.HeapSettled, "The server it started should settle its heap before each timed phase.");
        Assert.Equal((16, 6, 4), (run.People.Connected, run.People.Waiting, run.People.Matched));
        Assert.Equal(4, run.RequestToOffer.Count);
        Assert.Equal(4, run.RequestToMatch.Count);
        Assert.Equal(run.Messages.Acknowledged, run.Messages.Delivered);
        // The pacer never starts more than the rate allows (40 a second for 2 s, plus the first); how many fewer
        // it starts depends on how the machine keeps time, so only "some, and no more" is checked here.
        Assert.InRange(run.Messages.Delivered, 1, 81);
        Assert.NotNull(run.Messages.Latency.P99);
        Assert.NotNull(run.Baseline?.Latency.P99);
        Assert.NotNull(run.VersusBaseline?.LatencyP99);
        Assert.NotNull(run.Memory.PerPersonKb);
        Assert.Contains("\"requestToOffer\"", report.ToJson(), StringComparison.Ordinal);
    }
}
