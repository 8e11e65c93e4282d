using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.SignalR;
using PeerLink.Grains.Events;

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
        builder.Services.AddSingleton<HubLifetimeManager<PeerLinkHub>, PersonIndexedLifetimeManager<PeerLinkHub>>();
        builder.Services.AddSingleton<SignalREvents>();
        builder.Services.AddSingleton<IPeerLinkEvents>(sp => sp.GetRequiredService<SignalREvents>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SignalREvents>());
        builder.Services.AddOptions<MessageLimitOptions>().BindConfiguration(MessageLimitOptions.SectionName)
            .Validate(o => o.MessagesPerSecond > 0, $"{MessageLimitOptions.SectionName}:MessagesPerSecond must be at least 1.").ValidateOnStart();
        builder.Services.AddSingleton<MessageRateLimiter>();
        builder.Services.AddSingleton<Presence>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<Presence>());
    }

    public static void MapPeerLinkHub(this IEndpointRouteBuilder endpoints) => endpoints.MapHub<PeerLinkHub>(PeerLinkHub.Path);
}
