using System.Security.Claims;
using Metropoli.Platform.Api;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Metropoli.Platform.Exports;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Metropoli.Services.Recruitment;

/// <summary>/api/v1/staffing-needs, /api/v1/competitions, /api/v1/ranking-lists (+ draws) and the open data of the joint
/// competitions. Needs are their Comune's and the office's; competitions and the aggregate data of the lists are public;
/// candidate codes only to the office and, for the ranks it drew, to the Comune.</summary>
public static class RecruitmentApi
{
    public static void MapRecruitmentApi(this RouteGroupBuilder api, WebApplication app)
    {
        var needs = api.MapGroup("/staffing-needs").WithTags(ServicesApi.Tag);
        needs.MapGet("/", async Task<Results<Ok<Paged<NeedRow>>, ValidationProblem>> ([AsParameters] ListQuery query, bool? open, ClaimsPrincipal user, AppDbContext db, CancellationToken ct) =>
            {
                var errors = query.Validate([]);
                return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(await RecruitmentHandlers.ListNeedsAsync(db, user, query, open, ct));
            })
            .RequireAuthorization(Policies.Authenticated)
            .WithName("listStaffingNeeds").WithSummary("I fabbisogni di personale che l'utente può vedere: quelli del proprio Comune, o tutti per l'Ufficio unico concorsi. open=true: quelli non ancora serviti da un concorso.");

        needs.MapPost("/", async Task<IResult> (NeedInput input, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
            {
                var (outcome, id) = await RecruitmentHandlers.CreateNeedAsync(db, user, clock, input, ct);
                return outcome is Outcome.Done ? TypedResults.Created($"/api/v1/staffing-needs?id={id}", new { id }) : OutcomeHttp.ToHttp(outcome, context);
            })
            .RequireAuthorization(Policies.Authenticated)
            .WithName("createStaffingNeed").WithSummary("Il referente comunale invia un fabbisogno di personale del proprio Comune (profilo, area del CCNL Funzioni locali, posti, entro quando). Senza convenzione in vigore: 409 con come aderire.")
            .Produces(201).ProducesProblem(403).ProducesProblem(409).ProducesProblem(422);

        var competitions = api.MapGroup("/competitions").WithTags(ServicesApi.Tag);
        competitions.MapGet("/", async Task<Results<Ok<Paged<CompetitionRow>>, ValidationProblem>> ([AsParameters] ListQuery query, [AsParameters] CompetitionFilter filter, AppDbContext db, ReadCache cache, TimeProvider clock, CancellationToken ct) =>
            {
                var errors = RecruitmentHandlers.Validate(query, filter);
                return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(await RecruitmentHandlers.CachedCompetitionsAsync(cache, db, clock, query, filter, ct));
            })
            .AllowAnonymous()
            .WithName("listCompetitions").WithSummary("I concorsi unici dell'Ufficio unico concorsi: profilo, area, posti per Comune, bando su inPA, stato e dati aggregati della graduatoria; filtri per Comune, zona, profilo e stato.");

        competitions.MapGet("/{id:long}", async Task<Results<Ok<CompetitionRow>, ProblemHttpResult>> (long id, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
                OutcomeHttp.Found(await RecruitmentHandlers.GetCompetitionAsync(db, clock, id, ct), x => x.Version, context, RecruitmentHandlers.CompetitionNotFound))
            .AllowAnonymous()
            .WithName("getCompetition").WithSummary("Un concorso unico. La risposta porta l'ETag.")
            .Produces<CompetitionRow>(200).ProducesProblem(404);

        competitions.MapPost("/", async Task<IResult> (CompetitionInput input, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
            {
                var (outcome, id) = await RecruitmentHandlers.CreateCompetitionAsync(db, user, clock, input, ct);
                return OutcomeHttp.Created(outcome, context, $"/api/v1/competitions/{id}", outcome is Outcome.Done ? await RecruitmentHandlers.GetCompetitionAsync(db, clock, id, ct) : null);
            })
            .RequireAuthorization(Policies.Authenticated)
            .WithName("createCompetition").WithSummary("L'Ufficio unico concorsi riunisce i fabbisogni dei Comuni (stessa area) in un concorso unico; i posti per Comune sono la loro somma.")
            .Produces<CompetitionRow>(201).ProducesProblem(403).ProducesProblem(422);

        competitions.MapPut("/{id:long}", (long id, CompetitionInput input, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
                OutcomeHttp.IfMatchAsync(context, "il concorso", version => RecruitmentHandlers.UpdateCompetitionAsync(db, user, clock, id, version, input, ct),
                    notFound: RecruitmentHandlers.CompetitionNotFound, forbidden: ServiceAccess.OfficeOnly))
            .RequireAuthorization(Policies.Authenticated)
            .WithName("updateCompetition").WithSummary("Aggiorna un concorso: titolo, bando su inPA, date e stato (le fasi vanno avanti). Richiede If-Match.")
            .Produces(204).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(428);

        var lists = api.MapGroup("/ranking-lists").WithTags(ServicesApi.Tag);
        lists.MapGet("/", async Task<Results<Ok<Paged<RankingListRow>>, ValidationProblem>> ([AsParameters] ListQuery query, [AsParameters] RankingListFilter filter, AppDbContext db, ReadCache cache, TimeProvider clock, CancellationToken ct) =>
            {
                var errors = RecruitmentHandlers.Validate(query, filter);
                return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(await RecruitmentHandlers.CachedListsAsync(cache, db, clock, query, filter, ct));
            })
            .AllowAnonymous()
            .WithName("listRankingLists").WithSummary("Le graduatorie dei concorsi unici (dati aggregati, senza candidati): valid=true e profile=… per sapere quali graduatorie valide esistono per un profilo.");

        lists.MapGet("/{id:long}", async Task<Results<Ok<RankingListDetail>, ProblemHttpResult>> (long id, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
                await RecruitmentHandlers.GetListAsync(db, user, clock, id, ct) is { } detail ? TypedResults.Ok(detail) : OutcomeHttp.NotFound(RecruitmentHandlers.ListNotFound))
            .AllowAnonymous()
            .WithName("getRankingList").WithSummary("Una graduatoria: atto, validità, posizioni e registro degli utilizzi in ordine. I codici pseudonimi dei candidati solo all'ufficio e, per le posizioni che ha utilizzato, al Comune.")
            .Produces<RankingListDetail>(200).ProducesProblem(404);

        lists.MapPost("/", async Task<IResult> (RankingListInput input, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
            {
                var (outcome, id) = await RecruitmentHandlers.ApproveListAsync(db, user, clock, input, ct);
                return outcome is Outcome.Done
                    ? TypedResults.Created($"/api/v1/ranking-lists/{id}", await RecruitmentHandlers.GetListAsync(db, user, clock, id, ct))
                    : OutcomeHttp.ToHttp(outcome, context, forbidden: ServiceAccess.OfficeOnly);
            })
            .RequireAuthorization(Policies.Authenticated)
            .WithName("approveRankingList").WithSummary("L'ufficio registra la graduatoria approvata di un concorso: atto, data, validità e codici pseudonimi dei candidati in ordine (nessun nome né dato personale).")
            .Produces<RankingListDetail>(201).ProducesProblem(403).ProducesProblem(409).ProducesProblem(422);

        lists.MapGet("/{id:long}/draws", async Task<Results<Ok<IReadOnlyList<DrawView>>, ProblemHttpResult>> (long id, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
                await RecruitmentHandlers.GetListAsync(db, user, clock, id, ct) is { } detail ? TypedResults.Ok(detail.Draws) : OutcomeHttp.NotFound(RecruitmentHandlers.ListNotFound))
            .AllowAnonymous()
            .WithName("listRankingDraws").WithSummary("Il registro degli utilizzi di una graduatoria, in ordine.")
            .Produces<IReadOnlyList<DrawView>>(200).ProducesProblem(404);

        lists.MapPost("/{id:long}/draws", async Task<IResult> (long id, DrawInput input, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
            {
                var (outcome, draw) = await RecruitmentHandlers.DrawAsync(db, user, clock, id, input, ct);
                return outcome is Outcome.Done ? TypedResults.Created($"/api/v1/ranking-lists/{id}/draws", draw)
                    : OutcomeHttp.ToHttp(outcome, context, RecruitmentHandlers.ListNotFound, "Attinge il referente del Comune per il proprio Comune, o l'ufficio per un Comune.");
            })
            .RequireAuthorization(Policies.Authenticated)
            .WithName("drawFromRankingList").WithSummary("Un Comune attinge alla graduatoria: la prossima posizione in ordine (o una successiva, con il motivo delle posizioni saltate: senza motivo 422). Graduatoria scaduta o Comune senza convenzione in vigore: 422 con il motivo e come aderire.")
            .Produces<DrawResult>(201).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);

        app.MapGet("/casa-dei-comuni/concorsi/export.csv", async Task<IResult> ([AsParameters] ListQuery query, [AsParameters] CompetitionFilter filter, AppDbContext db, TimeProvider clock, HttpRequest request, CancellationToken ct) =>
            {
                var errors = RecruitmentHandlers.Validate(query, filter);
                if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
                var rows = await RecruitmentHandlers.ListCompetitionsAsync(db, clock, query, filter, ct, all: true);
                return Downloads.File(request.HttpContext, "concorsi-unici", "Concorsi unici e graduatorie", CompetitionExport.Columns($"{request.Scheme}://{request.Host}"), rows.Items);
            })
            .AllowAnonymous()
            .ExcludeFromDescription();

        app.MapGet("/casa-dei-comuni/concorsi/export.json", async Task<IResult> ([AsParameters] ListQuery query, [AsParameters] CompetitionFilter filter, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
            {
                var errors = RecruitmentHandlers.Validate(query, filter);
                if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
                return TypedResults.Ok(await RecruitmentHandlers.ListCompetitionsAsync(db, clock, query, filter, ct, all: true));
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
    }
}

/// <summary>The joint competitions as open data: posts per Comune and the aggregate figures of their lists; no candidate
/// codes (pseudonymised data are still personal data, GDPR recital 26).</summary>
public static class CompetitionExport
{
    public static ExportColumn<CompetitionRow>[] Columns(string baseUrl) =>
    [
        new("id", "Id", r => r.Id), new("title", "Concorso", r => r.Title), new("profile", "Profilo", r => r.Profile),
        new("area", "Area", r => r.Area, (r, _) => Model.StaffAreas.Label(r.Area)),
        new("status", "Stato", r => r.Status, (r, _) => Model.CompetitionStatuses.Label(r.Status)),
        new("posts", "Posti", r => r.Posts),
        new("municipalities", "Comuni e posti", r => string.Join("; ", r.Municipalities.Select(m => $"{m.IstatCode}:{m.Posts}")), (r, _) => string.Join("; ", r.Municipalities.Select(m => $"{m.Comune} ({m.Posts})"))),
        new("inpa_notice", "Bando inPA", r => r.NoticeReference), new("inpa_url", "Indirizzo del bando", r => r.NoticeUrl),
        new("published_on", "Pubblicazione", r => r.PublishedOn), new("applications_close_on", "Scadenza delle domande", r => r.ApplicationsCloseOn),
        new("list_act", "Atto di approvazione della graduatoria", r => r.RankingList?.ActNumber), new("list_approved_on", "Approvazione", r => r.RankingList?.ApprovedOn),
        new("list_valid_until", "Graduatoria valida fino al", r => r.RankingList?.ValidUntil), new("list_entries", "Idonei", r => r.RankingList?.Entries),
        new("list_drawn", "Assunti o utilizzati", r => r.RankingList?.Drawn),
        new("url", "Indirizzo", r => $"{baseUrl}/casa-dei-comuni/concorsi/{r.Id}"),
    ];
}
