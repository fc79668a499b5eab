using System.Diagnostics;
using Metropoli.DataGen.Bench;
using Metropoli.DataGen.Scale;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Cli;
using Metropoli.Platform.Data;
using Metropoli.Platform.Modules;
using Metropoli.StrategicPlan.Measurements;
using Microsoft.AspNetCore.Identity;

namespace Metropoli.DataGen;

/// <summary>The benchmark tools as a module of the host: the volume generator and the measurement CSV commands,
/// and the benchmark's baseline page (only with <c>Bench:Enabled</c>). No tables, no pages of its own.</summary>
public sealed class DataGenModule : IMetropoliModule
{
    public string Name => "datagen";

    public void MapEndpoints(WebApplication app) => app.MapBenchBaseline();

    /// <summary>No tables: nothing to scan (the default scan logged a warning at every start).</summary>
    public void ConfigureModel(Microsoft.EntityFrameworkCore.ModelBuilder builder) { }

    public IEnumerable<CliCommand> Commands =>
    [
        new(["seed"], "con --scale genera dati di volume per le prove di carico (docs/adr/0015)",
            [new("scale", "tiny, metro o national", ValueName: "SCALA"), new("password", "password degli account generati", ValueName: "P")],
            SeedScaleAsync, o => o.ContainsKey("scale")),
        new(["seed", "measurements-csv"], "scrive un CSV di misurazioni nuove per le prove di importazione",
            [new("file", "il file da scrivere", Required: true, ValueName: "F"), new("rows", "quante righe (1.000.000)", ValueName: "N"),
                new("plan", "id del piano", ValueName: "ID"), new("bad-line", "una riga non valida a questo numero", ValueName: "L")],
            WriteMeasurementsCsvAsync),
        new(["import", "measurements"], "importa un CSV di misurazioni con il gestore della pagina, senza limite di dimensione",
            [new("file", "il file CSV", Required: true, ValueName: "F"), new("plan", "id del piano", Required: true, ValueName: "ID"),
                new("email", "chi importa (ufficio di piano)", Required: true, ValueName: "E")],
            ImportMeasurementsAsync),
    ];

    internal static async Task<int> SeedScaleAsync(IServiceProvider sp, IReadOnlyDictionary<string, string> o, CancellationToken ct)
    {
        var profile = ScaleProfile.Find(o["scale"])
            ?? throw new CliException($"scala sconosciuta «{o["scale"]}»: usa {string.Join(", ", ScaleProfile.All.Select(p => p.Name))}.");
        try
        {
            var password = o.GetValueOrDefault("password") ?? sp.GetRequiredService<IConfiguration>()["Demo:Password"];
            var report = await ScaleSeeder.RunAsync(sp, profile, password, Console.Out, !Console.IsOutputRedirected, ct);
            Console.WriteLine($"Piano generato: /piano/{report.PlanId}/cruscotto; campagna chiusa: /piano/campagne/{report.ClosedCampaignId}/rapporto; campagna aperta: /piano/campagne/{report.OpenCampaignId}.");
            Console.WriteLine("Per un token di accesso (API): dotnet Metropoli.Host.dll tokens create --email admin@metropoli.example --days 7");
            return 0;
        }
        catch (ScaleException e)
        {
            throw new CliException(e.Message);
        }
    }


    internal static async Task<int> WriteMeasurementsCsvAsync(IServiceProvider sp, IReadOnlyDictionary<string, string> o, CancellationToken ct)
    {
        var file = Path.GetFullPath(Cli.Required(o, "file"));
        var rows = Cli.OptionalLong(o, "rows") ?? 1_000_000;
        try
        {
            var clock = Stopwatch.StartNew();
            var (written, plan) = await MeasurementsCsv.WriteAsync(sp.GetRequiredService<AppDbContext>(), file, rows, Cli.OptionalLong(o, "plan"), Cli.OptionalLong(o, "bad-line"), ct);
            Console.WriteLine($"{written:N0} misurazioni per il piano {plan} scritte in {file} ({new FileInfo(file).Length / 1024.0 / 1024.0:F1} MB, {clock.Elapsed.TotalSeconds:F1} s).");
            Console.WriteLine($"Per importarle: import measurements --file {file} --plan {plan} --email piano@metropoli.example");
            return 0;
        }
        catch (ScaleException e)
        {
            throw new CliException(e.Message);
        }
    }

    /// <summary>The page's and the API's handler, without the HTTP body limit, acting as the given user.</summary>
    internal static async Task<int> ImportMeasurementsAsync(IServiceProvider sp, IReadOnlyDictionary<string, string> o, CancellationToken ct)
    {
        var user = await Cli.FindUserAsync(sp, o);
        var plan = Cli.OptionalLong(o, "plan") ?? throw new CliException("manca l'opzione --plan.");
        var file = Cli.Required(o, "file");
        if (!File.Exists(file)) throw new CliException($"il file {file} non esiste.");
        var principal = await sp.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
        var clock = Stopwatch.StartNew();
        var content = await File.ReadAllBytesAsync(file, ct);
        var result = await ImportMeasurements.HandleAsync(sp.GetRequiredService<AppDbContext>(), principal,
            sp.GetRequiredService<TimeProvider>(), plan, content, Metropoli.Platform.Ui.NumberStyle.Undeclared, MeasurementImportLimits.Unlimited, ct);
        var seconds = Math.Max(clock.Elapsed.TotalSeconds, 0.001);
        switch (result)
        {
            case MeasurementImportResult.Imported imported:
                Console.WriteLine($"Importate {imported.Count:N0} misurazioni (da validare) in {seconds:F1} s: {imported.Count / seconds:N0} righe/s.");
                return 0;
            case MeasurementImportResult.Rejected rejected:
                Console.WriteLine($"File non importato ({seconds:F1} s): {rejected.Errors.Count:N0} errori, nessuna riga aggiunta.");
                foreach (var e in rejected.Errors.Take(50))
                {
                    Console.WriteLine($"  riga {e.Line?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} {e.Column ?? ""}: {e.Message}");
                }
                if (rejected.Errors.Count > 50) Console.WriteLine($"  … e altri {rejected.Errors.Count - 50:N0}.");
                return 4;
            default:
                throw new CliException($"{user.Email} non può importare misurazioni: serve il ruolo ufficio di piano o amministratore.");
        }
    }
}
