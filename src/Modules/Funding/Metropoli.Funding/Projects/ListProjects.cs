using System.ComponentModel;
using Metropoli.Funding.Model;
using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Funding.Projects;

public sealed record ProjectRow(string Cup, string Title, string? Mission, string? Measure, string? ImplementerName, decimal TotalCost, IReadOnlyList<string> Comuni);

public sealed record ProjectFilter
{
    [Description("Codice ISTAT del Comune dove si trova il progetto.")]
    public string? Municipality { get; init; }
    [Description("Codice della zona omogenea: progetti nei suoi Comuni.")]
    public string? Zone { get; init; }
    [Description("Missione PNRR (M1…M6).")]
    public string? Mission { get; init; }
    [Description("Identificativo di un obiettivo del piano strategico: i progetti collegati.")]
    public long? Objective { get; init; }
    [Description("Identificativo di un'azione del piano strategico: i progetti collegati.")]
    public long? Action { get; init; }
    [Description("Identificativo di un'intesa: i progetti che vi si fondano.")]
    public long? Agreement { get; init; }
}

public sealed record ProjectDetail(string Cup, string Title, string? NatureCode, string? Nature, string Programme, string? Mission, string? MissionName,
    string? Component, string? ComponentName, string? Measure, string? MeasureName, string? Submeasure, string? SubmeasureName, string? Owner,
    string? LocalCode, string? LeadTaxCode, string? LeadName, string? ImplementerTaxCode, string? ImplementerName, string? BeneficiaryName,
    decimal TotalCost, DateOnly? StartDate, DateOnly? EndDate, IReadOnlyList<ProjectLineView> Funding, IReadOnlyList<ProjectComuneView> Comuni,
    int Version, string? Attribution);

public sealed record CodeName(string Code, string Name);
public sealed record ProjectLineView(string Source, decimal Amount);
public sealed record ProjectComuneView(string IstatCode, string Name);

/// <summary>The funded projects, filtered, searched, sorted and paged (page, API, downloads), and one project by CUP.</summary>
public static class ListProjects
{
    public static readonly string[] Sortable = ["title", "cup", "totalCost", "mission"];

    public static Dictionary<string, string[]> Validate(ListQuery query, ProjectFilter f)
    {
        var errors = query.Validate(Sortable);
        if (f.Municipality is { Length: > 0 } m && (m.Length != 6 || !m.All(char.IsAsciiDigit))) errors["municipality"] = ["Il codice ISTAT ha 6 cifre."];
        if (f.Zone is { Length: > 64 }) errors["zone"] = ["Zona sconosciuta."];
        if (f.Mission is { Length: > 0 } mi && (mi.Length != 2 || mi[0] != 'M' || mi[1] is < '1' or > '6')) errors["mission"] = ["Missione sconosciuta (M1…M6)."];
        return errors;
    }

