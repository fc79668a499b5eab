using System.Security.Claims;

namespace Metropoli.StrategicPlan.Contracts;

/// <summary>What other modules may read of the strategic plan: plans, objectives and actions as queryable rows bound
/// to the caller's database context, and who sees drafts.</summary>
public interface IPlanQueries
{
    IQueryable<PlanRef> Plans { get; }
    IQueryable<ObjectiveRef> Objectives { get; }
    IQueryable<ActionRef> Actions { get; }

    /// <summary>The Comuni each action concerns (by ISTAT code): the zone desk of participation reads them (ADR 0043).</summary>
    IQueryable<ActionPlaceRef> ActionMunicipalities { get; }

    /// <summary>The zones each action concerns (by zone code).</summary>
    IQueryable<ActionPlaceRef> ActionZones { get; }

    /// <summary>Whether <paramref name="user"/> sees plans still being drafted (and what hangs from them).</summary>
    bool SeesDrafts(ClaimsPrincipal user);
}

public static class PlanContract
{
    /// <summary>The module's name (<c>IMetropoliModule.Name</c>, read-model key).</summary>
    public const string Module = "plan";

    /// <summary>What another module's model may point a foreign key at (ADR 0026), by id: stable names that the plan
    /// module maps to its entities (<c>IMetropoliModule.ReferencedEntities</c>).</summary>
    public const string ObjectiveEntity = "plan.objective";
    public const string ActionEntity = "plan.action";
}

public sealed class PlanRef
{
    public long Id { get; init; }
    public string Name { get; init; } = "";
    public bool IsDraft { get; init; }
}

public sealed class ObjectiveRef
{
    public long Id { get; init; }
    public long PlanId { get; init; }
    public string Code { get; init; } = "";
    public string Title { get; init; } = "";
}

public sealed class ActionRef
{
    public long Id { get; init; }
    public long PlanId { get; init; }
    public string Code { get; init; } = "";
    public string Title { get; init; } = "";
}

/// <summary>A place an action concerns: a Comune (<see cref="Code"/> is its ISTAT code) or a zone (its code).</summary>
public sealed class ActionPlaceRef
{
    public long ActionId { get; init; }
    public string Code { get; init; } = "";
}
