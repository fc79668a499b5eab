using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Metropoli.StrategicPlan.Model;
using Metropoli.StrategicPlan.Structure;
using Metropoli.Territory.Contracts;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.StrategicPlan.Actions;

/// <summary>Everything the plan office sets on an action (API body of POST and PUT).</summary>
public sealed record ActionRequest
{
    public long? ObjectiveId { get; init; }
    public string? Code { get; init; }
    public string? Title { get; init; }
    public string? Description { get; init; }
    public int? SortOrder { get; init; }
    public string? OwnerSector { get; init; }
    public long? LeadOrganisationId { get; init; }
    public List<long>? PartnerOrganisationIds { get; init; }
    public DateOnly? StartDate { get; init; }
    public DateOnly? EndDate { get; init; }
    /// <summary>Euro.</summary>
    public decimal? Budget { get; init; }
    public string? Status { get; init; }
    public int? Progress { get; init; }
    public string? Narrative { get; init; }
    /// <summary>Missione of D.Lgs. 118/2011, two digits ("09"); implied by the programme when omitted.</summary>
    public string? DupMission { get; init; }
    /// <summary>Programma, "MM.PP" ("09.02").</summary>
    public string? DupProgramme { get; init; }
    public string? DupObjectiveCode { get; init; }
    /// <summary>ISTAT codes of the Comuni concerned.</summary>
    public List<string>? Municipalities { get; init; }
    /// <summary>Codes of the zones concerned.</summary>
    public List<string>? Zones { get; init; }
    /// <summary>Codes of the pillars and PNRR missions (see /api/v1/plan-tags).</summary>
    public List<string>? Tags { get; init; }
}

/// <summary>What the owner sector reports: state, progress, dates and narrative.</summary>
public sealed record ActionProgressRequest
{
    [Display(Name = "Stato")]
    public string? Status { get; init; }
    [Display(Name = "Avanzamento")]
    public int? Progress { get; init; }
    [Display(Name = "Data di inizio")]
    public DateOnly? StartDate { get; init; }
    [Display(Name = "Data di fine")]
    public DateOnly? EndDate { get; init; }
    [Display(Name = "Stato di attuazione")]
    public string? Narrative { get; init; }
}

/// <summary>An action's values after checking: trimmed, codes normalised, lists sorted and distinct.</summary>
public sealed record ActionValues(long ObjectiveId, string Code, string Title, string? Description, int? SortOrder, string OwnerSector,
    long? LeadOrganisationId, IReadOnlyList<long> Partners, DateOnly? StartDate, DateOnly? EndDate, decimal? Budget,
    string Status, int Progress, string? Narrative, string? DupMission, string? DupProgramme, string? DupObjectiveCode,
    IReadOnlyList<string> Municipalities, IReadOnlyList<string> Zones, IReadOnlyList<string> Tags);

