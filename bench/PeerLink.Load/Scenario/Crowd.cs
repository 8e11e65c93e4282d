using PeerLink.Testing.SignalR;

namespace PeerLink.Load.Scenario;

/// <summary>Everyone's hub connections: opened together, watched for drops, closed together.</summary>
internal sealed class Crowd(ErrorLog errors) : IAsyncDisposable
{
    private readonly List<HubClient> clients = [];
    private volatile bool closing;

    public int Count
    {
        get
        {
            lock (clients)
            {
                return clients.Count;
            }
        }
    }

    /// <summary>Connects each person to <paramref name="hubUrl"/>; a failed connection is an error, and that person is left out.</summary>
    public async Task<IReadOnlyList<SimPerson>> ConnectAsync(Uri hubUrl, IReadOnlyList<SimPerson> people, CancellationToken cancellationToken)
    {
        var connected = new bool[people.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, people.Count),
            new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                try
                {
                    people[i].Hub = await OpenAsync(hubUrl, people[i].Token, ct);
                    connected[i] = true;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    errors.Add("connect", e);
                }
            });
        return [.. people.Where((_, i) => connected[i])];
    }

    /// <summary>Opens one watched connection, with a token or anonymously.</summary>
    public async Task<HubClient> OpenAsync(Uri hubUrl, string? token, CancellationToken cancellationToken)
    {
        var client = await HubClient.ConnectAsync(hubUrl, token, keepEvents: false, cancellationToken);
        lock (clients)
        {
            clients.Add(client);
        }

        _ = client.Closed.ContinueWith(
            closed =>
            {
                if (!closing)
                {
                    errors.Add("connection-dropped", $"The server closed a connection: {closed.Result ?? "no reason given"}");
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        closing = true;
        HubClient[] all;
        lock (clients)
        {
            all = [.. clients];
            clients.Clear();
        }

        await Parallel.ForEachAsync(all, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (c, _) => await c.DisposeAsync());
    }
}
