using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Metropoli.Platform.OpenData;

/// <summary>The catalogue in DCAT-AP_IT at stable addresses (ADR 0044): RDF/XML (what the national catalogue
/// dati.gov.it harvests), Turtle and JSON-LD, all from one graph.</summary>
public static class OpenDataApi
{
    public const string TurtlePath = "/dati/catalogo.ttl";
    public const string RdfXmlPath = "/dati/catalogo.rdf";
    public const string JsonLdPath = "/dati/catalogo.jsonld";

    public static void MapOpenDataApi(this WebApplication app)
    {
        app.MapGet(TurtlePath, async (OpenDataCatalog catalog, HttpRequest request, CancellationToken ct) =>
                Results.Text((await GraphAsync(catalog, request, ct)).ToTurtle(), "text/turtle; charset=utf-8"))
            .AllowAnonymous().WithTags("Dati aperti").WithName("getCatalogTurtle")
            .WithSummary("Il catalogo dei dati aperti in DCAT-AP_IT, in Turtle.").Produces<string>(200, "text/turtle");
        app.MapGet(RdfXmlPath, async (OpenDataCatalog catalog, HttpRequest request, CancellationToken ct) =>
                Results.Text((await GraphAsync(catalog, request, ct)).ToRdfXml(), "application/rdf+xml; charset=utf-8"))
            .AllowAnonymous().WithTags("Dati aperti").WithName("getCatalogRdfXml")
            .WithSummary("Il catalogo dei dati aperti in DCAT-AP_IT, in RDF/XML (per la raccolta da dati.gov.it).").Produces<string>(200, "application/rdf+xml");
        app.MapGet(JsonLdPath, async (OpenDataCatalog catalog, HttpRequest request, CancellationToken ct) =>
                Results.Bytes((await GraphAsync(catalog, request, ct)).ToJsonLd(), "application/ld+json"))
            .AllowAnonymous().WithTags("Dati aperti").WithName("getCatalogJsonLd")
            .WithSummary("Il catalogo dei dati aperti in DCAT-AP_IT, in JSON-LD.").Produces<string>(200, "application/ld+json");
    }

    /// <summary>The site's own address as the reader reached it: scheme, host and path base.</summary>
    public static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    private static async Task<RdfGraph> GraphAsync(OpenDataCatalog catalog, HttpRequest request, CancellationToken ct) =>
        catalog.Graph(await catalog.ListAsync(ct), BaseUrl(request));
}
