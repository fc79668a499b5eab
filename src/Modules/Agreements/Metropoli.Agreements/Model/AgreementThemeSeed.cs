using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Agreements.Model;

/// <summary>The themes of the agreements, taken from the plan's own lists. Additive and idempotent: a
/// theme that exists is left as the administrators made it; only missing codes are inserted.</summary>
public static class AgreementThemeSeed
{
    public static readonly IReadOnlyList<(string Code, string Name)> Themes =
    [
        ("rigenerazione-urbana", "Rigenerazione urbana"),
        ("politiche-casa", "Politiche per la casa"),
        ("difesa-territorio-ambiente", "Difesa del territorio e dell'ambiente"),
        ("politiche-energetiche", "Politiche energetiche"),
        ("inquinamento-clima", "Lotta all'inquinamento e ai cambiamenti climatici"),
        ("mobilita-trasporti", "Mobilità e trasporti"),
        ("formazione-professionale", "Formazione professionale"),
        ("lavoro-sviluppo-economico", "Lavoro e sviluppo economico"),
        ("finanziamenti-nazionali-europei", "Interventi con finanziamenti nazionali ed europei (PNRR, REACT)"),
        ("semplificazione-innovazione", "Semplificazione e innovazione"),
        ("biodiversita", "Biodiversità"),
        ("qualita-aria", "Qualità dell'aria"),
        ("decarbonizzazione", "Decarbonizzazione e transizione energetica"),
        ("governo-territorio", "Governo del territorio"),
        ("sistema-parchi", "Sistema dei parchi"),
        ("infrastrutture", "Infrastrutture"),
        ("turismo-grandi-eventi", "Turismo e grandi eventi sportivi"),
        ("housing-sociale", "Housing sociale"),
        ("istruzione", "Istruzione e diritto allo studio"),
        ("sanita-sociale", "Integrazione tra servizi sanitari e sociali"),
        ("trasformazione-digitale", "Trasformazione digitale"),
        ("agricoltura", "Agricoltura"),
        ("scuola-territorio", "Integrazione scuola-territorio"),
    ];

    public static async Task SeedAsync(AppDbContext db, TimeProvider clock, CancellationToken ct = default)
    {
        var existing = (await db.Set<AgreementTheme>().Select(t => t.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var now = clock.GetUtcNow().UtcDateTime;
        var order = 0;
        foreach (var (code, name) in Themes)
        {
            order++;
            if (!existing.Contains(code))
            {
                db.Add(new AgreementTheme { Code = code, Name = name, SortOrder = order, UpdatedAt = now });
            }
        }
        if (db.ChangeTracker.HasChanges())
        {
            await db.SaveChangesAsync(ct);
        }
    }
}
