namespace PeerLink.Web.Extensions;

/// <summary>Where this web node's grains run (PeerLink:Web:SiloMode).</summary>
internal enum SiloMode
{
    /// <summary>In a silo this process hosts: the embedded default, and every node of a co-hosted cluster.</summary>
    Cohosted,

    /// <summary>On dedicated PeerLink.Silo processes, which this node reaches as an Orleans client.</summary>
    Client,
}

internal static class SiloModes
{
    public const string Key = "PeerLink:Web:SiloMode";

    /// <summary>The configured mode; a value that is neither stops start-up with a message naming the key.</summary>
    public static SiloMode Read(IConfiguration configuration)
    {
        var value = configuration[Key];
        if (string.IsNullOrEmpty(value))
        {
            return SiloMode.Cohosted;
        }

        return Enum.TryParse<SiloMode>(value, ignoreCase: true, out var mode) && Enum.IsDefined(mode)
            ? mode
            : throw new InvalidOperationException($"{Key} is '{value}'. Valid values: Cohosted (a silo in this process, the default), Client (dedicated PeerLink.Silo processes).");
    }
}
