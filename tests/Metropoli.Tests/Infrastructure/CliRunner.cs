using Metropoli.Agreements;
using Metropoli.StrategicPlan;
using Metropoli.Territory;
using Metropoli.Platform;
using Metropoli.Platform.Cli;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace Metropoli.Tests.Infrastructure;

/// <summary>Runs the real command line in-process, composed as Program composes it.</summary>
public static class CliRunner
{
    public static async Task<int> RunAsync(TestDatabase database, params string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Production",
            ApplicationName = typeof(Program).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(TestKeys.Settings(database.ConnectionString))
        {
            ["Database:Provider"] = database.Provider.ToString(),
            ["Database:ConnectionString"] = database.ConnectionString,
            ["Jobs:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.AddPlatform();
        foreach (var module in global::Metropoli.Platform.Modules.ModuleCatalog.All)
        {
            module.AddServices(builder);
        }
        await using var app = builder.Build();
        return await Cli.RunAsync(app, args);
    }
}
