using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using PeerLink.Grains.Events;
using PeerLink.Silo.Hosting;
using PeerLink.Web.Extensions;
using StackExchange.Redis;

namespace PeerLink.Web.Realtime;

internal static class RealtimeExtensions
{
    public static void AddPeerLinkRealtime(this WebApplicationBuilder builder)
    {
        // KeepAlive pings the PeerLink hub's connections spread over the interval; SignalR's own keep-alive, which
        // pings people who connected together all at once, is pushed far past it there.
        // Filters, outermost first: connections past the caps are refused, refusals become coded HubExceptions, calls past a
        // person's ceiling are refused, a null where a method takes none is refused, then every call is checked against the person's current access. PeerLink's hub only: the load tool's echo hub has no people.
        builder.Services.AddSignalR()
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)))
            .AddHubOptions<PeerLinkHub>(o =>
            {
                o.KeepAliveInterval = TimeSpan.FromDays(1);
                o.AddFilter<ConnectionCaps>();
                o.AddFilter<RuleViolationHubFilter>();
                o.AddFilter<HubCallRateLimiter>();
                o.AddFilter<RequiredArgumentsHubFilter>();
                o.AddFilter<CurrentAccessHubFilter>();
            });
        builder.Services.AddOptions<ConnectionLimitOptions>().BindConfiguration(ConnectionLimitOptions.SectionName)
            .Validate(o => o.ConnectionsPerPerson > 0 && o.ConnectionsPerAddress > 0, $"{ConnectionLimitOptions.SectionName}:ConnectionsPerPerson and ConnectionsPerAddress must be at least 1.").ValidateOnStart();
        builder.Services.AddSingleton<ConnectionCaps>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ConnectionCaps>());
        builder.Services.AddSingleton<RuleViolationHubFilter>();
        builder.Services.AddSingleton<RequiredArgumentsHubFilter>();
        builder.Services.AddOptions<HubCallLimitOptions>().BindConfiguration(HubCallLimitOptions.SectionName)
            .Validate(o => o.HubCallsPerTenSeconds > 0, $"{HubCallLimitOptions.SectionName}:HubCallsPerTenSeconds must be at least 1.").ValidateOnStart();
        builder.Services.AddSingleton<HubCallRateLimiter>();
        builder.Services.AddSingleton<CurrentAccessHubFilter>();

        builder.Services.AddOptions<KeepAliveOptions>().BindConfiguration(KeepAliveOptions.SectionName)
            .Validate(o => o.KeepAliveSeconds is >= 0.1 and <= 15, $"{KeepAliveOptions.SectionName}:KeepAliveSeconds must be from 0.1 to 15 (the browser drops a server silent for 30 s).").ValidateOnStart();
        builder.Services.AddSingleton<KeepAlive>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<KeepAlive>());
        builder.Services.AddSingleton<LocalConnections>();
        if (PeerLinkStorage.ClusterConnectionName(builder.Configuration) is { } redis)
        {
            AddClusterDelivery(builder.Services, redis, builder.Configuration["Orleans:ServiceId"] ?? PeerLinkConfiguration.DefaultServiceId);
        }
        else
        {
            builder.Services.AddSingleton<ConnectionOutbox>();
            builder.Services.AddSingleton<HubLifetimeManager<PeerLinkHub>, PersonIndexedLifetimeManager<PeerLinkHub>>();
            builder.Services.AddSingleton<IPersonConnections>(sp => sp.GetRequiredService<LocalConnections>());
        }

        builder.Services.AddSingleton<SignalREvents>();
        builder.Services.AddSingleton<IPeerLinkEvents>(sp => sp.GetRequiredService<SignalREvents>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SignalREvents>());
        if (SiloModes.Read(builder.Configuration) == SiloMode.Client)
        {
            // The grains publish on the silos, which deliver to the web nodes that subscribed.
            builder.Services.AddSingleton<WebNodeSubscription>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<WebNodeSubscription>());
        }
        builder.Services.AddOptions<MessageLimitOptions>().BindConfiguration(MessageLimitOptions.SectionName)
            .Validate(o => o.MessagesPerSecond > 0, $"{MessageLimitOptions.SectionName}:MessagesPerSecond must be at least 1.").ValidateOnStart();
        builder.Services.AddSingleton<MessageRateLimiter>();
        builder.Services.AddSingleton<Presence>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<Presence>());
    }

    /// <summary>
    /// A node of a cluster: SignalR's Redis backplane carries each send to whichever node holds the person, on the
    /// connection Orleans clusters through, under the service's own channel prefix; changes to a person's connections
    /// go to every node (<see cref="ClusterConnections"/>).
    /// </summary>
    private static void AddClusterDelivery(IServiceCollection services, string redis, string serviceId)
    {
        services.AddSignalR().AddStackExchangeRedis(o => o.Configuration.ChannelPrefix = RedisChannel.Literal($"{serviceId}/signalr"));
        services.AddOptions<RedisOptions>().Configure<IServiceProvider>((o, sp) =>
            o.ConnectionFactory = _ => Task.FromResult(sp.GetRequiredKeyedService<IConnectionMultiplexer>(redis)));
        services.AddSingleton<HubLifetimeManager<PeerLinkHub>, ClusterLifetimeManager<PeerLinkHub>>();
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<ClusterConnections>(sp,
            sp.GetRequiredKeyedService<IConnectionMultiplexer>(redis), RedisChannel.Literal($"{serviceId}/connections")));
        services.AddSingleton<IPersonConnections>(sp => sp.GetRequiredService<ClusterConnections>());
        services.AddHostedService(sp => sp.GetRequiredService<ClusterConnections>());
    }

    public static void MapPeerLinkHub(this IEndpointRouteBuilder endpoints) => endpoints.MapHub<PeerLinkHub>(PeerLinkHub.Path);
}
