using Microsoft.Extensions.Configuration.Json;

namespace PeerLink.Web.Extensions;

internal static class ConfigurationExtensions
{
    /// <summary>
    /// Adds a JSON file of defaults (such as the crisis rules in safety.json) next to appsettings.json,
    /// so environment variables and the command line still override it, as they do appsettings.
    /// </summary>
    public static void AddDefaultsFile(this WebApplicationBuilder builder, string path)
    {
        var source = new JsonConfigurationSource { Path = path, Optional = false, ReloadOnChange = false, FileProvider = builder.Environment.ContentRootFileProvider };
        var sources = builder.Configuration.Sources;
        var lastJson = sources.Select((s, i) => (s, i)).LastOrDefault(x => x.s is JsonConfigurationSource, (null!, -1)).Item2;
        sources.Insert(lastJson + 1, source);
    }
}
