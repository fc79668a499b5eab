using Metropoli.Platform.Ui;
using System.Security.Claims;
using Metropoli.Participation.Bodies;
using Metropoli.Participation.Calendar;
using Metropoli.Participation.Consultations;
using Metropoli.Participation.Meetings;
using Metropoli.Participation.Model;
using Metropoli.Participation.Proposals;
using Metropoli.Platform.Api;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Metropoli.Platform.Errors;
using Metropoli.Platform.Exports;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Participation;

/// <summary>/api/v1/bodies, /meetings, /consultations, /proposals and the open-data files under /partecipazione.
/// Reading is public (members are organisations only, never persons); writing follows <see cref="ParticipationAccess"/>.</summary>
public static class ParticipationApi
{
    internal const string Tag = "Partecipazione";

    public static IResult Http(Outcome outcome, HttpContext context, string notFound) =>
        outcome is Flooded f ? Problems.TooManyRequests.Result(f.Reason) : OutcomeHttp.ToHttp(outcome, context, notFound);

    private static IResult Created<T>(Outcome outcome, HttpContext context, string location, T? body, string notFound) where T : class =>
        outcome is Flooded f ? Problems.TooManyRequests.Result(f.Reason) : OutcomeHttp.Created(outcome, context, location, body, notFound);

