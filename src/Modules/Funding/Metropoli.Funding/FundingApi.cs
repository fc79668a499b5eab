using System.Security.Claims;
using Metropoli.Funding.Calls;
using Metropoli.Funding.Eligibility;
using Metropoli.Funding.Import;
using Metropoli.Funding.Projects;
using Metropoli.Platform.Api;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Metropoli.Platform.Exports;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Metropoli.Funding;

/// <summary>/api/v1/funding-calls and /api/v1/projects: public reading (the open data of Italia Domani keeps its
/// attribution in every detail), writing of calls by the funding office (<see cref="FundingAccess"/>).</summary>
public static class FundingApi
{
    internal const string Tag = "Finanziamenti";
    private const string CallNotFound = "Nessun bando con questo identificativo.";
    private const string ProjectNotFound = "Nessun progetto con questo CUP.";

    public static void MapFundingApi(this WebApplication app)
    {
        var api = app.MapApiV1();
        var calls = api.MapGroup("/funding-calls").WithTags(Tag);
        calls.MapGet("/", async Task<Results<Ok<Paged<CallRow>>, ValidationProblem>> ([AsParameters] ListQuery query, [AsParameters] CallFilter filter, AppDbContext db, CancellationToken ct) =>
            {
                var errors = ListCalls.Validate(query, filter);
                return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(await ListCalls.HandleAsync(db, query, filter, ct));
            })
            .AllowAnonymous()
            .WithName("listFundingCalls").WithSummary("I bandi e gli avvisi (PNRR e altri fondi): filtri per programma, stato, missione, destinatari Comuni; ricerca; ordinamento; paginazione. " + PnrrImport.Attribution + ".");

        calls.MapGet("/{id:long}", async Task<Results<Ok<CallDetail>, ProblemHttpResult>> (long id, AppDbContext db, HttpContext context, CancellationToken ct) =>
                OutcomeHttp.Found(await GetCall.HandleAsync(db, id, ct), x => x.Version, context, CallNotFound))
            .AllowAnonymous()
            .WithName("getFundingCall").WithSummary("Un bando con le sue regole di ammissibilità; la risposta porta l'ETag della versione.")
            .Produces<CallDetail>(200).ProducesProblem(404);

        calls.MapGet("/{id:long}/eligibility", async Task<IResult> (long id, AppDbContext db, CancellationToken ct) =>
                await Radar.ForCallAsync(db, id, ct) is { } radar ? TypedResults.Ok(radar) : OutcomeHttp.NotFound(CallNotFound))
            .AllowAnonymous()
            .WithName("getFundingCallEligibility").WithSummary("Il radar di ammissibilità: ogni Comune della Città metropolitana ammissibile o no, con il motivo di ogni regola, e la copertura per zona.")
            .Produces<CallRadar>(200).ProducesProblem(404);

        calls.MapPost("/", async Task<IResult> (CallRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
            {
                var (outcome, id) = await SaveCall.CreateAsync(db, user, clock, request, ct);
                return OutcomeHttp.Created(outcome, context, $"/api/v1/funding-calls/{id}", outcome is Outcome.Done ? await GetCall.HandleAsync(db, id!.Value, ct) : null, CallNotFound);
            })
            .RequireAuthorization(Policies.Authenticated)
            .WithName("createFundingCall").WithSummary("Registra un bando con le sue regole di ammissibilità (ufficio di piano, amministratori). 422 con il campo per un dato non valido: nulla è salvato.")
            .Produces<CallDetail>(201).ProducesProblem(403).ProducesProblem(422);

        calls.MapPut("/{id:long}", (long id, CallRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
                OutcomeHttp.IfMatchAsync(context, "il bando", version => SaveCall.UpdateAsync(db, user, clock, id, version, request, ct), notFound: CallNotFound))
            .RequireAuthorization(Policies.Authenticated)
            .WithName("updateFundingCall").WithSummary("Sostituisce i dati di un bando (e le regole, se indicate). Richiede If-Match.")
            .Produces(204).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(428);

        app.MapGet("/finanziamenti/bandi/export.csv", async Task<IResult> ([AsParameters] ListQuery query, [AsParameters] CallFilter filter, AppDbContext db, HttpRequest request, CancellationToken ct) =>
            {
                var errors = ListCalls.Validate(query, filter);
                if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
                var rows = await ListCalls.AllAsync(db, query, filter, ct);
                var baseUrl = $"{request.Scheme}://{request.Host}";
                ExportColumn<CallRow>[] columns =
                [
                    new("id", "Id", r => r.Id), new("code", "Codice", r => r.Code), new("title", "Titolo", r => r.Title), new("issuer", "Ente", r => r.Issuer),
                    new("programme", "Programma", r => r.Programme), new("measure", "Misura", r => r.MeasureCode), new("recipients", "Destinatari", r => r.Recipients),
                    new("budget_eur", "Dotazione (euro)", r => r.Budget), new("opens_on", "Apertura", r => r.OpensOn), new("closes_on", "Scadenza", r => r.ClosesOn),
                    new("status", "Stato", r => r.Status), new("link", "Testo del bando", r => r.Link), new("url", "Indirizzo", r => $"{baseUrl}/finanziamenti/bandi/{r.Id}"),
                ];
                return Downloads.File(request.HttpContext, "bandi", "Bandi e avvisi", columns, rows);
            })
            .AllowAnonymous().ExcludeFromDescription();

        Applications.ApplicationsApi.Map(api);
        Reporting.ReportingApi.Map(api);

        // One row per project and month of validated spending. Field names: CUP, Missione, Codice Univoco Misura,
        // Titolo progetto and FINANZ_TOTALE as in Italia Domani's PNRR_Progetti open data; the rest are ours (ADR 0041).
        app.MapGet("/finanziamenti/spesa/export.csv", async Task<IResult> (AppDbContext db, HttpRequest request, CancellationToken ct) =>
            {
                var rows = await Reporting.Spending.PeriodsAsync(db, ct);
                ExportColumn<Reporting.SpendingPeriodRow>[] columns =
                [
                    new("CUP", "CUP", r => r.Cup), new("Titolo progetto", "Titolo progetto", r => r.Title), new("Programma", "Programma", r => r.Programme),
                    new("Missione", "Missione", r => r.Mission), new("Codice Univoco Misura", "Codice Univoco Misura", r => r.Measure),
                    new("Soggetto attuatore", "Soggetto attuatore", r => r.ImplementerName), new("FINANZ_TOTALE", "FINANZ_TOTALE", r => r.TotalCost),
                    new("periodo", "Periodo (anno-mese)", r => r.Period), new("spesa_validata_periodo", "Spesa validata nel periodo (euro)", r => r.Validated),
                    new("spesa_validata_cumulata", "Spesa validata cumulata (euro)", r => r.Cumulative), new("numero_spese", "Numero di spese", r => r.Expenditures),
                ];
                return Downloads.File(request.HttpContext, "spesa-progetti", "Spesa validata per progetto e mese", columns, rows);
            })
            .AllowAnonymous().ExcludeFromDescription();

        // The small Comuni that applied to nothing in the period: the funding office's list (403 to others).
        app.MapGet("/finanziamenti/comuni-inattivi/export.csv", async Task<IResult> (int? mesi, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpRequest request, CancellationToken ct) =>
            {
                if (!FundingAccess.CanManage(user)) return Metropoli.Platform.Errors.Problems.Forbidden.Result("Solo l'ufficio finanziamenti (ufficio di piano, amministratori) vede questo elenco.");
                var result = await Inactive.InactiveComuniHandler.HandleAsync(db, Metropoli.Platform.Time.CivilClock.Today(clock), Inactive.InactiveComuniHandler.Months(mesi), ct);
                var baseUrl = $"{request.Scheme}://{request.Host}";
                ExportColumn<Inactive.InactiveComune>[] columns =
                [
                    new("istat", "Codice ISTAT", r => r.IstatCode), new("comune", "Comune", r => r.Name), new("zone", "Zona", r => r.ZoneName),
                    new("population", "Abitanti", r => r.Population),
                    new("last_application", "Ultima domanda", r => r.LastApplicationAt is { } at ? DateOnly.FromDateTime(at) : null),
                    new("open_calls", "Bandi aperti", r => r.OpenCalls),
                    new("nearest_calls", "Bandi con la scadenza più vicina", r => string.Join("; ", r.NearestCalls.Select(c => c.Title))),
                    new("url", "Indirizzo", r => $"{baseUrl}/comuni/{r.IstatCode}"),
                ];
                return Downloads.File(request.HttpContext, "piccoli-comuni-senza-domande", "Piccoli Comuni senza domande", columns, result.Items);
            })
            .RequireAuthorization(Policies.Authenticated).ExcludeFromDescription();

        var projects = api.MapGroup("/projects").WithTags(Tag);
        projects.MapGet("/", async Task<Results<Ok<Paged<ProjectRow>>, ValidationProblem>> ([AsParameters] ListQuery query, [AsParameters] ProjectFilter filter, AppDbContext db, CancellationToken ct) =>
            {
                var errors = ListProjects.Validate(query, filter);
                return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(await ListProjects.HandleAsync(db, query, filter, ct));
            })
            .AllowAnonymous()
            .WithName("listFundedProjects").WithSummary("I progetti finanziati nei Comuni della Città metropolitana: filtri per Comune, zona, missione; ricerca; ordinamento; paginazione. " + PnrrImport.Attribution + ".");

        projects.MapGet("/{cup}", async Task<Results<Ok<ProjectDetail>, ProblemHttpResult>> (string cup, AppDbContext db, HttpContext context, CancellationToken ct) =>
                OutcomeHttp.Found(cup.Length > 20 ? null : await ListProjects.GetAsync(db, cup, ct), x => x.Version, context, ProjectNotFound))
            .AllowAnonymous()
            .WithName("getFundedProject").WithSummary("Un progetto per CUP: misura, enti, Comuni, fonti di finanziamento e costo totale.")
            .Produces<ProjectDetail>(200).ProducesProblem(404);

        projects.MapGet("/{cup}/links", async Task<Results<Ok<ProjectLinks>, ProblemHttpResult>> (string cup, ClaimsPrincipal user, AppDbContext db, HttpContext context, CancellationToken ct) =>
                OutcomeHttp.Found(cup.Length > 20 ? null : await ProjectLinkHandlers.GetAsync(db, user, cup, ct), x => x.Version, context, ProjectNotFound))
            .AllowAnonymous()
            .WithName("getFundedProjectLinks").WithSummary("Gli obiettivi e le azioni del piano strategico a cui il progetto contribuisce, le intese su cui si fonda, la Missione e il Programma del DUP; la risposta porta l'ETag del progetto.")
            .Produces<ProjectLinks>(200).ProducesProblem(404);

        projects.MapPut("/{cup}/links", (string cup, ProjectLinksRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
                OutcomeHttp.IfMatchAsync(context, "il progetto", version => cup.Length > 20 ? Task.FromResult<Outcome>(new Outcome.NotFound()) : ProjectLinkHandlers.SaveAsync(db, user, clock, cup, version, request, ct), notFound: ProjectNotFound))
            .RequireAuthorization(Policies.Authenticated)
            .WithName("updateFundedProjectLinks").WithSummary("Sostituisce i collegamenti del progetto (obiettivi, azioni, intese per identificativo; Missione e Programma del DUP a due cifre): ufficio o referente del Comune attuatore. Richiede If-Match; 422 con il campo per un identificativo inesistente.")
            .Produces(204).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(428);

        app.MapGet("/finanziamenti/progetti/export.csv", async Task<IResult> ([AsParameters] ListQuery query, [AsParameters] ProjectFilter filter, AppDbContext db, HttpRequest request, CancellationToken ct) =>
            {
                var errors = ListProjects.Validate(query, filter);
                if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
                var rows = await ListProjects.AllAsync(db, query, filter, ct);
                var baseUrl = $"{request.Scheme}://{request.Host}";
                ExportColumn<ProjectRow>[] columns =
                [
                    new("cup", "CUP", r => r.Cup), new("title", "Titolo", r => r.Title), new("mission", "Missione", r => r.Mission), new("measure", "Misura", r => r.Measure),
                    new("implementer", "Soggetto attuatore", r => r.ImplementerName), new("total_cost_eur", "Costo totale (euro)", r => r.TotalCost),
                    new("comuni", "Comuni", r => string.Join("; ", r.Comuni)), new("url", "Indirizzo", r => $"{baseUrl}/finanziamenti/progetti/{r.Cup}"),
                ];
                return Downloads.File(request.HttpContext, "progetti-finanziati", "Progetti finanziati", columns, rows);
            })
            .AllowAnonymous().ExcludeFromDescription();
    }
}
