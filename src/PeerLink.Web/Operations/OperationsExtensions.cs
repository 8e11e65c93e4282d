using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Orleans.Dashboard;
using PeerLink.Web.Extensions;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using PeerLink.Grains.People;
using PeerLink.Grains.Telemetry;

namespace PeerLink.Web.Operations;

/// <summary>What operators see: metrics at /metrics, liveness and readiness probes, JSON logs, the Orleans dashboard for admins.</summary>
internal static class OperationsExtensions
{
    /// <summary>The health checks /healthz/ready runs.</summary>
    public const string ReadyTag = "ready";

    /// <summary>The meters /metrics exports besides the ones ASP.NET Core's instrumentation adds (hosting, Kestrel, routing, ...).</summary>
    private static readonly string[] Meters =
    [
        PeerLinkMetrics.MeterName,
        "Microsoft.Orleans",
        "System.Runtime",

        // SignalR's connections and their duration.
        "Microsoft.AspNetCore.Http.Connections",
    ];

    public static void AddPeerLinkOperations(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<OperationsOptions>()
            .BindConfiguration(OperationsOptions.SectionName)
            .Validate(o => o.MetricsNetworks() is not null, "PeerLink:Operations:MetricsAddresses are addresses or ranges such as \"10.0.0.5\" or \"10.0.0.0/8\".")
            .Validate(o => o.DashboardPath.StartsWith('/') && o.DashboardPath.Length > 1 && !o.DashboardPath.EndsWith('/'), "PeerLink:Operations:DashboardPath is a path such as \"/admin/orleans\".")
            .ValidateOnStart();

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("PeerLink"))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddMeter(Meters)
                .AddPrometheusExporter());

        builder.Services.AddSingleton<IAuthorizationHandler, MetricsAccess>();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(MetricsAccess.Policy, p => p.AddRequirements(new MetricsAccess.Requirement()));

        // Live: the process answers. Ready: storage answers and this silo is an active cluster member (or, on a web node
        // that is an Orleans client, the cluster answers and sends this node its events).
        if (SiloModes.Read(builder.Configuration) == SiloMode.Client)
        {
            builder.Services.AddHealthChecks().AddCheck<WebNodeHealthCheck>("cluster", tags: [ReadyTag]);
        }
        else
        {
            builder.Services.AddHealthChecks().AddCheck<ClusterHealthCheck>("cluster", tags: [ReadyTag]);
        }

        // Outside Development logs are JSON, one object a line, with the request's trace id in its scope.
        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
            builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
        }
    }

    public static void MapPeerLinkOperations(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint("/metrics").RequireAuthorization(MetricsAccess.Policy);
        app.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/healthz/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag) });

        var options = app.Services.GetRequiredService<IOptions<OperationsOptions>>().Value;
        if (options.DashboardEnabled)
        {
            // Its grain-state viewer would show an admin any person's state (their identities, whom they blocked),
            // which PeerLink's own rules keep even from admins; that one page stays off.
            var grainState = new PathString($"{options.DashboardPath}/GrainState");
            app.Use((context, next) =>
            {
                if (context.Request.Path.StartsWithSegments(grainState))
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return Task.CompletedTask;
                }

                return next(context);
            });
            app.MapOrleansDashboard(routePrefix: options.DashboardPath).RequireAuthorization(nameof(Role.Admin));
        }
    }
}
