namespace PeerLink.Grains.Safety;

/// <summary>A crisis line shown wherever risk appears. At least one of phone, text or URL is set.</summary>
public sealed class CrisisResource
{
    public string Name { get; set; } = string.Empty;

    /// <summary>A number to call, as people dial it ("116 123").</summary>
    public string? Phone { get; set; }

    /// <summary>How to reach it by text message ("Text SHOUT to 85258").</summary>
    public string? Text { get; set; }

    public string? Url { get; set; }

    /// <summary>One line on who it is for and when it is open.</summary>
    public string? Description { get; set; }
}
