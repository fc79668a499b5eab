using System.Text.RegularExpressions;
using Metropoli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Tests.Platform.Security;

/// <summary>Assertions and probes several security checks share.</summary>
public static partial class SecurityAssert
{
    /// <summary>The headers the app sets on every answer (see SecurityHeadersMiddleware), with the
    /// per-response nonce masked so two answers can be compared.</summary>
    public static readonly string[] HeaderNames =
        ["Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy", "Permissions-Policy", "Cross-Origin-Opener-Policy"];

    public static string HeaderSet(Exchange x)
    {
        var parts = HeaderNames.Select(n => n + ": " + (x.Header(n) is { } v ? Nonce().Replace(v, "'nonce-*'") : "(missing)"));
        return string.Join("\n", parts);
    }

    /// <summary>Swagger UI's page alone allows inline styles (ADR 0006); every other directive is the same.</summary>
    private static string SwaggerStyles(Exchange x) => StyleSrc().Replace(HeaderSet(x), "style-src (not compared on Swagger UI);");

    /// <summary>Lists every exchange whose header set differs from the reference, or that names the server.</summary>
    public static List<string> HeaderDifferences(Exchange reference, IEnumerable<Exchange> exchanges)
    {
        var problems = new List<string>();
        foreach (var x in exchanges)
        {
            var swagger = x.Path.StartsWith("/api/docs", StringComparison.Ordinal);
            var expected = swagger ? SwaggerStyles(reference) : HeaderSet(reference);
            var actual = swagger ? SwaggerStyles(x) : HeaderSet(x);
            if (actual != expected) problems.Add($"{x}:\n    {actual.Replace("\n", "\n    ")}");
            if (x.Header("Server") is { } server) problems.Add($"{x}: Server: {server}");
            if (x.Header("X-Powered-By") is { } powered) problems.Add($"{x}: X-Powered-By: {powered}");
        }
        return problems;
    }

    public static void NoProblems(List<string> problems, string what)
    {
        Assert.True(problems.Count == 0, $"{problems.Count} {what}:\n" + string.Join("\n", problems.Take(40)));
    }

    /// <summary>What an answer must never show a client: stack frames, exception and framework type
    /// names, SQL and driver messages, server paths, connection strings.</summary>
    public static IEnumerable<string> InternalDetails(string body)
    {
        foreach (var (name, pattern) in Leaks)
        {
            var m = pattern.Match(body);
            if (m.Success) yield return $"{name} «{m.Value}»";
        }
    }

    private static readonly (string, Regex)[] Leaks =
    [
        ("stack frame", new(@"\bat [A-Z][\w.]+\.[\w<>]+\(|\.cs:line \d+|--- End of (inner exception|stack trace)")),
        ("exception type", new(@"\b[A-Z]\w*Exception\b")),
        ("app type name", new(@"\bMetropoli\.(Host|Tests|Platform|Territory|StrategicPlan|Agreements|DataGen)\.[A-Z]")),
        ("framework type name", new(@"\b(System|Microsoft|Npgsql)\.[A-Z]\w*(\.[A-Z]\w*)+")),
        ("SQL", new(@"\b(SELECT\s.+\sFROM|INSERT INTO|UPDATE\s+""?\w+""?\s+SET|DELETE FROM)\b|SQLite Error|SQLSTATE|violates (unique|foreign key|not-null|check) constraint|UNIQUE constraint failed|FOREIGN KEY constraint failed|NOT NULL constraint failed", RegexOptions.IgnoreCase)),
        ("server path", new(@"(/work/|/home/|/tmp/|/usr/share/dotnet|[A-Z]:\\)")),
        ("connection string", new(@"(Host|Data Source|Username|Password)\s*=\s*[^;\s""]+;", RegexOptions.IgnoreCase)),
    ];

    /// <summary>A cheap picture of everything stored: rows per table and, where a table has one, the sum of
    /// its Version column (an update that adds no row still moves it). Equal before and after means nothing changed.</summary>
    public static async Task<Dictionary<string, long>> DatabaseFingerprintAsync(MetropoliApp app) =>
        await app.WithDb(async db =>
        {
            var result = new Dictionary<string, long>(StringComparer.Ordinal);
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            try
            {
                foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null && e.GetViewName() is null))
                {
                    var table = (entity.GetSchema() is { } schema ? $"\"{schema}\"." : "") + $"\"{entity.GetTableName()}\"";
                    if (result.ContainsKey(table)) continue;
                    var hasVersion = entity.GetProperties().Any(p => p.GetColumnName() == "Version" && p.ClrType == typeof(int));
                    await using var command = connection.CreateCommand();
                    command.CommandText = $"SELECT COUNT(*){(hasVersion ? ", COALESCE(SUM(\"Version\"), 0)" : ", 0")} FROM {table}";
                    await using var reader = await command.ExecuteReaderAsync();
                    await reader.ReadAsync();
                    result[table] = Convert.ToInt64(reader.GetValue(0)) * 1_000_003 + Convert.ToInt64(reader.GetValue(1));
                }
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
            return result;
        });

    public static void SameFingerprint(Dictionary<string, long> before, Dictionary<string, long> after, string what)
    {
        var changed = before.Keys.Union(after.Keys).Where(k => before.GetValueOrDefault(k) != after.GetValueOrDefault(k)).ToList();
        Assert.True(changed.Count == 0, $"{what} changed these tables: {string.Join(", ", changed)}");
    }

    [GeneratedRegex(@"'nonce-[A-Za-z0-9+/=]+'")]
    private static partial Regex Nonce();

    [GeneratedRegex(@"style-src [^;]*;")]
    private static partial Regex StyleSrc();
}
