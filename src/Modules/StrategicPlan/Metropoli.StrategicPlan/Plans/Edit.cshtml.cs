using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Metropoli.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Metropoli.StrategicPlan.Plans;

/// <summary>The form that edits a plan; it calls the same handler as PUT /api/v1/plans/{id}.</summary>
public sealed class EditModel(AppDbContext db, TimeProvider clock, IStringLocalizer<Platform.Localization.SharedResource> l) : PageModel
{
    public long Id { get; private set; }
    public string Name { get; private set; } = "";

    [BindProperty]
    public PlanRequest Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    public PlanDetail? ConflictCurrent { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var p = await GetPlan.HandleAsync(db, User, id, ct);
        if (p is null) return NotFound();
        (Id, Name, Version) = (p.Id, p.Name, p.Version);
        Input = new PlanRequest { Name = p.Name, StartYear = p.StartYear, EndYear = p.EndYear, Description = p.Description, PreviousPlanId = p.PreviousPlanId };
        ViewData["Plans"] = (await ListPlans.ChoicesAsync(db, User, ct)).Where(c => c.Id != id).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        var p = await GetPlan.HandleAsync(db, User, id, ct);
        if (p is null) return NotFound();
        (Id, Name) = (p.Id, p.Name);
        ViewData["Plans"] = (await ListPlans.ChoicesAsync(db, User, ct)).Where(c => c.Id != id).ToList();
        if (!ModelState.IsValid) return Page();
        return await this.AnswerAsync(await SavePlan.UpdateAsync(db, User, clock, id, Version, Input, ct), l,
            () => this.Success(l["Piano salvato."].Value, "/piano/" + id),
            // Keep what the user typed and show what is stored now; a second "Salva" is a deliberate choice.
            async conflict =>
            {
                Version = conflict.CurrentVersion;
                ConflictCurrent = await GetPlan.HandleAsync(db, User, id, ct);
            },
            "Nel frattempo un altro utente ha modificato questo piano. I tuoi dati non sono stati salvati. Confronta con i valori attuali qui sotto e salva di nuovo se vuoi sostituirli.");
    }
}