    public static void MapParticipationApi(this WebApplication app)
    {
        var api = app.MapApiV1();
        var bodies = api.MapGroup("/bodies").WithTags(Tag);
        bodies.MapGet("/", async Task<IResult> ([AsParameters] ListQuery query, AppDbContext db, ReadCache cache, CancellationToken ct) =>
            {
                var errors = query.Validate([]);
                if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
                return TypedResults.Ok(await BodyHandlers.PageAsync(db, query.Limit ?? BodyHandlers.PageSize, query.EffectiveOffset, ct, cache));
            })
            .AllowAnonymous().WithName("listBodies").WithSummary("Il Forum metropolitano, i suoi tavoli e le assemblee dei sindaci di zona (a pagine: limit, predefinito 100, e offset).")
            .Produces<Paged<BodyRow>>(200).ProducesProblem(400);
        bodies.MapGet("/{id:long}", async (long id, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, ReadCache cache, HttpContext context, CancellationToken ct) =>
                OutcomeHttp.Found(await BodyHandlers.GetAsync(db, user, clock, id, ct, cache), b => b.Version, context, ParticipationAccess.BodyNotFound))
            .AllowAnonymous().WithName("getBody").WithSummary("Un organismo con i membri (organizzazioni), i tavoli e le riunioni.")
            .Produces<BodyDetail>().ProducesProblem(404);
        bodies.MapPost("/", async (BodyRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
            {
                var (outcome, id) = await BodyHandlers.CreateAsync(db, user, clock, request, ct);
                return Created(outcome, context, $"/api/v1/bodies/{id}", outcome is Outcome.Done ? await BodyHandlers.GetAsync(db, user, clock, id, ct) : null, ParticipationAccess.BodyNotFound);
            })
            .RequireAuthorization(Policies.Authenticated).WithName("createBody").WithSummary("Istituisce un organismo (segreteria: ufficio di piano, amministratori).")
            .Produces<BodyDetail>(201).ProducesProblem(403).ProducesProblem(422);
        bodies.MapPost("/{id:long}/members", async (long id, MemberRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
                OutcomeHttp.Added(await BodyHandlers.AddMemberAsync(db, user, clock, id, request, ct), context))
            .RequireAuthorization(Policies.Authenticated).WithName("addBodyMember").WithSummary("Aggiunge un'organizzazione del registro ai membri (segreteria).")
            .Produces(204).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
        bodies.MapGet("/{id:long}/membership-requests", async (long id, ClaimsPrincipal user, AppDbContext db, CancellationToken ct) =>
                ParticipationAccess.IsSecretariat(user) ? Results.Ok(await BodyHandlers.RequestsAsync(db, id, ct)) : Problems.Forbidden.Result(OutcomeHttp.ForbiddenDetail))
            .RequireAuthorization(Policies.Authenticated).WithName("listMembershipRequests").WithSummary("Le domande di adesione (segreteria).");
        bodies.MapPost("/{id:long}/membership-requests", async (long id, MembershipApplication request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
            {
                var (outcome, rid) = await BodyHandlers.ApplyAsync(db, user, clock, id, request, ct);
                return Created(outcome, context, $"/api/v1/bodies/{id}/membership-requests", outcome is Outcome.Done ? new { id = rid } : null, ParticipationAccess.BodyNotFound);
            })
            .RequireAuthorization(Policies.Authenticated).WithName("applyForMembership").WithSummary("Un membro del Forum chiede l'adesione della propria organizzazione; decide la segreteria.")
            .Produces(201).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
        api.MapPost("/membership-requests/{id:long}/decision", (long id, MembershipDecision request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
                OutcomeHttp.IfMatchAsync(context, "la domanda", v => BodyHandlers.DecideAsync(db, user, clock, id, v, request, ct), notFound: "Nessuna domanda con questo identificativo."))
            .RequireAuthorization(Policies.Authenticated).WithTags(Tag).WithName("decideMembershipRequest").WithSummary("Approva o respinge (con il motivo) una domanda di adesione. Richiede If-Match.")
            .Produces(204).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(428);
        bodies.MapPost("/{id:long}/meetings", async (long id, MeetingRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
            {
                var (outcome, mid) = await MeetingHandlers.ConveneAsync(db, user, clock, id, request, ct);
                return Created(outcome, context, $"/api/v1/meetings/{mid}", outcome is Outcome.Done ? await MeetingHandlers.GetAsync(db, user, clock, mid, ct) : null, ParticipationAccess.BodyNotFound);
            })
            .RequireAuthorization(Policies.Authenticated).WithName("conveneMeeting")
            .WithSummary("Convoca una riunione: la segreteria per ogni organismo; per un'assemblea di zona anche il coordinatore in carica oggi secondo la rotazione. I membri ricevono una notifica.")
            .Produces<MeetingDetail>(201).ProducesProblem(403).ProducesProblem(404).ProducesProblem(422);
        bodies.MapGet("/{id:long}/calendar", async (long id, AppDbContext db, TimeProvider clock, HttpRequest request, CancellationToken ct) =>
                await MeetingHandlers.IcsAsync(db, clock, null, id, request.Host.Host, ct) is { } ics
                    ? Results.Text(ics, Ics.ContentType) : OutcomeHttp.NotFound(ParticipationAccess.BodyNotFound))
            .AllowAnonymous().WithName("bodyCalendar").WithSummary("Le riunioni di un organismo in formato iCalendar (RFC 5545).").Produces<string>(200, "text/calendar").ProducesProblem(404);

        var meetings = api.MapGroup("/meetings").WithTags(Tag);
        meetings.MapGet("/{id:long}", async (long id, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
                OutcomeHttp.Found(await MeetingHandlers.GetAsync(db, user, clock, id, ct), m => m.Version, context, ParticipationAccess.MeetingNotFound))
            .AllowAnonymous().WithName("getMeeting").WithSummary("Una riunione: ordine del giorno, luogo o collegamento, presenze e il verbale una volta approvato.")
            .Produces<MeetingDetail>().ProducesProblem(404);
        meetings.MapPut("/{id:long}/minutes", (long id, MinutesRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
                OutcomeHttp.IfMatchAsync(context, "la riunione", v => MeetingHandlers.MinutesAsync(db, user, clock, id, v, request, ct), notFound: ParticipationAccess.MeetingNotFound))
            .RequireAuthorization(Policies.Authenticated).WithName("saveMinutes").WithSummary("Scrive il verbale e le presenze; con approve il verbale è pubblicato. Richiede If-Match.")
            .Produces(204).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(428);
        meetings.MapGet("/{id:long}/calendar", async (long id, AppDbContext db, TimeProvider clock, HttpRequest request, CancellationToken ct) =>
                await MeetingHandlers.IcsAsync(db, clock, id, null, request.Host.Host, ct) is { } ics
                    ? Results.Text(ics, Ics.ContentType) : OutcomeHttp.NotFound(ParticipationAccess.MeetingNotFound))
            .AllowAnonymous().WithName("meetingCalendar").WithSummary("Una riunione in formato iCalendar (RFC 5545).").Produces<string>(200, "text/calendar").ProducesProblem(404);

        meetings.MapPost("/{id:long}/documents", async Task<IResult> (long id, HttpRequest http, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, Platform.Files.IFileStore files, HttpContext context, CancellationToken ct) =>
            {
                if (!http.HasFormContentType)
                    return Problems.UnsupportedMediaType.Result("Invia multipart/form-data con il file nel campo «file».");
                var (form, problem) = await Multipart.ReadFormAsync(http, Platform.Files.Evidence.SizeError, ct);
                if (form is null) return problem!;
                var file = form.Files.GetFile("file");
                var (outcome, docId) = await MeetingDocuments.UploadAsync(db, user, clock, files, id, form["kind"], form["title"],
                    file is null ? null : new Platform.Files.EvidenceUpload(file.FileName, file.Length, file.OpenReadStream), ct);
                return outcome is Outcome.Done
                    ? TypedResults.Created($"/api/v1/meeting-documents/{docId}/file", new { id = docId })
                    : OutcomeHttp.ToHttp(outcome, context, ParticipationAccess.MeetingNotFound);
            })
            .RequireAuthorization(Policies.Authenticated).DisableAntiforgery().Accepts<IFormFile>("multipart/form-data")
            .WithName("uploadMeetingDocument").WithSummary("Carica un documento della riunione (campo «file»: PDF, PNG, JPG, CSV o XLSX, al più 10 MB; «kind»: agenda o minutes; «title»). Ne registra lo SHA-256.")
            .Produces(201).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(413).ProducesProblem(415).ProducesProblem(422);
        api.MapGet("/meeting-documents/{id:long}/file", async Task<IResult> (long id, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, Platform.Files.IFileStore files, CancellationToken ct) =>
            {
                var d = await MeetingDocuments.FindAsync(db, user, clock, id, ct);
                if (d is null) return OutcomeHttp.NotFound(MeetingDocuments.NotFound);
                if (await files.OpenAsync(MeetingDocuments.Area, d.StoredName, ct) is not { } file) return OutcomeHttp.NotFound("Il file non è più disponibile.");
                return TypedResults.File(file.Content, d.ContentType, d.FileName, file.LastModified);
            })
            .AllowAnonymous().WithTags(Tag).WithName("downloadMeetingDocument")
            .WithSummary("Scarica un documento di una riunione: gli allegati dell'ordine del giorno sempre, il verbale firmato una volta approvato (prima risponde 404).")
            .Produces(200).ProducesProblem(404);

        var consultations = api.MapGroup("/consultations").WithTags(Tag);
        consultations.MapGet("/", async Task<IResult> ([AsParameters] ListQuery query, AppDbContext db, TimeProvider clock, ReadCache cache, CancellationToken ct) =>
            {
                var errors = query.Validate([]);
                if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
                return TypedResults.Ok(await ConsultationHandlers.PageAsync(db, clock, query.Limit ?? ConsultationHandlers.PageSize, query.EffectiveOffset, ct, cache));
            })
            .AllowAnonymous().WithName("listConsultations")
            .WithSummary("Le consultazioni, aperte e chiuse, le più recenti prima, con il numero delle proposte pubblicate (a pagine: limit, predefinito 20, e offset).")
            .Produces<Paged<ConsultationRow>>(200).ProducesProblem(400);
        consultations.MapGet("/{id:long}", async Task<IResult> (long id, [AsParameters] ListQuery query, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, ReadCache cache, HttpContext context, CancellationToken ct) =>
            {
                var errors = query.Validate([]);
                if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
                return OutcomeHttp.Found(await ConsultationHandlers.GetAsync(db, user, clock, id, query.EffectiveLimit, query.EffectiveOffset, ct, cache), c => c.Version, context, ParticipationAccess.ConsultationNotFound);
            })
            .AllowAnonymous().WithName("getConsultation")
            .WithSummary("Una consultazione con una pagina delle proposte (limit, offset; proposalsTotal le conta tutte; 400 se non validi), i sostegni, i commenti e le risposte.")
            .Produces<ConsultationDetail>().ProducesProblem(404).ProducesProblem(400);
        consultations.MapGet("/{id:long}/proposals", async Task<IResult> (long id, [AsParameters] ListQuery query, ClaimsPrincipal user, AppDbContext db, CancellationToken ct) =>
            {
                var errors = query.Validate([]);
                if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
                if (!await db.Set<Consultation>().AnyAsync(c => c.Id == id, ct)) return OutcomeHttp.NotFound(ParticipationAccess.ConsultationNotFound);
                return TypedResults.Ok(await ProposalHandlers.PageAsync(db, user, db.Set<Proposal>().Where(p => p.ConsultationId == id), query.EffectiveLimit, query.EffectiveOffset, ct));
            })
            .AllowAnonymous().WithName("listConsultationProposals").WithSummary("Le proposte di una consultazione, per identificativo, a pagine (limit, offset).")
            .Produces<Paged<ProposalView>>(200).ProducesProblem(404).ProducesProblem(400);
        consultations.MapPost("/", async (ConsultationRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
            {
                var (outcome, id) = await ConsultationHandlers.CreateAsync(db, user, clock, request, ct);
                return Created(outcome, context, $"/api/v1/consultations/{id}", outcome is Outcome.Done ? await ConsultationHandlers.GetAsync(db, user, clock, id, ct) : null, ParticipationAccess.ConsultationNotFound);
            })
            .RequireAuthorization(Policies.Authenticated).WithName("createConsultation").WithSummary("Apre una consultazione (segreteria).")
            .Produces<ConsultationDetail>(201).ProducesProblem(403).ProducesProblem(422);
        consultations.MapPost("/{id:long}/proposals", async (long id, ProposalRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
            {
                var (outcome, pid) = await ProposalHandlers.SubmitAsync(db, user, clock, id, request, ct);
                return Created(outcome, context, $"/api/v1/proposals/{pid}", outcome is Outcome.Done ? await ProposalHandlers.GetAsync(db, user, pid, ct) : null, ParticipationAccess.ConsultationNotFound);
            })
            .RequireAuthorization(Policies.Authenticated).WithName("submitProposal")
            .WithSummary("Presenta una proposta (testo semplice o Markdown sicuro): membri del Forum per la propria organizzazione; chiunque abbia un account se la consultazione lo consente. Limiti per persona e per organizzazione (429).")
            .Produces<ProposalView>(201).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(429);
        consultations.MapGet("/{id:long}/report", async (long id, HttpContext context, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
                await ReportAsync(context, db, user, clock, id, ct))
            .AllowAnonymous().WithName("consultationReport").WithSummary("Il resoconto della consultazione: ogni proposta con la sua risposta (CSV).").Produces<string>(200, "text/csv").ProducesProblem(404);

        var proposals = api.MapGroup("/proposals").WithTags(Tag);
        proposals.MapGet("/{id:long}", async (long id, ClaimsPrincipal user, AppDbContext db, HttpContext context, CancellationToken ct) =>
                OutcomeHttp.Found(await ProposalHandlers.GetAsync(db, user, id, ct), p => p.Version, context, ParticipationAccess.ProposalNotFound))
            .AllowAnonymous().WithName("getProposal").WithSummary("Una proposta (HTML sanificato e testo semplice) con la risposta e la sua traccia nel piano.")
            .Produces<ProposalView>().ProducesProblem(404);
        proposals.MapPost("/{id:long}/withdrawal", async (long id, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
                Http(await ProposalHandlers.WithdrawAsync(db, user, clock, id, ct), context, ParticipationAccess.ProposalNotFound))
            .RequireAuthorization(Policies.Authenticated).WithName("withdrawProposal").WithSummary("L'autore ritira la propria proposta prima della risposta.")
            .Produces(204).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        proposals.MapPost("/{id:long}/endorsements", async (long id, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
                OutcomeHttp.Added(await ProposalHandlers.EndorseAsync(db, user, clock, id, ct), context))
            .RequireAuthorization(Policies.Authenticated).WithName("endorseProposal").WithSummary("Sostiene una proposta per la propria organizzazione (uno per organizzazione: il secondo risponde 409).")
            .Produces(204).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        proposals.MapPost("/{id:long}/comments", async (long id, CommentRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
            {
                var (outcome, _) = await ProposalHandlers.CommentAsync(db, user, clock, id, request, ct);
                return outcome is Flooded f ? Problems.TooManyRequests.Result(f.Reason) : OutcomeHttp.Added(outcome, context);
            })
            .RequireAuthorization(Policies.Authenticated).WithName("commentProposal").WithSummary("Commenta una proposta (testo semplice o Markdown sicuro). Limiti per persona e per organizzazione (429).")
            .Produces(204).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(429);
        proposals.MapPost("/{id:long}/moderation", async (long id, ModerationRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
                Http(await ProposalHandlers.ModerateProposalAsync(db, user, clock, id, request, ct), context, ParticipationAccess.ProposalNotFound))
            .RequireAuthorization(Policies.Authenticated).WithName("moderateProposal").WithSummary("Nasconde (o mostra di nuovo) una proposta con il motivo: non la cancella; la modifica resta nella cronologia.")
            .Produces(204).ProducesProblem(403).ProducesProblem(404).ProducesProblem(422);
        api.MapPost("/proposal-comments/{id:long}/moderation", async (long id, ModerationRequest request, ClaimsPrincipal user, AppDbContext db, HttpContext context, CancellationToken ct) =>
                Http(await ProposalHandlers.ModerateCommentAsync(db, user, id, request, ct), context, "Nessun commento con questo identificativo."))
            .RequireAuthorization(Policies.Authenticated).WithTags(Tag).WithName("moderateComment").WithSummary("Nasconde (o mostra di nuovo) un commento con il motivo.")
            .Produces(204).ProducesProblem(403).ProducesProblem(404).ProducesProblem(422);
        proposals.MapPut("/{id:long}/answer", (long id, AnswerRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
                OutcomeHttp.IfMatchAsync(context, "la proposta", v => ProposalHandlers.AnswerAsync(db, user, clock, id, v, request, ct), notFound: ParticipationAccess.ProposalNotFound))
            .RequireAuthorization(Policies.Authenticated).WithName("answerProposal")
            .WithSummary("La risposta ufficiale (accolta, accolta in parte, non accolta) con le motivazioni; se accolta, l'azione o l'obiettivo del piano che la recepisce. Richiede If-Match.")
            .Produces(204).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(428);

        // Open data: bodies, members (organisations only), meetings, proposals and answers.
        app.MapGet("/partecipazione/organismi.csv", async (HttpContext context, AppDbContext db, CancellationToken ct) =>
                Downloads.File(context, "organismi-partecipazione", "Organismi della partecipazione",
                [
                    new ExportColumn<BodyRow>("id", "Identificativo", b => b.Id), new("kind", "Tipo", b => b.Kind, (b, _) => BodyKinds.Label(b.Kind)),
                    new("name", "Nome", b => b.Name), new("parent_id", "Organismo superiore", b => b.ParentId), new("zone_code", "Zona", b => b.ZoneCode),
                    new("members", "Membri", b => b.Members), new("demo", "Dati dimostrativi", b => b.IsDemo, (b, _) => b.IsDemo ? "sì" : "no"),
                ], await BodyHandlers.ListAsync(db, ct)))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/partecipazione/membri.csv", async (HttpContext context, AppDbContext db, CancellationToken ct) =>
            {
                var bodies = await BodyHandlers.ListAsync(db, ct);
                var members = (await BodyHandlers.MembersByBodyAsync(db, ct)).ToLookup(m => m.BodyId, m => m.Member);
                var rows = bodies.SelectMany(b => members[b.Id].Select(m => (Body: b, Member: m))).ToList();
                return Downloads.File(context, "membri-organismi", "Membri degli organismi",
                [
                    new ExportColumn<(BodyRow Body, MemberView Member)>("body_id", "Identificativo dell'organismo", r => r.Body.Id), new("body", "Organismo", r => r.Body.Name),
                    new("organisation_id", "Identificativo dell'organizzazione", r => r.Member.OrganisationId), new("organisation", "Organizzazione", r => r.Member.Name),
                    new("organisation_type", "Tipo di organizzazione", r => r.Member.OrganisationType), new("category", "Categoria", r => r.Member.Category, (r, _) => MemberCategories.Label(r.Member.Category)),
                    new("joined_on", "Membro dal", r => r.Member.JoinedOn),
                ], rows);
            })
            .AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/partecipazione/riunioni.csv", async (HttpContext context, AppDbContext db, CancellationToken ct) =>
                Downloads.File(context, "riunioni-organismi", "Riunioni degli organismi",
                [
                    new ExportColumn<MeetingRow>("id", "Identificativo", m => m.Id), new("body_id", "Identificativo dell'organismo", m => m.BodyId), new("title", "Titolo", m => m.Title),
                    new("starts_at", "Inizio", m => m.StartsAt.UtcDateTime), new("ends_at", "Fine", m => m.EndsAt.UtcDateTime), new("place", "Luogo", m => m.Place),
                    new("link", "Collegamento", m => m.Link), new("cancelled", "Annullata", m => m.IsCancelled, (m, _) => m.IsCancelled ? "sì" : "no"),
                    new("minutes_published", "Verbale pubblicato", m => m.MinutesPublished, (m, _) => m.MinutesPublished ? "sì" : "no"),
                    new("demo", "Dati dimostrativi", m => m.IsDemo, (m, _) => m.IsDemo ? "sì" : "no"),
                ], await MeetingHandlers.RowsAsync(db, db.Set<Meeting>(), ct)))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/partecipazione/proposte.csv", async (HttpContext context, ClaimsPrincipal user, AppDbContext db, CancellationToken ct) =>
                ProposalsCsv(context, "proposte-consultazioni", await ProposalHandlers.ViewsAsync(db, user, db.Set<Proposal>(), ct)))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/partecipazione/proposte.json", async (ClaimsPrincipal user, AppDbContext db, CancellationToken ct) =>
            {
                var rows = await ProposalHandlers.ViewsAsync(db, user, db.Set<Proposal>(), ct);
                return TypedResults.Ok(new Paged<ProposalView>(rows, rows.Count, rows.Count, 0));
            })
            .AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/partecipazione/consultazioni/{id:long}/resoconto.pdf", async (long id, ClaimsPrincipal user, AppDbContext db, TimeProvider clock,
                Microsoft.Extensions.Options.IOptions<Platform.Exports.ReportOptions> options, CancellationToken ct) =>
                await ReportPdfAsync(db, user, clock, options.Value, id, ct))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/partecipazione/consultazioni/{id:long}/resoconto.csv", async (long id, HttpContext context, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
                await ReportAsync(context, db, user, clock, id, ct))
            .AllowAnonymous().ExcludeFromDescription();
    }

    /// <summary>The consultation report in PDF, printed by the platform's headless Chromium from a standalone HTML
    /// (<see cref="Platform.Exports.HtmlPdf"/>); 503 problem when the server has no Chromium (the page and the CSV remain).</summary>
    private static async Task<IResult> ReportPdfAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, Platform.Exports.ReportOptions options, long id, CancellationToken ct)
    {
        // Read as the public sees it: the PDF is a document to circulate, without what only the secretariat sees.
        var c = await ConsultationHandlers.GetAsync(db, new ClaimsPrincipal(new ClaimsIdentity()), clock, id, null, 0, ct);
        if (c is null) return OutcomeHttp.NotFound(ParticipationAccess.ConsultationNotFound);
        var (pdf, error) = await Platform.Exports.HtmlPdf.PdfAsync(ReportPdf.Html(c, clock.GetUtcNow().UtcDateTime), options, ct);
        return pdf is null ? Platform.Exports.HtmlPdf.Unavailable.Result(error!) : Results.File(pdf, "application/pdf", $"consultazione-{id}.pdf");
    }

    private static async Task<IResult> ReportAsync(HttpContext context, AppDbContext db, ClaimsPrincipal user, TimeProvider clock, long id, CancellationToken ct) =>
        await ConsultationHandlers.GetAsync(db, user, clock, id, null, 0, ct) is { } c
            ? ProposalsCsv(context, $"consultazione-{id}", c.Proposals)
            : OutcomeHttp.NotFound(ParticipationAccess.ConsultationNotFound);

    /// <summary>Proposals and answers as a list download (machine CSV, ?formato=it, ?formato=xlsx): the text is plain text
    /// (no markup), the author an organisation or a name given with consent.</summary>
    private static IResult ProposalsCsv(HttpContext context, string baseName, IEnumerable<ProposalView> proposals) =>
        Downloads.File(context, baseName, "Proposte e risposte",
        [
            new ExportColumn<ProposalView>("id", "Identificativo", p => p.Id), new("consultation_id", "Consultazione", p => p.ConsultationId),
            new("title", "Titolo", p => SafeMarkdown.Plain(p.Title)), new("text", "Testo", p => p.Status == ProposalStatuses.Hidden ? null : p.Text),
            new("organisation", "Organizzazione", p => p.Organisation?.Name), new("author", "Autore", p => SafeMarkdown.Plain(p.Author)),
            new("endorsements", "Sostegni", p => p.Endorsements), new("status", "Stato", p => p.Status, (p, _) => ProposalStatuses.Label(p.Status)),
            new("answer", "Risposta", p => p.Answer, (p, _) => p.Answer is null ? null : Answers.Label(p.Answer)), new("answer_reason", "Motivazione", p => p.AnswerReason),
            new("answered_at", "Data della risposta", p => p.AnsweredAt?.UtcDateTime), new("plan_objective", "Obiettivo del Piano", p => p.TakenUpObjective?.Code),
            new("plan_action", "Azione del Piano", p => p.TakenUpAction?.Code),
        ], proposals);
}
