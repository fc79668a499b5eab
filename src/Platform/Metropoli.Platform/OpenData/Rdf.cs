using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;

namespace Metropoli.Platform.OpenData;

/// <summary>A term of an RDF statement: an IRI or a literal (the catalogue names every node, so no blank nodes).</summary>
public abstract record RdfTerm;

public sealed record RdfIri(string Value) : RdfTerm;

/// <summary>A literal: plain, with a language tag, or typed (<paramref name="Datatype"/> a full IRI).</summary>
public sealed record RdfLiteral(string Value, string? Language = null, string? Datatype = null) : RdfTerm;

public sealed record RdfTriple(RdfIri Subject, RdfIri Predicate, RdfTerm Object);

/// <summary>A small RDF graph written as Turtle, RDF/XML or JSON-LD (expanded form): enough for a DCAT catalogue, where
/// every node has an IRI and every predicate belongs to one of <see cref="Namespaces"/>. No RDF library is served on
/// NuGet here (ADR 0044).</summary>
public sealed class RdfGraph
{
    public const string Xsd = "http://www.w3.org/2001/XMLSchema#";

    /// <summary>Prefix and namespace of every predicate and type the catalogue uses.</summary>
    public static readonly IReadOnlyList<(string Prefix, string Uri)> Namespaces =
    [
        ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
        ("dcat", "http://www.w3.org/ns/dcat#"),
        ("dct", "http://purl.org/dc/terms/"),
        ("dcatapit", "http://dati.gov.it/onto/dcatapit#"),
        ("foaf", "http://xmlns.com/foaf/0.1/"),
        ("vcard", "http://www.w3.org/2006/vcard/ns#"),
        ("owl", "http://www.w3.org/2002/07/owl#"),
        ("xsd", Xsd),
    ];

    private readonly List<RdfTriple> _triples = [];

    public IReadOnlyList<RdfTriple> Triples => _triples;

    /// <summary>An IRI from a prefixed name ("dct:title") or a full IRI.</summary>
    public static RdfIri Iri(string nameOrIri)
    {
        var colon = nameOrIri.IndexOf(':');
        if (colon > 0 && !nameOrIri.Contains("//", StringComparison.Ordinal) && !nameOrIri.StartsWith("mailto:", StringComparison.Ordinal))
        {
            var prefix = nameOrIri[..colon];
            foreach (var (p, uri) in Namespaces)
            {
                if (p == prefix)
                {
                    return new RdfIri(uri + nameOrIri[(colon + 1)..]);
                }
            }
        }
        return new RdfIri(nameOrIri);
    }

    public RdfGraph Add(RdfIri subject, string predicate, RdfTerm value)
    {
        _triples.Add(new RdfTriple(subject, Iri(predicate), value));
        return this;
    }

    public RdfGraph Add(RdfIri subject, string predicate, string iri) => Add(subject, predicate, Iri(iri));

    public RdfGraph Type(RdfIri subject, params string[] types)
    {
        foreach (var t in types)
        {
            Add(subject, "rdf:type", Iri(t));
        }
        return this;
    }

    public static RdfLiteral Text(string value, string? language = null) => new(value, language);

    public static RdfLiteral Date(DateOnly day) => new(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null, Xsd + "date");

    private IEnumerable<IGrouping<RdfIri, RdfTriple>> BySubject() => _triples.GroupBy(t => t.Subject);

