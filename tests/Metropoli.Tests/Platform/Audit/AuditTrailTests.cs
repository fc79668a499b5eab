using System.Net;
using System.Text.Json;
using Metropoli.Tests.Infrastructure;
using Metropoli.Platform.Audit;
using Metropoli.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Tests.Platform.Audit;

/// <summary>The append-only audit trail: who changed what, before and after, without secrets;
/// reads of the trail are recorded in the access log; the hash chain verifies.</summary>
// On PostgreSQL too: the audit hash chain is written with raw SQL and a head row updated in the same transaction.
[Trait("Database", "Both")]
public sealed class AuditTrailTests(AppFixture fx) : IClassFixture<AppFixture>
{
    private static readonly string[] Secrets = ["PasswordHash", "SecurityStamp", "ConcurrencyStamp", "TokenHash"];

    private Task<List<AuditEntry>> EntriesAsync() =>
        fx.App.WithDb(db => db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync());

    [Fact]
    public async Task An_update_is_recorded_with_user_entity_and_before_after_values()
    {
        var admin = await fx.As(Demo.Admin);
        var etagResponse = await fx.App.Anonymous().GetAsync("/api/v1/municipalities/015182");
        var before = await etagResponse.ShouldBe(HttpStatusCode.OK);
        var contacts = Builders.Contacts();
        await (await admin.PutJson("/api/v1/municipalities/015182/contacts", contacts, etagResponse.Headers.ETag!.ToString())).ShouldBe(HttpStatusCode.NoContent);

        var adminId = await fx.App.WithDb(db => db.Users.Where(u => u.Email == Demo.Admin).Select(u => u.Id).SingleAsync());
        var entry = (await EntriesAsync()).Last(e => e.EntityType == "Municipality" && e.EntityId == Demo.Rho);
        Assert.Equal("update", entry.Action);
        Assert.Equal(Demo.Admin, entry.UserName);
        Assert.Equal(adminId, entry.UserId);
        Assert.InRange(entry.At, DateTime.UtcNow.AddMinutes(-2), DateTime.UtcNow.AddMinutes(1));
        using var b = JsonDocument.Parse(entry.Before!);
        using var a = JsonDocument.Parse(entry.After!);
        Assert.Equal(before.GetProperty("website").GetString(), b.RootElement.GetProperty("Website").GetString());
        Assert.Equal(contacts.Website, a.RootElement.GetProperty("Website").GetString());
        Assert.Equal(contacts.Pec, a.RootElement.GetProperty("Pec").GetString());
        Assert.Equal(b.RootElement.GetProperty("Version").GetInt32() + 1, a.RootElement.GetProperty("Version").GetInt32());
    }

    [Fact]
    public async Task Creating_a_user_and_a_token_is_recorded_without_any_secret()
    {
        var user = await fx.App.CreateUserAsync(Roles.SectorOfficer);
        var token = await fx.App.TokenFor(user.Email!);
        var entries = await EntriesAsync();

        Assert.Contains(entries, e => e.EntityType == nameof(AppUser) && e.EntityId == user.Id && e.Action == "create");
        Assert.Contains(entries, e => e.EntityType == nameof(AccessToken) && e.Action == "create" && e.After!.Contains(user.Id));
        var (passwordHash, stamp) = await fx.App.WithDb(db => db.Users.Where(u => u.Id == user.Id).Select(u => new { u.PasswordHash, u.SecurityStamp }).SingleAsync()
            .ContinueWith(t => (t.Result.PasswordHash!, t.Result.SecurityStamp!)));
        var tokenHash = AccessToken.HashOf(token);
        foreach (var e in entries)
        {
            var text = (e.Before ?? "") + (e.After ?? "");
            foreach (var secret in Secrets)
            {
                Assert.False(text.Contains($"\"{secret}\"", StringComparison.Ordinal), $"Entry {e.Sequence} ({e.EntityType}) stores {secret}");
            }
            Assert.DoesNotContain(passwordHash, text);
            Assert.DoesNotContain(stamp, text);
            Assert.DoesNotContain(tokenHash, text);
            Assert.DoesNotContain(token, text);
        }
    }

    [Fact]
    public async Task The_chain_verifies_after_writes()
    {
        await (await (await fx.App.SignedInApi(Demo.Admin)).PostAsync("/api/v1/access-tokens", Http.JsonBody(new { name = "catena", expiresInDays = 2 }))).ShouldBe(HttpStatusCode.Created);
        var result = await fx.App.WithDb(db => AuditChain.VerifyAsync(db, null, CancellationToken.None));
        Assert.True(result.Ok, result.Message);
        var entries = await EntriesAsync();
        Assert.Equal(entries.Count, result.Checked);
        Assert.Equal(Enumerable.Range(1, entries.Count).Select(i => (long)i), entries.Select(e => e.Sequence));
    }

