using Microsoft.Extensions.Logging;
using PeerLink.Silo.Timers;

namespace PeerLink.Silo.Runtime;

internal enum ActivationStatus
{
    Activating,
    Valid,
    Deactivating,
    Invalid,
}

internal enum Admission
{
    Run,
    Queued,
    Reroute,
}

/// <summary>
/// One activation of one grain: its instance, its scheduler, and the mailbox that decides which request
/// runs when. A non-reentrant activation runs one turn at a time in arrival order; a request from the
/// call chain that holds the activation is let in at once (A→B→A), and so are [AlwaysInterleave] methods.
/// </summary>
internal sealed class ActivationData : IGrainContext
{
    private readonly object gate = new();
    private readonly Queue<PendingRequest> waiting = new();
    private readonly TaskCompletionSource deactivated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly GrainRuntime runtime;
    private readonly List<IActivationState> states = [];
    private readonly List<GrainTimer> timers = [];
    private ActivationStatus status = ActivationStatus.Activating;

    // The activation is born busy: activation itself is its first turn, so early callers queue behind it.
    private int runningTurns = 1;
    private CallChain? holderChain;
    private DeactivationReason? pendingDeactivation;
    private long lastActivity;
    private long keepAliveUntil;

    public ActivationData(GrainRuntime runtime, GrainClassInfo classInfo, GrainId grainId)
    {
        this.runtime = runtime;
        ClassInfo = classInfo;
        GrainId = grainId;
        holderChain = new CallChain();
        lastActivity = runtime.TimeProvider.GetTimestamp();
    }

    public GrainId GrainId { get; }

    public GrainClassInfo ClassInfo { get; }

    public object? GrainInstance { get; private set; }

    public IServiceProvider ActivationServices => runtime.Services;

    public ActivationScheduler Scheduler { get; } = new();

    public GrainRuntime Runtime => runtime;

    // A racy read is fine: a stale answer only costs one more trip through TryAdmit, which locks.
    public bool IsInvalid => status == ActivationStatus.Invalid;

    /// <summary>Completes once this activation is gone, after OnDeactivateAsync.</summary>
    public Task Deactivated => deactivated.Task;

    public override string ToString() => $"activation of {GrainId}";

    /// <summary>Decides whether a request may run now, must wait, or must go to a new activation.</summary>
    public Admission TryAdmit(CallChain chain, bool interleave, bool keepAlive, out PendingRequest? pending, out bool holder)
    {
        pending = null;
        holder = false;
        lock (gate)
        {
            switch (status)
            {
                case ActivationStatus.Invalid:
                    return Admission.Reroute;
                case ActivationStatus.Activating when ReferenceEquals(chain, holderChain):
                    throw new InvalidOperationException(
                        $"Grain {GrainId} was called back from its own OnActivateAsync call chain; it cannot take calls before it is active.");
                case ActivationStatus.Valid:
                    if (keepAlive)
                    {
                        lastActivity = runtime.TimeProvider.GetTimestamp();
                    }

                    // Once deactivation is pending only the running chain (or an interleaving call) gets in,
                    // so a turn that awaits a call back into itself still completes.
                    if ((pendingDeactivation is null || runningTurns > 0) && MayRun(chain, interleave))
                    {
                        holder = Enter(chain, interleave);
                        return Admission.Run;
                    }

                    break;
            }

            pending = new PendingRequest(chain, interleave);
            waiting.Enqueue(pending);
            return Admission.Queued;
        }
    }

    /// <summary>Runs a request's body as a turn on this activation's scheduler.</summary>
    public Task<T> RunTurn<T>(Func<object, object?[], Task<T>> call, object?[] args, CallChain chain, bool holder)
    {
        var turn = new Turn<T>(this, call, args, chain, holder);
        var task = new Task<Task<T>>(static state => ((Turn<T>)state!).ExecuteAsync(), turn);
        Scheduler.Start(task);
        return task.Unwrap();
    }

