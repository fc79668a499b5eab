using System.Text;
using System.Text.Encodings.Web;
using Metropoli.Territory.Model;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.DataGen.Bench;

/// <summary>The benchmark's yardstick (docs/adr/0016): a small HTML page from one indexed query, the shape
/// of TechEmpower's "fortunes" test, served by the same app through the same middleware pipeline. bench/run
/// reports every page as a ratio to it, so a figure survives a noisy, shared machine. Mapped only when
/// <c>Bench:Enabled</c> is true: it is no part of the product.</summary>
public static class BenchBaseline
{
    public sealed record BaselineRow(string IstatCode, string Name, int Population);

    public const string Path = "/bench/baseline";
    public const int Rows = 12;

    // One compiled query: the 12 Comuni from a given ISTAT code on, through the primary key's index.
    private static readonly Func<AppDbContext, string, IAsyncEnumerable<BaselineRow>> Query =
        EF.CompileAsyncQuery((AppDbContext db, string from) => db.Set<Municipality>().AsNoTracking()
            .Where(m => string.Compare(m.IstatCode, from) >= 0)
            .OrderBy(m => m.IstatCode)
            .Take(Rows)
            .Select(m => new BaselineRow(m.IstatCode, m.Name, m.Population)));

    public static void MapBenchBaseline(this WebApplication app)
    {
        if (!app.Configuration.GetValue("Bench:Enabled", false))
        {
            return;
        }
        app.MapGet(Path, HandleAsync).AllowAnonymous().ExcludeFromDescription();
    }

    /// <summary><c>?from=</c> picks where the 12 rows start (default the first Comune), so a load script can vary it.</summary>
    public static async Task HandleAsync(HttpContext context, AppDbContext db, string? from, CancellationToken ct)
    {
        var html = new StringBuilder(2048);
        var e = HtmlEncoder.Default;
        html.Append("<!DOCTYPE html><html lang=\"it\"><head><meta charset=\"utf-8\"><title>Baseline</title></head><body><main><h1>Comuni</h1>")
            .Append("<table><thead><tr><th scope=\"col\">ISTAT</th><th scope=\"col\">Comune</th><th scope=\"col\">Abitanti</th></tr></thead><tbody>");
        var count = 0;
        await foreach (var (istat, name, population) in Query(db, from ?? "").WithCancellation(ct))
        {
            html.Append("<tr><td>").Append(e.Encode(istat)).Append("</td><td>").Append(e.Encode(name)).Append("</td><td>")
                .Append(population.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append("</td></tr>");
            count++;
        }
        html.Append("</tbody></table><p>").Append(count.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(" righe</p></main></body></html>");
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(html.ToString(), ct);
    }
}
