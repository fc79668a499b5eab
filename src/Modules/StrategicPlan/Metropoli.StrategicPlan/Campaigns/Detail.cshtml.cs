using Metropoli.StrategicPlan.Model;
using Metropoli.Platform.Api;
using Metropoli.Platform.Audit;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Metropoli.StrategicPlan.Campaigns;

/// <summary>A campaign: its figures, its tasks (the plan office sees all, a sector officer their own),
/// the closing step with its confirmation, and the history.</summary>
public sealed class DetailModel(AppDbContext db, TimeProvider clock, ICurrentUser who, IStringLocalizer<Platform.Localization.SharedResource> l) : PageModel
{
    public CampaignDetail? Detail { get; private set; }
    public Paged<AuditRow>? History { get; private set; }

    [BindProperty(SupportsGet = true, Name = "chiudi")]
    public bool ConfirmClose { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        Detail = await CampaignQueries.GetAsync(db, User, id, ct);
        if (Detail is null) return NotFound();
        Version = Detail.Campaign.Version;
        if (Detail.CanManage)
        {
            History = await AuditSearch.HistoryAsync(db, who, nameof(MonitoringCampaign), id.ToString(System.Globalization.CultureInfo.InvariantCulture), ct);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostCloseAsync(long id, CancellationToken ct)
    {
        var outcome = await CloseCampaign.HandleAsync(db, User, clock, id, Version, ct);
        // Closing is a button on the campaign's page: what stops it is said there, after a redirect.
        return await this.AnswerAsync(outcome, l, () => this.Success(l["Campagna chiusa: i dati sono congelati e il rapporto è disponibile."].Value, $"/piano/campagne/{id}/rapporto"),
            OutcomePages.KeepForm, "Nel frattempo la campagna è stata modificata da un altro utente: controlla i dati e conferma di nuovo.",
            again: () =>
            {
                TempData["Error"] = ModelState[string.Empty]?.Errors.FirstOrDefault()?.ErrorMessage;
                return Task.FromResult<IActionResult>(Redirect($"/piano/campagne/{id}"));
            });
    }
}
