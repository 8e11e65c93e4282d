namespace PeerLink.Silo.Tests.Grains;

public sealed class GrainFaultException(string message) : Exception(message);

/// <summary>Throws, hangs, or refuses to activate, on request.</summary>
public interface IFaultyGrain : IGrainWithStringKey
{
    Task Throw(string message);

    Task ThrowTimeout();

    /// <summary>Never completes.</summary>
    Task Hang();

    Task<string> Ping();
}

public sealed class FaultyGrain(ActivationSwitch activationSwitch) : Grain, IFaultyGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken) =>
        activationSwitch.FailActivation
            ? throw new GrainFaultException($"activation of {GetPrimaryKeyString()} refused")
            : Task.CompletedTask;

    public Task Throw(string message) => throw new GrainFaultException(message);

    public Task ThrowTimeout() => throw new TimeoutException("the grain's own timeout");

    public Task Hang() => new TaskCompletionSource().Task;

    public Task<string> Ping() => Task.FromResult("pong");
}

/// <summary>Lets a test make activations fail and then succeed again.</summary>
public sealed class ActivationSwitch
{
    public bool FailActivation { get; set; }
}
