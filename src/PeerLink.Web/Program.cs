using PeerLink.Web.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddApplicationServices();

var app = builder.Build();
app.MapApplicationEndpoints();
app.Run();

/// <summary>Lets tests host the app with WebApplicationFactory.</summary>
public partial class Program;
