namespace PeerLink.Silo.Runtime;

/// <summary>
/// Runs one activation's code one piece at a time, like Orleans' activation task scheduler.
/// Grain code awaits with this scheduler as TaskScheduler.Current, so every continuation comes back
/// here and no two threads ever run the same activation's code at once, even for reentrant grains.
/// </summary>
internal sealed class ActivationScheduler : TaskScheduler, IThreadPoolWorkItem
{
    // Inlining a call into an idle activation on the caller's thread saves a thread-pool hop;
    // the cap keeps a long A→B→C… chain from growing the stack without bound.
    private const int MaxInlineDepth = 8;

    // Ticks run per thread-pool visit before yielding, so one busy activation cannot starve others.
    private const int MaxTasksPerVisit = 64;

    [ThreadStatic]
    private static Task? inlineCandidate;

    [ThreadStatic]
    private static int inlineDepth;

    private readonly Queue<Task> queue = new();
    private bool busy;

    public override int MaximumConcurrencyLevel => 1;

    /// <summary>Starts a turn: on this thread when the activation is idle, else after what is queued.</summary>
    public void Start(Task task)
    {
        if (inlineDepth < MaxInlineDepth)
        {
            inlineCandidate = task;
        }

        task.Start(this);
    }

    protected override void QueueTask(Task task)
    {
        var runInline = ReferenceEquals(inlineCandidate, task);
        if (runInline)
        {
            inlineCandidate = null;
        }

        lock (queue)
        {
            if (busy || !runInline)
            {
                queue.Enqueue(task);
                if (!busy)
                {
                    busy = true;
                    ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
                }

                return;
            }

            busy = true;
        }

        inlineDepth++;
        try
        {
            TryExecuteTask(task);
        }
        finally
        {
            inlineDepth--;
            Release();
        }
    }

    // Synchronous waits inside grain code would block the activation; refusing to inline keeps
    // the one-piece-at-a-time rule even then.
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => false;

    protected override IEnumerable<Task> GetScheduledTasks()
    {
        lock (queue)
        {
            return queue.ToArray();
        }
    }

    void IThreadPoolWorkItem.Execute()
    {
        for (var i = 0; i < MaxTasksPerVisit; i++)
        {
            Task? next;
            lock (queue)
            {
                if (!queue.TryDequeue(out next))
                {
                    busy = false;
                    return;
                }
            }

            TryExecuteTask(next);
        }

        Release();
    }

    private void Release()
    {
        lock (queue)
        {
            if (queue.Count == 0)
            {
                busy = false;
                return;
            }
        }

        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }
}
