using System.Xml.Linq;
using Metropoli.Platform.Data;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Platform.Security;

/// <summary>Data Protection keys written before the keys were encrypted at rest (docs/adr/0029) still hold their
/// secret in clear in the database, so a backup made then could forge cookies until they expired. At start (under the
/// startup lock) each such key that is not yet revoked is revoked: the key ring makes a new, encrypted key, and the
/// people signed in with the old one sign in again once (docs/adr/0039).</summary>
public static class UnencryptedKeys
{
    public const string Reason = "Chiave salvata senza cifratura prima della cifratura a riposo: revocata.";

    public static async Task<IReadOnlyList<Guid>> RevokeAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var rows = await db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml).ToListAsync(ct);
        var clear = new List<Guid>();
        var revoked = new HashSet<Guid>();
        foreach (var xml in rows)
        {
            if (string.IsNullOrEmpty(xml)) continue;
            XElement element;
            try
            {
                element = XElement.Parse(xml);
            }
            catch (System.Xml.XmlException)
            {
                continue;
            }
            if (element.Name.LocalName == "key" && Guid.TryParse((string?)element.Attribute("id"), out var id)
                && element.Descendants().Any(e => e.Name.LocalName == "masterKey"))
            {
                clear.Add(id);
            }
            else if (element.Name.LocalName == "revocation"
                     && Guid.TryParse((string?)element.Elements().FirstOrDefault(e => e.Name.LocalName == "key")?.Attribute("id"), out var gone))
            {
                revoked.Add(gone);
            }
        }
        var toRevoke = clear.Where(id => !revoked.Contains(id)).ToList();
        if (toRevoke.Count == 0) return toRevoke;
        var manager = services.GetRequiredService<IKeyManager>();
        foreach (var id in toRevoke)
        {
            manager.RevokeKey(id, Reason);
        }
        return toRevoke;
    }
}
