using Metropoli.Platform.Api;
using Metropoli.Platform.Data;

namespace Metropoli.Territory.Municipalities;

/// <summary>The list page's CSV download: same filters, same handler, every matching row.</summary>
public static class ExportMunicipalities
{
    public static void MapMunicipalitiesExport(this WebApplication app) =>
        app.MapGet("/comuni/export.csv", async ([AsParameters] ListQuery query, [AsParameters] MunicipalityFilter filter, AppDbContext db, CancellationToken ct) =>
            {
                var all = query with { Limit = 100_000, Offset = 0 };
                if (ListMunicipalities.Validate(query with { Limit = null, Offset = null }, filter).Count > 0)
                {
                    all = new ListQuery { Limit = 100_000 };
                    filter = new MunicipalityFilter();
                }
                var page = await ListMunicipalities.HandleAsync(db, all, filter, ct);
                return Csv.File("comuni.csv", ["istat_code", "name", "cadastral_code", "zone_code", "zone_name", "population_2011"],
                    page.Items, m => [m.IstatCode, m.Name, m.CadastralCode, m.ZoneCode, m.ZoneName, m.Population]);
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
}
