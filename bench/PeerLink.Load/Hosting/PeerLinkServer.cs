namespace PeerLink.Load.Hosting;

/// <summary>A PeerLink the run drives: started here (in this process or a child process), or already running.</summary>
internal abstract class PeerLinkServer : IAsyncDisposable
{
    public abstract Uri BaseUrl { get; }

    /// <summary>The process whose memory is the server's, when known.</summary>
    public abstract int? Pid { get; }

    /// <summary>How the server runs, for the report.</summary>
    public abstract string Description { get; }

    public string AdminPassword { get; init; } = "";

    public string AdminUsername { get; init; } = ServerSettings.AdminUsername;

    /// <summary>Where the peers connect: the same node as the seekers, except on a cluster, where it is the other one.</summary>
    public virtual Uri PeerBaseUrl => BaseUrl;

    /// <summary>Every web node, for what each must be asked (a settled heap).</summary>
    public virtual IReadOnlyList<Uri> NodeUrls => [BaseUrl];

    public Uri HubUrl => new(BaseUrl, "/hubs/peerlink");

    public Uri PeerHubUrl => new(PeerBaseUrl, "/hubs/peerlink");

    public Uri EchoUrl => new(BaseUrl, "/hubs/echo");

    public Uri PeerEchoUrl => new(PeerBaseUrl, "/hubs/echo");

    /// <summary>The server's resident memory; a cluster's is the sum over its nodes.</summary>
    public virtual long? ResidentBytes() => Pid is { } pid ? ProcessMemory.ResidentBytes(pid) : null;

    /// <summary>The server's last lines of output, when this tool holds them, to explain errors.</summary>
    public virtual string OutputTail() => "";

    public abstract ValueTask DisposeAsync();
}

/// <summary>A PeerLink someone else started at 127.0.0.1, with the echo hub on and sign-in limits raised.</summary>
internal sealed class RunningPeerLink(Uri baseUrl, int? pid) : PeerLinkServer
{
    public override Uri BaseUrl { get; } = baseUrl;

    public override int? Pid { get; } = pid;

    public override string Description => $"already running at {BaseUrl}";

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
