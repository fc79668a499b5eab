using System.ComponentModel;
using System.Security.Claims;
using Metropoli.StrategicPlan.Model;
using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.StrategicPlan.Plans;

public sealed record PlanRow(long Id, string Name, int StartYear, int EndYear, string Status, int Areas, int Actions, DateTimeOffset UpdatedAt);

public sealed record PlanFilter
{
    [Description("Stato del piano: draft, adopted, approved, archived (le bozze solo per l'ufficio di piano).")]
    public string? Status { get; init; }
}

/// <summary>The plans, newest period first; drafts only for those who may see them.</summary>
public static class ListPlans
{
    public static readonly string[] Sortable = ["name", "startYear", "status"];

    public static Dictionary<string, string[]> Validate(ListQuery query, PlanFilter filter)
    {
        var errors = query.Validate(Sortable);
        if (filter.Status is { Length: > 0 } s && !PlanStatuses.IsKnown(s))
        {
            errors["status"] = ["Stato sconosciuto. Valori ammessi: draft, adopted, approved, archived."];
        }
        return errors;
    }

    public static async Task<Paged<PlanRow>> HandleAsync(AppDbContext db, ClaimsPrincipal user, ListQuery query, PlanFilter filter, CancellationToken ct)
    {
        var plans = db.Set<Plan>().AsNoTracking().Visible(user);
        if (!string.IsNullOrWhiteSpace(filter.Status)) plans = plans.Where(p => p.Status == filter.Status);
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var q = query.Q.Trim().ToLower();
            plans = plans.Where(p => p.Name.ToLower().Contains(q));
        }
        // Newest period first unless asked otherwise: the plan in force and the next are what people look for.
        var (key, desc) = string.IsNullOrEmpty(query.Sort) ? ("startYear", true) : query.SortOrDefault("startYear");
        plans = key switch
        {
            "name" => desc ? plans.OrderByDescending(p => p.Name) : plans.OrderBy(p => p.Name),
            "status" => desc ? plans.OrderByDescending(p => p.Status).ThenBy(p => p.Name) : plans.OrderBy(p => p.Status).ThenBy(p => p.Name),
            _ => desc ? plans.OrderByDescending(p => p.StartYear).ThenBy(p => p.Name) : plans.OrderBy(p => p.StartYear).ThenBy(p => p.Name),
        };
        var total = await plans.CountAsync(ct);
        var items = await plans.Skip(query.EffectiveOffset).Take(query.EffectiveLimit)
            .Select(p => new
            {
                p.Id, p.Name, p.StartYear, p.EndYear, p.Status, p.UpdatedAt,
                Areas = db.Set<PlanArea>().Count(a => a.PlanId == p.Id),
                Actions = db.Set<PlanAction>().Count(a => a.PlanId == p.Id),
            })
            .ToListAsync(ct);
        return new Paged<PlanRow>(
            items.Select(p => new PlanRow(p.Id, p.Name, p.StartYear, p.EndYear, p.Status, p.Areas, p.Actions, new DateTimeOffset(p.UpdatedAt, TimeSpan.Zero))).ToList(),
            total, query.EffectiveLimit, query.EffectiveOffset);
    }

    /// <summary>Every plan the user may see, for the choices of a form (id and name), newest first.</summary>
    public static async Task<List<PlanChoice>> ChoicesAsync(AppDbContext db, ClaimsPrincipal user, CancellationToken ct) =>
        await db.Set<Plan>().AsNoTracking().Visible(user).OrderByDescending(p => p.StartYear).ThenBy(p => p.Name)
            .Select(p => new PlanChoice(p.Id, p.Name, p.Status)).ToListAsync(ct);
}

public sealed record PlanChoice(long Id, string Name, string Status);
