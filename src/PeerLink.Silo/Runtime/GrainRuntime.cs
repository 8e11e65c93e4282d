using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PeerLink.Silo.Hosting;

namespace PeerLink.Silo.Runtime;

/// <summary>Routes every grain call from a reference to an activation, and owns the silo's shared parts.</summary>
internal sealed class GrainRuntime : IGrainFactory, IDisposable
{
    private volatile bool stopped;

    public GrainRuntime(
        IServiceProvider services,
        GrainTypeManifest manifest,
        IOptions<SiloOptions> options,
        TimeProvider timeProvider,
        SiloMetrics metrics,
        ILogger<GrainRuntime> logger)
    {
        Services = services;
        Manifest = manifest;
        Options = options.Value;
        TimeProvider = timeProvider;
        Metrics = metrics;
        Logger = logger;
        Catalog = new Catalog(this);
        Activator = new GrainActivator();
        metrics.ObserveActivations(() => Catalog.Count);
    }

    public IServiceProvider Services { get; }

    public GrainTypeManifest Manifest { get; }

    public SiloOptions Options { get; }

    public TimeProvider TimeProvider { get; }

    public SiloMetrics Metrics { get; }

    public ILogger Logger { get; }

    public Catalog Catalog { get; }

    public GrainActivator Activator { get; }

    public TGrainInterface GetGrain<TGrainInterface>(string key) where TGrainInterface : IGrainWithStringKey
    {
        GrainId.ValidateKey(key);
        var classInfo = Manifest.ForInterface(typeof(TGrainInterface));
        return CreateReference<TGrainInterface>(classInfo, new GrainId(classInfo.TypeName, key));
    }

    /// <summary>A reference by grain id, for callers such as reminders that know the grain only by its id.</summary>
    public TGrainInterface GetGrain<TGrainInterface>(GrainId grainId) where TGrainInterface : IGrain =>
        CreateReference<TGrainInterface>(Manifest.ForTypeName(grainId.Type), grainId);

    public Task<T> InvokeAsync<T>(GrainReference reference, MethodDispatcher<T> method, object?[] args)
    {
        if (stopped)
        {
            return Task.FromException<T>(new InvalidOperationException($"The silo has stopped; the call to {method.MethodName} on grain {reference.GrainId} was refused."));
        }

        var started = Stopwatch.GetTimestamp();
        Metrics.CallStarted();
        if (method.OneWay)
        {
            return SendOneWay(reference, method, args, started);
        }

        var chain = CallChain.Current ?? new CallChain();
        Task<T> task;
        try
        {
            task = Dispatch(reference, method.Call, args, chain, method.AlwaysInterleave);
        }
        catch (Exception e)
        {
            task = Task.FromException<T>(e);
        }

        if (task.IsCompleted)
        {
            Metrics.CallCompleted(started);
            return task;
        }

        return WithTimeout(task, reference.GrainId, method.MethodName, started);
    }

    /// <summary>Refuses new calls and deactivates every activation, letting OnDeactivateAsync save state.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        stopped = true;
        var shuttingDown = new DeactivationReason(DeactivationReasonCode.ShuttingDown, "The silo is stopping.");
        var activations = Catalog.Activations.ToArray();
        foreach (var activation in activations)
        {
            activation.RequestDeactivation(shuttingDown);
        }

