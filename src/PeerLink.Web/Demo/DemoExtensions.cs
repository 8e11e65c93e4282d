namespace PeerLink.Web.Demo;

internal static class DemoExtensions
{
    public static void AddPeerLinkDemo(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.SectionName);
        builder.Services.AddHostedService<DemoSeeder>();
    }
}
