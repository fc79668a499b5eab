using System.Xml.Linq;
using Metropoli.Tests.Infrastructure;
using Metropoli.Platform.Audit;
using Metropoli.Platform.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Metropoli.Tests.Platform.Data;

/// <summary>The Data Protection key ring is kept by the package's EF Core repository
/// (<c>PersistKeysToDbContext&lt;AppDbContext&gt;</c>) in the table the earlier hand-written repository filled.
/// A key that release stored in clear is revoked at the first start (docs/adr/0039: a backup holding it could forge
/// sessions), so what it protected no longer opens and its people sign in again once; new keys land in the same
/// table, encrypted, no key material reaches the audit trail, and a restarted app reads them.</summary>
[Trait("Database", "Both")]
public sealed class DataProtectionKeysTests
{
    private const string Purpose = "metropoli.test.sessione";

    [Fact]
    public async Task A_clear_key_stored_before_the_switch_is_revoked_and_new_keys_are_encrypted_and_shared_through_the_same_table()
    {
        await using var database = await TestDatabase.CreateAsync("dpkeys");
        await using (var db = Open(database))
        {
            await db.MigrateAsync();
        }

        // A key ring element as the earlier release stored it: a row (FriendlyName "key-<id>", the XML on one line).
        var folder = Directory.CreateTempSubdirectory("metropoli-dpkeys-");
        string protectedBefore;
        try
        {
            var before = DataProtectionProvider.Create(folder, b => b.SetApplicationName("Metropoli"));
            protectedBefore = before.CreateProtector(Purpose).Protect("accesso fatto prima dell'aggiornamento");
            var file = folder.GetFiles("key-*.xml").Single();
            await using var db = Open(database);
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO platform_data_protection_keys (\"FriendlyName\", \"Xml\") VALUES ({0}, {1})",
                Path.GetFileNameWithoutExtension(file.Name), XElement.Load(file.FullName).ToString(SaveOptions.DisableFormatting));
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        string protectedByApp;
        await using (var app = new MetropoliApp(database).Start())
        {
            var repository = app.Services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.XmlRepository;
            Assert.True(repository?.GetType().Name.StartsWith("EntityFrameworkCoreXmlRepository", StringComparison.Ordinal) == true,
                $"The key ring should be kept by DataProtection.EntityFrameworkCore, not {repository?.GetType().FullName ?? "nothing"}.");

            var provider = app.Services.GetRequiredService<IDataProtectionProvider>();
            Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => provider.CreateProtector(Purpose).Unprotect(protectedBefore));

            // A new key (as the key manager makes one before the old expires) goes to the same table, unaudited.
            var now = DateTimeOffset.UtcNow;
            app.Services.GetRequiredService<IKeyManager>().CreateNewKey(now.AddSeconds(-1), now.AddDays(90));
            await using var db = Open(database);
            var rows = await db.Database.SqlQueryRaw<string>("SELECT \"Xml\" AS \"Value\" FROM platform_data_protection_keys").ToListAsync();
            Assert.Single(rows, xml => xml.StartsWith("<revocation", StringComparison.Ordinal));
            var keys = rows.Where(xml => xml.StartsWith("<key ", StringComparison.Ordinal)).ToList();
            Assert.True(keys.Count >= 2, string.Join("\n", rows));
            Assert.Single(keys, xml => xml.Contains("<masterKey", StringComparison.Ordinal)); // the old one, revoked
            Assert.All(keys.Where(xml => !xml.Contains("<masterKey", StringComparison.Ordinal)), xml => Assert.Contains("<encryptedSecret", xml));
            var audited = await db.Set<AuditEntry>().Where(e => e.EntityType.Contains("DataProtection") || (e.After != null && e.After.Contains("masterKey"))).CountAsync();
            Assert.Equal(0, audited);
            protectedByApp = provider.CreateProtector(Purpose).Protect("accesso fatto dopo");
        }

        // Another start (another instance, or the next release) reads both keys from the table.
        await using (var again = new MetropoliApp(database).Start())
        {
            var protector = again.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);
            Assert.Equal("accesso fatto dopo", protector.Unprotect(protectedByApp));
        }
    }

    private static AppDbContext Open(TestDatabase database)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(options, database.Provider, database.ConnectionString);
        return new AppDbContext(options.Options);
    }
}
