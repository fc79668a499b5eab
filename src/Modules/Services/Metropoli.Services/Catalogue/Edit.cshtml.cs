using Metropoli.Platform.Data;
using Metropoli.Platform.Sectors;
using Metropoli.Services.Model;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Metropoli.Services.Catalogue;

/// <summary>The administrator edits a service of the catalogue: the same handler as PUT /api/v1/services/{slug}, the
/// posted version standing for If-Match. The conventions of adhesion are kept as they are (the API changes them).</summary>
[Authorize(Roles = Platform.Auth.Roles.Administrator)]
public sealed class EditModel(AppDbContext db, TimeProvider clock, IStringLocalizer<Platform.Localization.SharedResource> l) : PageModel
{
    public ServiceDetail Service { get; private set; } = null!;

    public IReadOnlyList<Sector> Sectors { get; private set; } = [];

    [BindProperty]
    public Form Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    public sealed record Form
    {
        public string? Name { get; init; }
        public string? Kind { get; init; }
        public string? Summary { get; init; }
        public string? Description { get; init; }
        public string? Eligibility { get; init; }
        public string? HowToJoin { get; init; }
        public string? Fees { get; init; }
        public string? OfficeSector { get; init; }
        public string? OfficeName { get; init; }
        public string? OfficeEmail { get; init; }
        public int? FirstAnswerDays { get; init; }
        public int? ResolutionDays { get; init; }
        /// <summary>One document a line.</summary>
        public string? Documents { get; init; }
        public bool Active { get; init; }
    }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct)) return NotFound();
        var s = Service;
        Version = s.Version;
        Input = new Form
        {
            Name = s.Name, Kind = s.Kind, Summary = s.Summary, Description = s.Description, Eligibility = s.Eligibility, HowToJoin = s.HowToJoin, Fees = s.Fees,
            OfficeSector = s.OfficeSector, OfficeName = s.OfficeName, OfficeEmail = s.OfficeEmail, FirstAnswerDays = s.FirstAnswerDays, ResolutionDays = s.ResolutionDays,
            Documents = string.Join('\n', s.Documents), Active = s.Active,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct)) return NotFound();
        var f = Input;
        var input = new ServiceInput
        {
            Slug = slug, Name = f.Name, Kind = f.Kind, Summary = f.Summary, Description = f.Description, Eligibility = f.Eligibility, HowToJoin = f.HowToJoin,
            Fees = f.Fees, OfficeSector = f.OfficeSector, OfficeName = f.OfficeName, OfficeEmail = f.OfficeEmail, FirstAnswerDays = f.FirstAnswerDays,
            ResolutionDays = f.ResolutionDays, Active = f.Active,
            Documents = (f.Documents ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        };
        return await this.AnswerAsync(await CatalogueHandlers.UpdateAsync(db, User, clock, slug, Version, input, ct), l,
            () => this.Success(l["Servizio aggiornato."].Value, $"/casa-dei-comuni/servizi/{slug}"),
            async conflict => { await LoadAsync(slug, ct); Version = conflict.CurrentVersion; });
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        if (await CatalogueHandlers.GetAsync(db, clock, slug, ct) is not { } service) return false;
        Service = service;
        Sectors = await db.Set<Sector>().AsNoTracking().OrderBy(s => s.SortOrder).ThenBy(s => s.Code).ToListAsync(ct);
        return true;
    }
}