    /// <summary>
    /// Runs a runtime-initiated turn (a timer tick) as its own call chain. Returns false when the activation
    /// is gone or going, so the work is dropped rather than waking a new activation.
    /// </summary>
    public async Task<bool> RunIfActiveAsync(Func<object, object?[], Task<VoidResult>> call, bool interleave, bool keepAlive)
    {
        var chain = new CallChain();
        switch (TryAdmit(chain, interleave, keepAlive, out var pending, out var holder))
        {
            case Admission.Run:
                await RunTurn(call, [], chain, holder);
                return true;
            case Admission.Queued when await pending!.Admitted:
                await RunTurn(call, [], chain, pending.Holder);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Called by the catalog right after this activation won its directory slot.</summary>
    public void StartActivation()
    {
        var task = new Task<Task>(static state => ((ActivationData)state!).ActivateAsync(), this);
        Scheduler.Start(task);
    }

    /// <summary>Asks for deactivation once no turn is running. Requests waiting by then go to a new activation.</summary>
    public void RequestDeactivation(DeactivationReason reason)
    {
        lock (gate)
        {
            if (status is not (ActivationStatus.Valid or ActivationStatus.Activating) || pendingDeactivation is not null)
            {
                return;
            }

            pendingDeactivation = reason;
            if (status != ActivationStatus.Valid || runningTurns > 0)
            {
                return;
            }

            BeginDeactivationLocked();
        }

        StartDeactivation(reason);
    }

    /// <summary>Deactivates if nothing ran for <paramref name="ageLimit"/> and nothing is running or waiting.</summary>
    public bool TryCollect(TimeSpan ageLimit)
    {
        DeactivationReason reason;
        lock (gate)
        {
            var now = runtime.TimeProvider.GetTimestamp();
            if (status != ActivationStatus.Valid || pendingDeactivation is not null || runningTurns > 0 || waiting.Count > 0
                || runtime.TimeProvider.GetElapsedTime(lastActivity, now) < ageLimit
                || now < keepAliveUntil)
            {
                return false;
            }

            reason = new DeactivationReason(DeactivationReasonCode.ActivationIdle, $"No calls for {ageLimit}.");
            pendingDeactivation = reason;
            BeginDeactivationLocked();
        }

        StartDeactivation(reason);
        return true;
    }

    public void DelayDeactivation(TimeSpan timeSpan)
    {
        lock (gate)
        {
            keepAliveUntil = timeSpan == TimeSpan.MaxValue
                ? long.MaxValue
                : runtime.TimeProvider.GetTimestamp() + (long)(timeSpan.TotalSeconds * runtime.TimeProvider.TimestampFrequency);
        }
    }

    /// <summary>Stops this activation's timers and nothing else; used when the silo is torn down without a graceful stop.</summary>
    public void Abandon() => StopTimers();

    public void AddState(IActivationState state) => states.Add(state);

    public void AddTimer(GrainTimer timer)
    {
        lock (gate)
        {
            if (status is ActivationStatus.Deactivating or ActivationStatus.Invalid)
            {
                throw new InvalidOperationException($"Grain {GrainId} is deactivating; it cannot start a timer.");
            }

            timers.Add(timer);
        }
    }

    public void RemoveTimer(GrainTimer timer)
    {
        lock (gate)
        {
            timers.Remove(timer);
        }
    }

    private bool MayRun(CallChain chain, bool interleave) =>
        runningTurns == 0 || interleave || ClassInfo.IsReentrant || ReferenceEquals(chain, holderChain);

    /// <summary>Marks a turn as running; the first exclusive turn holds the activation for its call chain.</summary>
    private bool Enter(CallChain chain, bool interleave)
    {
        runningTurns++;
        if (holderChain is null && !interleave && !ClassInfo.IsReentrant)
        {
            holderChain = chain;
            return true;
        }

        return false;
    }

    private void OnTurnCompleted(bool holder)
    {
        List<PendingRequest>? admitted = null;
        DeactivationReason? deactivate = null;
        lock (gate)
        {
            runningTurns--;
            if (holder)
            {
                holderChain = null;
            }

            AdmitWaitingLocked(ref admitted, ref deactivate);
        }

        Release(admitted, deactivate);
    }

    private void AdmitWaitingLocked(ref List<PendingRequest>? admitted, ref DeactivationReason? deactivate)
    {
        if (status != ActivationStatus.Valid)
        {
            return;
        }

        if (pendingDeactivation is { } reason)
        {
            if (runningTurns == 0)
            {
                BeginDeactivationLocked();
                deactivate = reason;
            }

            return;
        }

        // Arrival order: stop at the first request that may not run yet.
        while (waiting.TryPeek(out var next) && MayRun(next.Chain, next.Interleave))
        {
            waiting.Dequeue();
            next.Holder = Enter(next.Chain, next.Interleave);
            (admitted ??= []).Add(next);
        }
    }

    private void Release(List<PendingRequest>? admitted, DeactivationReason? deactivate)
    {
        if (admitted is not null)
        {
            foreach (var request in admitted)
            {
                request.Admit();
            }
        }

        if (deactivate is { } reason)
        {
            StartDeactivation(reason);
        }
    }

    private void BeginDeactivationLocked()
    {
        status = ActivationStatus.Deactivating;
        runningTurns++;
    }

    private async Task ActivateAsync()
    {
        // Activation runs as its own call chain, not the first caller's, so that a call back into this
        // grain from OnActivateAsync is recognised and refused instead of deadlocking.
        CallChain.Current = holderChain;
        try
        {
            GrainInstance = runtime.Activator.CreateInstance(this);
            foreach (var state in states)
            {
                await state.LoadAsync();
            }

            if (GrainInstance is Grain grain)
            {
                using var cancellation = new CancellationTokenSource(runtime.Options.ResponseTimeout, runtime.TimeProvider);
                await grain.OnActivateAsync(cancellation.Token);
            }
        }
        catch (Exception e)
        {
            FailActivation(e);
            return;
        }

        runtime.Metrics.ActivationCreated();
        List<PendingRequest>? admitted = null;
        DeactivationReason? deactivate = null;
        lock (gate)
        {
            status = ActivationStatus.Valid;
            runningTurns--;
            holderChain = null;
            lastActivity = runtime.TimeProvider.GetTimestamp();
            AdmitWaitingLocked(ref admitted, ref deactivate);
        }

        Release(admitted, deactivate);
    }

    private void FailActivation(Exception error)
    {
        runtime.Logger.LogWarning(error, "Activation of {GrainId} failed; the activation is dropped", GrainId);
        StopTimers();
        runtime.Catalog.Remove(this);
        PendingRequest[] failed;
        lock (gate)
        {
            status = ActivationStatus.Invalid;
            failed = [.. waiting];
            waiting.Clear();
        }

        deactivated.TrySetResult();
        foreach (var request in failed)
        {
            request.Fail(error);
        }
    }

    private void StartDeactivation(DeactivationReason reason)
    {
        Scheduler.Start(new Task<Task>(() => DeactivateAsync(reason)));
    }

    private async Task DeactivateAsync(DeactivationReason reason)
    {
        CallChain.Current = new CallChain();
        StopTimers();
        try
        {
            if (GrainInstance is Grain grain)
            {
                using var cancellation = new CancellationTokenSource(runtime.Options.ResponseTimeout, runtime.TimeProvider);
                await grain.OnDeactivateAsync(reason, cancellation.Token);
            }
        }
        catch (Exception e)
        {
            runtime.Logger.LogWarning(e, "OnDeactivateAsync of {GrainId} failed ({Reason})", GrainId, reason);
        }

        runtime.Catalog.Remove(this);
        runtime.Metrics.ActivationRemoved();
        PendingRequest[] rerouted;
        lock (gate)
        {
            status = ActivationStatus.Invalid;
            rerouted = [.. waiting];
            waiting.Clear();
        }

        deactivated.TrySetResult();
        foreach (var request in rerouted)
        {
            request.Reroute();
        }
    }

    private void StopTimers()
    {
        GrainTimer[] stopping;
        lock (gate)
        {
            stopping = [.. timers];
            timers.Clear();
        }

        foreach (var timer in stopping)
        {
            timer.Stop();
        }
    }

    /// <summary>One request's execution on the activation's scheduler.</summary>
    private sealed class Turn<T>(ActivationData activation, Func<object, object?[], Task<T>> call, object?[] args, CallChain chain, bool holder)
    {
        public async Task<T> ExecuteAsync()
        {
            CallChain.Current = chain;
            try
            {
                return await call(activation.GrainInstance!, args);
            }
            finally
            {
                activation.OnTurnCompleted(holder);
            }
        }
    }
}

/// <summary>A request waiting for its turn on an activation.</summary>
internal sealed class PendingRequest(CallChain chain, bool interleave)
{
    private readonly TaskCompletionSource<bool> admitted = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public CallChain Chain { get; } = chain;

    public bool Interleave { get; } = interleave;

    /// <summary>Whether, once admitted, this request holds the activation for its call chain.</summary>
    public bool Holder { get; set; }

    /// <summary>True when the request may run; false when it must go to a new activation.</summary>
    public Task<bool> Admitted => admitted.Task;

    public void Admit() => admitted.TrySetResult(true);

    public void Reroute() => admitted.TrySetResult(false);

    public void Fail(Exception error) => admitted.TrySetException(error);
}
