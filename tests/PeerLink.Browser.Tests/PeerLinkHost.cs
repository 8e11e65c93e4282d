namespace PeerLink.Browser.Tests;

/// <summary>
/// The whole app on a real Kestrel at 127.0.0.1, with the demo accounts seeded, for a browser to visit.
/// <see cref="RestartAsync"/> stops it and starts it again on the same address, as a deploy would.
/// </summary>
public sealed class PeerLinkHost : LoopbackApp<Program>
{
    public const string DemoPassword = "demo-password-for-tests";

    private PeerLinkHost(IReadOnlyDictionary<string, string?> settings, int port)
        : base(settings, port)
    {
    }

    /// <summary>Starts on a free port, in memory, or in Redis mode when given a Redis server.</summary>
    /// <param name="more">Further settings, such as turning the Orleans dashboard on.</param>
    public static PeerLinkHost Start(RedisServer? redis = null, IReadOnlyDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>(more ?? new Dictionary<string, string?>())
        {
            ["PeerLink:Demo:Seed"] = "true",
            ["PeerLink:Demo:Password"] = DemoPassword,
        };
        if (redis is not null)
        {
            settings["PeerLink:Storage:Provider"] = "Redis";
            settings["PeerLink:Storage:RedisConnectionString"] = redis.ConnectionString;
        }

        return new PeerLinkHost(settings, port: 0);
    }

    /// <summary>Stops this server and starts a new one with the same settings on the same port.</summary>
    public async Task<PeerLinkHost> RestartAsync()
    {
        await DisposeAsync();
        return new PeerLinkHost(Settings, BaseUrl.Port);
    }

}
