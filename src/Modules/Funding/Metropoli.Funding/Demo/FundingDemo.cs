using Metropoli.Funding.Import;
using Metropoli.Funding.Model;
using Metropoli.Platform.Data;
using Metropoli.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Funding.Demo;

/// <summary>The demo: the real open data of Italia Domani shipped with the module (494 projects in 65 Comuni, the
/// national PNRR calls), plus three calls of the metropolitan city written here, marked as demonstration data, open
/// around today so that the radar and "bandi per te" have something to show. Idempotent.</summary>
public static class FundingDemo
{
    public const string Suffix = " (dati dimostrativi)";
    public const string SmallComuniTitle = "Fondo metropolitano per i piccoli Comuni: manutenzione scuole" + Suffix;

    public static async Task SeedAsync(AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (!await db.Set<FundingProject>().AnyAsync(ct))
        {
            var result = await PnrrImport.RunAsync(db, clock, PnrrImport.Embedded(), ct);
            if (result is FundingImportResult.Rejected r)
                throw new InvalidOperationException("The shipped PNRR files do not import: " + string.Join("; ", r.Errors.Take(5).Select(e => $"{e.File}:{e.Line} {e.Column} {e.Message}")));
        }
        await SeedExpendituresAsync(db, clock, ct);
        if (await db.Set<FundingCall>().AnyAsync(c => c.Title == SmallComuniTitle, ct)) return;
        var today = CivilClock.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        const string cm = "Città metropolitana di Milano";
        await AddAsync(db, now, new FundingCall
        {
            Title = SmallComuniTitle, Issuer = cm, Programme = FundingProgrammes.Own, Themes = "scuole, edilizia", Recipients = "Comuni",
            Budget = 2_000_000m, CofinancingPercent = 10m, OpensOn = today.AddDays(-20), ClosesOn = today.AddDays(25), Status = FundingCallStatuses.Open,
        }, [(RuleKinds.Recipients, "Comuni"), (RuleKinds.SmallComune, "5000")], ct);
        await AddAsync(db, now, new FundingCall
        {
            Title = "Rigenerazione urbana nei Comuni medi del Nord Ovest e dell'Alto Milanese" + Suffix, Issuer = cm, Programme = FundingProgrammes.Fsc,
            MeasureCode = "FSC-2127", Themes = "rigenerazione urbana", Recipients = "Comuni", Budget = 5_500_000m, PartnersMin = 0, PartnersMax = 3,
            OpensOn = today.AddDays(-5), ClosesOn = today.AddDays(60), Status = FundingCallStatuses.Open,
        }, [(RuleKinds.Recipients, "Comuni"), (RuleKinds.PopulationMin, "10000"), (RuleKinds.PopulationMax, "60000"), (RuleKinds.Zones, "nord-ovest, alto-milanese")], ct);
        // A draft application of Rho (a Comune of Nord Ovest between 10,000 and 60,000 inhabitants) on the call above,
        // so that the applications list and page have a demo record (the public data has no applications).
        var regeneration = await db.Set<FundingCall>().Where(c => c.Title.StartsWith("Rigenerazione urbana nei Comuni medi")).Select(c => c.Id).FirstAsync(ct);
        var application = new FundingApplication
        {
            CallId = regeneration, LeadIstat = "015182", Title = "Riqualificazione dell'area della stazione di Rho" + Suffix,
            RequestedAmount = 850_000m, SupportRequested = "Supporto alla redazione del quadro economico", Status = ApplicationStatuses.Draft,
            CreatedAt = now, UpdatedAt = now,
        };
        db.Add(application);
        await db.SaveChangesAsync(ct);
        await AddAsync(db, now, new FundingCall
        {
            Title = "Piste ciclabili intercomunali (PNRR M2C2I4.1)" + Suffix, Issuer = cm, Programme = FundingProgrammes.Pnrr, MeasureCode = "M2C2I4.1",
            Themes = "mobilità sostenibile", Recipients = "Comuni", Budget = 3_000_000m, PartnersMin = 1, PartnersMax = 5,
            OpensOn = today.AddDays(10), ClosesOn = today.AddDays(90), Status = FundingCallStatuses.Planned,
        }, [(RuleKinds.Recipients, "Comuni"), (RuleKinds.ExcludeComuni, "015146")], ct);
    }

    public const string DemoExpenditure = "Stato di avanzamento lavori" + Suffix;

    /// <summary>A few validated expenditures on real PNRR projects of five Comuni in four zones (the open data have no spending),
    /// marked as demonstration data in their description, document name and entry, so that the spending dashboard and
    /// the Comune pages show figures. Each project gets two payments (15% and 10% of its cost), within its dates.</summary>
    private static async Task SeedExpendituresAsync(AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await db.Set<FundingExpenditure>().AnyAsync(e => e.Description.StartsWith("Stato di avanzamento lavori") && e.Description.EndsWith(Suffix), ct)) return;
        var today = CivilClock.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        string[] comuni = ["015182", "015146", "015118", "015209", "015195"]; // Rho, Milano, Legnano, Sesto San Giovanni, San Giuliano Milanese
        var projects = new List<FundingProject>();
        foreach (var istat in comuni)
        {
            projects.AddRange(await db.Set<FundingProject>().AsNoTracking()
                .Where(p => p.TotalCost > 0 && (p.StartDate == null || p.StartDate <= today) && db.Set<FundingProjectComune>().Any(c => c.Cup == p.Cup && c.IstatCode == istat))
                .OrderBy(p => p.Cup).Take(2).ToListAsync(ct));
        }
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("documento dimostrativo")));
        foreach (var (p, i) in projects.DistinctBy(p => p.Cup).Select((p, i) => (p, i)))
        {
            var start = p.StartDate is { } s && s < today ? s : today.AddMonths(-6);
            var span = Math.Max(1, today.DayNumber - start.DayNumber);
            foreach (var (share, part, n) in new[] { (0.15m, 3, 1), (0.10m, 2, 2) })
            {
                db.Add(new FundingExpenditure
                {
                    Cup = p.Cup, Amount = Math.Round(p.TotalCost * share, 2), PaidOn = start.AddDays(span * part / 4),
                    Description = $"Stato di avanzamento lavori n. {n}{Suffix}", PaymentRequest = $"DEMO-{i + 1:00}-{n}",
                    FileName = $"sal-{n}-dimostrativo.pdf", StoredName = "", ContentType = "application/pdf", Size = 0, Sha256 = sha,
                    Status = ReportStatuses.Validated, EnteredBy = "demo", EnteredAt = now, DecidedBy = "demo", DecidedAt = now,
                });
            }
        }
        await db.SaveChangesAsync(ct);
    }

    private static async Task AddAsync(AppDbContext db, DateTime now, FundingCall call, (string Kind, string Parameter)[] rules, CancellationToken ct)
    {
        call.CreatedAt = call.UpdatedAt = now;
        call.Source = "demo";
        db.Add(call);
        await db.SaveChangesAsync(ct);
        db.AddRange(rules.Select((r, i) => new FundingCallRule { CallId = call.Id, Kind = r.Kind, Parameter = r.Parameter, Position = i + 1 }));
        await db.SaveChangesAsync(ct);
    }
}
