using System.Globalization;
using System.Net;
using System.Text;
using Metropoli.StrategicPlan.Dashboard;

namespace Metropoli.StrategicPlan.Report;

/// <summary>Writes the monitoring report as HTML: the body shown inside the site, and a standalone,
/// printable document (own styles, no scripts, no external resources) from which the PDF is printed.
/// Headings in order, tables with captions and header scopes, charts as SVG images with a title and a
/// description, each followed by its table.</summary>
public static class ReportHtml
{
    private static string E(string? s) => WebUtility.HtmlEncode(s ?? "");

    public static string Cell(object? value, CultureInfo culture) => value switch
    {
        null => "–",
        decimal d => d.ToString("#,0.##", culture),
        int i => i.ToString("#,0", culture),
        DateOnly d => d.ToString("d MMMM yyyy", culture),
        DateTime d => d.ToString("d MMMM yyyy, HH:mm", culture),
        _ => value.ToString() ?? "",
    };

    /// <param name="downloads">HTML placed after the report's header (the site page's download links).</param>
    /// <param name="csvUrl">When given, each table is followed by a link to its CSV.</param>
    public static string Body(ReportModel m, IReadOnlyList<ReportTable> tables, DashboardCharts charts, Func<string, string> L, CultureInfo culture,
        string? downloads = null, Func<string, string>? csvUrl = null)
    {
        var c = m.Campaign;
        var sb = new StringBuilder();
        sb.Append("<article class=\"monitoring-report\">");
        sb.Append("<header class=\"mb-4\"><p class=\"report-owner\">").Append(E(L("Città metropolitana di Milano"))).Append("</p>");
        sb.Append("<h1>").Append(E(L("Rapporto di monitoraggio"))).Append(": ").Append(E(c.Name)).Append("</h1>");
        sb.Append("<dl class=\"report-facts\">");
        Fact(sb, L("Piano"), $"{m.PlanName} ({m.PlanStartYear}-{m.PlanEndYear})");
        Fact(sb, L("Anno di riferimento"), c.Year.ToString(CultureInfo.InvariantCulture));
        Fact(sb, L("Scadenza della campagna"), Cell(c.Deadline, culture));
        Fact(sb, L("Dati congelati il"), Cell(CivilClock.ToCivil(c.ClosedAt!.Value), culture) + " (" + (c.ClosedBy ?? "") + ")");
        Fact(sb, L("Impronta SHA-256 dei dati"), c.SnapshotSha256 ?? "");
        sb.Append("</dl>");
        sb.Append("<p>").Append(E(L("Il rapporto riporta lo stato delle azioni e il raggiungimento degli indicatori alla chiusura della campagna. Contano solo i valori validati dall'ufficio di piano."))).Append("</p>");
        sb.Append("</header>");
        sb.Append(downloads);

        sb.Append("<nav aria-label=\"").Append(E(L("Indice del rapporto"))).Append("\"><h2 class=\"h4\">").Append(E(L("Indice"))).Append("</h2><ol>");
        foreach (var t in tables)
        {
            sb.Append("<li><a href=\"#").Append(t.Key).Append("\">").Append(E(t.Title)).Append("</a></li>");
        }
        sb.Append("</ol></nav>");

        foreach (var t in tables)
        {
            sb.Append("<section class=\"report-section\" aria-labelledby=\"").Append(t.Key).Append("-h\"><h2 class=\"h3 mt-5\" id=\"").Append(t.Key).Append("-h\"><a id=\"").Append(t.Key).Append("\"></a>")
              .Append(E(t.Title)).Append("</h2>");
            if (t.Key == "ritardi")
            {
                sb.Append("<p>").Append(E(L("Un'azione è in ritardo quando il settore la segnala così, o quando la sua data di fine è passata e non è completata né sospesa."))).Append("</p>");
            }
            if (t.Key == "aree")
            {
                Chart(sb, charts.StatusChart, charts.ActionSeries, "report-areas");
            }
            else if (t.Key == "stato-indicatori")
            {
                Chart(sb, charts.IndicatorChart, charts.IndicatorSeries, "report-indicators");
            }
            Table(sb, t, L, culture);
            if (csvUrl is not null && t.Rows.Count > 0)
            {
                sb.Append("<p class=\"small\"><a href=\"").Append(E(csvUrl(t.Key))).Append("\">").Append(E(L("Scarica la tabella in CSV"))).Append("<span class=\"visually-hidden\">: ")
                  .Append(E(t.Title)).Append("</span></a></p>");
            }
            sb.Append("</section>");
        }
        sb.Append("</article>");
        return sb.ToString();
    }

