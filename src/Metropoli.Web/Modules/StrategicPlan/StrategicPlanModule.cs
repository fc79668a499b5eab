using Metropoli.Web.Modules.StrategicPlan.Actions;
using Metropoli.Web.Platform.Jobs;

namespace Metropoli.Web.Modules.StrategicPlan;

/// <summary>Module 2 (first part): plans, their structure (areas → objectives → actions), the DUP
/// classification the actions link to, the import of a plan's structure, and the actions concerning
/// each Comune and zone.</summary>
public static class StrategicPlanModule
{
    public static WebApplicationBuilder AddStrategicPlan(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<Report.ReportOptions>(builder.Configuration.GetSection("Reports"));
        builder.Services.AddJob<Campaigns.CampaignReminderJob>();
        builder.Services.AddSingleton<Dashboard.DashboardCache>();
        return builder;
    }

    public static WebApplication MapStrategicPlan(this WebApplication app)
    {
        app.MapStrategicPlanApi();
        Indicators.IndicatorsApi.MapIndicatorsApi(app);
        app.MapActionsExport();
        Dashboard.DashboardApi.MapDashboardApi(app);
        Campaigns.CampaignsApi.MapCampaignsApi(app);
        return app;
    }
}
