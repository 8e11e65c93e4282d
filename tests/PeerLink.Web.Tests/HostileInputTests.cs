using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PeerLink.Testing.SignalR;
using PeerLink.Web.Realtime;

namespace PeerLink.Web.Tests;

/// <summary>
/// Every endpoint and every hub method, found from the app itself so a new one is walked too, called by each role
/// with hostile values in each field: extreme numbers, wrong types, huge strings, nulls, invisible and turning
/// characters, broken JSON. Each must answer with a 4xx or a hub error, never a 5xx or an unexpected fault in the
/// log, and what people and rooms hold must be the same afterwards.
/// </summary>
public sealed class HostileInputTests
{
    private static readonly string Huge = new('x', 100_000);

    // Ending the caller's own session or account is what those endpoints are for, with no input to refuse.
    private static readonly HashSet<string> NotWalked = ["DELETE /api/me", "POST /api/auth/sign-out", "POST /api/auth/sign-out-everywhere"];

    private static readonly string[] HostilePathValues =
        [new string('x', 5_000), "%00", "..%2F..%2Fadmin", "%E2%80%AEnimda", "-1", "99999999999999999999999", "%F0%9F%99%82", "a%20b", "null"];

    private static readonly string[] HostileQueries =
        ["?after=-9223372036854775808&limit=2147483648", "?after=abc&limit=1e309", "?after=&limit=-1", $"?after={new string('9', 400)}"];

    private static readonly string[] HostileBodies =
        ["", "null", "[]", "\"text\"", "123", "{", "{\"a\":", "{}", new string('[', 200) + new string(']', 200), "{\"\u0000\":1}"];

    private static readonly JsonNode?[] HostileValues =
    [
        Huge, "", "   ", "\u202Eadmin", "a\u0000b", "\u200B", null, -1, 0, int.MaxValue, long.MinValue, 1e308, -1e308, 0.5, true,
        new JsonArray(), new JsonArray(Huge, -1, null), new JsonObject(), new JsonObject { ["nested"] = Huge },
    ];

    [Fact]
    public async Task Every_endpoint_and_hub_method_refuses_hostile_values_with_a_4xx_or_a_hub_error_and_stores_nothing()
    {
        var logs = new KeptLogs();
        await using var app = new LivePeerLink(new Dictionary<string, string?>
        {
            ["PeerLink:Demo:Seed"] = "true",
            ["PeerLink:Demo:Password"] = "demo password",
            ["PeerLink:Limits:SignInsPerMinute"] = "1000000",
            ["PeerLink:Limits:MessagesPerSecond"] = "1000000",
            ["PeerLink:Limits:WritesPerMinute"] = "1000000",
            ["PeerLink:Limits:HubCallsPerTenSeconds"] = "1000000",
        }, logs);
        var tokens = new[]
        {
            (await app.GuestAsync("River")).Token,
            (await app.LoginAsync("peer2", "demo password")).Token,
            (await app.LoginAsync("moderator", "demo password")).Token,
            (await app.LoginAsync("admin", "demo password")).Token,
        };
        var before = await SnapshotAsync(app, tokens);

        var faults = new List<string>();
        foreach (var token in tokens)
        {
            using var http = app.Client(token);
            foreach (var (method, path, body) in Requests(app))
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (body is not null)
                {
                    request.Content = new StringContent(body, Encoding.UTF8);
                    request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                }

                using var response = await http.SendAsync(request);
                if ((int)response.StatusCode >= 500)
                {
                    faults.Add($"{method} {path} {Shorten(body)} => {(int)response.StatusCode}");
                }
            }

            await using var hub = await HubClient.ConnectAsync(app.HubUrl, token);
            foreach (var (name, arguments) in HubCalls())
            {
                try
                {
                    await hub.InvokeAsync(name, arguments);
                }
                catch (HubInvocationException)
                {
                    // Refused: what every hostile call should get.
                }
                catch (WebSocketException)
                {
                    faults.Add($"hub {name}({Shorten(JsonSerializer.Serialize(arguments))}) closed the connection: {await hub.Closed}");
                    break;
                }
            }
        }

