using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.SignalR;

namespace PeerLink.Web.Realtime;

/// <summary>
/// Refuses a hub call that passes null for a parameter the method does not declare nullable, before the method
/// runs: JSON lets a client send null anywhere, and a method would otherwise fail on it as a fault. The refusal
/// reaches the caller as "invalid-argument" (<see cref="RuleViolationHubFilter"/>).
/// </summary>
internal sealed class RequiredArgumentsHubFilter : IHubFilter
{
    private static readonly ConcurrentDictionary<MethodInfo, string?[]> Required = new();

    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var required = Required.GetOrAdd(invocationContext.HubMethod, RequiredParameters);
        for (var i = 0; i < required.Length && i < invocationContext.HubMethodArguments.Count; i++)
        {
            if (required[i] is { } name && invocationContext.HubMethodArguments[i] is null)
            {
                throw new ArgumentNullException(name, $"{name} is required.");
            }
        }

        return next(invocationContext);
    }

    /// <summary>Each parameter's name where null is not allowed, else null.</summary>
    private static string?[] RequiredParameters(MethodInfo method)
    {
        var nullability = new NullabilityInfoContext();
        return [.. method.GetParameters().Select(p =>
            !p.ParameterType.IsValueType && nullability.Create(p).WriteState != NullabilityState.Nullable ? p.Name : null)];
    }
}
