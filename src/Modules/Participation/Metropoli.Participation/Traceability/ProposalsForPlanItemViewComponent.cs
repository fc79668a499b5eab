using Metropoli.Participation.Model;
using Metropoli.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Participation.Traceability;

public sealed record TakenUpProposal(long Id, long ConsultationId, string ConsultationTitle, string Title, string Author, string Answer, DateOnly AnsweredOn);

public sealed record TakenUpView(string Heading, string Empty, IReadOnlyList<TakenUpProposal> Proposals);

/// <summary>"Da dove viene l'idea": the proposals of consultations accepted (fully or in part) and taken up by this plan
/// objective or action, on the plan's pages (<see cref="SectionPages.Objective"/>, <see cref="SectionPages.Action"/>).</summary>
public sealed class ProposalsForPlanItemViewComponent(AppDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(SectionContext context)
    {
        if (context.Id is not { } id) return Content("");
        var objective = context.Page == SectionPages.Objective;
        var rows = await db.Set<Proposal>().AsNoTracking()
            .Where(p => !p.IsHidden && !p.IsWithdrawn && p.Answer != null && (objective ? p.TakenUpObjectiveId == id : p.TakenUpActionId == id))
            .Join(db.Set<Consultation>(), p => p.ConsultationId, c => c.Id, (p, c) => new { p, c.Title })
            .OrderBy(x => x.p.Id).Take(50)
            .Select(x => new
            {
                x.p.Id, x.p.ConsultationId, ConsultationTitle = x.Title, x.p.Title, x.p.ShowName, x.p.AuthorName, x.p.Answer, x.p.AnsweredAt,
                Organisation = db.Reads<ITerritoryQueries>().Organisations.Where(o => o.Id == x.p.OrganisationId).Select(o => o.Name).FirstOrDefault(),
            }).ToListAsync(HttpContext.RequestAborted);
        if (rows.Count == 0) return Content("");
        var view = new TakenUpView(objective ? "Proposte della partecipazione recepite dall'obiettivo" : "Proposte della partecipazione recepite dall'azione",
            "", rows.Select(x => new TakenUpProposal(x.Id, x.ConsultationId, x.ConsultationTitle, x.Title,
                Proposals.ProposalHandlers.Author(x.Organisation, x.ShowName, x.AuthorName), x.Answer!, CivilClock.DayOf(x.AnsweredAt!.Value))).ToList());
        return View("/Modules/Participation/Traceability/_TakenUpProposals.cshtml", view);
    }
}
