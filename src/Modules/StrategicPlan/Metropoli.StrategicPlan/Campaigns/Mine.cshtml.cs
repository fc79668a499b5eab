using Metropoli.Platform.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Metropoli.StrategicPlan.Campaigns;

/// <summary>What waits for the signed-in user in the open campaigns.</summary>
public sealed class MineModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<TaskRow> Tasks { get; private set; } = [];
    public bool Manager { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Manager = PlanAccess.CanManage(User);
        Tasks = await CampaignQueries.MineAsync(db, User, ct);
    }
}
