using Metropoli.Platform.Data;
using Metropoli.Services.Model;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Metropoli.Services.Recruitment;

/// <summary>One joint competition (GET /api/v1/competitions/{id}); the office edits it (PUT, If-Match through the posted
/// version) and records its approved ranking list (POST /api/v1/ranking-lists).</summary>
[AllowAnonymous]
public sealed class CompetitionModel(AppDbContext db, TimeProvider clock, IStringLocalizer<Platform.Localization.SharedResource> l) : PageModel
{
    public CompetitionRow Item { get; private set; } = null!;

    public bool Office { get; private set; }

    [BindProperty]
    public CompetitionInput Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public ListForm List { get; set; } = new();

    public sealed record ListForm
    {
        public string? ActNumber { get; init; }
        public DateOnly? ApprovedOn { get; init; }
        public DateOnly? ValidUntil { get; init; }
        /// <summary>One pseudonymous code a line, in rank order.</summary>
        public string? Candidates { get; init; }
    }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Version = Item.Version;
        Input = new CompetitionInput
        {
            Title = Item.Title, Profile = Item.Profile, NoticeReference = Item.NoticeReference, NoticeUrl = Item.NoticeUrl,
            PublishedOn = Item.PublishedOn, ApplicationsCloseOn = Item.ApplicationsCloseOn, Status = Item.Status,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostEditAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        return await this.AnswerAsync(await RecruitmentHandlers.UpdateCompetitionAsync(db, User, clock, id, Version, Input, ct), l,
            () => this.Success(l["Concorso aggiornato."].Value, $"/casa-dei-comuni/concorsi/{id}"),
            async conflict => { await LoadAsync(id, ct); Version = conflict.CurrentVersion; });
    }

    public async Task<IActionResult> OnPostApproveAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var codes = (List.Candidates ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var (outcome, listId) = await RecruitmentHandlers.ApproveListAsync(db, User, clock,
            new RankingListInput { CompetitionId = id, ActNumber = List.ActNumber, ApprovedOn = List.ApprovedOn, ValidUntil = List.ValidUntil, Candidates = codes }, ct);
        return await this.AnswerAsync(outcome, l, () => this.Success(l["Graduatoria approvata e registrata."].Value, $"/casa-dei-comuni/graduatorie/{listId}"), fieldPrefix: "List.");
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        if (await RecruitmentHandlers.GetCompetitionAsync(db, clock, id, ct) is not { } c) return false;
        Item = c;
        var sector = await db.Set<SharedService>().Where(s => s.Slug == c.Service).Select(s => s.OfficeSector).SingleAsync(ct);
        Office = ServiceAccess.IsOffice(User, sector);
        return true;
    }
}
