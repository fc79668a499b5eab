using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Platform.Audit;

public sealed record AuditVerification(bool Ok, long Checked, long? FirstBrokenSequence, string Message);

/// <summary>Recomputes the hash chain from the first line to the head.</summary>
public static class AuditChain
{
    public static async Task<AuditVerification> VerifyAsync(AppDbContext db, IProgress<long>? progress, CancellationToken ct)
    {
        const int batch = 5000;
        var previous = AuditRecorder.GenesisHash;
        long expected = 0;
        long lastSequence = 0;
        while (true)
        {
            var rows = await db.AuditEntries.AsNoTracking()
                .Where(e => e.Sequence > lastSequence)
                .OrderBy(e => e.Sequence)
                .Take(batch)
                .ToListAsync(ct);
            foreach (var e in rows)
            {
                expected++;
                if (e.Sequence != expected)
                {
                    return new(false, expected - 1, expected, $"Manca la riga {expected} della catena (trovata {e.Sequence}).");
                }
                if (e.PreviousHash != previous || AuditRecorder.ComputeHash(e) != e.Hash)
                {
                    return new(false, expected - 1, e.Sequence, $"La riga {e.Sequence} è stata alterata: l'impronta non corrisponde.");
                }
                previous = e.Hash;
            }
            if (rows.Count == 0)
            {
                break;
            }
            lastSequence = rows[^1].Sequence;
            progress?.Report(expected);
        }
        var head = await db.Set<AuditHead>().AsNoTracking().SingleAsync(h => h.Id == 1, ct);
        if (head.Sequence != expected || head.Hash != previous)
        {
            return new(false, expected, expected + 1, $"La testa della catena ({head.Sequence}) non corrisponde all'ultima riga ({expected}): righe rimosse o aggiunte.");
        }
        return new(true, expected, null, $"Catena integra: {expected} righe verificate.");
    }
}
