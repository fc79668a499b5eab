using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Platform.Audit;

public sealed record AuditVerification(bool Ok, long Checked, long? FirstBrokenSequence, string Message);

/// <summary>Recomputes the hash chain from the first line to the head and, given the <see cref="AuditAnchors"/>,
/// checks the signed checkpoints kept outside the database: each must be signed by the anchor key, and its row must
/// still be in the chain with the same hash (a chain cut short, or rewritten from an edited row on, fails here).</summary>
public static class AuditChain
{
    public static async Task<AuditVerification> VerifyAsync(AppDbContext db, IProgress<long>? progress, CancellationToken ct, AuditAnchors? anchors = null)
    {
        const int batch = 5000;
        var checkpoints = anchors?.Read() ?? [];
        if (checkpoints.FirstOrDefault(c => !c.Valid) is { } forged)
        {
            return new(false, 0, null, $"Il punto di controllo alla riga {forged.Line} di {anchors!.CheckpointFile} ha una firma non valida: "
                + "il file dei punti di controllo è stato alterato, o la chiave di ancoraggio non è quella con cui è stato scritto.");
        }
        var anchored = checkpoints.GroupBy(c => c.Sequence).ToDictionary(g => g.Key, g => g.ToList());
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
                if (anchored.TryGetValue(e.Sequence, out var atRow) && atRow.FirstOrDefault(c => c.Hash != e.Hash) is { } differs)
                {
                    return new(false, expected - 1, e.Sequence, $"La riga {e.Sequence} non corrisponde al punto di controllo del "
                        + $"{Stamp(differs.At)}: la catena è stata riscritta da quella riga o prima.");
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
        if (checkpoints.Count > 0 && checkpoints.MaxBy(c => c.Sequence) is { } last && last.Sequence > expected)
        {
            return new(false, expected, expected + 1, $"La catena è stata accorciata: il punto di controllo del {Stamp(last.At)} "
                + $"attesta {last.Sequence} righe, il registro ne ha {expected}.");
        }
        return new(true, expected, null, checkpoints.Count > 0
            ? $"Catena integra: {expected} righe verificate, {checkpoints.Count} punti di controllo confermati (l'ultimo alla riga {checkpoints.Max(c => c.Sequence)})."
            : $"Catena integra: {expected} righe verificate.");
    }

    private static string Stamp(DateTime at) => at.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + " UTC";

    /// <summary>Verifies with the checkpoints of the app's <see cref="AuditAnchors"/> when the app has them.</summary>
    public static Task<AuditVerification> VerifyAsync(AppDbContext db, IServiceProvider services, IProgress<long>? progress, CancellationToken ct) =>
        VerifyAsync(db, progress, ct, services.GetService<AuditAnchors>());
}
