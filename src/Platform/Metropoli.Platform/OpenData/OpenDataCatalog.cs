using System.Globalization;
using Metropoli.Platform.Localization;
using Metropoli.Platform.Modules;
using Metropoli.Platform.Navigation;
using Metropoli.Platform.Time;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Metropoli.Platform.OpenData;

/// <summary>A dataset of the catalogue with the date of its data.</summary>
public sealed record CatalogEntry(string Module, OpenDataset Dataset, DateOnly Modified);

/// <summary>The open-data catalogue: every module's <see cref="IMetropoliModule.Datasets"/>, described in DCAT-AP_IT
/// (ADR 0044). The human page (<c>/dati</c>) and the RDF share <see cref="ListAsync"/>.</summary>
public sealed class OpenDataCatalog(Data.ReadCache cache, IOptions<OpenDataOptions> options, IOptions<BrandOptions> brand,
    IStringLocalizer<SharedResource> localizer, TimeProvider clock)
{
    public const string LicenseUri = "https://creativecommons.org/licenses/by/4.0/";
    public const string ItalianLanguage = "http://publications.europa.eu/resource/authority/language/ITA";
    public const string EnglishLanguage = "http://publications.europa.eu/resource/authority/language/ENG";

    /// <summary>The Italian and English labels of the EU data themes (the vocabulary's own labels).</summary>
    public static readonly IReadOnlyDictionary<string, string> ThemeNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["AGRI"] = "Agricoltura, pesca, silvicoltura e prodotti alimentari",
        ["ECON"] = "Economia e finanze",
        ["EDUC"] = "Istruzione, cultura e sport",
        ["ENER"] = "Energia",
        ["ENVI"] = "Ambiente",
        ["GOVE"] = "Governo e settore pubblico",
        ["HEAL"] = "Salute",
        ["INTR"] = "Tematiche internazionali",
        ["JUST"] = "Giustizia, sistema giuridico e sicurezza pubblica",
        ["OP_DATPRO"] = "Dati provvisori",
        ["REGI"] = "Regioni e città",
        ["SOCI"] = "Popolazione e società",
        ["TECH"] = "Scienza e tecnologia",
        ["TRAN"] = "Trasporti",
    };

    public OpenDataOptions Options => options.Value;

    public string Publisher => brand.Value.Name;

    /// <summary>Every dataset with the date of its data: one MAX query per dataset, so the list is computed once and
    /// served from the <see cref="Data.ReadCache"/> until any module's data changes (the catalogue depends on all).</summary>
    public async Task<IReadOnlyList<CatalogEntry>> ListAsync(CancellationToken ct)
    {
        var modified = await cache.GetAsync("open-data-catalogue", Data.ReadModels.All, async (db, t) =>
        {
            var dates = new List<DateTime?>();
            foreach (var module in ModuleCatalog.All)
            {
                foreach (var d in module.Datasets)
                {
                    dates.Add(await d.ModifiedAsync(db, t));
                }
            }
            return dates;
        }, ct);
        var today = CivilClock.Today(clock);
        var entries = new List<CatalogEntry>();
        var i = 0;
        foreach (var module in ModuleCatalog.All)
        {
            foreach (var d in module.Datasets)
            {
                var at = modified[i++];
                // No record yet: the data is as of today (an empty list is current too).
                entries.Add(new CatalogEntry(module.Name, d, at is { } t ? DateOnly.FromDateTime(CivilClock.ToCivil(new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc))).DateTime) : today));
            }
        }
        return entries;
    }

    /// <summary>The catalogue as RDF, every node named under <paramref name="baseUrl"/> (scheme, host and path base of the site).</summary>
    public RdfGraph Graph(IReadOnlyList<CatalogEntry> entries, string baseUrl)
    {
        var g = new RdfGraph();
        var ipa = Options.IpaCode;
        var catalog = new RdfIri($"{baseUrl}/dati/catalogo");
        var publisher = new RdfIri($"{baseUrl}/dati/catalogo#editore");
        var contact = new RdfIri($"{baseUrl}/dati/catalogo#punto-di-contatto");
        var license = new RdfIri(LicenseUri);

        g.Type(catalog, "dcat:Catalog", "dcatapit:Catalog");
        Bilingual(g, catalog, "dct:title", "Catalogo dei dati aperti di Metropoli — {0}", Publisher);
        Bilingual(g, catalog, "dct:description", "I dati pubblici di Metropoli, la piattaforma del Piano strategico e dei servizi ai Comuni: elenchi, intese e indicatori scaricabili in formati aperti, con licenza CC BY 4.0.");
        g.Add(catalog, "dct:publisher", publisher);
        g.Add(catalog, "dct:modified", RdfGraph.Date(entries.Count > 0 ? entries.Max(e => e.Modified) : CivilClock.Today(clock)));
        g.Add(catalog, "foaf:homepage", $"{baseUrl}/dati");
        g.Add(catalog, "dct:language", ItalianLanguage);
        g.Add(catalog, "dct:language", EnglishLanguage);
        g.Add(catalog, "dcat:themeTaxonomy", "http://publications.europa.eu/resource/authority/data-theme");

        g.Type(publisher, "dcatapit:Agent", "foaf:Agent");
        g.Add(publisher, "foaf:name", RdfGraph.Text(Publisher, "it"));
        g.Add(publisher, "dct:identifier", RdfGraph.Text(ipa));

        g.Type(contact, "dcatapit:Organization", "vcard:Organization", "vcard:Kind");
        Bilingual(g, contact, "vcard:fn", "{0} — dati aperti", Publisher);
        if (Options.ContactEmail is { Length: > 0 } email)
        {
            g.Add(contact, "vcard:hasEmail", new RdfIri("mailto:" + email));
        }
        g.Add(contact, "vcard:hasURL", $"{baseUrl}/segnalazioni");

        g.Type(license, "dcatapit:LicenseDocument", "dct:LicenseDocument");
        g.Add(license, "dct:type", "http://purl.org/adms/licencetype/Attribution");
        g.Add(license, "foaf:name", RdfGraph.Text("Creative Commons Attribuzione 4.0 Internazionale (CC BY 4.0)", "it"));
        g.Add(license, "foaf:name", RdfGraph.Text("Creative Commons Attribution 4.0 International (CC BY 4.0)", "en"));
        g.Add(license, "owl:versionInfo", RdfGraph.Text("4.0"));

        foreach (var e in entries)
        {
            var d = e.Dataset;
            var dataset = new RdfIri($"{baseUrl}/dati#{d.Id}");
            g.Add(catalog, "dcat:dataset", dataset);
            g.Type(dataset, "dcat:Dataset", "dcatapit:Dataset");
            g.Add(dataset, "dct:identifier", RdfGraph.Text($"{ipa}:{d.Id}"));
            Bilingual(g, dataset, "dct:title", d.Title);
            foreach (var lang in new[] { "it", "en" })
            {
                var text = Localized(d.Description, lang) + (d.Source is null ? "" : " " + Localized(d.Source, lang));
                g.Add(dataset, "dct:description", RdfGraph.Text(text, lang));
            }
            foreach (var theme in d.Themes)
            {
                g.Add(dataset, "dcat:theme", DataThemes.Base + theme);
            }
            foreach (var k in d.Keywords)
            {
                g.Add(dataset, "dcat:keyword", RdfGraph.Text(k, "it"));
            }
            g.Add(dataset, "dct:rightsHolder", publisher);
            g.Add(dataset, "dct:publisher", publisher);
            g.Add(dataset, "dct:accrualPeriodicity", Frequencies.Base + d.Frequency);
            g.Add(dataset, "dct:modified", RdfGraph.Date(e.Modified));
            g.Add(dataset, "dct:language", ItalianLanguage);
            g.Add(dataset, "dcat:contactPoint", contact);
            g.Add(dataset, "dcat:landingPage", baseUrl + d.LandingPage);
            for (var i = 0; i < d.Distributions.Count; i++)
            {
                var dist = d.Distributions[i];
                var node = new RdfIri($"{baseUrl}/dati#{d.Id}-{dist.Format.ToLowerInvariant()}{(i > 0 && d.Distributions.Take(i).Any(x => x.Format == dist.Format) ? "-" + i : "")}");
                g.Add(dataset, "dcat:distribution", node);
                g.Type(node, "dcat:Distribution", "dcatapit:Distribution");
                g.Add(node, "dct:format", FileTypes.Base + dist.Format);
                g.Add(node, "dcat:mediaType", "https://www.iana.org/assignments/media-types/" + FileTypes.MediaTypes[dist.Format]);
                g.Add(node, "dcat:accessURL", baseUrl + dist.Path);
                if (dist.Download)
                {
                    g.Add(node, "dcat:downloadURL", baseUrl + dist.Path);
                }
                g.Add(node, "dct:license", license);
                Bilingual(g, node, "dct:title", dist.Download ? "{0} in formato {1}" : "{0}: API in formato {1}", d.Title, dist.Format);
            }
        }
        return g;
    }

    /// <summary>A text in Italian and English (the same key through the English resources).</summary>
    private void Bilingual(RdfGraph g, RdfIri subject, string predicate, string key, params object[] args)
    {
        foreach (var lang in new[] { "it", "en" })
        {
            var localizedArgs = args.Select(a => a is string s ? Localized(s, lang) : a).ToArray();
            g.Add(subject, predicate, RdfGraph.Text(string.Format(CultureInfo.InvariantCulture, Localized(key, lang), localizedArgs), lang));
        }
    }

    /// <summary>A key in a language, whatever the request's.</summary>
    public string Localized(string key, string language)
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
            return localizer[key].Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
