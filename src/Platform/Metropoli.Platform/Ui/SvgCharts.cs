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

    /// <summary>Horizontal bars, one per row; with several series, stacked. The SVG has no viewBox: bars are
    /// placed in percentages of the width and text is in CSS pixels, so on a narrow screen the bars shrink but
    /// the labels keep their size (13 px, never scaled down). Each row's label sits above its bar, the total
    /// after it; a segment carries its own count only when the bar has more than one segment (a single
    /// segment's count is the total: printed once). Screen readers get the title and description
    /// (role="img"); the numbers are in the data table that follows the chart.</summary>
    public static string HorizontalBars(string chart, string title, string description, IReadOnlyList<Series> series, IReadOnlyList<Bar> bars)
    {
        const int labelHeight = 18, barHeight = 24, gap = 12, top = 4;
        const double barArea = 84; // percent of the width; the rest holds the total
        var row = labelHeight + barHeight + gap;
        var height = top + Math.Max(1, bars.Count) * row;
        var max = Math.Max(1, bars.Select(b => b.Values.Sum()).DefaultIfEmpty(0).Max());
        var sb = new StringBuilder();
        sb.Append($"""<svg xmlns="http://www.w3.org/2000/svg" class="dashboard-chart" width="100%" height="{height}" role="img" aria-labelledby="{chart}-t {chart}-d">""");
        sb.Append($"""<title id="{chart}-t">{WebUtility.HtmlEncode(title)}</title><desc id="{chart}-d">{WebUtility.HtmlEncode(description)}</desc>""");
        Defs(sb, chart, series);
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var y = top + i * row;
            var label = bar.Label.Length > 48 ? bar.Label[..47] + "…" : bar.Label;
            sb.Append($"""<text x="0" y="{y + 13}" font-size="13" fill="#1a1a1a">{WebUtility.HtmlEncode(label)}</text>""");
            var by = y + labelHeight;
            sb.Append($"""<rect x="0" y="{by}" width="{F(barArea)}%" height="{barHeight}" fill="#f2f2f2"></rect>""");
            var segments = bar.Values.Take(series.Count).Count(v => v > 0);
            double x = 0;
            for (var s = 0; s < series.Count && s < bar.Values.Count; s++)
            {
                var v = bar.Values[s];
                if (v <= 0) continue;
                var w = barArea * v / max;
                sb.Append($"""<rect x="{F(x)}%" y="{by}" width="{F(w)}%" height="{barHeight}" fill="url(#{PatternId(chart, series[s])})" stroke="#ffffff" stroke-width="1"></rect>""");
                if (segments > 1 && w >= 6)
                {
                    sb.Append($"""<text x="{F(x + w / 2)}%" y="{by + 17}" text-anchor="middle" font-size="12" font-weight="bold" fill="#1a1a1a" stroke="#ffffff" stroke-width="3" paint-order="stroke">{v}</text>""");
                }
                x += w;
            }
            sb.Append($"""<text x="{F(x)}%" dx="6" y="{by + 17}" font-size="13" font-weight="bold" fill="#1a1a1a">{bar.Values.Sum()}</text>""");
        }
        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>A point of a <see cref="Trend"/>: its label on the time axis, its value and the text printed by it.</summary>
    public sealed record Point(string Label, decimal Value, string Text);

    /// <summary>A reference line of a <see cref="Trend"/> (the baseline, the target), named by its text.</summary>
    public sealed record Reference(decimal Value, string Text, string Stroke, string Dash);

    /// <summary>Values over time as points joined by a line, against horizontal reference lines (baseline,
    /// target), each named in words beside it. As <see cref="HorizontalBars"/>: no viewBox, x in percentages,
    /// y and text in CSS pixels, so labels keep their size on any width; with many periods only some are
    /// labelled on the axis (every value is in the data table).</summary>
    public static string Trend(string chart, string title, string description, IReadOnlyList<Point> points, IReadOnlyList<Reference> references, int height = 280)
    {
        const int top = 30, bottom = 34;
        const double left = 6, right = 94;
        var values = points.Select(p => p.Value).Concat(references.Select(r => r.Value)).ToList();
        var min = values.Count == 0 ? 0 : values.Min();
        var max = values.Count == 0 ? 1 : values.Max();
        if (min > 0 && min < max * 0.6m) min = 0;
        if (max == min) { max += 1; min -= 1; }
        var pad = (max - min) * 0.08m;
        (min, max) = (min - (min == 0 ? 0 : pad), max + pad);
        var plot = height - top - bottom;
        double Y(decimal v) => top + (double)((max - v) / (max - min)) * plot;
        double X(int i) => points.Count == 1 ? (left + right) / 2 : left + (right - left) * i / (points.Count - 1);

        var sb = new StringBuilder();
        sb.Append($"""<svg xmlns="http://www.w3.org/2000/svg" class="trend-chart" width="100%" height="{height}" role="img" aria-labelledby="{chart}-t {chart}-d">""");
        sb.Append($"""<title id="{chart}-t">{WebUtility.HtmlEncode(title)}</title><desc id="{chart}-d">{WebUtility.HtmlEncode(description)}</desc>""");
        sb.Append($"""<line x1="0" y1="{height - bottom}" x2="100%" y2="{height - bottom}" stroke="#5c5c5c" stroke-width="1"></line>""");
        foreach (var r in references)
        {
            var y = F(Y(r.Value));
            sb.Append($"""<line x1="0" y1="{y}" x2="100%" y2="{y}" stroke="{r.Stroke}" stroke-width="2" stroke-dasharray="{r.Dash}"></line>""")
              .Append($"""<text x="100%" y="{y}" dy="-5" text-anchor="end" font-size="12" fill="{r.Stroke}" stroke="#ffffff" stroke-width="3" paint-order="stroke">{WebUtility.HtmlEncode(r.Text)}</text>""");
        }
        for (var i = 1; i < points.Count; i++)
        {
            sb.Append($"""<line x1="{F(X(i - 1))}%" y1="{F(Y(points[i - 1].Value))}" x2="{F(X(i))}%" y2="{F(Y(points[i].Value))}" stroke="#0059b3" stroke-width="3"></line>""");
        }
        var every = Math.Max(1, (int)Math.Ceiling(points.Count / 6.0));
        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i];
            var x = F(X(i));
            var y = Y(p.Value);
            sb.Append($"""<circle cx="{x}%" cy="{F(y)}" r="5" fill="#0059b3" stroke="#ffffff" stroke-width="2"></circle>""");
            var labelled = i % every == 0 || i == points.Count - 1;
            if (!labelled) continue;
            var anchor = points.Count > 1 && i == 0 ? "start" : points.Count > 1 && i == points.Count - 1 ? "end" : "middle";
            var ax = anchor == "start" ? "0" : anchor == "end" ? "100" : x;
            sb.Append($"""<text x="{x}%" y="{F(y)}" dy="-10" text-anchor="middle" font-size="12" font-weight="bold" fill="#1a1a1a" stroke="#ffffff" stroke-width="3" paint-order="stroke">{WebUtility.HtmlEncode(p.Text)}</text>""");
            sb.Append($"""<text x="{(anchor == "middle" ? x : ax)}%" y="{height - bottom + 18}" text-anchor="{anchor}" font-size="12" fill="#1a1a1a">{WebUtility.HtmlEncode(p.Label)}</text>""");
        }
        sb.Append("</svg>");
        return sb.ToString();
    }

    private static string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}
