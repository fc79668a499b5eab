using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Metropoli.Services.Model;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Metropoli.Services.Recruitment;

/// <summary>The staffing needs: the municipality officer sends those of their Comune (POST /api/v1/staffing-needs); the
/// office sees the open ones and joins them into a competition (POST /api/v1/competitions).</summary>
[Authorize]
public sealed class NeedsModel(AppDbContext db, TimeProvider clock, IStringLocalizer<Platform.Localization.SharedResource> l) : PageModel
{
    public Paged<NeedRow> Needs { get; private set; } = new([], 0, 0, 0);

    public string? Comune { get; private set; }

    public bool Office { get; private set; }

    [BindProperty]
    public NeedInput Input { get; set; } = new();

    [BindProperty]
    public CompetitionInput Competition { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var (outcome, _) = await RecruitmentHandlers.CreateNeedAsync(db, User, clock, Input, ct);
        return await this.AnswerAsync(outcome, l, () => this.Success(l["Fabbisogno inviato all'Ufficio unico concorsi."].Value, "/casa-dei-comuni/concorsi/fabbisogni"));
    }

    public async Task<IActionResult> OnPostAggregateAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var (outcome, id) = await RecruitmentHandlers.CreateCompetitionAsync(db, User, clock, Competition, ct);
        return await this.AnswerAsync(outcome, l, () => this.Success(l["Concorso unico creato."].Value, $"/casa-dei-comuni/concorsi/{id}"), fieldPrefix: "Competition.");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Comune = ServiceAccess.Municipality(User);
        Office = ServiceAccess.IsAdmin(User) || (ServiceAccess.Sector(User) is { } sector
            && await db.Set<SharedService>().AnyAsync(s => s.Kind == ServiceKinds.Recruitment && s.OfficeSector == sector, ct));
        Needs = await RecruitmentHandlers.ListNeedsAsync(db, User, new ListQuery { Limit = ListQuery.MaxLimit }, null, ct);
    }
}
