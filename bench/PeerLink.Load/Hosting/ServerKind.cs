namespace PeerLink.Load.Hosting;

/// <summary>Where the PeerLink under load runs.</summary>
internal enum ServerKind
{
    /// <summary>Started by the tool in a process of its own: clean memory figures, and PeerLink's own GC settings.</summary>
    Process,

    /// <summary>Started by the tool in its own process: quick, for tests; its memory includes the load clients'.</summary>
    InProcess,

    /// <summary>Already running at a loopback address given with --url.</summary>
    Running,
}
