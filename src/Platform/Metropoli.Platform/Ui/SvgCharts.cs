using System.Globalization;
using System.Net;
using System.Text;

namespace Metropoli.Platform.Ui;

/// <summary>Bar charts drawn server-side as inline SVG: no JavaScript, no style attributes (fill
/// attributes only, CSP-safe), role="img" with a title and a description. Every chart of the dashboard is
/// followed by a table with the same numbers; colours reach 3:1 against white and carry white text at
/// 4.5:1, and each series is also named in the legend and drawn with its own pattern.</summary>
public static class SvgCharts
{
    public sealed record Series(string Code, string Label, string Fill, string Pattern);

    public sealed record Bar(string Label, IReadOnlyList<int> Values);

    /// <summary>Patterns: none, diagonal lines, dots, horizontal lines, crosses, vertical lines.</summary>
    public static readonly string[] Patterns = ["solid", "diagonal", "dots", "horizontal", "cross", "vertical"];

    public static string PatternId(string chart, Series s) => $"{chart}-p-{s.Code}";

    /// <summary>The legend swatch of a series: its colour and its pattern, as in the chart.</summary>
    public static string Swatch(string chart, Series s)
    {
        var sb = new StringBuilder("<svg width=\"18\" height=\"18\" aria-hidden=\"true\" focusable=\"false\">");
        Defs(sb, chart + "-l", [s]);
        sb.Append("<rect width=\"18\" height=\"18\" rx=\"3\" fill=\"url(#").Append(PatternId(chart + "-l", s)).Append(")\"></rect></svg>");
        return sb.ToString();
    }

    private static void Defs(StringBuilder sb, string chart, IEnumerable<Series> series)
    {
        sb.Append("<defs>");
        foreach (var s in series)
        {
            sb.Append("<pattern id=\"").Append(PatternId(chart, s)).Append("\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\">")
              .Append("<rect width=\"8\" height=\"8\" fill=\"").Append(s.Fill).Append("\"></rect>");
            sb.Append(s.Pattern switch
            {
                "diagonal" => "<path d=\"M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4\" stroke=\"#ffffff\" stroke-width=\"1.2\"></path>",
                "dots" => "<circle cx=\"4\" cy=\"4\" r=\"1.4\" fill=\"#ffffff\"></circle>",
                "horizontal" => "<path d=\"M0,4 h8\" stroke=\"#ffffff\" stroke-width=\"1.2\"></path>",
                "cross" => "<path d=\"M0,0 l8,8 M8,0 l-8,8\" stroke=\"#ffffff\" stroke-width=\"1\"></path>",
                "vertical" => "<path d=\"M4,0 v8\" stroke=\"#ffffff\" stroke-width=\"1.2\"></path>",
                _ => "",
            });
            sb.Append("</pattern>");
        }
        sb.Append("</defs>");
    }

    /// <summary>Horizontal bars, one per row; with several series, stacked. Each segment carries its count
    /// when there is room, and a tooltip title.</summary>
    public static string HorizontalBars(string chart, string title, string description, IReadOnlyList<Series> series, IReadOnlyList<Bar> bars)
    {
        const int width = 760, labelWidth = 220, barHeight = 26, gap = 10, top = 10, right = 50;
        var height = top * 2 + Math.Max(1, bars.Count) * (barHeight + gap);
        var max = Math.Max(1, bars.Select(b => b.Values.Sum()).DefaultIfEmpty(0).Max());
        var scale = (double)(width - labelWidth - right) / max;
        var sb = new StringBuilder();
        sb.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"dashboard-chart\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"{chart}-t {chart}-d\">");
        sb.Append($"<title id=\"{chart}-t\">{WebUtility.HtmlEncode(title)}</title><desc id=\"{chart}-d\">{WebUtility.HtmlEncode(description)}</desc>");
        Defs(sb, chart, series);
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var y = top + i * (barHeight + gap);
            var label = bar.Label.Length > 32 ? bar.Label[..31] + "…" : bar.Label;
            sb.Append($"<text x=\"{labelWidth - 8}\" y=\"{y + barHeight / 2 + 5}\" text-anchor=\"end\" font-size=\"13\" fill=\"#1a1a1a\">{WebUtility.HtmlEncode(label)}</text>");
            double x = labelWidth;
            for (var s = 0; s < series.Count && s < bar.Values.Count; s++)
            {
                var v = bar.Values[s];
                if (v <= 0) continue;
                var w = v * scale;
                sb.Append($"<rect x=\"{F(x)}\" y=\"{y}\" width=\"{F(w)}\" height=\"{barHeight}\" fill=\"url(#{PatternId(chart, series[s])})\" stroke=\"#ffffff\" stroke-width=\"1\">")
                  .Append($"<title>{WebUtility.HtmlEncode(bar.Label)}: {WebUtility.HtmlEncode(series[s].Label)} {v}</title></rect>");
                if (w >= 26)
                {
                    sb.Append($"<rect x=\"{F(x + w / 2 - 11)}\" y=\"{y + 5}\" width=\"22\" height=\"16\" rx=\"3\" fill=\"#ffffff\"></rect>")
                      .Append($"<text x=\"{F(x + w / 2)}\" y=\"{y + 17}\" text-anchor=\"middle\" font-size=\"12\" fill=\"#1a1a1a\">{v}</text>");
                }
                x += w;
            }
            sb.Append($"<text x=\"{F(x + 6)}\" y=\"{y + barHeight / 2 + 5}\" font-size=\"13\" font-weight=\"bold\" fill=\"#1a1a1a\">{bar.Values.Sum()}</text>");
        }
        sb.Append($"<line x1=\"{labelWidth}\" y1=\"{top - 4}\" x2=\"{labelWidth}\" y2=\"{height - top}\" stroke=\"#1a1a1a\" stroke-width=\"1\"></line>");
        sb.Append("</svg>");
        return sb.ToString();
    }

    private static string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}
