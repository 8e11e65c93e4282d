using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PeerLink.Grains;
using PeerLink.Grains.Identities;
using PeerLink.Grains.People;
using PeerLink.Silo.Hosting;

namespace PeerLink.Silo.Tests.Hosting;

/// <summary>PeerLink.Silo run as its own program, as the cluster's dedicated silos will be, with an Orleans client outside it.</summary>
public sealed class SiloHostTests
{
    private static readonly string SiloDll = BuildOutput.Program("PeerLink.Silo");

    [Fact]
    public async Task The_silo_host_starts_from_configuration_and_answers_a_client_in_another_process_refusals_with_their_code()
    {
        var gateway = LoopbackPort.Free();
        await using var silo = new PeerLinkProcess(SiloDll, Endpoints(gateway), web: false);
        await silo.StartAsync();

        using var client = await ConnectAsync(gateway);
        var grains = client.Services.GetRequiredService<IClusterClient>();
        var catalog = await grains.GetGrain<IIdentityCatalogGrain>(IdentityCatalogGrain.Key).GetCatalog();
        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() => grains.GetGrain<IPersonGrain>("nobody").GetProfile());

        Assert.Equal(DefaultIdentities.All.Select(i => i.Id), catalog.Identities.Select(i => i.Id));
        Assert.Equal("person-unknown", refusal.Code);
    }

    [Fact]
    public async Task With_Orleans_own_Redis_keys_the_silo_host_keeps_state_across_a_crash()
    {
        await using var redis = await RedisServer.StartNewAsync(appendOnly: true);
        var gateway = LoopbackPort.Free();
        var settings = new Dictionary<string, string?>(Endpoints(gateway))
        {
            ["ConnectionStrings:redis"] = redis.ConnectionString,
            ["Orleans:GrainStorage:Default:ProviderType"] = "Redis",
            ["Orleans:GrainStorage:Default:ServiceKey"] = "redis",
            ["Orleans:Reminders:ProviderType"] = "Redis",
            ["Orleans:Reminders:ServiceKey"] = "redis",
        };
        await using var silo = new PeerLinkProcess(SiloDll, settings, web: false);
        await silo.StartAsync();
        using (var client = await ConnectAsync(gateway))
        {
            await client.Services.GetRequiredService<IClusterClient>().GetGrain<IPersonGrain>("ada").Register("Ada", Role.Seeker);
        }

        await silo.KillAsync();
        await silo.StartAsync();

        using var again = await ConnectAsync(gateway);
        var profile = await again.Services.GetRequiredService<IClusterClient>().GetGrain<IPersonGrain>("ada").GetProfile();
        Assert.Equal("Ada", profile.Pseudonym);
    }

    private static Dictionary<string, string?> Endpoints(int gatewayPort) => new()
    {
        ["Orleans:Endpoints:SiloPort"] = LoopbackPort.Free().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Orleans:Endpoints:GatewayPort"] = gatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static async Task<IHost> ConnectAsync(int gatewayPort)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleansClient(client => client.UseLocalhostClustering(gatewayPort, PeerLinkConfiguration.DefaultServiceId, PeerLinkConfiguration.DefaultServiceId));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
