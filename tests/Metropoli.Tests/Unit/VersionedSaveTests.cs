using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Tests.Unit;

/// <summary>The optimistic-concurrency save of every command, on a one-table SQLite database in memory: two
/// contexts on one connection play two users.</summary>
public sealed class VersionedSaveTests : IDisposable
{
    private sealed class Note : IVersioned
    {
        public long Id { get; set; }
        public string Text { get; set; } = "";
        public int Version { get; set; }
    }

    private sealed class NotesContext(SqliteConnection connection) : DbContext
    {
        protected override void OnConfiguring(DbContextOptionsBuilder options) => options.UseSqlite(connection);

        protected override void OnModelCreating(ModelBuilder builder) =>
            builder.Entity<Note>().Property(n => n.Version).IsConcurrencyToken();

        public override int SaveChanges(bool acceptAllChangesOnSuccess)
        {
            Versioning.BumpVersions(ChangeTracker);
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }

        public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
        {
            Versioning.BumpVersions(ChangeTracker);
            return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
    }

    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly CancellationToken _ct = CancellationToken.None;

    public VersionedSaveTests()
    {
        _connection.Open();
        using var db = new NotesContext(_connection);
        db.Database.EnsureCreated();
        db.Add(new Note { Id = 1, Text = "prima" });
        db.SaveChanges();
    }

    public void Dispose() => _connection.Dispose();

    private async Task<(NotesContext Db, Note Note)> LoadAsync()
    {
        var db = new NotesContext(_connection);
        return (db, await db.Set<Note>().SingleAsync(n => n.Id == 1, _ct));
    }

    private async Task<Note?> StoredAsync()
    {
        await using var db = new NotesContext(_connection);
        return await db.Set<Note>().AsNoTracking().SingleOrDefaultAsync(n => n.Id == 1, _ct);
    }

    [Fact]
    public async Task The_current_version_saves_and_answers_the_next_one()
    {
        var (db, note) = await LoadAsync();
        await using var _ = db;
        note.Text = "seconda";
        var outcome = await VersionedSave.SaveAsync(db, note, 1, _ct);
        Assert.Equal(new Outcome.Done(2), outcome);
        var stored = (await StoredAsync())!;
        Assert.Equal(("seconda", 2), (stored.Text, stored.Version));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(7)]
    public async Task A_stale_or_missing_version_is_a_conflict_and_saves_nothing(int? expected)
    {
        var (db, note) = await LoadAsync();
        await using var _ = db;
        note.Text = "sovrascritta";
        var outcome = await VersionedSave.SaveAsync(db, note, expected, _ct);
        Assert.Equal(new Outcome.Conflict(1), outcome);
        Assert.Empty(db.ChangeTracker.Entries());
        await db.SaveChangesAsync(_ct); // nothing of the refused change is left to save by mistake
        Assert.Equal("prima", (await StoredAsync())!.Text);
    }

    [Fact]
    public void CheckVersion_accepts_the_current_version_and_refuses_another()
    {
        using var db = new NotesContext(_connection);
        var note = db.Set<Note>().Single(n => n.Id == 1);
        Assert.Null(db.CheckVersion(note, 1));
        Assert.Equal(new Outcome.Conflict(1), db.CheckVersion(note, 2));
    }

    [Fact]
    public async Task A_change_saved_by_someone_else_meanwhile_is_a_conflict_with_their_version()
    {
        var (mine, note) = await LoadAsync();
        await using var _ = mine;
        Assert.Null(mine.CheckVersion(note, 1));

        var (theirs, same) = await LoadAsync();
        await using (theirs)
        {
            same.Text = "loro";
            Assert.Equal(new Outcome.Done(2), await VersionedSave.SaveAsync(theirs, same, 1, _ct));
        }

        note.Text = "mia";
        var outcome = await VersionedSave.SaveAsync(mine, note, _ct);
        Assert.Equal(new Outcome.Conflict(2), outcome);
        Assert.Empty(mine.ChangeTracker.Entries());
        Assert.Equal("loro", (await StoredAsync())!.Text);
    }

    [Fact]
    public async Task A_record_deleted_meanwhile_is_not_found()
    {
        var (mine, note) = await LoadAsync();
        await using var _ = mine;
        await using (var theirs = new NotesContext(_connection))
        {
            theirs.Remove(await theirs.Set<Note>().SingleAsync(n => n.Id == 1, _ct));
            await theirs.SaveChangesAsync(_ct);
        }

        note.Text = "mia";
        Assert.IsType<Outcome.NotFound>(await VersionedSave.SaveAsync(mine, note, 1, _ct));
        Assert.Null(await StoredAsync());
    }
}