    public static IQueryable<FundingProject> Query(AppDbContext db, ListQuery query, ProjectFilter f)
    {
        var q = db.Set<FundingProject>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.Municipality))
        {
            var cups = db.Set<FundingProjectComune>().Where(x => x.IstatCode == f.Municipality).Select(x => x.Cup);
            q = q.Where(p => cups.Contains(p.Cup));
        }
        if (!string.IsNullOrWhiteSpace(f.Zone))
        {
            var inZone = db.Reads<ITerritoryQueries>().Comuni.Where(c => c.ZoneCode == f.Zone).Select(c => c.IstatCode);
            var cups = db.Set<FundingProjectComune>().Where(x => inZone.Contains(x.IstatCode)).Select(x => x.Cup);
            q = q.Where(p => cups.Contains(p.Cup));
        }
        if (!string.IsNullOrWhiteSpace(f.Mission)) q = q.Where(p => p.Mission == f.Mission);
        if (f.Objective is { } objective) q = q.Where(p => db.Set<FundingProjectObjective>().Any(x => x.Cup == p.Cup && x.ObjectiveId == objective));
        if (f.Action is { } action) q = q.Where(p => db.Set<FundingProjectAction>().Any(x => x.Cup == p.Cup && x.ActionId == action));
        if (f.Agreement is { } agreement) q = q.Where(p => db.Set<FundingProjectAgreement>().Any(x => x.Cup == p.Cup && x.AgreementId == agreement));
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var pattern = LikePattern.Containing(query.Q.Trim().ToLowerInvariant());
            q = q.Where(p => EF.Functions.Like(p.Title.ToLower(), pattern, LikePattern.Escape) || EF.Functions.Like(p.Cup.ToLower(), pattern, LikePattern.Escape)
                || EF.Functions.Like(p.ImplementerName!.ToLower(), pattern, LikePattern.Escape));
        }
        var (key, desc) = string.IsNullOrEmpty(query.Sort) ? ("totalCost", true) : query.SortOrDefault("title");
        return key switch
        {
            "cup" => desc ? q.OrderByDescending(p => p.Cup) : q.OrderBy(p => p.Cup),
            // Decimal ordering on SQLite: by the amount as a REAL (EF cannot order decimals there).
            "totalCost" => desc ? q.OrderByDescending(p => (double)p.TotalCost).ThenBy(p => p.Cup) : q.OrderBy(p => (double)p.TotalCost).ThenBy(p => p.Cup),
            "mission" => desc ? q.OrderByDescending(p => p.Mission).ThenBy(p => p.Cup) : q.OrderBy(p => p.Mission).ThenBy(p => p.Cup),
            _ => desc ? q.OrderByDescending(p => p.Title).ThenBy(p => p.Cup) : q.OrderBy(p => p.Title).ThenBy(p => p.Cup),
        };
    }

    public static async Task<Paged<ProjectRow>> HandleAsync(AppDbContext db, ListQuery query, ProjectFilter f, CancellationToken ct)
    {
        var q = Query(db, query, f);
        var total = await q.CountAsync(ct);
        var page = await q.Skip(query.EffectiveOffset).Take(query.EffectiveLimit).ToListAsync(ct);
        return new Paged<ProjectRow>(await RowsAsync(db, page, ct), total, query.EffectiveLimit, query.EffectiveOffset);
    }

    public static async Task<List<ProjectRow>> AllAsync(AppDbContext db, ListQuery query, ProjectFilter f, CancellationToken ct) =>
        await RowsAsync(db, await Query(db, query, f).Take(10_000).ToListAsync(ct), ct);

    private static async Task<List<ProjectRow>> RowsAsync(AppDbContext db, List<FundingProject> page, CancellationToken ct)
    {
        var cups = page.Select(p => p.Cup).ToList();
        var places = (await (from x in db.Set<FundingProjectComune>().AsNoTracking()
                             join c in db.Reads<ITerritoryQueries>().Comuni on x.IstatCode equals c.IstatCode
                             where cups.Contains(x.Cup)
                             select new { x.Cup, c.Name }).ToListAsync(ct)).ToLookup(x => x.Cup, x => x.Name);
        return page.Select(p => new ProjectRow(p.Cup, p.Title, p.Mission, p.Measure, p.ImplementerName, p.TotalCost, places[p.Cup].Order().ToList())).ToList();
    }

    public static async Task<ProjectDetail?> GetAsync(AppDbContext db, string cup, CancellationToken ct)
    {
        var key = cup.Trim().ToUpperInvariant();
        var p = await db.Set<FundingProject>().AsNoTracking().SingleOrDefaultAsync(x => x.Cup == key, ct);
        if (p is null) return null;
        var lines = (await db.Set<FundingLine>().AsNoTracking().Where(l => l.Cup == key).ToListAsync(ct))
            .OrderBy(l => FundingSources.All.ToList().IndexOf(l.Source)).Select(l => new ProjectLineView(l.Source, l.Amount)).ToList();
        var comuni = await (from x in db.Set<FundingProjectComune>().AsNoTracking()
                            join c in db.Reads<ITerritoryQueries>().Comuni on x.IstatCode equals c.IstatCode
                            where x.Cup == key
                            orderby c.Name
                            select new ProjectComuneView(c.IstatCode, c.Name)).ToListAsync(ct);
        return new ProjectDetail(p.Cup, p.Title, p.NatureCode, p.Nature, p.Programme, p.Mission, p.MissionName, p.Component, p.ComponentName,
            p.Measure, p.MeasureName, p.Submeasure, p.SubmeasureName, p.Owner, p.LocalCode, p.LeadTaxCode, p.LeadName, p.ImplementerTaxCode,
            p.ImplementerName, p.BeneficiaryName, p.TotalCost, p.StartDate, p.EndDate, lines, comuni, p.Version,
            p.Source == Import.PnrrImport.SourceName ? Import.PnrrImport.Attribution : null);
    }
}
