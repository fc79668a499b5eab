using System.Text;
using Metropoli.Knowledge.Model;
using Metropoli.Platform.Data;
using Metropoli.Platform.Files;
using Metropoli.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Knowledge.Demo;

/// <summary>The demo: two model regulations written here and marked as demonstration data (title suffix, <c>IsDemo</c>,
/// a file that says so), the first in two versions, and its adoption by three Comuni (Rho, the demo officer's Comune, at
/// version 1; Legnano and Sesto San Giovanni at version 2). Idempotent.</summary>
public static class KnowledgeDemo
{
    public const string Suffix = " (dati dimostrativi)";
    public const string FirstTitle = "Regolamento tipo per l'uso dei servizi digitali del Comune" + Suffix;

    public static async Task SeedAsync(AppDbContext db, TimeProvider clock, IFileStore files, CancellationToken ct)
    {
        if (await db.Set<StandardAct>().AnyAsync(a => a.Title == FirstTitle, ct)) return;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = CivilClock.Today(clock);
        var plans = db.Reads<IPlanQueries>();
        var objective = await plans.Objectives.Where(o => plans.Plans.Any(p => p.Id == o.PlanId && !p.IsDraft)).OrderBy(o => o.Code).Select(o => (long?)o.Id).FirstOrDefaultAsync(ct);
        var first = new StandardAct
        {
            Kind = StandardActKinds.Regulation, Title = FirstTitle, Theme = KnowledgeThemes.Digital, ObjectiveId = objective, IsDemo = true, CreatedAt = now, UpdatedAt = now,
            Summary = "Un regolamento tipo che il Comune può adottare per l'accesso ai servizi online con SPID e CIE, i pagamenti pagoPA e le comunicazioni tramite App IO." + Suffix,
        };
        var second = new StandardAct
        {
            Kind = StandardActKinds.Regulation, Title = "Regolamento tipo per la gestione associata dei servizi sociali" + Suffix, Theme = KnowledgeThemes.Social, IsDemo = true,
            CreatedAt = now, UpdatedAt = now,
            Summary = "Un regolamento tipo per i Comuni che gestiscono in forma associata, per zona, l'accesso ai servizi sociali." + Suffix,
        };
        db.AddRange(first, second);
        await db.SaveChangesAsync(ct);
        async Task VersionAsync(StandardAct act, int number, DateOnly on, string changes)
        {
            var bytes = Encoding.ASCII.GetBytes($"%PDF-1.4\n% Documento dimostrativo: {number}\n");
            var (stored, error) = await Evidence.SaveAsync(files, StandardActs.StandardActHandlers.Area,
                new EvidenceUpload($"atto-tipo-{act.Id}-v{number}.pdf", bytes.Length, () => new MemoryStream(bytes)), ct);
            if (stored is null) throw new InvalidOperationException(error);
            db.Add(new StandardActVersion
            {
                ActId = act.Id, Number = number, PublishedOn = on, Changes = changes, FileName = stored.Name, StoredName = stored.StoredName,
                ContentType = stored.ContentType, Size = stored.Size, Sha256 = stored.Sha256, UploadedBy = "sistema", UploadedAt = now,
            });
        }
        await VersionAsync(first, 1, today.AddDays(-200), "Prima versione" + Suffix);
        await VersionAsync(first, 2, today.AddDays(-60), "Aggiunti l'accesso con CIE e le notifiche tramite App IO" + Suffix);
        await VersionAsync(second, 1, today.AddDays(-30), "Prima versione" + Suffix);
        foreach (var (istat, version, days) in new[] { ("015182", 1, -150), ("015118", 2, -40), ("015209", 2, -20) })
        {
            db.Add(new Adoption
            {
                ActId = first.Id, VersionNumber = version, IstatCode = istat, ActNumber = $"Delibera di Consiglio n. {Math.Abs(days)} (dimostrativa)",
                AdoptedOn = today.AddDays(days), Link = "https://www.example.org/albo-pretorio/atto-dimostrativo", RecordedBy = "sistema", RecordedAt = now, IsDemo = true,
            });
        }
        db.Add(new Practice
        {
            Title = "Sportello digitale condiviso per le pratiche edilizie" + Suffix, IstatCode = "015182", ZoneCode = "nord-ovest", Theme = KnowledgeThemes.Digital,
            Problem = "Le pratiche edilizie arrivavano su carta e per PEC, senza un **fascicolo unico**." + Suffix,
            Solution = "Uno sportello online con:\n\n- accesso con SPID e CIE\n- pagamento pagoPA dei diritti di segreteria\n- fascicolo digitale condiviso con gli uffici" + Suffix,
            Results = "Tempi medi di istruttoria ridotti di un terzo nel primo anno." + Suffix, Costs = "Circa 40.000 euro di configurazione." + Suffix,
            Contacts = "Ufficio tecnico del Comune (contatto dimostrativo)", Status = PracticeStatuses.Published, PublishedAt = now, CreatedBy = "sistema",
            IsDemo = true, CreatedAt = now, UpdatedAt = now,
        });
        // A draft of Rho, seen only by Rho's officers (the demo officer can finish and send it).
        db.Add(new Practice
        {
            Title = "Raccolta dei rifiuti ingombranti su prenotazione (bozza)" + Suffix, IstatCode = "015182", Theme = KnowledgeThemes.Environment,
            Problem = "Abbandoni di rifiuti ingombranti ai bordi delle strade." + Suffix, Solution = "Prenotazione online del ritiro a domicilio." + Suffix,
            Results = "Da misurare." + Suffix, Status = PracticeStatuses.Draft, CreatedBy = "sistema", IsDemo = true, CreatedAt = now, UpdatedAt = now,
        });
        await db.SaveChangesAsync(ct);
        var practice = await db.Set<Practice>().Where(p => p.IsDemo && p.Status == PracticeStatuses.Published).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(ct);
        db.Add(new PracticeReuse { PracticeId = practice, IstatCode = "015209", RecordedBy = "sistema", RecordedAt = now });
        await db.SaveChangesAsync(ct);
    }
}
