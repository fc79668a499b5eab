using Metropoli.Platform.Api;
using Metropoli.StrategicPlan.Actions;
using Metropoli.StrategicPlan.Import;
using Metropoli.StrategicPlan.Plans;
using Metropoli.StrategicPlan.Reference;
using Metropoli.StrategicPlan.Structure;

namespace Metropoli.StrategicPlan;

/// <summary>/api/v1/plans, /plan-areas, /plan-objectives, /plan-actions and the reference data, each group of
/// endpoints in its use case's folder. Reading is public (drafts only for the plan office); writing needs the plan
/// office, except the monitoring fields of an action, which its owner sector also updates.</summary>
public static class StrategicPlanApi
{
    internal const string Tag = "Piano strategico";

    public static void MapStrategicPlanApi(this WebApplication app)
    {
        var api = app.MapApiV1();
        var plans = api.MapGroup("/plans").WithTags(Tag);
        PlansApi.Map(plans);
        ImportApi.Map(plans);
        StructureApi.Map(plans, api.MapGroup("/plan-areas").WithTags(Tag), api.MapGroup("/plan-objectives").WithTags(Tag));
        ActionsApi.Map(api.MapGroup("/plan-actions").WithTags(Tag));
        ReferenceApi.Map(api);
    }
}
