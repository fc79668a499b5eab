using Metropoli.Territory.Model;
using Metropoli.Platform.Data;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Territory.Organisations;

/// <summary>What the create and edit forms share besides the fields: the Comuni to link to.</summary>
public static class OrganisationForm
{
    public static async Task LoadOptionsAsync(AppDbContext db, ViewDataDictionary viewData, CancellationToken ct)
    {
        var comuni = await db.Set<Municipality>().AsNoTracking().OrderBy(m => m.Name)
            .Select(m => new { m.IstatCode, m.Name }).ToListAsync(ct);
        viewData["Municipalities"] = comuni.Select(m => new KeyValuePair<string, string>(m.IstatCode, m.Name)).ToList();
    }
}
