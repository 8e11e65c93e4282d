using Microsoft.Extensions.Hosting;
using PeerLink.Silo.Hosting;

// A silo with PeerLink's grains and nothing else, for a cluster whose web nodes run as Orleans clients
// (PeerLink:Web:SiloMode=Client): configured as the web host's co-hosted silo is (docs/cluster.md).
var builder = Host.CreateApplicationBuilder(args);
builder.AddPeerLinkDedicatedSilo();
builder.Build().Run();
