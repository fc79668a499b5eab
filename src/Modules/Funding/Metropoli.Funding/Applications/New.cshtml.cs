using Metropoli.Funding.Model;
using Metropoli.Platform.Data;
using Metropoli.Platform.Time;
using Metropoli.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Metropoli.Funding.Applications;

/// <summary>The form of an application; the same handler as POST /api/v1/funding-applications. A municipality officer
/// drafts for their Comune, a zone coordinator assembles a partnership of their zone's Comuni, the office for any.</summary>
public sealed class NewModel(AppDbContext db, TimeProvider clock, IStringLocalizer<Platform.Localization.SharedResource> l) : PageModel
{
    public sealed class ApplicationForm
    {
        public long? CallId { get; set; }
        public string? LeadIstat { get; set; }
        public string? Title { get; set; }
        public decimal? RequestedAmount { get; set; }
        public List<string> Partners { get; set; } = [];
        public List<long> Organisations { get; set; } = [];
        public string? SupportRequested { get; set; }
    }

    [BindProperty]
    public ApplicationForm Input { get; set; } = new();

    /// <summary>The preselected call (?bando=).</summary>
    [BindProperty(SupportsGet = true, Name = "bando")]
    public long? Call { get; set; }

    public IReadOnlyList<(long Id, string Title)> OpenCalls { get; private set; } = [];
    public IReadOnlyList<ComuneRef> Leads { get; private set; } = [];
    public IReadOnlyList<ComuneRef> PartnerChoices { get; private set; } = [];
    public IReadOnlyList<OrganisationRef> OrganisationChoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!ApplicationAccess.CanCreate(User)) return Forbid();
        await LoadAsync(ct);
        Input.CallId = Call is { } c && OpenCalls.Any(o => o.Id == c) ? c : null;
        Input.LeadIstat = Leads.Count == 1 ? Leads[0].IstatCode : ApplicationAccess.Municipality(User);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ApplicationAccess.CanCreate(User)) return Forbid();
        await LoadAsync(ct);
        if (!ModelState.IsValid) return Page();
        var (outcome, id) = await ApplicationHandlers.CreateAsync(db, User, clock,
            new ApplicationRequest(Input.CallId, Input.LeadIstat, Input.Title, Input.RequestedAmount, Input.Partners, Input.SupportRequested, Input.Organisations), ct);
        return await this.AnswerAsync(outcome, l, () => this.Success(l["Domanda salvata in bozza."].Value, "/finanziamenti/domande/" + id));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var today = CivilClock.Today(clock);
        OpenCalls = (await db.Set<FundingCall>().AsNoTracking()
                .Where(c => c.Status == FundingCallStatuses.Open && (c.ClosesOn == null || c.ClosesOn >= today))
                .OrderBy(c => c.ClosesOn).ThenBy(c => c.Title).Take(500).Select(c => new { c.Id, c.Title }).ToListAsync(ct))
            .Select(c => (c.Id, c.Title)).ToList();
        var comuni = db.Reads<ITerritoryQueries>().Comuni.AsNoTracking();
        var zone = FundingAccess.CanManage(User) || ApplicationAccess.Municipality(User) is not null ? null : ApplicationAccess.CoordinatedZone(User);
        if (zone is not null) comuni = comuni.Where(c => c.ZoneCode == zone);
        PartnerChoices = await comuni.OrderBy(c => c.Name).ToListAsync(ct);
        Leads = ApplicationAccess.Municipality(User) is { } m && !FundingAccess.CanManage(User)
            ? PartnerChoices.Where(c => c.IstatCode == m).ToList() : PartnerChoices;
        OrganisationChoices = await db.Reads<ITerritoryQueries>().Organisations.AsNoTracking().Where(o => o.Type != OrganisationTypes.Municipality)
            .OrderBy(o => o.Name).Take(500).ToListAsync(ct);
    }
}
