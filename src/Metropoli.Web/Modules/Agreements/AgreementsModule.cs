using Metropoli.Web.Modules.Agreements.Alerts;
using Metropoli.Web.Platform.Jobs;

namespace Metropoli.Web.Modules.Agreements;

/// <summary>Module 3, the system of agreements: the register and lifecycle of agreements, their parties,
/// obligations, documents and governance, the links to the plan and the territory, the dashboard, the
/// CSV import, and the jobs that expire agreements and send alerts.</summary>
public static class AgreementsModule
{
    public static WebApplicationBuilder AddAgreements(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<AgreementOptions>(builder.Configuration.GetSection("Agreements"));
        builder.Services.AddJob<AgreementExpiryJob>();
        builder.Services.AddJob<AgreementAlertJob>();
        return builder;
    }

    public static WebApplication MapAgreements(this WebApplication app)
    {
        app.MapAgreementsApi();
        return app;
    }
}
