namespace PeerLink.Grains;

/// <summary>Names this assembly for ISiloBuilder.AddGrains.</summary>
public static class GrainsAssembly
{
    public static System.Reflection.Assembly Assembly => typeof(GrainsAssembly).Assembly;
}
