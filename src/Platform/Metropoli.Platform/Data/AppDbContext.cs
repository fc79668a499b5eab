using Metropoli.Platform.Audit;
using Metropoli.Platform.Auth;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Metropoli.Platform.Data;

/// <summary>The one database context of Metropoli. Modules add their entities through
/// <see cref="IEntityTypeConfiguration{TEntity}"/> classes that sit beside the entities.</summary>
public sealed class AppDbContext(DbContextOptions<AppDbContext> options, ICurrentUser? currentUser = null, ReadModelVersion? readModel = null)
    : IdentityDbContext<AppUser, AppRole, string>(options), IDataProtectionKeyContext
{
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>The Data Protection key ring (<c>platform_data_protection_keys</c>, see <see cref="DataProtectionKeyConfiguration"/>).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<AppUser>().ToTable("auth_users");
        builder.Entity<AppRole>().ToTable("auth_roles");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserRole<string>>().ToTable("auth_user_roles");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserClaim<string>>().ToTable("auth_user_claims");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserLogin<string>>().ToTable("auth_user_logins");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserToken<string>>().ToTable("auth_user_tokens");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityRoleClaim<string>>().ToTable("auth_role_claims");
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        if (Modules.ModuleCatalog.All.Count == 0)
            throw new InvalidOperationException("No modules: the host (or a test, or the design-time factory) calls ModuleCatalog.Use before building a context.");
        foreach (var module in Modules.ModuleCatalog.All)
        {
            module.ConfigureModel(builder);
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite hands DateTime back as Unspecified; every timestamp in Metropoli is UTC.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        TextGuard.Check(ChangeTracker);
        Versioning.BumpVersions(ChangeTracker);
        var touched = readModel is null ? ReadModels.None : ReadModelVersion.Touches(ChangeTracker);
        // In the caller's transaction the change is not committed yet: a value computed meanwhile (under the
        // version bumped below) would miss it, so the version moves again when that transaction commits.
        if (touched != ReadModels.None && Database.CurrentTransaction is not null) uncommitted |= touched;
        try
        {
            return await SaveAuditedAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            // Also on failure: a bump costs one recomputation, a missed one a stale dashboard.
            if (touched != ReadModels.None) readModel!.Bump(touched);
        }
    }

    private ReadModels uncommitted;

    private Dictionary<Type, object>? reads;

    /// <summary>Another module's contract bound to this context (<see cref="Modules.ModuleReads"/>), made once per context.</summary>
    internal T ReadsOf<T>() where T : class
    {
        reads ??= [];
        if (!reads.TryGetValue(typeof(T), out var r)) reads[typeof(T)] = r = Modules.ModuleReads.For<T>(this);
        return (T)r;
    }

    /// <summary>Called when a transaction of this context commits or rolls back (<see cref="ReadModelCommits"/>).</summary>
    internal void TransactionEnded()
    {
        if (uncommitted == ReadModels.None) return;
        readModel?.Bump(uncommitted);
        uncommitted = ReadModels.None;
    }

    private async Task<int> SaveAuditedAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        var pending = AuditRecorder.Capture(ChangeTracker);
        if (pending.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var ownTransaction = Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken)
            : null;
        try
        {
            // Taking the head row first serialises writers, so the hash chain has no forks.
            var head = await AuditRecorder.LockHeadAsync(this, cancellationToken);
            var result = await base.SaveChangesAsync(true, cancellationToken);
            await AuditRecorder.AppendAsync(this, head, pending, currentUser, cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }
            return result;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
