using Metropoli.Platform.Api;
using Metropoli.Platform.Data;

namespace Metropoli.Territory.Organisations;

/// <summary>The list page's downloads, CSV and JSON: same filters, same handler, every matching row.</summary>
public static class ExportOrganisations
{
    /// <summary>The import's columns, then what only the registry knows.</summary>
    public static readonly string[] CsvHeader = ["id", .. ImportOrganisations.Columns, "municipality_istat", "updated_at"];

    public static void MapOrganisationsExport(this WebApplication app)
    {
        app.MapGet("/organizzazioni/export.csv", async ([AsParameters] ListQuery query, [AsParameters] OrganisationFilter filter, AppDbContext db, CancellationToken ct) =>
            {
                var page = await AllAsync(db, query, filter, ct);
                return Csv.File("organizzazioni.csv", CsvHeader, page.Items,
                    o => [o.Id, o.Name, o.Type, o.FiscalCode, o.VatNumber, o.IpaCode, o.Address, o.PostalCode, o.City, o.Email, o.Pec, o.Phone, o.Website,
                        o.MunicipalityIstat, o.UpdatedAt.UtcDateTime]);
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
        app.MapGet("/organizzazioni/export.json", async ([AsParameters] ListQuery query, [AsParameters] OrganisationFilter filter, AppDbContext db, HttpContext context, CancellationToken ct) =>
            {
                context.Response.Headers.ContentDisposition = "attachment; filename=\"organizzazioni.json\"";
                return TypedResults.Ok(await AllAsync(db, query, filter, ct));
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
    }

    /// <summary>Every row the page's filters select; filters that are not valid are dropped, as the page does.</summary>
    private static Task<Paged<OrganisationRow>> AllAsync(AppDbContext db, ListQuery query, OrganisationFilter filter, CancellationToken ct)
    {
        var all = query with { Limit = 100_000, Offset = 0 };
        if (ListOrganisations.Validate(query with { Limit = null, Offset = null }, filter).Count > 0)
        {
            all = new ListQuery { Limit = 100_000 };
            filter = new OrganisationFilter();
        }
        return ListOrganisations.HandleAsync(db, all, filter, ct);
    }
}
