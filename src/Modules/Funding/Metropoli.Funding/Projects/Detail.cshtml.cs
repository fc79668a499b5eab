using Metropoli.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Metropoli.Funding.Projects;

/// <summary>One funded project by CUP (GET /api/v1/projects/{cup}).</summary>
public sealed class DetailModel(AppDbContext db) : PageModel
{
    public ProjectDetail Project { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string cup, CancellationToken ct)
    {
        if (cup.Length > 20 || await ListProjects.GetAsync(db, cup, ct) is not { } p) return NotFound();
        Project = p;
        return Page();
    }
}