    [Fact]
    public async Task Searching_the_trail_works_for_administrators_and_is_itself_recorded()
    {
        var admin = await fx.As(Demo.Admin);
        var countBefore = (await EntriesAsync()).Count;
        var accessesBefore = await fx.App.WithDb(db => db.Set<AccessLogEntry>().CountAsync());
        var page = await admin.GetJson("/api/v1/audit-entries?entityType=AppUser&limit=50");
        Assert.NotEmpty(page.GetProperty("items").EnumerateArray());
        Assert.All(page.GetProperty("items").EnumerateArray(), e => Assert.Equal("AppUser", e.GetProperty("entityType").GetString()));
        var sequences = page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("sequence").GetInt64()).ToList();
        Assert.Equal(sequences.OrderByDescending(s => s), sequences);

        // The read goes to the access log, not to the chain of changes (issue 18, point 7; ADR 0030).
        Assert.Equal(countBefore, (await EntriesAsync()).Count);
        var accesses = await fx.App.WithDb(db => db.Set<AccessLogEntry>().AsNoTracking().OrderBy(e => e.Id).ToListAsync());
        Assert.Equal(accessesBefore + 1, accesses.Count);
        var read = accesses[^1];
        Assert.Equal("search", read.What);
        Assert.Equal(Demo.Admin, read.UserName);
        Assert.Contains("AppUser", read.Detail);

        var verification = await admin.GetJson("/api/v1/audit-entries/verification");
        Assert.True(verification.GetProperty("ok").GetBoolean(), verification.ToString());
    }

    [Fact]
    public async Task Invalid_search_parameters_are_400_problems()
    {
        await (await (await fx.As(Demo.Admin)).GetAsync("/api/v1/audit-entries?limit=0")).ShouldBeProblem(400);
        await (await (await fx.As(Demo.Admin)).GetAsync("/api/v1/audit-entries?from=ieri")).ShouldBeProblem(400);
    }
}

/// <summary>Tampering is visible: each test breaks the chain of its own database and mends it after.</summary>
// On PostgreSQL too: tampering goes through raw SQL on the audit tables.
[Trait("Database", "Both")]
public sealed class AuditTamperTests(AppFixture fx) : IClassFixture<AppFixture>
{
    private Task<AuditVerification> VerifyAsync() => fx.App.WithDb(db => AuditChain.VerifyAsync(db, null, CancellationToken.None));

    private async Task EnsureSomeEntriesAsync()
    {
        var admin = await fx.App.SignedInApi(Demo.Admin);
        for (var i = 0; i < 3; i++)
        {
            await (await admin.PostAsync("/api/v1/access-tokens", Http.JsonBody(new { name = $"voce-{i}", expiresInDays = 2 }))).ShouldBe(HttpStatusCode.Created);
        }
    }

    [Fact]
    public async Task Changing_one_entry_breaks_verification_at_that_sequence()
    {
        await EnsureSomeEntriesAsync();
        Assert.True((await VerifyAsync()).Ok);
        Assert.Equal(0, await CliRunner.RunAsync(fx.Database, "audit", "verify"));

        var victim = await fx.App.WithDb(db => db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).Skip(2).FirstAsync());
        await fx.App.WithDb(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE platform_audit_entries SET \"After\" = {0} WHERE \"Sequence\" = {1}", "{\"DisplayName\":\"falsificato\"}", victim.Sequence));
        try
        {
            var broken = await VerifyAsync();
            Assert.False(broken.Ok);
            Assert.Equal(victim.Sequence, broken.FirstBrokenSequence);
            Assert.Contains(victim.Sequence.ToString(), broken.Message);
            Assert.NotEqual(0, await CliRunner.RunAsync(fx.Database, "audit", "verify"));
            var api = await (await fx.As(Demo.Admin)).GetJson("/api/v1/audit-entries/verification");
            Assert.False(api.GetProperty("ok").GetBoolean());
        }
        finally
        {
            await fx.App.WithDb(db => db.Database.ExecuteSqlRawAsync(
                "UPDATE platform_audit_entries SET \"After\" = {0} WHERE \"Sequence\" = {1}", (object?)victim.After ?? DBNull.Value, victim.Sequence));
        }
        Assert.True((await VerifyAsync()).Ok);
    }

    [Fact]
    public async Task Removing_the_last_entry_breaks_verification_at_the_head()
    {
        await EnsureSomeEntriesAsync();
        var last = await fx.App.WithDb(db => db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence).FirstAsync());
        await fx.App.WithDb(db => db.Database.ExecuteSqlRawAsync("DELETE FROM platform_audit_entries WHERE \"Sequence\" = {0}", last.Sequence));
        try
        {
            var broken = await VerifyAsync();
            Assert.False(broken.Ok);
            Assert.Equal(last.Sequence - 1, broken.Checked);
            Assert.Equal(last.Sequence, broken.FirstBrokenSequence);
            Assert.NotEqual(0, await CliRunner.RunAsync(fx.Database, "audit", "verify"));
        }
        finally
        {
            await fx.App.WithDb(async db =>
            {
                db.AuditEntries.Add(last);
                await db.SaveChangesAsync();
            });
        }
        var mended = await VerifyAsync();
        Assert.True(mended.Ok, mended.Message);
        Assert.Equal(0, await CliRunner.RunAsync(fx.Database, "audit", "verify"));
    }
}
