using Metropoli.Host;
using Metropoli.Platform;
using Metropoli.Platform.Cli;
using Metropoli.Platform.Data;
using Metropoli.Platform.Modules;

ModuleCatalog.Use(HostModules.All);
var builder = WebApplication.CreateBuilder(Cli.HostArgs(args));
builder.AddPlatform();
foreach (var module in ModuleCatalog.All)
{
    module.AddServices(builder);
}
var app = builder.Build();

if (Cli.IsCommand(args))
{
    return await Cli.RunAsync(app, args);
}

app.UsePlatform();
app.MapPlatform();
foreach (var module in ModuleCatalog.All)
{
    module.MapEndpoints(app);
}
await Startup.PrepareDatabaseAsync(app.Services);
await app.RunAsync();
return 0;

/// <summary>Entry point type, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
