using Metropoli.Agreements.Agreements;
using Metropoli.Agreements.Dashboard;
using Metropoli.Agreements.Documents;
using Metropoli.Agreements.Governance;
using Metropoli.Agreements.Import;
using Metropoli.Agreements.Obligations;
using Metropoli.Agreements.Parties;
using Metropoli.Agreements.Register;
using Metropoli.Agreements.Themes;
using Metropoli.Platform.Api;

namespace Metropoli.Agreements;

/// <summary>/api/v1/agreements and what hangs from it, each group of endpoints in its use case's folder. Reading
/// follows the visibility rules of <see cref="AgreementAccess"/> (a hidden agreement answers 404, as a missing one);
/// writing needs those who edit the agreement, except the status of an obligation, which the Comune that owes it
/// also updates.</summary>
public static class AgreementsApi
{
    internal const string Tag = "Intese";

    public static void MapAgreementsApi(this WebApplication app)
    {
        var api = app.MapApiV1();
        var agreements = api.MapGroup("/agreements").WithTags(Tag);
        RegisterApi.Map(agreements, app);
        DashboardApi.Map(agreements);
        AgreementApi.Map(agreements);
        ImportApi.Map(agreements);
        PartiesApi.Map(agreements);
        ObligationsApi.Map(agreements, api.MapGroup("/agreement-obligations").WithTags(Tag));
        DocumentsApi.Map(agreements, api);
        GovernanceApi.Map(agreements, api);
        ThemesApi.Map(api.MapGroup("/agreement-themes").WithTags(Tag));
    }
}
