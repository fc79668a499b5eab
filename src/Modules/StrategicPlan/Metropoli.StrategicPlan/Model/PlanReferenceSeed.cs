using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.StrategicPlan.Model;

/// <summary>Loads the DUP classification (Missioni and Programmi of D.Lgs. 118/2011) and the plan's tags.
/// Idempotent: rows are added when missing and their names corrected in place; nothing is removed, since
/// actions may point at any of them.</summary>
public static class PlanReferenceSeed
{
    public sealed record DupRow(string MissionCode, string MissionName, string ProgrammeCode, string ProgrammeName, bool RegionsOnly);

    /// <summary>The pillars of the PSTTM 2022-2024 and the six missions of the PNRR.</summary>
    public static readonly IReadOnlyList<PlanTag> Tags =
    [
        new() { Code = "sostenibilita", Kind = TagKinds.Pillar, Name = "Sostenibilità", SortOrder = 1 },
        new() { Code = "connettivita", Kind = TagKinds.Pillar, Name = "Connettività", SortOrder = 2 },
        new() { Code = "prossimita", Kind = TagKinds.Pillar, Name = "Prossimità", SortOrder = 3 },
        new() { Code = "inclusione", Kind = TagKinds.Pillar, Name = "Inclusione", SortOrder = 4 },
        new() { Code = "attrattivita", Kind = TagKinds.Pillar, Name = "Attrattività", SortOrder = 5 },
        new() { Code = "pnrr-m1", Kind = TagKinds.Pnrr, Name = "M1 Digitalizzazione, innovazione, competitività, cultura e turismo", SortOrder = 11 },
        new() { Code = "pnrr-m2", Kind = TagKinds.Pnrr, Name = "M2 Rivoluzione verde e transizione ecologica", SortOrder = 12 },
        new() { Code = "pnrr-m3", Kind = TagKinds.Pnrr, Name = "M3 Infrastrutture per una mobilità sostenibile", SortOrder = 13 },
        new() { Code = "pnrr-m4", Kind = TagKinds.Pnrr, Name = "M4 Istruzione e ricerca", SortOrder = 14 },
        new() { Code = "pnrr-m5", Kind = TagKinds.Pnrr, Name = "M5 Inclusione e coesione", SortOrder = 15 },
        new() { Code = "pnrr-m6", Kind = TagKinds.Pnrr, Name = "M6 Salute", SortOrder = 16 },
    ];

    public static IReadOnlyList<DupRow> ReadDupRows()
    {
        using var stream = typeof(PlanReferenceSeed).Assembly.GetManifestResourceStream("Metropoli.StrategicPlan.dup-missioni-programmi.csv")
            ?? throw new InvalidOperationException("Seed data dup-missioni-programmi.csv is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        var rows = new List<DupRow>();
        csv.Read();
        csv.ReadHeader();
        while (csv.Read())
        {
            rows.Add(new DupRow(csv.GetField(0)!, csv.GetField(1)!, csv.GetField(2)!, csv.GetField(3)!, csv.GetField(4) == "true"));
        }
        return rows;
    }

    public static async Task SeedAsync(AppDbContext db, CancellationToken ct = default)
    {
        var rows = ReadDupRows();
        var missions = await db.Set<DupMission>().ToDictionaryAsync(m => m.Code, ct);
        foreach (var m in rows.GroupBy(r => r.MissionCode))
        {
            if (!missions.TryGetValue(m.Key, out var mission))
            {
                mission = new DupMission { Code = m.Key };
                db.Add(mission);
            }
            mission.Name = m.First().MissionName;
        }
        await db.SaveChangesAsync(ct);

        var programmes = await db.Set<DupProgramme>().ToDictionaryAsync(p => p.Code, ct);
        foreach (var r in rows)
        {
            if (!programmes.TryGetValue(r.ProgrammeCode, out var p))
            {
                p = new DupProgramme { Code = r.ProgrammeCode };
                db.Add(p);
            }
            p.MissionCode = r.MissionCode;
            p.Name = r.ProgrammeName;
            p.RegionsOnly = r.RegionsOnly;
        }

        var tags = await db.Set<PlanTag>().ToDictionaryAsync(t => t.Code, ct);
        foreach (var t in Tags)
        {
            if (!tags.TryGetValue(t.Code, out var tag))
            {
                tag = new PlanTag { Code = t.Code };
                db.Add(tag);
            }
            (tag.Kind, tag.Name, tag.SortOrder) = (t.Kind, t.Name, t.SortOrder);
        }
        await db.SaveChangesAsync(ct);
    }
}