        try
        {
            // Bounded by the host's shutdown timeout, in real time: a stuck grain must not hold the process.
            await Task.WhenAll(activations.Select(a => a.Deactivated)).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // What has not deactivated by now is abandoned as in a crash; its state is what it last wrote.
            var stuck = activations.Where(a => !a.Deactivated.IsCompleted).ToArray();
            Logger.LogWarning("{Count} activations did not deactivate before the shutdown timeout and were abandoned: {GrainIds}", stuck.Length, string.Join(", ", stuck.Select(a => a.GrainId)));
            foreach (var activation in stuck)
            {
                activation.Abandon();
            }
        }
    }

    /// <summary>
    /// Abandons every activation without deactivating it, as a crashed process would: calls are refused
    /// and timers stop, but OnDeactivateAsync does not run and nothing more is written.
    /// </summary>
    public void Dispose()
    {
        stopped = true;
        foreach (var activation in Catalog.Activations)
        {
            activation.Abandon();
        }
    }

    private TGrainInterface CreateReference<TGrainInterface>(GrainClassInfo classInfo, GrainId grainId) =>
        (TGrainInterface)(object)ReferencePrototype<TGrainInterface>.Value.CopyBoundTo(this, classInfo, grainId);

    /// <summary>One unbound proxy per grain interface, made once, that every reference to such a grain copies.</summary>
    private static class ReferencePrototype<TGrainInterface>
    {
        public static readonly GrainReference Value = (GrainReference)(object)System.Reflection.DispatchProxy.Create<TGrainInterface, GrainReference>()!;
    }

    private Task<T> Dispatch<T>(GrainReference reference, Func<object, object?[], Task<T>> call, object?[] args, CallChain chain, bool interleave)
    {
        while (true)
        {
            var activation = reference.CachedActivation;
            var created = false;
            if (activation is null || activation.IsInvalid)
            {
                activation = Catalog.GetOrCreate(reference.GrainId, reference.ClassInfo, out created);
                reference.CachedActivation = activation;
            }

            var admission = activation.TryAdmit(chain, interleave, keepAlive: true, out var pending, out var holder);
            if (created)
            {
                activation.StartActivation();
            }

            switch (admission)
            {
                case Admission.Run:
                    return activation.RunTurn(call, args, chain, holder);
                case Admission.Queued:
                    return RunWhenAdmitted(reference, activation, pending!, call, args, chain, interleave);
                default:
                    reference.CachedActivation = null;
                    break;
            }
        }
    }

    private async Task<T> RunWhenAdmitted<T>(
        GrainReference reference, ActivationData activation, PendingRequest pending,
        Func<object, object?[], Task<T>> call, object?[] args, CallChain chain, bool interleave)
    {
        if (await pending.Admitted.ConfigureAwait(false))
        {
            return await activation.RunTurn(call, args, chain, pending.Holder).ConfigureAwait(false);
        }

        // The activation deactivated while this request waited: go to its successor.
        reference.CachedActivation = null;
        return await Dispatch(reference, call, args, chain, interleave).ConfigureAwait(false);
    }

    /// <summary>Queues the call under a chain of its own and lets the caller go on; its outcome is only logged.</summary>
    private Task<T> SendOneWay<T>(GrainReference reference, MethodDispatcher<T> method, object?[] args, long started)
    {
        Task<T> task;
        try
        {
            task = Dispatch(reference, method.Call, args, new CallChain(), method.AlwaysInterleave);
        }
        catch (Exception e)
        {
            task = Task.FromException<T>(e);
        }

        task.ContinueWith(
            t =>
            {
                Metrics.CallCompleted(started);
                if (t.Exception is { } error)
                {
                    Logger.LogWarning(error.InnerException, "One-way call {Method} on {GrainId} failed", method.MethodName, reference.GrainId);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return Task.FromResult<T>(default!);
    }

    private async Task<T> WithTimeout<T>(Task<T> task, GrainId grainId, string methodName, long started)
    {
        try
        {
            return await task.WaitAsync(Options.ResponseTimeout, TimeProvider).ConfigureAwait(false);
        }
        catch (TimeoutException) when (!task.IsCompleted)
        {
            // A TimeoutException the grain itself threw has completed the task and passes through unchanged.
            Metrics.CallTimedOut();
            throw new TimeoutException($"The call to {methodName} on grain {grainId} timed out after {Options.ResponseTimeout}.");
        }
        finally
        {
            Metrics.CallCompleted(started);
        }
    }
}
