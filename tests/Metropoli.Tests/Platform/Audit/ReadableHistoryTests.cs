using System.Net;
using Metropoli.Platform.Audit;
using Metropoli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Tests.Platform.Audit;

/// <summary>Issue 18, point 7 (ADR 0030): the history shows the fields that changed with labels in the reader's language,
/// values as the pages show them and people's names, without technical fields; the register shows no JSON; reads go to a
/// separate access log, one line per person and record every few minutes, which administrators can filter.</summary>
// Both: the access log and the names are read with queries over the audit tables.
[Trait("Database", "Both")]
public sealed class ReadableHistoryTests(AppFixture fx) : IClassFixture<AppFixture>
{
    private async Task ChangeRhoContactsAsync(string website)
    {
        var admin = await fx.As(Demo.Admin);
        var current = await fx.App.Anonymous().GetAsync("/api/v1/municipalities/" + Demo.Rho);
        await (await admin.PutJson($"/api/v1/municipalities/{Demo.Rho}/contacts", Builders.Contacts(website: website), current.Headers.ETag!.ToString()))
            .ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task The_history_names_fields_in_the_readers_language_and_people_by_name_without_technical_fields()
    {
        await ChangeRhoContactsAsync("https://www.comune.rho.mi.it/nuovo");
        var browser = await fx.App.SignedIn(Demo.Admin);

        var italian = await browser.Html($"/comuni/{Demo.Rho}");
        var history = italian[italian.IndexOf("Cronologia delle modifiche", StringComparison.Ordinal)..];
        Assert.Contains("<strong>Sito web</strong>", history);
        Assert.Contains("https://www.comune.rho.mi.it/nuovo", history);
        Assert.Contains("Anna Amministratrice", history);
        Assert.DoesNotContain(Demo.Admin, history);
        Assert.DoesNotContain("<strong>Website</strong>", history);
        Assert.DoesNotContain("<strong>Version</strong>", history);
        Assert.DoesNotContain("<strong>UpdatedAt</strong>", history);

        var english = await browser.Html($"/comuni/{Demo.Rho}?culture=en");
        var englishHistory = english[english.IndexOf("Change history", StringComparison.Ordinal)..];
        Assert.Contains("<strong>Website</strong>", englishHistory);
        Assert.DoesNotContain("<strong>Sito web</strong>", englishHistory);
    }

    [Fact]
    public void Values_are_shown_as_the_pages_show_them()
    {
        var row = new AuditRow(1, DateTimeOffset.UtcNow, "piano@metropoli.example", "CampaignTask", "7", "update",
            """{"ActionId":3,"OpenedAt":null,"ReportedStatus":null,"SubmittedAt":null,"Version":1}""",
            """{"ActionId":3,"OpenedAt":null,"ReportedStatus":"on-track","SubmittedAt":"2026-12-07T10:15:00.000Z","Version":2}""",
            "", "u1", "Paolo Ufficio di Piano");
        var l = new IdentityLocalizer();
        var changes = AuditReader.Changes(row, l);
        Assert.Equal(["Inviato il", "Stato dichiarato"], changes.Select(c => c.Field).Order());
        Assert.Equal("in linea", changes.Single(c => c.Field == "Stato dichiarato").After);
        // 10:15 UTC is 11:15 in Milan in December, written as the pages write dates.
        Assert.Contains("11:15", changes.Single(c => c.Field == "Inviato il").After);
        Assert.DoesNotContain("Z", changes.Single(c => c.Field == "Inviato il").After);
        Assert.Equal("Paolo Ufficio di Piano", AuditReader.Who(row, l));
    }

    [Fact]
    public async Task The_register_shows_changes_not_json_and_reads_go_to_a_filterable_access_log()
    {
        await ChangeRhoContactsAsync("https://www.comune.rho.mi.it/registro");
        var officer = await fx.App.SignedIn(Demo.RhoOfficer);
        var chainBefore = await fx.App.WithDb(db => db.AuditEntries.CountAsync());
        for (var i = 0; i < 3; i++) await officer.Html($"/comuni/{Demo.Rho}");

        // Page views add nothing to the chain of changes, and one line to the access log for repeated views.
        Assert.Equal(chainBefore, await fx.App.WithDb(db => db.AuditEntries.CountAsync()));
        Assert.Equal(1, await fx.App.WithDb(db => db.Set<AccessLogEntry>().CountAsync(e => e.What == "history" && e.EntityId == Demo.Rho && e.UserName == Demo.RhoOfficer)));

        var browser = await fx.App.SignedIn(Demo.Admin);
        var register = await browser.Html($"/admin/registro?entityType=Municipality&entityId={Demo.Rho}");
        Assert.Contains("<strong>Sito web</strong>", register);
        Assert.DoesNotContain("{\"", register);
        Assert.Contains("Comune: aggiornamento", register);

        var log = await browser.Html($"/admin/accessi?what=history&entityId={Demo.Rho}");
        Assert.Contains("cronologia di un record", log);
        Assert.Contains("Marco Referente di Rho", log);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/admin/accessi?from=not-a-date")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await (await fx.App.SignedIn(Demo.PlanOffice)).GetAsync("/admin/accessi")).StatusCode);
    }

    [Fact]
    public async Task A_lockout_after_failed_sign_ins_reads_as_such()
    {
        var user = await fx.App.CreateUserAsync();
        for (var i = 0; i < 5; i++)
        {
            await fx.App.Anonymous().SubmitAsync("/accedi", [("Input.Email", user.Email!), ("Input.Password", "sbagliata-" + i)]);
        }
        var browser = await fx.App.SignedIn(Demo.Admin);
        var register = await browser.Html($"/admin/registro?entityType=AppUser&entityId={user.Id}");
        Assert.Contains("blocco dell'account dopo troppi tentativi di accesso non riusciti", register);
        Assert.Contains("visitatore non autenticato", register);
        Assert.Contains("Accesso bloccato fino al", register);
    }

    /// <summary>The Italian texts as they are (the pages' localizer answers the key itself in Italian).</summary>
    private sealed class IdentityLocalizer : Microsoft.Extensions.Localization.IStringLocalizer
    {
        public Microsoft.Extensions.Localization.LocalizedString this[string name] => new(name, name);
        public Microsoft.Extensions.Localization.LocalizedString this[string name, params object[] arguments] => new(name, string.Format(name, arguments));
        public IEnumerable<Microsoft.Extensions.Localization.LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
