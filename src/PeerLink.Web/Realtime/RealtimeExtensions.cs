using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.SignalR;
using PeerLink.Grains.Events;

namespace PeerLink.Web.Realtime;

internal static class RealtimeExtensions
{
    public static void AddPeerLinkRealtime(this WebApplicationBuilder builder)
    {
        builder.Services.AddSignalR(o => o.AddFilter<RuleViolationHubFilter>())
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        builder.Services.AddSingleton<RuleViolationHubFilter>();
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
