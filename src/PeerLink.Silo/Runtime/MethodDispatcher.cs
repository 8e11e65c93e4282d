using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;

namespace PeerLink.Silo.Runtime;

internal enum ReturnKind
{
    Task,
    TaskOfT,
    ValueTask,
    ValueTaskOfT,
}

/// <summary>
/// Calls one grain-interface method on a grain instance. Each method gets a compiled delegate once,
/// so a call costs no reflection and an exception thrown by the grain is never wrapped.
/// </summary>
internal abstract class MethodDispatcher(MethodInfo method)
{
    private static readonly ConcurrentDictionary<MethodInfo, MethodDispatcher> Cache = new();

    /// <summary>"IPersonGrain.SetProfile", for timeouts and logs.</summary>
    public string MethodName { get; } = $"{method.DeclaringType?.Name}.{method.Name}";

    public bool AlwaysInterleave { get; } = method.IsDefined(typeof(AlwaysInterleaveAttribute), inherit: false);

    public bool OneWay { get; } = method.IsDefined(typeof(OneWayAttribute), inherit: false);

    public static MethodDispatcher For(MethodInfo method) => Cache.GetOrAdd(method, Create);

    public static ReturnKind? KindOf(Type returnType)
    {
        if (returnType == typeof(Task))
        {
            return ReturnKind.Task;
        }

        if (returnType == typeof(ValueTask))
        {
            return ReturnKind.ValueTask;
        }

        if (!returnType.IsGenericType)
        {
            return null;
        }

        var definition = returnType.GetGenericTypeDefinition();
        return definition == typeof(Task<>) ? ReturnKind.TaskOfT
            : definition == typeof(ValueTask<>) ? ReturnKind.ValueTaskOfT
            : null;
    }

    /// <summary>Sends the call through the runtime and returns what the interface method returns.</summary>
    public abstract object Invoke(GrainReference reference, object?[] args);

    private static MethodDispatcher Create(MethodInfo method)
    {
        var kind = KindOf(method.ReturnType)
            ?? throw new InvalidOperationException($"{method.DeclaringType?.Name}.{method.Name} must return Task, Task<T>, ValueTask or ValueTask<T>.");
        var resultType = kind is ReturnKind.TaskOfT or ReturnKind.ValueTaskOfT
            ? method.ReturnType.GetGenericArguments()[0]
            : typeof(VoidResult);
        var dispatcherType = typeof(MethodDispatcher<>).MakeGenericType(resultType);
        return (MethodDispatcher)Activator.CreateInstance(dispatcherType, method, kind)!;
    }
}

internal sealed class MethodDispatcher<T>(MethodInfo method, ReturnKind kind) : MethodDispatcher(method)
{
    /// <summary>Calls the method on a grain instance, with every result shape turned into a Task&lt;T&gt;.</summary>
    public Func<object, object?[], Task<T>> Call { get; } = Compile(method, kind);

    public override object Invoke(GrainReference reference, object?[] args)
    {
        var task = reference.Runtime.InvokeAsync(reference, this, args);
        return kind switch
        {
            ReturnKind.ValueTaskOfT => new ValueTask<T>(task),
            ReturnKind.ValueTask => new ValueTask(task),
            _ => task,
        };
    }

    private static Func<object, object?[], Task<T>> Compile(MethodInfo method, ReturnKind kind)
    {
        var grain = Expression.Parameter(typeof(object), "grain");
        var args = Expression.Parameter(typeof(object?[]), "args");
        var arguments = method.GetParameters().Select((p, i) =>
            Expression.Convert(Expression.ArrayIndex(args, Expression.Constant(i)), p.ParameterType));
        Expression call = Expression.Call(Expression.Convert(grain, method.DeclaringType!), method, arguments);
        if (kind != ReturnKind.TaskOfT)
        {
            var adapter = kind switch
            {
                ReturnKind.Task => nameof(TaskAdapters.FromTask),
                ReturnKind.ValueTask => nameof(TaskAdapters.FromValueTask),
                _ => nameof(TaskAdapters.FromValueTaskOfT),
            };
            var adapterMethod = typeof(TaskAdapters).GetMethod(adapter)!;
            call = Expression.Call(adapterMethod.IsGenericMethodDefinition ? adapterMethod.MakeGenericMethod(typeof(T)) : adapterMethod, call);
        }

        return Expression.Lambda<Func<object, object?[], Task<T>>>(call, grain, args).Compile();
    }
}

/// <summary>The result of a grain method that returns no value.</summary>
internal readonly struct VoidResult;

/// <summary>Turns every grain-method result shape into a Task&lt;T&gt;, so one call path serves them all.</summary>
internal static class TaskAdapters
{
    public static readonly Task<VoidResult> Completed = Task.FromResult(default(VoidResult));

    public static Task<VoidResult> FromTask(Task task) => task.IsCompletedSuccessfully ? Completed : AwaitVoid(task);

    public static Task<VoidResult> FromValueTask(ValueTask task) => task.IsCompletedSuccessfully ? Completed : AwaitVoid(task.AsTask());

    public static Task<T> FromValueTaskOfT<T>(ValueTask<T> task) => task.AsTask();

    private static async Task<VoidResult> AwaitVoid(Task task)
    {
        await task;
        return default;
    }
}
