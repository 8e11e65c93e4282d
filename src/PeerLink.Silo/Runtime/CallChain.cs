namespace PeerLink.Silo.Runtime;

/// <summary>
/// Identifies one logical call chain (a request and everything it calls, transitively).
/// A request whose chain is the chain of the turn holding an activation is let in at once,
/// which is how A→B→A completes instead of deadlocking (Orleans' call-chain reentrancy).
/// </summary>
internal sealed class CallChain
{
    private static readonly AsyncLocal<CallChain?> CurrentChain = new();

    /// <summary>The chain the running code belongs to, or null outside any grain turn.</summary>
    public static CallChain? Current
    {
        get => CurrentChain.Value;
        set => CurrentChain.Value = value;
    }
}
