using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Metropoli.Tests.Infrastructure;

namespace Metropoli.Tests.Platform.OpenData;

public sealed class OpenDataFixture : AppFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Metropoli:OpenData:ContactEmail"] = "dati.aperti@example.org",
    };
}

/// <summary>The open-data catalogue (issue 23, ADR 0044): the same graph in RDF/XML, JSON-LD and Turtle, read back by
/// three independent readers, checked against the properties DCAT-AP_IT makes mandatory (the Italian profile's
/// specification, AgID: catalogue, dataset, distribution, agent, licence and contact point), and every address it
/// gives answering anonymously.</summary>
public sealed class DcatCatalogTests(OpenDataFixture fx) : IClassFixture<OpenDataFixture>
{
    private const string Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private const string Dcat = "http://www.w3.org/ns/dcat#";
    private const string Dct = "http://purl.org/dc/terms/";
    private const string DcatApIt = "http://dati.gov.it/onto/dcatapit#";
    private const string Foaf = "http://xmlns.com/foaf/0.1/";
    private const string Vcard = "http://www.w3.org/2006/vcard/ns#";
    private const string XsdDate = "http://www.w3.org/2001/XMLSchema#date";

    /// <summary>An RDF statement as read back: the object is an IRI (<paramref name="Iri"/> true) or a literal with its
    /// language or datatype.</summary>
    private sealed record T(string S, string P, string O, bool Iri, string? Lang = null, string? Type = null)
    {
        public override string ToString() => $"<{S}> <{P}> {(Iri ? $"<{O}>" : $"\"{O}\"{(Lang is null ? "" : "@" + Lang)}{(Type is null ? "" : "^^" + Type)}")}";
    }

    /// <summary>The knowledge module's datasets (ADR 0048) are in the catalogue, with their downloads.</summary>
    [Fact]
    public async Task The_standard_acts_and_their_adoptions_are_catalogued()
    {
        var ttl = await fx.App.Anonymous().GetStringAsync("/dati/catalogo.ttl");
        Assert.Contains("cmmi:atti-tipo", ttl);
        Assert.Contains("cmmi:adozioni-atti-tipo", ttl);
        Assert.Contains("/atti-tipo/adozioni.csv", ttl);
    }

    [Fact]
    public async Task The_three_serialisations_hold_the_same_statements()
    {
        var client = fx.App.Anonymous();
        using var xml = await client.GetAsync("/dati/catalogo.rdf");
        Assert.Equal("application/rdf+xml", xml.Content.Headers.ContentType?.MediaType);
        using var jsonld = await client.GetAsync("/dati/catalogo.jsonld");
        Assert.Equal("application/ld+json", jsonld.Content.Headers.ContentType?.MediaType);
        using var ttl = await client.GetAsync("/dati/catalogo.ttl");
        Assert.Equal("text/turtle", ttl.Content.Headers.ContentType?.MediaType);

        var fromXml = ReadRdfXml(await xml.Content.ReadAsStringAsync()).Select(t => t.ToString()).ToHashSet();
        var fromJson = ReadJsonLd(await jsonld.Content.ReadAsStringAsync()).Select(t => t.ToString()).ToHashSet();
        var fromTurtle = ReadTurtle(await ttl.Content.ReadAsStringAsync()).Select(t => t.ToString()).ToHashSet();
        Assert.True(fromXml.Count > 100, $"only {fromXml.Count} statements");
        Assert.Empty(fromXml.Except(fromJson));
        Assert.Empty(fromJson.Except(fromXml));
        Assert.Empty(fromXml.Except(fromTurtle));
        Assert.Empty(fromTurtle.Except(fromXml));
    }

    [Fact]
    public async Task The_catalogue_has_every_property_DCAT_AP_IT_makes_mandatory()
    {
        var g = ReadRdfXml(await fx.App.Anonymous().GetStringAsync("/dati/catalogo.rdf"));
        var problems = new List<string>();

        string[] Objects(string s, string p) => [.. g.Where(t => t.S == s && t.P == p).Select(t => t.O)];
        bool Typed(string s, string type) => g.Any(t => t.S == s && t.P == Rdf + "type" && t.O == type);
        void Require(string s, string what, params string[] predicates)
        {
            foreach (var p in predicates)
            {
                if (Objects(s, p).Length == 0) problems.Add($"{what} <{s}> has no {p}");
            }
        }
        void RequireText(string s, string what, string p, params string[] languages)
        {
            foreach (var lang in languages)
            {
                if (!g.Any(t => t.S == s && t.P == p && !t.Iri && t.Lang == lang && t.O.Trim().Length > 0))
                    problems.Add($"{what} <{s}> has no {p} in '{lang}'");
            }
        }
        void RequireDate(string s, string what, string p)
        {
            if (!g.Any(t => t.S == s && t.P == p && t.Type == XsdDate && DateOnly.TryParseExact(t.O, "yyyy-MM-dd", out _)))
                problems.Add($"{what} <{s}> has no {p} as an xsd:date");
        }
        void RequireAgent(string s, string what)
        {
            if (!Typed(s, DcatApIt + "Agent")) problems.Add($"{what} <{s}> is not a dcatapit:Agent");
            RequireText(s, what, Foaf + "name", "it");
            if (Objects(s, Dct + "identifier").SingleOrDefault() != "cmmi") problems.Add($"{what} <{s}> has not the IPA code cmmi as dct:identifier");
        }
        void RequireIn(string s, string what, string p, string vocabulary)
        {
            var values = Objects(s, p);
            if (values.Length == 0 || values.Any(v => !v.StartsWith(vocabulary, StringComparison.Ordinal) || v.Length == vocabulary.Length))
                problems.Add($"{what} <{s}>: {p} must be terms of {vocabulary} ({string.Join(", ", values)})");
        }

        var catalogs = g.Where(t => t.P == Rdf + "type" && t.O == DcatApIt + "Catalog").Select(t => t.S).ToList();
        var catalog = Assert.Single(catalogs);
        Assert.True(Typed(catalog, Dcat + "Catalog"));
        RequireText(catalog, "catalogue", Dct + "title", "it", "en");
        RequireText(catalog, "catalogue", Dct + "description", "it");
        RequireDate(catalog, "catalogue", Dct + "modified");
        Require(catalog, "catalogue", Foaf + "homepage", Dct + "publisher");
        foreach (var p in Objects(catalog, Dct + "publisher")) RequireAgent(p, "publisher");

        var datasets = Objects(catalog, Dcat + "dataset");
        Assert.True(datasets.Length >= 7, $"{datasets.Length} datasets");
        var identifiers = new HashSet<string>();
        foreach (var d in datasets)
        {
            if (!Typed(d, DcatApIt + "Dataset") || !Typed(d, Dcat + "Dataset")) problems.Add($"<{d}> is not a dcatapit:Dataset");
            var id = Objects(d, Dct + "identifier").SingleOrDefault() ?? "";
            if (!id.StartsWith("cmmi:", StringComparison.Ordinal) || !identifiers.Add(id)) problems.Add($"<{d}>: identifier '{id}' is not a unique cmmi:… code");
            RequireText(d, "dataset", Dct + "title", "it", "en");
            RequireText(d, "dataset", Dct + "description", "it", "en");
            foreach (var p in new[] { Dct + "title", Dct + "description" })
            {
                var texts = g.Where(t => t.S == d && t.P == p).Select(t => t.O).ToList();
                if (texts.Distinct().Count() < 2) problems.Add($"<{d}>: the English {p} is the Italian one ({texts[0]})");
            }
            RequireIn(d, "dataset", Dcat + "theme", "http://publications.europa.eu/resource/authority/data-theme/");
            RequireIn(d, "dataset", Dct + "accrualPeriodicity", "http://publications.europa.eu/resource/authority/frequency/");
            RequireDate(d, "dataset", Dct + "modified");
            Require(d, "dataset", Dct + "rightsHolder", Dcat + "contactPoint", Dcat + "distribution");
            foreach (var h in Objects(d, Dct + "rightsHolder")) RequireAgent(h, "rights holder");
            foreach (var c in Objects(d, Dcat + "contactPoint"))
            {
                if (!Typed(c, DcatApIt + "Organization")) problems.Add($"contact point <{c}> is not a dcatapit:Organization");
                RequireText(c, "contact point", Vcard + "fn", "it");
                if (!Objects(c, Vcard + "hasEmail").Any(e => e == "mailto:dati.aperti@example.org")) problems.Add($"contact point <{c}> has not the configured vcard:hasEmail");
            }
            foreach (var dist in Objects(d, Dcat + "distribution"))
            {
                if (!Typed(dist, DcatApIt + "Distribution")) problems.Add($"<{dist}> is not a dcatapit:Distribution");
                RequireIn(dist, "distribution", Dct + "format", "http://publications.europa.eu/resource/authority/file-type/");
                Require(dist, "distribution", Dcat + "accessURL", Dct + "license");
                foreach (var l in Objects(dist, Dct + "license"))
                {
                    if (!Typed(l, DcatApIt + "LicenseDocument")) problems.Add($"licence <{l}> is not a dcatapit:LicenseDocument");
                    Require(l, "licence", Dct + "type");
                }
            }
        }
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task Every_address_of_the_catalogue_answers_anonymously_with_its_media_type()
    {
        var client = fx.App.Anonymous();
        var g = ReadRdfXml(await client.GetStringAsync("/dati/catalogo.rdf"));
        var failures = new List<string>();
        foreach (var dist in g.Where(t => t.P == Dcat + "accessURL").Select(t => t.S).Distinct())
        {
            var url = g.Single(t => t.S == dist && t.P == Dcat + "accessURL").O;
            var media = g.Single(t => t.S == dist && t.P == Dcat + "mediaType").O.Split("/media-types/")[1];
            var path = new Uri(url).PathAndQuery;
            using var response = await FollowAsync(client, path);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                failures.Add($"{path}: HTTP {(int)response.StatusCode}");
            }
            else if (response.Content.Headers.ContentType?.MediaType != media)
            {
                failures.Add($"{path}: {response.Content.Headers.ContentType?.MediaType}, the catalogue says {media}");
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task The_page_lists_every_dataset_in_the_readers_language()
    {
        var client = fx.App.Anonymous();
        var g = ReadRdfXml(await client.GetStringAsync("/dati/catalogo.rdf"));
        var ids = g.Where(t => t.P == Dct + "identifier" && t.O.StartsWith("cmmi:", StringComparison.Ordinal)).Select(t => t.O["cmmi:".Length..]).ToList();
        var it = await client.GetStringAsync("/dati");
        foreach (var id in ids) Assert.Contains($"<tr id=\"{id}\">", it);
        Assert.Contains("href=\"/dati/catalogo.rdf\"", it);
        Assert.Contains("Il registro delle intese", it);
        Assert.Contains("Governo e settore pubblico", it);

        var en = await client.GetStringAsync("/dati?culture=en");
        Assert.Contains("<html lang=\"en\"", en);
        Assert.Contains("The register of agreements", en);
        Assert.Contains("Government and public sector", en);
        Assert.DoesNotContain("Governo e settore pubblico", en);
    }

    /// <summary>A distribution is the dataset in one format: two files of one format are two tables, so two datasets
    /// (the catalogue page showed "CSV CSV" for the participation bodies and their members).</summary>
    [Fact]
    public void No_dataset_offers_two_distributions_of_one_format()
    {
        var twice = Metropoli.Platform.Modules.ModuleCatalog.All.SelectMany(m => m.Datasets)
            .Where(d => d.Distributions.GroupBy(x => (x.Format, x.Download)).Any(g => g.Count() > 1))
            .Select(d => d.Id).ToList();
        Assert.Empty(twice);
    }

    [Fact]
    public async Task An_unpublished_agreement_does_not_move_the_date_of_the_agreements_dataset()
    {
        var client = fx.App.Anonymous();
        string Modified(List<T> g) => g.Single(t => t.S.EndsWith("/dati#intese", StringComparison.Ordinal) && t.P == Dct + "modified").O;
        var before = Modified(ReadRdfXml(await client.GetStringAsync("/dati/catalogo.rdf")));
        await fx.App.WithDb(async db =>
        {
            var draft = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(
                db.Set<Metropoli.Agreements.Model.Agreement>(), a => !Metropoli.Agreements.Model.AgreementStatuses.Published.Contains(a.Status));
            Assert.NotNull(draft); // the demo has agreements under review
            draft.UpdatedAt = new DateTime(2099, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            await db.SaveChangesAsync();
        });
        Assert.Equal(before, Modified(ReadRdfXml(await client.GetStringAsync("/dati/catalogo.rdf"))));
    }

    private static async Task<HttpResponseMessage> FollowAsync(HttpClient client, string path)
    {
        for (var hops = 0; ; hops++)
        {
            var response = await client.GetAsync(path);
            if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } next && hops < 3)
            {
                path = next.IsAbsoluteUri ? next.PathAndQuery : next.OriginalString;
                response.Dispose();
                continue;
            }
            return response;
        }
    }

    // ------------------------------------------------------------- readers, written from the three W3C syntaxes

    private static List<T> ReadRdfXml(string text)
    {
        var doc = XDocument.Parse(text);
        XNamespace rdf = Rdf;
        Assert.Equal(rdf + "RDF", doc.Root!.Name);
        var triples = new List<T>();
        foreach (var node in doc.Root.Elements())
        {
            var s = (string?)node.Attribute(rdf + "about") ?? throw new Xunit.Sdk.XunitException("a node without rdf:about");
            if (node.Name != rdf + "Description")
            {
                triples.Add(new T(s, Rdf + "type", node.Name.NamespaceName + node.Name.LocalName, true));
            }
            foreach (var p in node.Elements())
            {
                var predicate = p.Name.NamespaceName + p.Name.LocalName;
                if (p.Attribute(rdf + "resource") is { } resource)
                {
                    triples.Add(new T(s, predicate, resource.Value, true));
                }
                else
                {
                    triples.Add(new T(s, predicate, p.Value, false, (string?)p.Attribute(XNamespace.Xml + "lang"), (string?)p.Attribute(rdf + "datatype")));
                }
            }
        }
        return triples;
    }

    private static List<T> ReadJsonLd(string text)
    {
        using var doc = JsonDocument.Parse(text);
        var triples = new List<T>();
        foreach (var node in doc.RootElement.EnumerateArray())
        {
            var s = node.GetProperty("@id").GetString()!;
            foreach (var prop in node.EnumerateObject())
            {
                if (prop.Name == "@id") continue;
                if (prop.Name == "@type")
                {
                    triples.AddRange(prop.Value.EnumerateArray().Select(t => new T(s, Rdf + "type", t.GetString()!, true)));
                    continue;
                }
                foreach (var v in prop.Value.EnumerateArray())
                {
                    triples.Add(v.TryGetProperty("@id", out var id)
                        ? new T(s, prop.Name, id.GetString()!, true)
                        : new T(s, prop.Name, v.GetProperty("@value").GetString()!, false,
                            v.TryGetProperty("@language", out var l) ? l.GetString() : null,
                            v.TryGetProperty("@type", out var ty) ? ty.GetString() : null));
                }
            }
        }
        return triples;
    }

    /// <summary>Turtle: prefixes, IRIs, prefixed names, "a", string literals with escapes, language tags and datatypes,
    /// and the ";" "," "." punctuation (no blank nodes or collections: the catalogue names every node).</summary>
    private static List<T> ReadTurtle(string text)
    {
        var prefixes = new Dictionary<string, string>();
        var tokens = TurtleTokens(text).ToList();
        var triples = new List<T>();
        var i = 0;
        (string Value, bool Iri, string? Lang, string? Type) Term(string tok)
        {
            if (tok == "a") return (Rdf + "type", true, null, null);
            if (tok.StartsWith('<')) return (tok[1..^1], true, null, null);
            if (tok.StartsWith('"'))
            {
                var end = tok.LastIndexOf('"');
                var value = Unescape(tok[1..end]);
                var rest = tok[(end + 1)..];
                if (rest.StartsWith('@')) return (value, false, rest[1..], null);
                if (rest.StartsWith("^^")) return (value, false, null, Term(rest[2..]).Value);
                return (value, false, null, null);
            }
            var colon = tok.IndexOf(':');
            Assert.True(colon >= 0 && prefixes.ContainsKey(tok[..colon]), $"unknown term {tok}");
            return (prefixes[tok[..colon]] + tok[(colon + 1)..], true, null, null);
        }
        while (i < tokens.Count)
        {
            if (tokens[i] == "@prefix")
            {
                prefixes[tokens[i + 1].TrimEnd(':')] = tokens[i + 2][1..^1];
                Assert.Equal(".", tokens[i + 3]);
                i += 4;
                continue;
            }
            var s = Term(tokens[i++]).Value;
            while (true)
            {
                var p = Term(tokens[i++]).Value;
                while (true)
                {
                    var o = Term(tokens[i++]);
                    triples.Add(new T(s, p, o.Value, o.Iri, o.Lang, o.Type));
                    if (tokens[i] == ",") { i++; continue; }
                    break;
                }
                if (tokens[i] == ";") { i++; continue; }
                Assert.Equal(".", tokens[i++]);
                break;
            }
        }
        return triples;
    }

    private static IEnumerable<string> TurtleTokens(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (c is ';' or ',' or '.') { i++; yield return c.ToString(); continue; }
            var start = i;
            if (c == '<')
            {
                i = text.IndexOf('>', i) + 1;
            }
            else if (c == '"')
            {
                i++;
                while (text[i] != '"') i += text[i] == '\\' ? 2 : 1;
                i++;
                // A language tag or a datatype (itself an IRI or a prefixed name) glued to the literal.
                if (i < text.Length && text[i] == '@') { i++; while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '-')) i++; }
                else if (i + 1 < text.Length && text[i] == '^' && text[i + 1] == '^')
                {
                    i += 2;
                    if (text[i] == '<') i = text.IndexOf('>', i) + 1;
                    else while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not (';' or ',' ) && !(text[i] == '.' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])))) i++;
                }
            }
            else
            {
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not (';' or ',') && !(text[i] == '.' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])))) i++;
            }
            yield return text[start..i];
        }
    }

    private static string Unescape(string s)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] != '\\') { sb.Append(s[i]); continue; }
            var e = s[++i];
            switch (e)
            {
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'u': sb.Append((char)Convert.ToInt32(s.Substring(i + 1, 4), 16)); i += 4; break;
                default: sb.Append(e); break;
            }
        }
        return sb.ToString();
    }
}
