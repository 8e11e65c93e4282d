using Microsoft.Extensions.Hosting;
using PeerLink.Silo.Hosting;

// A silo with PeerLink's grains and nothing else, configured as the web host's co-hosted one (docs/grains.md).
var builder = Host.CreateApplicationBuilder(args);
builder.AddPeerLinkSilo();
builder.Build().Run();
