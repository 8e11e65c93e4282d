namespace PeerLink.Grains.Matching;

/// <summary>One identity's waiting requests, in buckets, and the steps a peer-side decision takes over them, highest ceiling first.</summary>
internal sealed class IdentityRequests(string id, int bit, ulong[] relatedMask)
{
    private static readonly Comparison<RequestBucket.Step> HighestCeilingFirst = (a, b) => b.Ceiling.CompareTo(a.Ceiling);

    private readonly List<RequestBucket> buckets = [];

    public string Id { get; } = id;

    public int Bit { get; } = bit;

    /// <summary>The identities related to this one, in the owning queue's bits.</summary>
    public ulong[] RelatedMask { get; set; } = relatedMask;

    /// <summary>The steps for a peer who has this identity.</summary>
    public List<RequestBucket.Step> AsShared { get; } = [];

    /// <summary>The steps for a peer who has only an identity related to this one: widened buckets alone, as only they count it.</summary>
    public List<RequestBucket.Step> AsRelated { get; } = [];

    public RequestBucket BucketFor(int ranked, int weight, bool widened)
    {
        foreach (var existing in buckets)
        {
            if (existing.Ranked == ranked && existing.Weight == weight && existing.Widened == widened)
            {
                return existing;
            }
        }

        // A request whose largest term is a related one cannot have a shared runner-up (its weight would make
        // the larger term), so a related role needs no step for those.
        var bucket = new RequestBucket(ranked, weight, widened);
        buckets.Add(bucket);
        AsShared.Add(new(IdentityCeiling.Of(ranked, weight, shared: true, widened, runnerUpShared: false), bucket, RunnerUpShared: false));
        if (ranked > 1)
        {
            AsShared.Add(new(IdentityCeiling.Of(ranked, weight, shared: true, widened, runnerUpShared: true), bucket, RunnerUpShared: true));
        }

        if (widened)
        {
            AsRelated.Add(new(IdentityCeiling.Of(ranked, weight, shared: false, widened, runnerUpShared: false), bucket, RunnerUpShared: false));
        }

        AsShared.Sort(HighestCeilingFirst);
        AsRelated.Sort(HighestCeilingFirst);
        return bucket;
    }
}
