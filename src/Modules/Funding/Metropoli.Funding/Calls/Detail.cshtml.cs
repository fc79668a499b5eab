using Metropoli.Funding.Eligibility;
using Metropoli.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Metropoli.Funding.Calls;

/// <summary>One call with its rules and the eligibility radar of the Comuni (GET /api/v1/funding-calls/{id} and its /eligibility).</summary>
public sealed class DetailModel(AppDbContext db) : PageModel
{
    public CallDetail Call { get; private set; } = null!;
    public CallRadar Radar { get; private set; } = null!;
    public bool CanManage { get; private set; }
    public bool CanApply { get; private set; }

    /// <summary>"eligible", "excluded" or empty: which Comuni the radar lists.</summary>
    [BindProperty(SupportsGet = true, Name = "esito")]
    public string? Show { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await GetCall.HandleAsync(db, id, ct) is not { } call) return NotFound();
        Call = call;
        Radar = (await Eligibility.Radar.ForCallAsync(db, id, ct))!;
        CanManage = FundingAccess.CanManage(User);
        CanApply = ApplicationAccess.CanCreate(User);
        return Page();
    }
}
