using System.Security.Claims;
using BenchmarkDotNet.Attributes;
using PeerLink.Grains.People;

namespace PeerLink.Benchmarks;

/// <summary>
/// What authorizing one HTTP request costs now that roles are read, not remembered: asking the person's grain for the
/// session's current roles (what CurrentAccess does on every request) against reading the roles sealed in the token,
/// as before (the baseline). Hub calls ask the grain only once per connection and after each change, so they cost
/// about the baseline.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class AuthorizationBenchmarks
{
    private BenchSilo silo = null!;
    private IPersonGrain person = null!;
    private string sessionId = null!;
    private ClaimsPrincipal sealedInToken = null!;

    [GlobalSetup]
    public void Setup()
    {
        silo = BenchSilo.Start();
        person = silo.Grains.GetGrain<IPersonGrain>("bench-admin");
        person.Register("Bench admin", Role.Admin | Role.Moderator).GetAwaiter().GetResult();
        sessionId = person.StartSession(DateTimeOffset.UtcNow.AddDays(1)).GetAwaiter().GetResult();
        sealedInToken = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "bench-admin"), new Claim(ClaimTypes.Role, "admin"), new Claim(ClaimTypes.Role, "moderator")],
            authenticationType: "bench"));
    }

    [GlobalCleanup]
    public void Cleanup() => silo.Dispose();

    [Benchmark(Baseline = true)]
    public bool RolesSealedInTheToken() => sealedInToken.IsInRole("admin");

    [Benchmark]
    public async Task<bool> CurrentRolesFromThePersonGrain()
    {
        var access = await person.GetAccess(sessionId);
        return access.SessionOpen && access.Roles.HasFlag(Role.Admin);
    }
}
