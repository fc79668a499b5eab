using Metropoli.StrategicPlan.Model;
using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.StrategicPlan.Reference;

public sealed record DupProgrammeRow(string Code, string Name, bool RegionsOnly);

public sealed record DupMissionRow(string Code, string Name, IReadOnlyList<DupProgrammeRow> Programmes);

public sealed record PlanTagRow(string Code, string Kind, string Name);

/// <summary>The reference data of the plan: the DUP classification and the tags.</summary>
public static class ListReference
{
    public static async Task<Paged<DupMissionRow>> DupMissionsAsync(AppDbContext db, CancellationToken ct)
    {
        var missions = await db.Set<DupMission>().AsNoTracking().OrderBy(m => m.Code).ToListAsync(ct);
        var programmes = await db.Set<DupProgramme>().AsNoTracking().OrderBy(p => p.Code).ToListAsync(ct);
        var rows = missions.Select(m => new DupMissionRow(m.Code, m.Name,
            programmes.Where(p => p.MissionCode == m.Code).Select(p => new DupProgrammeRow(p.Code, p.Name, p.RegionsOnly)).ToList())).ToList();
        return new Paged<DupMissionRow>(rows, rows.Count, rows.Count, 0);
    }

    public static async Task<Paged<PlanTagRow>> TagsAsync(AppDbContext db, CancellationToken ct)
    {
        var rows = await db.Set<PlanTag>().AsNoTracking().OrderBy(t => t.SortOrder).Select(t => new PlanTagRow(t.Code, t.Kind, t.Name)).ToListAsync(ct);
        return new Paged<PlanTagRow>(rows, rows.Count, rows.Count, 0);
    }

    /// <summary>The programmes for a form's select, those of the Regions last.</summary>
    public static async Task<List<(string Code, string Label, string Mission)>> ProgrammeChoicesAsync(AppDbContext db, CancellationToken ct) =>
        (await db.Set<DupProgramme>().AsNoTracking().OrderBy(p => p.RegionsOnly).ThenBy(p => p.Code).ToListAsync(ct))
            .Select(p => (p.Code, p.Code + " " + p.Name, p.MissionCode)).ToList();
}
