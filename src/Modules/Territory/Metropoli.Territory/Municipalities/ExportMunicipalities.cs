using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Metropoli.Platform.Exports;

namespace Metropoli.Territory.Municipalities;

/// <summary>The list page's downloads (machine CSV, <c>?formato=it</c>, <c>?formato=xlsx</c>): same filters, same handler, every matching row.</summary>
public static class ExportMunicipalities
{
    public static readonly ExportColumn<MunicipalityRow>[] Columns =
    [
        new("istat_code", "Codice ISTAT", m => m.IstatCode), new("name", "Comune", m => m.Name), new("cadastral_code", "Codice catastale", m => m.CadastralCode),
        new("zone_code", "Codice zona", m => m.ZoneCode), new("zone_name", "Zona omogenea", m => m.ZoneName), new("population_2011", "Popolazione 2011", m => m.Population),
    ];

    public static void MapMunicipalitiesExport(this WebApplication app) =>
        app.MapGet("/comuni/export.csv", async ([AsParameters] ListQuery query, [AsParameters] MunicipalityFilter filter, AppDbContext db, HttpContext context, CancellationToken ct) =>
            {
                var all = query with { Limit = 100_000, Offset = 0 };
                if (ListMunicipalities.Validate(query with { Limit = null, Offset = null }, filter).Count > 0)
                {
                    all = new ListQuery { Limit = 100_000 };
                    filter = new MunicipalityFilter();
                }
                var page = await ListMunicipalities.HandleAsync(db, all, filter, ct);
                return Downloads.File(context, "comuni", "Comuni della Città metropolitana", Columns, page.Items);
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
}
