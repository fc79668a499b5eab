using System.ComponentModel.DataAnnotations;
using Metropoli.StrategicPlan.Model;
using Metropoli.StrategicPlan.Reference;
using Metropoli.Territory.Contracts;
using Metropoli.Platform.Data;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Metropoli.StrategicPlan.Actions;

/// <summary>The action form as posted. Dates and the budget are read as text and parsed here: the
/// culture-aware binder would read "1250000.50" as 125 million in Italian, and a bad date must come
/// back next to its field with a clear message.</summary>
public sealed class ActionForm
{
    [Display(Name = "Obiettivo")]
    public long? ObjectiveId { get; set; }
    [Display(Name = "Codice")]
    public string? Code { get; set; }
    [Display(Name = "Titolo")]
    public string? Title { get; set; }
    [Display(Name = "Descrizione")]
    public string? Description { get; set; }
    [Display(Name = "Ordine")]
    public int? SortOrder { get; set; }
    [Display(Name = "Settore responsabile")]
    public string? OwnerSector { get; set; }
    [Display(Name = "Capofila")]
    public long? LeadOrganisationId { get; set; }
    [Display(Name = "Partner")]
    public List<long> PartnerOrganisationIds { get; set; } = [];
    [Display(Name = "Data di inizio")]
    public string? StartDate { get; set; }
    [Display(Name = "Data di fine")]
    public string? EndDate { get; set; }
    [Display(Name = "Budget")]
    public string? Budget { get; set; }
    [Display(Name = "Stato")]
    public string? Status { get; set; }
    [Display(Name = "Avanzamento")]
    public int? Progress { get; set; }
    [Display(Name = "Stato di attuazione")]
    public string? Narrative { get; set; }
    /// <summary>Not an input (the programme implies it); here so that its errors have a place.</summary>
    public string? DupMission { get; set; }
    [Display(Name = "Programma DUP")]
    public string? DupProgramme { get; set; }
    [Display(Name = "Codice dell'obiettivo DUP")]
    public string? DupObjectiveCode { get; set; }
    [Display(Name = "Comuni")]
    public List<string> Municipalities { get; set; } = [];
    [Display(Name = "Zone")]
    public List<string> Zones { get; set; } = [];
    [Display(Name = "Pilastri e missioni PNRR")]
    public List<string> Tags { get; set; } = [];

    public static ActionForm From(ActionDetail a) => new()
    {
        ObjectiveId = a.ObjectiveId, Code = a.Code, Title = a.Title, Description = a.Description, SortOrder = a.SortOrder,
        OwnerSector = a.OwnerSector, LeadOrganisationId = a.LeadOrganisation?.Id, PartnerOrganisationIds = a.Partners.Select(p => p.Id).ToList(),
        StartDate = a.StartDate is { } s ? Formats.Iso(s) : null, EndDate = a.EndDate is { } e ? Formats.Iso(e) : null,
        Budget = Formats.EuroInput(a.Budget), Status = a.Status, Progress = a.Progress, Narrative = a.Narrative,
        DupMission = a.DupMission?.Code, DupProgramme = a.DupProgramme?.Code, DupObjectiveCode = a.DupObjectiveCode,
        Municipalities = a.Municipalities.Select(m => m.Code).ToList(), Zones = a.Zones.Select(z => z.Code).ToList(), Tags = a.Tags.Select(t => t.Code).ToList(),
    };

    /// <summary>The request for the handler, or null after adding the parse errors to the model state.</summary>
    public ActionRequest? ToRequest(ModelStateDictionary state, IStringLocalizer l, string prefix = "Input.")
    {
        var ok = true;
        if (!Formats.TryParseDate(StartDate, out var start)) { state.AddModelError(prefix + nameof(StartDate), l[Formats.DateError]); ok = false; }
        if (!Formats.TryParseDate(EndDate, out var end)) { state.AddModelError(prefix + nameof(EndDate), l[Formats.DateError]); ok = false; }
        if (!Formats.TryParseEuro(Budget, NumberReader.Current, out var budget, out var budgetError)) { state.AddModelError(prefix + nameof(Budget), budgetError!.In(l)); ok = false; }
        if (!ok) return null;
        return new ActionRequest
        {
            ObjectiveId = ObjectiveId, Code = Code, Title = Title, Description = Description, SortOrder = SortOrder, OwnerSector = OwnerSector,
            LeadOrganisationId = LeadOrganisationId, PartnerOrganisationIds = PartnerOrganisationIds, StartDate = start, EndDate = end, Budget = budget,
            Status = Status, Progress = Progress, Narrative = Narrative, DupProgramme = string.IsNullOrEmpty(DupProgramme) ? null : DupProgramme,
            DupObjectiveCode = DupObjectiveCode, Municipalities = Municipalities, Zones = Zones, Tags = Tags,
        };
    }
}

/// <summary>The choices of the action form.</summary>
public sealed record ActionFormOptions(IReadOnlyList<(long Id, string Label)> Objectives, IReadOnlyList<(long Id, string Name)> Organisations,
    IReadOnlyList<(string Code, string Name)> Municipalities, IReadOnlyList<(string Code, string Name)> Zones,
    IReadOnlyList<(string Code, string Kind, string Name)> Tags, IReadOnlyList<(string Code, string Label, string Mission)> Programmes,
    IReadOnlyList<string> Sectors)
{
    public static async Task<ActionFormOptions> LoadAsync(AppDbContext db, long planId, CancellationToken ct)
    {
        var objectives = await (from o in db.Set<PlanObjective>().AsNoTracking()
                                join a in db.Set<PlanArea>() on o.AreaId equals a.Id
                                where o.PlanId == planId
                                orderby a.SortOrder, a.Code, o.SortOrder, o.Code
                                select new { o.Id, o.Code, o.Title }).ToListAsync(ct);
        var organisations = await db.Reads<ITerritoryQueries>().Organisations.AsNoTracking().OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(ct);
        var municipalities = await db.Reads<ITerritoryQueries>().Comuni.AsNoTracking().OrderBy(m => m.Name).Select(m => new { m.IstatCode, m.Name }).ToListAsync(ct);
        var zones = await db.Reads<ITerritoryQueries>().Zones.AsNoTracking().OrderBy(z => z.SortOrder).Select(z => new { z.Code, z.Name }).ToListAsync(ct);
        var tags = await db.Set<PlanTag>().AsNoTracking().OrderBy(t => t.SortOrder).Select(t => new { t.Code, t.Kind, t.Name }).ToListAsync(ct);
        var sectors = await db.Set<PlanAction>().AsNoTracking().Select(a => a.OwnerSector).Distinct().OrderBy(s => s).ToListAsync(ct);
        return new ActionFormOptions(
            objectives.Select(o => (o.Id, o.Code + " " + o.Title)).ToList(),
            organisations.Select(o => (o.Id, o.Name)).ToList(),
            municipalities.Select(m => (m.IstatCode, m.Name)).ToList(),
            zones.Select(z => (z.Code, z.Name)).ToList(),
            tags.Select(t => (t.Code, t.Kind, t.Name)).ToList(),
            await ListReference.ProgrammeChoicesAsync(db, ct),
            sectors);
    }
}