/// <summary>The reference data an action points at, loaded once per save or per import.</summary>
public sealed record ActionReference(IReadOnlySet<string> Municipalities, IReadOnlyDictionary<string, string> ZoneOfMunicipality,
    IReadOnlySet<string> Zones, IReadOnlySet<string> Missions, IReadOnlyDictionary<string, string> MissionOfProgramme,
    IReadOnlySet<string> Tags, IReadOnlySet<long> Organisations)
{
    public static async Task<ActionReference> LoadAsync(AppDbContext db, CancellationToken ct)
    {
        var municipalities = await db.Reads<ITerritoryQueries>().Comuni.AsNoTracking().Select(m => new { m.IstatCode, m.ZoneCode }).ToListAsync(ct);
        return new ActionReference(
            municipalities.Select(m => m.IstatCode).ToHashSet(StringComparer.Ordinal),
            municipalities.ToDictionary(m => m.IstatCode, m => m.ZoneCode, StringComparer.Ordinal),
            (await db.Reads<ITerritoryQueries>().Zones.AsNoTracking().Select(z => z.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal),
            (await db.Set<DupMission>().AsNoTracking().Select(m => m.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal),
            await db.Set<DupProgramme>().AsNoTracking().ToDictionaryAsync(p => p.Code, p => p.MissionCode, StringComparer.Ordinal, ct),
            (await db.Set<PlanTag>().AsNoTracking().Select(t => t.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal),
            (await db.Reads<ITerritoryQueries>().Organisations.AsNoTracking().Select(o => o.Id).ToListAsync(ct)).ToHashSet());
    }
}

public static partial class ActionRules
{
    public const decimal MaxBudget = 9_999_999_999_999.99m;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex SectorShape();

    public static string? NormalizeSector(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim().ToLowerInvariant();

    /// <summary>The checks that need nothing but the request and the reference data (also used, row by row, by the import).</summary>
    public static (Dictionary<string, string[]> Errors, ActionValues? Values) Check(ActionRequest r, ActionReference reference)
    {
        var errors = new Dictionary<string, string[]>();
        if (r.ObjectiveId is null) errors["objectiveId"] = ["Scegli l'obiettivo a cui appartiene l'azione."];
        var code = StructureRules.NormalizeCode(r.Code);
        StructureRules.CheckCode(code, errors);
        StructureRules.CheckTitle(r.Title, errors);
        StructureRules.CheckText(r.Description, errors, "description");
        StructureRules.CheckSortOrder(r.SortOrder, errors);
        var sector = NormalizeSector(r.OwnerSector);
        if (sector is null) errors["ownerSector"] = ["Indica il settore responsabile (il suo codice, per esempio ambiente)."];
        else if (!SectorShape().IsMatch(sector)) errors["ownerSector"] = ["Il codice del settore può contenere lettere minuscole, cifre e trattini, per esempio ambiente o sviluppo-economico."];
        if (r.LeadOrganisationId is { } lead && !reference.Organisations.Contains(lead))
            errors["leadOrganisationId"] = ["L'organizzazione capofila indicata non esiste."];
        var partners = (r.PartnerOrganisationIds ?? []).Distinct().Order().ToList();
        if (partners.Any(p => !reference.Organisations.Contains(p)))
            errors["partnerOrganisationIds"] = ["Uno o più partner indicati non esistono tra le organizzazioni."];
        else if (r.LeadOrganisationId is { } l && partners.Contains(l))
            errors["partnerOrganisationIds"] = ["Il capofila non va ripetuto tra i partner."];
        CheckProgress(r.Status, r.Progress, r.StartDate, r.EndDate, r.Narrative, errors);
        if (r.Budget is { } budget && (budget < 0 || budget > MaxBudget || decimal.Round(budget, 2) != budget))
            errors["budget"] = ["Il budget deve essere un importo in euro non negativo, con al più due decimali."];

        var programme = StructureRules.Blank(r.DupProgramme);
        var mission = StructureRules.Blank(r.DupMission);
        if (mission is { Length: 1 }) mission = "0" + mission;
        if (programme is not null)
        {
            if (!reference.MissionOfProgramme.TryGetValue(programme, out var ofProgramme))
                errors["dupProgramme"] = ["Programma DUP sconosciuto: indica il codice nella forma MM.PP, per esempio 09.02 (vedi /api/v1/dup-missions)."];
            else if (mission is not null && mission != ofProgramme)
                errors["dupProgramme"] = ["Il programma indicato non appartiene alla missione indicata."];
            else
                mission = ofProgramme;
        }
        if (mission is not null && !reference.Missions.Contains(mission))
            errors["dupMission"] = ["Missione DUP sconosciuta: indica il codice a due cifre, per esempio 09."];
        var dupObjective = StructureRules.Blank(r.DupObjectiveCode);
        if (dupObjective is { Length: > 50 }) errors["dupObjectiveCode"] = ["Il codice dell'obiettivo DUP non può superare 50 caratteri."];

        var municipalities = (r.Municipalities ?? []).Select(m => m.Trim()).Where(m => m.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();
        var unknownMunicipalities = municipalities.Where(m => !reference.Municipalities.Contains(m)).ToList();
        if (unknownMunicipalities.Count > 0)
            errors["municipalities"] = [$"Codici ISTAT sconosciuti: {string.Join(", ", unknownMunicipalities)}."];
        var zones = (r.Zones ?? []).Select(z => z.Trim().ToLowerInvariant()).Where(z => z.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();
        var unknownZones = zones.Where(z => !reference.Zones.Contains(z)).ToList();
        if (unknownZones.Count > 0)
            errors["zones"] = [$"Zone sconosciute: {string.Join(", ", unknownZones)}."];
        var tags = (r.Tags ?? []).Select(t => t.Trim().ToLowerInvariant()).Where(t => t.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();
        if (tags.Any(t => !reference.Tags.Contains(t)))
            errors["tags"] = ["Uno o più pilastri o missioni PNRR indicati non esistono (vedi /api/v1/plan-tags)."];

        if (errors.Count > 0) return (errors, null);
        return (errors, new ActionValues(r.ObjectiveId!.Value, code!, r.Title!.Trim(), StructureRules.Blank(r.Description), r.SortOrder, sector!,
            r.LeadOrganisationId, partners, r.StartDate, r.EndDate, r.Budget, r.Status ?? ActionStatuses.NotStarted, r.Progress ?? 0,
            StructureRules.Blank(r.Narrative), mission, programme, dupObjective, municipalities, zones, tags));
    }

    /// <summary>The monitoring fields, which the owner sector also edits on their own.</summary>
    public static void CheckProgress(string? status, int? progress, DateOnly? start, DateOnly? end, string? narrative, Dictionary<string, string[]> errors)
    {
        if (status is not null && !ActionStatuses.IsKnown(status))
            errors["status"] = ["Stato sconosciuto. Valori ammessi: not-started, on-track, at-risk, late, completed, suspended."];
        if (progress is < 0 or > 100)
            errors["progress"] = ["L'avanzamento è una percentuale tra 0 e 100."];
        else if (status == ActionStatuses.Completed && progress is not 100)
            errors["progress"] = ["Un'azione completata ha avanzamento 100%."];
        else if (status == ActionStatuses.NotStarted && progress is > 0)
            errors["progress"] = ["Un'azione non avviata ha avanzamento 0%: scegli un altro stato o azzera l'avanzamento."];
        if (start is { } s && end is { } e && e < s)
            errors["endDate"] = ["La data di fine non può precedere la data di inizio."];
        StructureRules.CheckText(narrative, errors, "narrative");
    }
}
