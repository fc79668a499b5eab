using Metropoli.Web.Modules.Agreements;
using Metropoli.Web.Modules.StrategicPlan;
using Metropoli.Web.Modules.Territory;
using Metropoli.Web.Platform;
using Metropoli.Web.Platform.Cli;
using Metropoli.Web.Platform.Data;

var builder = WebApplication.CreateBuilder(Cli.HostArgs(args));
builder.AddPlatform();
builder.AddTerritory();
builder.AddStrategicPlan();
builder.AddAgreements();
var app = builder.Build();

if (Cli.IsCommand(args))
{
    return await Cli.RunAsync(app, args);
}

app.UsePlatform();
app.MapPlatform();
app.MapTerritory();
app.MapStrategicPlan();
app.MapAgreements();
await Startup.PrepareDatabaseAsync(app.Services);
await app.RunAsync();
return 0;

/// <summary>Entry point type, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