        faults.AddRange(logs.Lines.Where(line => line.StartsWith("Error", StringComparison.Ordinal) || line.StartsWith("Critical", StringComparison.Ordinal)).Select(Shorten));
        Assert.True(faults.Count == 0, $"{faults.Count} hostile calls were not refused cleanly:\n{string.Join("\n", faults.Distinct().Take(200))}");
        Assert.Equal(before, await SnapshotAsync(app, tokens));
    }

    /// <summary>Every route of the API with each hostile path value, query and body its method can carry.</summary>
    private static IEnumerable<(string Method, string Path, string? Body)> Requests(LivePeerLink app)
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true);
        foreach (var endpoint in endpoints)
        {
            var template = endpoint.RoutePattern.RawText!;
            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                if (NotWalked.Contains($"{method} {template}"))
                {
                    continue;
                }

                var paths = endpoint.RoutePattern.Parameters.Count == 0
                    ? [template]
                    : HostilePathValues.Select(value => endpoint.RoutePattern.Parameters.Aggregate(template, (path, p) => ReplaceParameter(path, p.Name, value))).ToList();
                var samplePath = endpoint.RoutePattern.Parameters.Aggregate(template, (path, p) => ReplaceParameter(path, p.Name, "no-such"));
                foreach (var path in paths)
                {
                    yield return (method, path, null);
                }

                if (method is "GET" or "DELETE")
                {
                    foreach (var query in HostileQueries)
                    {
                        yield return (method, samplePath + query, null);
                    }

                    continue;
                }

                foreach (var body in Bodies(endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType))
                {
                    yield return (method, samplePath, body);
                }
            }
        }
    }

    private static string ReplaceParameter(string template, string name, string value)
    {
        var start = template.IndexOf("{" + name, StringComparison.Ordinal);
        var end = template.IndexOf('}', start);
        return template[..start] + value + template[(end + 1)..];
    }

    /// <summary>Broken and wrongly shaped JSON, then each field of the request type set to each hostile value on its own.</summary>
    private static IEnumerable<string> Bodies(Type? requestType)
    {
        foreach (var body in HostileBodies)
        {
            yield return body;
        }

        foreach (var property in requestType?.GetProperties(BindingFlags.Public | BindingFlags.Instance) ?? [])
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            foreach (var value in HostileValues)
            {
                yield return new JsonObject { [name] = value?.DeepClone() }.ToJsonString();
            }
        }
    }

    /// <summary>Every hub method PeerLink declares, with hostile values for each parameter in turn and wrong types for all.</summary>
    private static IEnumerable<(string Name, object?[] Arguments)> HubCalls()
    {
        var methods = typeof(PeerLinkHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.Name is not (nameof(PeerLinkHub.OnConnectedAsync) or nameof(PeerLinkHub.OnDisconnectedAsync)));
        foreach (var method in methods)
        {
            var parameters = method.GetParameters();
            object?[] Sample() => [.. parameters.Select(p => SampleFor(p.ParameterType))];
            for (var i = 0; i < parameters.Length; i++)
            {
                foreach (var value in HostileArguments(parameters[i].ParameterType))
                {
                    var arguments = Sample();
                    arguments[i] = value;
                    yield return (method.Name, arguments);
                }
            }

            yield return (method.Name, [.. parameters.Select(p => p.ParameterType == typeof(string) ? (object)12345 : "wrong type")]);
            yield return (method.Name, [.. parameters.Select(_ => (object?)null)]);
            yield return (method.Name, [.. Sample(), "one too many"]);
            if (parameters.Length > 0)
            {
                yield return (method.Name, [.. Sample().Skip(1)]);
            }
        }
    }

    private static object? SampleFor(Type type) =>
        type == typeof(string) ? "no-such" : type == typeof(int) || type == typeof(long) || type == typeof(int?) || type == typeof(long?) ? 1
        : type == typeof(bool) ? false : new JsonObject();

    private static IEnumerable<object?> HostileArguments(Type type)
    {
        if (type == typeof(string))
        {
            return [new string('x', 10_000), "", "\u202Eadmin", "a\u0000b", null, "../../admin"];
        }

        if (type == typeof(int) || type == typeof(long) || type == typeof(int?) || type == typeof(long?))
        {
            return [int.MinValue, int.MaxValue, -1, long.MaxValue];
        }

        if (type == typeof(bool))
        {
            return [true, "yes"];
        }

        // A record: each of its properties hostile in turn.
        var objects = new List<object?> { null, new JsonObject(), "not an object", new JsonArray() };
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            // Under SignalR's 32 KB frame limit: a bigger frame closes the connection, by design.
            objects.AddRange(HostileValues.Where(v => v is null || v.ToJsonString().Length < 20_000).Select(v => new JsonObject { [name] = v?.DeepClone() }));
        }

        return objects;
    }

    /// <summary>What people, rooms, identities and the audit log hold, as each role sees it.</summary>
    private static async Task<string> SnapshotAsync(LivePeerLink app, IEnumerable<string> tokens)
    {
        var snapshot = new StringBuilder();
        foreach (var token in tokens)
        {
            using var http = app.Client(token);
            foreach (var path in new[] { "/api/me", "/api/groups", "/api/identities", "/api/conversations", "/api/admin/audit?limit=500" })
            {
                using var response = await http.GetAsync(path);
                // A refusal's body carries a trace id of its own; only what is held is compared.
                snapshot.AppendLine($"{path} {(int)response.StatusCode} {(response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync() : "")}");
            }
        }

        return snapshot.ToString();
    }

    private static string Shorten(string? text) => text is null ? "" : text.Length <= 300 ? text : text[..300] + "…";
}
