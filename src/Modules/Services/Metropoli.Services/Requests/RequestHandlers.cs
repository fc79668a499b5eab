using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Metropoli.Services.Catalogue;
using Metropoli.Services.Model;
using Metropoli.Services.Sla;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Services.Requests;

public sealed record NewRequestInput
{
    [Display(Name = "Servizio")] public string? Service { get; init; }
    [Display(Name = "Tipo")] public string? Type { get; init; }
    [Display(Name = "Oggetto")] public string? Subject { get; init; }
    [Display(Name = "Descrizione")] public string? Description { get; init; }
    [Display(Name = "Data desiderata")] public DateOnly? DesiredDate { get; init; }
}

public sealed record TransitionInput
{
    [Display(Name = "Stato")] public string? Status { get; init; }
    [Display(Name = "Motivo")] public string? Reason { get; init; }
    [Display(Name = "Assegnata a")] public string? AssignedTo { get; init; }
    [Display(Name = "Valutazione")] public int? Rating { get; init; }
    [Display(Name = "Commento alla valutazione")] public string? RatingComment { get; init; }
}

public sealed record MessageInput
{
    [Display(Name = "Messaggio")] public string? Text { get; init; }
}

public sealed record RequestFilter
{
    public string? Status { get; init; }
    public string? Service { get; init; }
}

public sealed record RequestRow(long Id, string Service, string ServiceName, string IstatCode, string Comune, string Type, string Subject,
    string Status, string? AssignedTo, DateTime CreatedAt);

public sealed record RequestEventView(string Kind, string? FromStatus, string? ToStatus, string Text, string Side, string By, DateTime At);

public sealed record RequestDetail(long Id, string Service, string ServiceName, string IstatCode, string Comune, long AgreementId, string Type,
    string Subject, string Description, DateOnly? DesiredDate, string Status, string? AssignedTo, string CreatedBy, DateTime CreatedAt,
    SlaState FirstAnswer, SlaState Resolution, int? Rating, string? RatingComment, IReadOnlyList<string> NextStatuses,
    IReadOnlyList<RequestEventView> Events, IReadOnlyList<AttachmentView> Attachments, int Version);

