using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Metropoli.Platform.Exports;
using Metropoli.Platform.Time;

namespace Metropoli.Territory.Organisations;

/// <summary>The list page's downloads, CSV and JSON: same filters, same handler, every matching row.</summary>
public static class ExportOrganisations
{
    /// <summary>The import's columns, then what only the registry knows.</summary>
    public static readonly string[] CsvHeader = ["id", .. ImportOrganisations.Columns, "municipality_istat", "updated_at"];

    /// <summary>The columns of the downloads: <see cref="CsvHeader"/> for the machine CSV, Italian headers for the others.</summary>
    public static readonly ExportColumn<OrganisationRow>[] Columns =
    [
        new("id", "Id", o => o.Id), new("name", "Denominazione", o => o.Name), new("type", "Tipo", o => o.Type, (o, _) => OrganisationTypes.Label(o.Type)),
        new("fiscal_code", "Codice fiscale", o => o.FiscalCode), new("vat_number", "Partita IVA", o => o.VatNumber), new("ipa_code", "Codice IPA", o => o.IpaCode),
        new("address", "Indirizzo", o => o.Address), new("postal_code", "CAP", o => o.PostalCode), new("city", "Città", o => o.City),
        new("email", "Email", o => o.Email), new("pec", "PEC", o => o.Pec), new("phone", "Telefono", o => o.Phone), new("website", "Sito web", o => o.Website),
        new("municipality_istat", "Codice ISTAT del Comune", o => o.MunicipalityIstat), new("updated_at", "Ultima modifica", o => o.UpdatedAt.UtcDateTime),
    ];

    public static void MapOrganisationsExport(this WebApplication app)
    {
        app.MapGet("/organizzazioni/export.csv", async ([AsParameters] ListQuery query, [AsParameters] OrganisationFilter filter, AppDbContext db, HttpContext context, CancellationToken ct) =>
            {
                var page = await AllAsync(db, query, filter, ct);
                return Downloads.File(context, "organizzazioni", "Organizzazioni", Columns, page.Items);
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
        app.MapGet("/organizzazioni/export.json", async ([AsParameters] ListQuery query, [AsParameters] OrganisationFilter filter, AppDbContext db, HttpContext context, CancellationToken ct) =>
            {
                context.Response.Headers.ContentDisposition = Downloads.ContentDisposition(Downloads.FileName("organizzazioni", CivilClock.Today(context.RequestServices.GetRequiredService<TimeProvider>()).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)) + ".json");
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
