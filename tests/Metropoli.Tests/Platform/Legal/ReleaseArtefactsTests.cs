using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Metropoli.Platform.Notifications;
using Metropoli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metropoli.Tests.Platform.Legal;

public sealed class LegalFixture : AppFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Metropoli:Privacy:DpoEmail"] = "rpd@example.org",
        ["Metropoli:Privacy:ControllerPec"] = "protocollo@pec.example.org",
        ["Metropoli:Privacy:MailRetentionDays"] = "45",
        ["Metropoli:Accessibility:StatementUrl"] = "https://form.agid.gov.it/view/00000000-example",
    };
}

/// <summary>The legal and reuse artefacts (issue 24, point 5; ADR 0045): the version said in four places agrees, the
/// licence is the EUPL everywhere, the privacy notice shows the body's settings and the retention the jobs apply, and
/// the cleanup job deletes sent e-mails past that retention.</summary>
[Trait("Database", "Both")]
public sealed partial class ReleaseArtefactsTests(LegalFixture fx) : IClassFixture<LegalFixture>
{
    private static string RepoRoot([System.Runtime.CompilerServices.CallerFilePath] string source = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "..", "..", ".."));

    [Fact]
    public async Task The_version_and_the_licence_agree_in_the_api_the_changelog_and_publiccode()
    {
        var root = RepoRoot();
        var changelog = await File.ReadAllTextAsync(Path.Combine(root, "CHANGELOG.md"));
        var latest = ReleaseHeading().Matches(changelog).Select(m => m.Groups[1].Value).FirstOrDefault();
        Assert.Equal(OpenApiSetup.Version, latest);

        var publiccode = await File.ReadAllTextAsync(Path.Combine(root, "publiccode.yml"));
        Assert.Matches($"(?m)^softwareVersion: \"{Regex.Escape(OpenApiSetup.Version)}\"$", publiccode);
        Assert.Matches("(?m)^  license: EUPL-1\\.2$", publiccode);
        Assert.Contains("European Union Public Licence", await File.ReadAllTextAsync(Path.Combine(root, "LICENSE")));
        Assert.True(File.Exists(Path.Combine(root, "SECURITY.md")));
        using var package = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(root, "package.json")));
        Assert.Equal("EUPL-1.2", package.RootElement.GetProperty("license").GetString());

        using var doc = JsonDocument.Parse(await fx.App.Anonymous().GetStringAsync("/openapi/v1.json"));
        var info = doc.RootElement.GetProperty("info");
        Assert.Equal(OpenApiSetup.Version, info.GetProperty("version").GetString());
        Assert.Equal("EUPL-1.2", info.GetProperty("license").GetProperty("name").GetString());
    }

    [Fact]
    public async Task The_privacy_notice_names_the_body_its_DPO_the_retention_and_the_right_to_complain_in_both_languages()
    {
        var it = WebUtility.HtmlDecode(await fx.App.Anonymous().GetStringAsync("/privacy"));
        Assert.Contains("rpd@example.org", it);
        Assert.Contains("protocollo@pec.example.org", it);
        Assert.Contains("Città metropolitana di Milano", it);
        Assert.Contains("45 giorni", it);
        Assert.Contains("365 giorni", it);
        Assert.Contains("Garante per la protezione dei dati personali", it);
        Assert.Contains("art. 13", it);

        var en = WebUtility.HtmlDecode(await fx.App.Anonymous().GetStringAsync("/privacy?culture=en"));
        Assert.Contains("Data Protection Officer", en);
        Assert.Contains("45 days", en);
        Assert.DoesNotContain("Titolare del trattamento", en);

        var statement = WebUtility.HtmlDecode(await fx.App.Anonymous().GetStringAsync("/dichiarazione-accessibilita"));
        Assert.Contains("https://form.agid.gov.it/view/00000000-example", statement);
        Assert.Contains("Metodo di valutazione", statement);
        Assert.Contains("Limiti noti", statement);
    }

    [Fact]
    public async Task The_cleanup_job_deletes_sent_mails_past_the_retention_and_keeps_the_rest()
    {
        var now = DateTime.UtcNow;
        var marker = Guid.NewGuid().ToString("N");
        await fx.App.WithDb(async db =>
        {
            db.Set<OutboxMessage>().AddRange(
                new OutboxMessage { To = "old@example.org", Subject = marker + "-old", Body = "x", CreatedAt = now.AddDays(-50), NextAttemptAt = now.AddDays(-50), SentAt = now.AddDays(-46) },
                new OutboxMessage { To = "recent@example.org", Subject = marker + "-recent", Body = "x", CreatedAt = now.AddDays(-10), NextAttemptAt = now.AddDays(-10), SentAt = now.AddDays(-10) },
                new OutboxMessage { To = "unsent@example.org", Subject = marker + "-unsent", Body = "x", CreatedAt = now.AddDays(-60), NextAttemptAt = now });
            await db.SaveChangesAsync();
        });
        await fx.App.WithScope(async services =>
        {
            var job = services.GetServices<Metropoli.Platform.Jobs.IRecurringJob>().Single(j => j.Name == "token-cleanup");
            await job.RunAsync(services, CancellationToken.None);
            return 0;
        });
        var left = await fx.App.WithDb(db => db.Set<OutboxMessage>().Where(m => m.Subject.StartsWith(marker)).Select(m => m.Subject).ToListAsync());
        Assert.Equal([marker + "-recent", marker + "-unsent"], left.Order().ToList());
    }

    /// <summary>The deployment pack agrees with the app (ADR 0046): the proxy's body limit is the app's, the image
    /// publishes as the README does and runs as a non-root user, the unit is sandboxed and migrates before it starts.</summary>
    [Fact]
    public async Task The_deployment_pack_agrees_with_the_app_limits_and_the_readme()
    {
        var root = RepoRoot();
        var nginx = await File.ReadAllTextAsync(Path.Combine(root, "deploy", "nginx.conf"));
        var mb = long.Parse(Regex.Match(nginx, @"client_max_body_size (\d+)m;").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(Metropoli.Platform.Files.Evidence.MaxBytes + 1024 * 1024, mb * 1024 * 1024);
        Assert.Contains("X-Forwarded-Proto", nginx);

        var docker = await File.ReadAllTextAsync(Path.Combine(root, "deploy", "Dockerfile"));
        var readme = await File.ReadAllTextAsync(Path.Combine(root, "README.md"));
        Assert.Contains("-p:PublishReadyToRun=true", docker);
        Assert.Contains("-p:PublishReadyToRun=true", readme);
        Assert.Matches("(?m)^USER metropoli$", docker);
        Assert.Contains("chromium", docker);

        var unit = await File.ReadAllTextAsync(Path.Combine(root, "deploy", "metropoli.service"));
        foreach (var line in new[] { "User=metropoli", "NoNewPrivileges=true", "ProtectSystem=strict", "PrivateTmp=true", "CapabilityBoundingSet=" })
        {
            Assert.Contains(line, unit);
        }
        Assert.Contains("Metropoli.Host.dll migrate", unit);
        Assert.Contains("Database__MigrateOnStartup=false", await File.ReadAllTextAsync(Path.Combine(root, "deploy", "metropoli.env.example")));
    }

    [GeneratedRegex(@"(?m)^## \[(\d+\.\d+\.\d+)\]")]
    private static partial Regex ReleaseHeading();
}
