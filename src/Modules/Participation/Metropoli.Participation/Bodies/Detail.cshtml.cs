using Metropoli.Participation.Meetings;
using Metropoli.Platform.Data;
using Metropoli.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Metropoli.Participation.Bodies;

/// <summary>A body: members, tables, meetings; the convening form for the secretariat and the zone's current coordinator
/// (the same handler as POST /api/v1/bodies/{id}/meetings).</summary>
public sealed class DetailModel(AppDbContext db, TimeProvider clock, ReadCache cache, IStringLocalizer<Platform.Localization.SharedResource> l) : PageModel
{
    public BodyDetail? Body { get; private set; }
    public IReadOnlyList<MembershipRequestView> Requests { get; private set; } = [];

    [BindProperty] public long RequestId { get; set; }
    [BindProperty] public int Version { get; set; }
    [BindProperty] public bool Approve { get; set; }
    [BindProperty] public string? Reason { get; set; }

    [BindProperty] public MeetingForm Meeting { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        Body = await BodyHandlers.GetAsync(db, User, clock, id, ct, cache);
        if (Body?.CanManage == true) Requests = (await BodyHandlers.RequestsAsync(db, id, ct)).Where(r => r.Status == Model.RequestStatuses.Pending).ToList();
        return Body is not null;
    }

    /// <summary>The secretariat decides a membership request (POST /api/v1/membership-requests/{id}/decision).</summary>
    public async Task<IActionResult> OnPostDecideAsync(long id, CancellationToken ct)
    {
        var outcome = await BodyHandlers.DecideAsync(db, User, clock, RequestId, Version, new MembershipDecision { Approve = Approve, Reason = Reason }, ct);
        return await this.AnswerAsync(outcome, l, () => this.Success(l["Domanda decisa."].Value, $"/partecipazione/organismi/{id}"),
            reload: _ => Task.CompletedTask, fieldPrefix: "",
            again: async () => await LoadAsync(id, ct) ? Page() : NotFound());
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        var starts = Meeting.StartsAt is { } local ? new DateTimeOffset(local, CivilClock.Zone.GetUtcOffset(local)) : (DateTimeOffset?)null;
        var request = new MeetingRequest { Title = Meeting.Title, StartsAt = starts, Place = Meeting.Place, Link = Meeting.Link, Agenda = Meeting.Agenda };
        var (outcome, mid) = await MeetingHandlers.ConveneAsync(db, User, clock, id, request, ct);
        return await this.AnswerAsync(outcome, l, () => this.Success(l["Riunione convocata."].Value, $"/partecipazione/riunioni/{mid}"),
            fieldPrefix: "Meeting.", again: async () => await LoadAsync(id, ct) ? Page() : NotFound());
    }
}

public sealed class MeetingForm
{
    public string? Title { get; set; }
    public DateTime? StartsAt { get; set; }
    public string? Place { get; set; }
    public string? Link { get; set; }
    public string? Agenda { get; set; }
}
