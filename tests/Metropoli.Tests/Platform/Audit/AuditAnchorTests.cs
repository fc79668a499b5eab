using System.Net;
using Metropoli.Platform.Audit;
using Metropoli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metropoli.Tests.Platform.Audit;

/// <summary>Issue 18, point 16: two tamperings that the hash chain alone cannot see, because whoever can write the
/// database can also rewrite the chain: cutting rows off the end and moving the head back, and editing a row then
/// recomputing every hash after it. Checkpoints of the head, signed with a key kept outside the database and
/// written to a file outside it (<see cref="AuditAnchors"/>), catch both; <c>audit verify</c> checks them.</summary>
// On PostgreSQL too: the tampering goes through raw SQL on the audit tables.
[Trait("Database", "Both")]
public sealed class AuditAnchorTests(AppFixture fx) : IClassFixture<AppFixture>
{
    private AuditAnchors Anchors => fx.App.Services.GetRequiredService<AuditAnchors>();

    private Task<AuditVerification> VerifyAsync(bool anchored) =>
        fx.App.WithDb(db => AuditChain.VerifyAsync(db, null, CancellationToken.None, anchored ? Anchors : null));

    private async Task WriteSomeEntriesAndCheckpointAsync()
    {
        var admin = await fx.App.SignedInApi(Demo.Admin);
        for (var i = 0; i < 3; i++)
        {
            await (await admin.PostAsync("/api/v1/access-tokens", Http.JsonBody(new { name = $"ancora-{i}", expiresInDays = 2 }))).ShouldBe(HttpStatusCode.Created);
        }
        Assert.Equal(0, await CliRunner.RunAsync(fx.Database, "audit", "verify")); // a sound chain: verify also writes a checkpoint
        for (var i = 0; i < 3; i++)
        {
            await (await admin.PostAsync("/api/v1/access-tokens", Http.JsonBody(new { name = $"dopo-{i}", expiresInDays = 2 }))).ShouldBe(HttpStatusCode.Created);
        }
    }

    private Task<List<AuditEntry>> EntriesAsync() => fx.App.WithDb(db => db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync());

    private Task SetHeadAsync(long sequence, string hash) => fx.App.WithDb(db => db.Database.ExecuteSqlRawAsync(
        "UPDATE platform_audit_head SET \"Sequence\" = {0}, \"Hash\" = {1} WHERE \"Id\" = 1", sequence, hash));

    [Fact]
    public async Task Cutting_rows_off_the_end_and_moving_the_head_back_fails_verification()
    {
        await WriteSomeEntriesAndCheckpointAsync();
        var checkpoint = Anchors.Read().Last();
        Assert.True(checkpoint.Valid);
        var entries = await EntriesAsync();
        var keep = checkpoint.Sequence - 2;
        var admin = await fx.As(Demo.Admin); // its token row is audited: made before the cut
        var removed = entries.Where(e => e.Sequence > keep).ToList();
        await fx.App.WithDb(db => db.Database.ExecuteSqlRawAsync("DELETE FROM platform_audit_entries WHERE \"Sequence\" > {0}", keep));
        await SetHeadAsync(keep, entries.Single(e => e.Sequence == keep).Hash);
        try
        {
            Assert.True((await VerifyAsync(anchored: false)).Ok); // what the chain alone sees: nothing
            var broken = await VerifyAsync(anchored: true);
            Assert.False(broken.Ok);
            Assert.Contains("punto di controllo", broken.Message);
            Assert.Contains(checkpoint.Sequence.ToString(), broken.Message);
            Assert.Equal(3, await CliRunner.RunAsync(fx.Database, "audit", "verify"));
            var api = await admin.GetJson("/api/v1/audit-entries/verification");
            Assert.False(api.GetProperty("ok").GetBoolean());
        }
        finally
        {
            // The verification through the API recorded its own read row after the cut: it goes with the cut.
            await fx.App.WithDb(db => db.Database.ExecuteSqlRawAsync("DELETE FROM platform_audit_entries WHERE \"Sequence\" > {0}", keep));
            await fx.App.WithDb(async db =>
            {
                db.AuditEntries.AddRange(removed);
                await db.SaveChangesAsync();
            });
            await SetHeadAsync(entries[^1].Sequence, entries[^1].Hash);
        }
        Assert.True((await VerifyAsync(anchored: true)).Ok);
    }

    [Fact]
    public async Task Editing_a_row_and_recomputing_the_rest_of_the_chain_fails_verification()
    {
        await WriteSomeEntriesAndCheckpointAsync();
        var checkpoint = Anchors.Read().Last();
        var entries = await EntriesAsync();
        var victim = checkpoint.Sequence - 1;
        var rewritten = entries.Where(e => e.Sequence >= victim).Select(e => new AuditEntry
        {
            Sequence = e.Sequence, At = e.At, UserId = e.UserId, UserName = e.UserName, EntityType = e.EntityType, EntityId = e.EntityId,
            Action = e.Action, Before = e.Before, After = e.After, PreviousHash = e.PreviousHash, Hash = e.Hash,
        }).ToList();
        rewritten[0].After = "{\"Name\":\"falsificato\"}";
        var previous = rewritten[0].PreviousHash;
        foreach (var e in rewritten)
        {
            e.PreviousHash = previous;
            e.Hash = AuditRecorder.ComputeHash(e);
            previous = e.Hash;
        }
        async Task WriteAsync(IEnumerable<AuditEntry> rows, string headHash)
        {
            foreach (var e in rows)
            {
                await fx.App.WithDb(db => db.Database.ExecuteSqlRawAsync(
                    "UPDATE platform_audit_entries SET \"After\" = {0}, \"PreviousHash\" = {1}, \"Hash\" = {2} WHERE \"Sequence\" = {3}",
                    (object?)e.After ?? DBNull.Value, e.PreviousHash, e.Hash, e.Sequence));
            }
            await SetHeadAsync(entries[^1].Sequence, headHash);
        }
        await WriteAsync(rewritten, previous);
        try
        {
            Assert.True((await VerifyAsync(anchored: false)).Ok); // the chain alone: consistent again
            var broken = await VerifyAsync(anchored: true);
            Assert.False(broken.Ok);
            Assert.Equal(checkpoint.Sequence, broken.FirstBrokenSequence);
            Assert.Contains("punto di controllo", broken.Message);
            Assert.Equal(3, await CliRunner.RunAsync(fx.Database, "audit", "verify"));
        }
        finally
        {
            await WriteAsync(entries.Where(e => e.Sequence >= victim), entries[^1].Hash);
        }
        Assert.True((await VerifyAsync(anchored: true)).Ok);
    }

    [Fact]
    public async Task A_checkpoint_with_a_forged_signature_fails_verification()
    {
        await WriteSomeEntriesAndCheckpointAsync();
        var file = Anchors.CheckpointFile;
        var original = await File.ReadAllLinesAsync(file);
        var last = original[^1];
        var forged = last[..^4] + (last[^4..] == "0000" ? "1111" : "0000");
        await File.WriteAllLinesAsync(file, [.. original[..^1], forged]);
        try
        {
            Assert.False(Anchors.Read().Last().Valid);
            var broken = await VerifyAsync(anchored: true);
            Assert.False(broken.Ok);
            Assert.Contains("firma", broken.Message);
        }
        finally
        {
            await File.WriteAllLinesAsync(file, original);
        }
        Assert.True((await VerifyAsync(anchored: true)).Ok);
    }
}
