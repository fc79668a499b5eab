using Metropoli.Agreements.Register;
using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Microsoft.AspNetCore.Mvc;

namespace Metropoli.Agreements.Traceability;

/// <param name="RenderKey">Names the rendered list for the view's <c>&lt;cache&gt;</c>: the cached page of
/// agreements it shows (<see cref="ReadCache.IdOf"/>), which is per subject and class of viewer.</param>
public sealed record LinkedAgreementsView(string Heading, string Caption, string Empty, string MoreUrl, Paged<AgreementRow> Agreements, string RenderKey = "");

/// <summary>"Intese che lo attuano": the agreements linked to a plan objective or action, as the viewer
/// may see them (anonymous users: public agreements in force or ended). Self-contained, so that the plan's
/// pages include it with one line and know nothing of the agreements' model.</summary>
public sealed class AgreementsForPlanItemViewComponent(ReadCache cache) : ViewComponent
{
    public const int Shown = 50;

    public async Task<IViewComponentResult> InvokeAsync(Platform.Modules.SectionContext context)
    {
        var (objectiveId, actionId) = context.Page == Platform.Modules.SectionPages.Objective ? (context.Id, (long?)null) : ((long?)null, context.Id);
        var filter = new AgreementFilter { Objective = objectiveId, Action = objectiveId is null ? actionId : null };
        var page = await FirstPageAsync(cache, HttpContext, filter, objectiveId is { } oid ? "objective:" + oid : "action:" + actionId);
        var more = objectiveId is { } o ? $"/intese?objective={o}" : $"/intese?action={actionId}";
        var view = objectiveId is not null
            ? new LinkedAgreementsView("Intese che attuano l'obiettivo", "Le intese collegate a questo obiettivo del piano", "Nessuna intesa visibile attua questo obiettivo.", more, page)
            : new LinkedAgreementsView("Intese che attuano l'azione", "Le intese collegate a questa azione del piano", "Nessuna intesa visibile attua questa azione.", more, page);
        return View("/Modules/Agreements/Traceability/_LinkedAgreements.cshtml", view with { RenderKey = "linked:" + cache.IdOf(page) });
    }

    /// <summary>The first <see cref="Shown"/> agreements of the filter by title, as the viewer's class sees them
    /// (<see cref="AgreementAccess.ViewerClass"/>), from the <see cref="ReadCache"/>: Milano's page lists 50 of
    /// the 7,561 agreements that concern it at metro scale, and counting and sorting them took 20–40 ms per view.</summary>
    internal static Task<Paged<AgreementRow>> FirstPageAsync(ReadCache cache, HttpContext http, AgreementFilter filter, string subject)
    {
        var user = http.User;
        return cache.GetAsync($"linked-agreements:{AgreementAccess.ViewerClass(user)}:{subject}", ReadModels.All,
            (db, ct) => ListAgreements.HandleAsync(db, user, new ListQuery { Limit = Shown, Sort = "title" }, filter, ct), http.RequestAborted);
    }
}

/// <summary>The agreements concerning a Comune (party, listed, or through its zone) or a zone (listed,
/// or through its Comuni), for the Territory pages.</summary>
public sealed class AgreementsForTerritoryViewComponent(ReadCache cache) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Platform.Modules.SectionContext context)
    {
        var (istatCode, zoneCode) = context.Page == Platform.Modules.SectionPages.Comune ? (context.Key, (string?)null) : ((string?)null, context.Key);
        var filter = istatCode is not null ? new AgreementFilter { Municipality = istatCode } : new AgreementFilter { Zone = zoneCode ?? "" };
        var page = await AgreementsForPlanItemViewComponent.FirstPageAsync(cache, HttpContext, filter, istatCode is not null ? "municipality:" + istatCode : "zone:" + zoneCode);
        var view = istatCode is not null
            ? new LinkedAgreementsView("Intese", "Le intese di cui il Comune è parte o che lo riguardano, direttamente o tramite la sua zona",
                "Nessuna intesa visibile riguarda questo Comune.", $"/intese?municipality={istatCode}", page)
            : new LinkedAgreementsView("Intese", "Le intese che riguardano la zona o i suoi Comuni",
                "Nessuna intesa visibile riguarda questa zona.", $"/intese?zone={zoneCode}", page);
        return View("/Modules/Agreements/Traceability/_LinkedAgreements.cshtml", view with { RenderKey = "linked:" + cache.IdOf(page) });
    }
}

/// <summary>The agreements an organisation of the registry is a party to, for the organisation's page
/// (<see cref="Platform.Modules.SectionPages.Organisation"/>), as the viewer may see them.</summary>
public sealed class AgreementsForOrganisationViewComponent(ReadCache cache) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Platform.Modules.SectionContext context)
    {
        if (context.Id is not { } organisationId) return Content("");
        var page = await AgreementsForPlanItemViewComponent.FirstPageAsync(cache, HttpContext, new AgreementFilter { Party = organisationId }, "party:" + organisationId);
        var view = new LinkedAgreementsView("Intese di cui è parte", "Le intese di cui l'organizzazione è parte",
            "L'organizzazione non è parte di alcuna intesa visibile.", $"/intese?party={organisationId}", page);
        return View("/Modules/Agreements/Traceability/_LinkedAgreements.cshtml", view with { RenderKey = "linked:" + cache.IdOf(page) });
    }
}
