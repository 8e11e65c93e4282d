namespace PeerLink.Silo.Tests.Grains;

/// <summary>Calls that go from one grain to another and back, for reentrancy.</summary>
public interface IChainGrain : IGrainWithStringKey
{
    /// <summary>Asks <paramref name="otherKey"/> to call back into this grain; returns what came back.</summary>
    Task<string> CallThroughAndBack(string otherKey);

    Task<string> CallBack(string callerKey);

    Task<string> Echo(string text);
}

public sealed class ChainGrain : Grain, IChainGrain
{
    public Task<string> CallThroughAndBack(string otherKey) =>
        GrainFactory.GetGrain<IChainGrain>(otherKey).CallBack(GetPrimaryKeyString());

    public Task<string> CallBack(string callerKey) =>
        GrainFactory.GetGrain<IChainGrain>(callerKey).Echo($"{GetPrimaryKeyString()}->{callerKey}");

    public Task<string> Echo(string text) => Task.FromResult(text);
}