/// <summary>The desk of the shared services: a Comune's officer opens a request to a service the Comune has joined; the
/// office takes it in charge, asks, answers and closes; both write on the thread. Each move is recorded with its reason
/// and drives the service-level clock (<see cref="SlaClock"/>).</summary>
public static class RequestHandlers
{
    public static async Task<(Outcome, long)> CreateAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, NewRequestInput r, CancellationToken ct)
    {
        var istat = ServiceAccess.Municipality(user);
        if (istat is null) return (new Outcome.Forbidden(), 0);
        var service = await db.Set<SharedService>().AsNoTracking().SingleOrDefaultAsync(s => s.Slug == (r.Service ?? "") && s.Active, ct);
        var errors = new Dictionary<string, string[]>();
        if (service is null) errors["service"] = ["Scegli un servizio del catalogo."];
        if (r.Type is { } type && !RequestTypes.All.Contains(type)) errors["type"] = [$"Tipo sconosciuto. Valori ammessi: {string.Join(", ", RequestTypes.All)}."];
        if (string.IsNullOrWhiteSpace(r.Subject)) errors["subject"] = ["Indica l'oggetto della richiesta."];
        else if (r.Subject.Trim().Length > 300) errors["subject"] = ["L'oggetto non può superare 300 caratteri."];
        if (string.IsNullOrWhiteSpace(r.Description)) errors["description"] = ["Descrivi che cosa serve al Comune."];
        else if (r.Description.Trim().Length > 4000) errors["description"] = ["La descrizione non può superare 4000 caratteri."];
        var today = CivilClock.Today(clock);
        if (r.DesiredDate is { } desired && desired < today) errors["desiredDate"] = ["La data desiderata non può essere passata."];
        if (errors.Count > 0) return (new Outcome.Invalid(errors), 0);
        var agreement = await CatalogueHandlers.AdhesionAsync(db, clock, service!.Id, istat, ct);
        if (agreement is null)
        {
            return (new Outcome.Refused($"Il Comune non ha aderito al servizio «{service.Name}»: nessuna convenzione di adesione è in vigore. Come aderire: {service.HowToJoin}"), 0);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var by = ServiceAccess.Email(user);
        var request = new ServiceRequest
        {
            ServiceId = service.Id, IstatCode = istat, AgreementId = agreement.Value, Type = r.Type ?? DefaultType(service.Kind),
            Subject = r.Subject!.Trim(), Description = r.Description!.Trim(), DesiredDate = r.DesiredDate, Status = RequestStatuses.Submitted,
            CreatedBy = by, CreatedAt = now, UpdatedAt = now,
        };
        db.Add(request);
        await db.SaveChangesAsync(ct);
        db.Add(new ServiceRequestEvent
        {
            RequestId = request.Id, Kind = RequestEventKinds.Status, ToStatus = RequestStatuses.Submitted, Text = "Richiesta inviata.",
            Side = RequestSides.Comune, By = by, At = now,
        });
        await db.SaveChangesAsync(ct);
        return (new Outcome.Done(request.Version), request.Id);
    }

    private static string DefaultType(string kind) => kind switch
    {
        ServiceKinds.Procurement => RequestTypes.Procurement,
        ServiceKinds.Recruitment => RequestTypes.Recruitment,
        _ => RequestTypes.Assistance,
    };

    public static async Task<RequestDetail?> GetAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, long id, CancellationToken ct)
    {
        var r = await db.Set<ServiceRequest>().AsNoTracking().Visible(db, user).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (r is null) return null;
        var service = await db.Set<SharedService>().AsNoTracking().SingleAsync(s => s.Id == r.ServiceId, ct);
        var comune = await db.Reads<ITerritoryQueries>().Comuni.Where(c => c.IstatCode == r.IstatCode).Select(c => c.Name).SingleOrDefaultAsync(ct) ?? r.IstatCode;
        var events = await db.Set<ServiceRequestEvent>().AsNoTracking().Where(e => e.RequestId == id).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(ct);
        var (first, resolution) = Clocks(r, service, events, clock.GetUtcNow().UtcDateTime);
        var side = SideOf(user, r, service);
        var next = side is null ? [] : RequestTransitions.Next(r.Status, side).ToList();
        return new RequestDetail(r.Id, service.Slug, service.Name, r.IstatCode, comune, r.AgreementId, r.Type, r.Subject, r.Description, r.DesiredDate, r.Status,
            r.AssignedTo, r.CreatedBy, r.CreatedAt, first, resolution, r.Rating, r.RatingComment, next,
            events.Select(e => new RequestEventView(e.Kind, e.FromStatus, e.ToStatus, e.Text, e.Side, e.By, e.At)).ToList(),
            await Attachments.ListAsync(db, r.Id, ct), r.Version);
    }

    /// <summary>The two service-level clocks of a request: the first answer and the full answer.</summary>
    public static (SlaState First, SlaState Resolution) Clocks(ServiceRequest r, SharedService service, IReadOnlyList<ServiceRequestEvent> events, DateTime now)
    {
        var pauses = Pauses(events);
        var firstStop = r.FirstAnsweredAt ?? r.ClosedAt;
        var resolutionStop = r.Status is RequestStatuses.Answered or RequestStatuses.Closed ? r.ResolvedAt ?? r.ClosedAt : null;
        return (SlaClock.Measure(r.CreatedAt, pauses, firstStop, now, service.FirstAnswerDays),
            SlaClock.Measure(r.CreatedAt, pauses, resolutionStop, now, service.ResolutionDays));
    }

    /// <summary>The stretches in which the clock is paused: waiting for the Comune, or answered (until reopened).</summary>
    public static List<(DateTime From, DateTime? To)> Pauses(IEnumerable<ServiceRequestEvent> events)
    {
        var list = new List<(DateTime, DateTime?)>();
        DateTime? since = null;
        foreach (var e in events.Where(e => e.Kind == RequestEventKinds.Status).OrderBy(e => e.At))
        {
            var pausing = e.ToStatus is RequestStatuses.Waiting or RequestStatuses.Answered;
            if (pausing && since is null) since = e.At;
            else if (!pausing && since is { } s && e.ToStatus != RequestStatuses.Closed)
            {
                list.Add((s, e.At));
                since = null;
            }
        }
        if (since is { } open) list.Add((open, null));
        return list;
    }

    /// <summary>office, comune, or null (may only read).</summary>
    private static string? SideOf(ClaimsPrincipal user, ServiceRequest r, SharedService service) =>
        ServiceAccess.IsOffice(user, service.OfficeSector) ? RequestSides.Office
        : ServiceAccess.Municipality(user) == r.IstatCode ? RequestSides.Comune : null;

    public static async Task<Paged<RequestRow>> ListAsync(AppDbContext db, ClaimsPrincipal user, ListQuery query, RequestFilter filter, CancellationToken ct)
    {
        var q = db.Set<ServiceRequest>().AsNoTracking().Visible(db, user);
        if (filter.Status is { Length: > 0 } status) q = q.Where(r => r.Status == status);
        if (filter.Service is { Length: > 0 } slug) q = q.Where(r => db.Set<SharedService>().Any(s => s.Id == r.ServiceId && s.Slug == slug));
        if (query.Q is { Length: > 0 } text) q = q.Where(r => r.Subject.Contains(text));
        var total = await q.CountAsync(ct);
        var (key, desc) = query.SortOrDefault("-createdAt");
        q = key == "subject" ? (desc ? q.OrderByDescending(r => r.Subject) : q.OrderBy(r => r.Subject))
            : key == "status" ? (desc ? q.OrderByDescending(r => r.Status) : q.OrderBy(r => r.Status))
            : (query.Sort is null or "" || desc ? q.OrderByDescending(r => r.Id) : q.OrderBy(r => r.Id));
        var rows = await q.Skip(query.EffectiveOffset).Take(query.EffectiveLimit)
            .Join(db.Set<SharedService>(), r => r.ServiceId, s => s.Id, (r, s) => new { r, s.Slug, s.Name })
            .Join(db.Reads<ITerritoryQueries>().Comuni, x => x.r.IstatCode, c => c.IstatCode, (x, c) => new RequestRow(x.r.Id, x.Slug, x.Name, x.r.IstatCode, c.Name,
                x.r.Type, x.r.Subject, x.r.Status, x.r.AssignedTo, x.r.CreatedAt))
            .ToListAsync(ct);
        return new Paged<RequestRow>(rows, total, query.EffectiveLimit, query.EffectiveOffset);
    }

    public static readonly string[] Sortable = ["createdAt", "subject", "status"];

    public static Dictionary<string, string[]> Validate(ListQuery query, RequestFilter filter)
    {
        var errors = query.Validate(Sortable);
        if (filter.Status is { Length: > 0 } s && !RequestStatuses.IsKnown(s)) errors["status"] = [$"Stato sconosciuto. Valori ammessi: {string.Join(", ", RequestStatuses.All)}."];
        if (filter.Service is { Length: > 64 }) errors["service"] = ["Indirizzo del servizio troppo lungo."];
        return errors;
    }

    public static async Task<Outcome> TransitionAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, long id, int? version, TransitionInput t, CancellationToken ct)
    {
        var r = await db.Set<ServiceRequest>().Visible(db, user).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (r is null) return new Outcome.NotFound();
        var service = await db.Set<SharedService>().AsNoTracking().SingleAsync(s => s.Id == r.ServiceId, ct);
        var side = SideOf(user, r, service);
        if (side is null) return new Outcome.Forbidden();
        var to = t.Status?.Trim() ?? "";
        var errors = new Dictionary<string, string[]>();
        if (!RequestStatuses.IsKnown(to)) errors["status"] = [$"Stato sconosciuto. Valori ammessi: {string.Join(", ", RequestStatuses.All)}."];
        if (string.IsNullOrWhiteSpace(t.Reason)) errors["reason"] = ["Spiega il passaggio: resta nella cronologia della richiesta."];
        else if (t.Reason.Trim().Length > 4000) errors["reason"] = ["Il motivo non può superare 4000 caratteri."];
        if (t.Rating is { } rating)
        {
            if (rating is < 1 or > 5) errors["rating"] = ["La valutazione va da 1 a 5."];
            else if (to != RequestStatuses.Closed || side != RequestSides.Comune || r.Status != RequestStatuses.Answered)
                errors["rating"] = ["Il Comune valuta il servizio quando chiude una richiesta evasa."];
        }
        if (t.RatingComment is { Length: > 1000 }) errors["ratingComment"] = ["Il commento non può superare 1000 caratteri."];
        if (t.AssignedTo is { Length: > 0 } assignee)
        {
            if (side != RequestSides.Office) errors["assignedTo"] = ["Assegna la richiesta l'ufficio."];
            else if (!await db.Users.AnyAsync(u => u.Email == assignee && u.SectorCode == service.OfficeSector && !u.IsDisabled, ct))
                errors["assignedTo"] = ["Assegna la richiesta a un referente del settore che gestisce il servizio."];
        }
        if (errors.Count > 0) return new Outcome.Invalid(errors);
        if (RequestTransitions.Check(r.Status, to, side) is { } refused) return new Outcome.Refused(refused);
        if (db.CheckVersion(r, version) is { } conflict) return conflict;
        var now = clock.GetUtcNow().UtcDateTime;
        Move(db, r, to, t.Reason!.Trim(), side, ServiceAccess.Email(user), now);
        if (t.AssignedTo is { Length: > 0 } a) r.AssignedTo = a;
        if (t.Rating is { } score)
        {
            r.Rating = score;
            r.RatingComment = string.IsNullOrWhiteSpace(t.RatingComment) ? null : t.RatingComment.Trim();
        }
        return await VersionedSave.SaveAsync(db, r, ct);
    }

    private static void Move(AppDbContext db, ServiceRequest r, string to, string reason, string side, string by, DateTime now)
    {
        db.Add(new ServiceRequestEvent { RequestId = r.Id, Kind = RequestEventKinds.Status, FromStatus = r.Status, ToStatus = to, Text = reason, Side = side, By = by, At = now });
        if (side == RequestSides.Office) r.FirstAnsweredAt ??= now;
        if (to == RequestStatuses.Answered) r.ResolvedAt = now;
        if (to == RequestStatuses.InProgress && r.Status == RequestStatuses.Answered) r.ResolvedAt = null;
        if (to == RequestStatuses.Closed) r.ClosedAt = now;
        r.Status = to;
        r.UpdatedAt = now;
    }

    /// <summary>A message on the thread. The office's first message is its first answer; the Comune's message to a
    /// request waiting for it brings the request back to the office (the clock restarts).</summary>
    public static async Task<Outcome> AddMessageAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, long id, MessageInput m, CancellationToken ct)
    {
        var r = await db.Set<ServiceRequest>().Visible(db, user).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (r is null) return new Outcome.NotFound();
        var service = await db.Set<SharedService>().AsNoTracking().SingleAsync(s => s.Id == r.ServiceId, ct);
        var side = SideOf(user, r, service);
        if (side is null) return new Outcome.Forbidden();
        if (string.IsNullOrWhiteSpace(m.Text)) return new Outcome.Invalid(new() { ["text"] = ["Scrivi il messaggio."] });
        if (m.Text.Trim().Length > 4000) return new Outcome.Invalid(new() { ["text"] = ["Il messaggio non può superare 4000 caratteri."] });
        if (r.Status == RequestStatuses.Closed) return new Outcome.Refused("La richiesta è chiusa: aprine una nuova.");
        var now = clock.GetUtcNow().UtcDateTime;
        var by = ServiceAccess.Email(user);
        db.Add(new ServiceRequestEvent { RequestId = r.Id, Kind = RequestEventKinds.Message, Text = m.Text.Trim(), Side = side, By = by, At = now });
        if (side == RequestSides.Office) r.FirstAnsweredAt ??= now;
        if (side == RequestSides.Comune && r.Status == RequestStatuses.Waiting)
        {
            Move(db, r, RequestStatuses.InProgress, "Il Comune ha fornito le informazioni richieste.", side, by, now);
        }
        r.UpdatedAt = now;
        return await VersionedSave.SaveAsync(db, r, ct);
    }
}