    private static (string Prefix, string Local)? Curie(string iri)
    {
        foreach (var (p, uri) in Namespaces)
        {
            if (iri.StartsWith(uri, StringComparison.Ordinal))
            {
                var local = iri[uri.Length..];
                if (local.Length > 0 && local.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') && char.IsAsciiLetter(local[0]))
                {
                    return (p, local);
                }
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ Turtle

    public string ToTurtle()
    {
        var sb = new StringBuilder();
        foreach (var (p, uri) in Namespaces)
        {
            sb.Append("@prefix ").Append(p).Append(": <").Append(uri).AppendLine("> .");
        }
        foreach (var subject in BySubject())
        {
            sb.AppendLine().Append(TurtleTerm(subject.Key));
            var predicates = subject.GroupBy(t => t.Predicate).ToList();
            for (var i = 0; i < predicates.Count; i++)
            {
                var pred = predicates[i].Key.Value == Iri("rdf:type").Value ? "a" : TurtleTerm(predicates[i].Key);
                sb.Append(i == 0 ? " " : " ;\n    ").Append(pred).Append(' ');
                sb.AppendJoin(", ", predicates[i].Select(t => TurtleTerm(t.Object)));
            }
            sb.AppendLine(" .");
        }
        return sb.ToString();
    }

    private static string TurtleTerm(RdfTerm term) => term switch
    {
        RdfIri iri => Curie(iri.Value) is { } c ? $"{c.Prefix}:{c.Local}" : $"<{EscapeIri(iri.Value)}>",
        RdfLiteral l => "\"" + EscapeString(l.Value) + "\""
            + (l.Language is { } lang ? "@" + lang : l.Datatype is { } dt ? "^^" + TurtleTerm(new RdfIri(dt)) : ""),
        _ => throw new ArgumentOutOfRangeException(nameof(term)),
    };

    private static string EscapeIri(string iri)
    {
        var sb = new StringBuilder(iri.Length);
        foreach (var c in iri)
        {
            // Characters an IRIREF may not hold, percent-encoded (they never occur in the catalogue's own IRIs).
            if (c <= ' ' || "<>\"{}|^`\\".Contains(c))
            {
                foreach (var b in Encoding.UTF8.GetBytes(c.ToString()))
                {
                    sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
                }
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    private static string EscapeString(string s)
    {
        var sb = new StringBuilder(s.Length + 8);
        foreach (var c in s)
        {
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case '"': sb.Append("\\\""); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (char.IsControl(c))
                    {
                        sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }
                    break;
            }
        }
        return sb.ToString();
    }

    // ------------------------------------------------------------------ RDF/XML

    public string ToRdfXml()
    {
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), OmitXmlDeclaration = false };
        var sb = new StringBuilder();
        using (var w = XmlWriter.Create(new Utf8StringWriter(sb), settings))
        {
            var rdf = Namespaces[0].Uri;
            w.WriteStartElement("rdf", "RDF", rdf);
            foreach (var (p, uri) in Namespaces.Skip(1))
            {
                w.WriteAttributeString("xmlns", p, null, uri);
            }
            foreach (var subject in BySubject())
            {
                w.WriteStartElement("rdf", "Description", rdf);
                w.WriteAttributeString("rdf", "about", rdf, subject.Key.Value);
                foreach (var t in subject)
                {
                    var (prefix, local) = Curie(t.Predicate.Value) ?? throw new InvalidOperationException($"No prefix for {t.Predicate.Value}");
                    w.WriteStartElement(prefix, local, Namespaces.First(n => n.Prefix == prefix).Uri);
                    switch (t.Object)
                    {
                        case RdfIri iri:
                            w.WriteAttributeString("rdf", "resource", rdf, iri.Value);
                            break;
                        case RdfLiteral l:
                            if (l.Language is { } lang)
                            {
                                w.WriteAttributeString("xml", "lang", null, lang);
                            }
                            else if (l.Datatype is { } dt)
                            {
                                w.WriteAttributeString("rdf", "datatype", rdf, dt);
                            }
                            w.WriteString(XmlSafe(l.Value));
                            break;
                    }
                    w.WriteEndElement();
                }
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }
        return sb.ToString();
    }

    /// <summary>XML 1.0 cannot hold most control characters: they are left out of the RDF/XML (Turtle and JSON-LD keep them).</summary>
    private static string XmlSafe(string s) => s.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
        ? new string(s.Where(c => !char.IsControl(c) || c is '\t' or '\n' or '\r').ToArray())
        : s;

    private sealed class Utf8StringWriter(StringBuilder sb) : StringWriter(sb, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => new UTF8Encoding(false);
    }

    // ------------------------------------------------------------------ JSON-LD

    /// <summary>JSON-LD in expanded form: one node object per subject, full IRIs, every value in an array.</summary>
    public byte[] ToJsonLd()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            var type = Iri("rdf:type").Value;
            w.WriteStartArray();
            foreach (var subject in BySubject())
            {
                w.WriteStartObject();
                w.WriteString("@id", subject.Key.Value);
                var types = subject.Where(t => t.Predicate.Value == type).Select(t => ((RdfIri)t.Object).Value).ToList();
                if (types.Count > 0)
                {
                    w.WriteStartArray("@type");
                    types.ForEach(w.WriteStringValue);
                    w.WriteEndArray();
                }
                foreach (var pred in subject.Where(t => t.Predicate.Value != type).GroupBy(t => t.Predicate.Value))
                {
                    w.WriteStartArray(pred.Key);
                    foreach (var t in pred)
                    {
                        w.WriteStartObject();
                        switch (t.Object)
                        {
                            case RdfIri iri:
                                w.WriteString("@id", iri.Value);
                                break;
                            case RdfLiteral l:
                                w.WriteString("@value", l.Value);
                                if (l.Language is { } lang)
                                {
                                    w.WriteString("@language", lang);
                                }
                                else if (l.Datatype is { } dt)
                                {
                                    w.WriteString("@type", dt);
                                }
                                break;
                        }
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        return stream.ToArray();
    }
}