    /// <summary>The standalone document: printable from the browser, and the source of the PDF.</summary>
    public static string Document(ReportModel m, IReadOnlyList<ReportTable> tables, DashboardCharts charts, Func<string, string> L, CultureInfo culture, string? styleNonce)
    {
        var lang = culture.TwoLetterISOLanguageName == "en" ? "en" : "it";
        var nonce = styleNonce is null ? "" : $" nonce=\"{E(styleNonce)}\"";
        return $"""
            <!DOCTYPE html>
            <html lang="{lang}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{E(L("Rapporto di monitoraggio"))}: {E(m.Campaign.Name)} – Metropoli</title>
            <style{nonce}>
            @page {'{'} size: A4; margin: 16mm 14mm; {'}'}
            body {'{'} font-family: "Titillium Web", Geneva, Tahoma, sans-serif; color: #1a1a1a; font-size: 11pt; line-height: 1.45; margin: 0 auto; max-width: 60rem; padding: 1rem; {'}'}
            h1 {'{'} font-size: 20pt; color: #003366; margin: .2rem 0 .6rem; {'}'}
            h2 {'{'} font-size: 14pt; color: #003366; margin: 1.4rem 0 .5rem; break-after: avoid; {'}'}
            .report-owner {'{'} font-weight: 600; margin: 0; {'}'}
            dl.report-facts {'{'} display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .5rem 0; {'}'}
            dl.report-facts dt {'{'} font-weight: 600; {'}'} dl.report-facts dd {'{'} margin: 0; overflow-wrap: anywhere; {'}'}
            table {'{'} border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; font-size: 9.5pt; {'}'}
            .table-responsive {'{'} overflow-x: auto; position: relative; {'}'}
            caption {'{'} text-align: left; font-weight: 600; padding: .2rem 0; {'}'}
            th, td {'{'} border: 1px solid #767676; padding: .25rem .4rem; vertical-align: top; text-align: left; {'}'}
            th {'{'} background: #e8eef5; {'}'} td.num, th.num {'{'} text-align: right; white-space: nowrap; {'}'}
            .visually-hidden {'{'} position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; {'}'}
            .downloads {'{'} display: none; {'}'}
            tr {'{'} break-inside: avoid; {'}'}
            svg {'{'} max-width: 100%; height: auto; {'}'}
            .legend {'{'} list-style: none; padding: 0; margin: .3rem 0; {'}'} .legend li {'{'} display: inline-block; margin-right: 1rem; {'}'}
            a {'{'} color: #0059b3; {'}'}
            </style>
            </head>
            <body>
            <main>
            {Body(m, tables, charts, L, culture)}
            </main>
            </body>
            </html>
            """;
    }

    private static void Fact(StringBuilder sb, string term, string value) =>
        sb.Append("<dt>").Append(E(term)).Append("</dt><dd>").Append(E(value)).Append("</dd>");

    private static void Chart(StringBuilder sb, string svg, IReadOnlyList<SvgCharts.Series> series, string chart)
    {
        sb.Append("<figure class=\"report-chart\">").Append(svg).Append("<ul class=\"legend list-inline\">");
        foreach (var s in series)
        {
            sb.Append("<li class=\"list-inline-item\">").Append(SvgCharts.Swatch(chart, s)).Append(' ').Append(E(s.Label)).Append("</li>");
        }
        sb.Append("</ul></figure>");
    }

    private static void Table(StringBuilder sb, ReportTable t, Func<string, string> L, CultureInfo culture)
    {
        if (t.Rows.Count == 0)
        {
            sb.Append("<p>").Append(E(L("Nessun dato."))).Append("</p>");
            return;
        }
        // The heading above names the table; the caption repeats it for screen readers only.
        sb.Append("<div class=\"table-responsive\"><table class=\"table table-sm\"><caption class=\"visually-hidden\">").Append(E(t.Title)).Append("</caption><thead><tr>");
        for (var i = 0; i < t.Headers.Count; i++)
        {
            var numeric = i > 0 && t.Rows.Any(r => r[i] is int or decimal);
            sb.Append(numeric ? "<th scope=\"col\" class=\"num text-end\">" : "<th scope=\"col\">").Append(E(t.Headers[i])).Append("</th>");
        }
        sb.Append("</tr></thead><tbody>");
        foreach (var row in t.Rows)
        {
            sb.Append("<tr>");
            for (var i = 0; i < row.Count; i++)
            {
                var v = row[i];
                var numeric = v is int or decimal;
                if (i == 0)
                {
                    sb.Append("<th scope=\"row\">").Append(E(Cell(v, culture))).Append("</th>");
                }
                else
                {
                    sb.Append(numeric ? "<td class=\"num text-end\">" : "<td>").Append(E(Cell(v, culture))).Append("</td>");
                }
            }
            sb.Append("</tr>");
        }
        sb.Append("</tbody></table></div>");
    }
}
