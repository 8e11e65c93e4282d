using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace PeerLink.Web.Tests;

public sealed class ReferenceApiTests
{
    [Fact]
    public async Task Crisis_lines_are_open_to_everyone_and_follow_the_locale()
    {
        await using var app = new PeerLinkFactory();
        using var client = app.CreateClient(new() { HandleCookies = false });

        var english = await client.GetFromJsonAsync<JsonElement>("/api/crisis-resources?locale=en-GB");
        var spanish = await client.GetFromJsonAsync<JsonElement>("/api/crisis-resources?locale=es");

        Assert.NotEmpty(english.EnumerateArray());
        Assert.All(english.EnumerateArray(), line => Assert.False(string.IsNullOrEmpty(line.GetProperty("name").GetString())));
        Assert.NotEqual(english.GetRawText(), spanish.GetRawText());
    }

    [Fact]
    public async Task The_supported_languages_are_listed()
    {
        await using var app = new PeerLinkFactory();
        using var client = app.CreateClient(new() { HandleCookies = false });

        var languages = await client.GetFromJsonAsync<string[]>("/api/languages");

        Assert.Contains("en", languages!);
    }

    [Fact]
    public async Task Scripts_are_served_compressed_and_api_answers_are_not()
    {
        await using var app = new PeerLinkFactory();
        using var client = app.CreateClient(new() { HandleCookies = false });

        using var script = new HttpRequestMessage(HttpMethod.Get, "/js/seeker.js");
        script.Headers.AcceptEncoding.ParseAdd("gzip, br");
        using var api = new HttpRequestMessage(HttpMethod.Get, "/api/languages");
        api.Headers.AcceptEncoding.ParseAdd("gzip, br");
        var scriptResponse = await client.SendAsync(script);
        var apiResponse = await client.SendAsync(api);

        Assert.Equal(HttpStatusCode.OK, scriptResponse.StatusCode);
        Assert.NotEmpty(scriptResponse.Content.Headers.ContentEncoding);
        Assert.Empty(apiResponse.Content.Headers.ContentEncoding);
    }
}
