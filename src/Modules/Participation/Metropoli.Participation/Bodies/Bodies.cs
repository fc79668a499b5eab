using System.Security.Claims;
using Metropoli.Participation.Model;
using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Participation.Bodies;

public sealed record BodyRow(long Id, string Kind, string Name, long? ParentId, string? ZoneCode, string? ZoneName, int Members, bool IsDemo);
/// <summary>A member as published: the organisation, never a person.</summary>
public sealed record MemberView(long OrganisationId, string Name, string OrganisationType, string Category, DateOnly JoinedOn);
public sealed record MeetingRow(long Id, long BodyId, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Place, string? Link,
    bool IsCancelled, bool MinutesPublished, bool IsDemo);
public sealed record BodyDetail(long Id, string Kind, string Name, string? Description, long? ParentId, string? ZoneCode, string? ZoneName,
    bool IsDemo, IReadOnlyList<MemberView> Members, IReadOnlyList<BodyRow> Tables, IReadOnlyList<MeetingRow> Meetings, bool CanConvene, bool CanManage, int Version);

public sealed record BodyRequest
{
    public string? Kind { get; init; }
    public string? Name { get; init; }
    public string? Description { get; init; }
    public long? ParentId { get; init; }
    public string? ZoneCode { get; init; }
}

public sealed record MemberRequest
{
    public long? OrganisationId { get; init; }
    public string? Category { get; init; }
}

public sealed record MembershipApplication
{
    public string? Category { get; init; }
    public string? Motivation { get; init; }
}

public sealed record MembershipDecision
{
    public bool Approve { get; init; }
    public string? Reason { get; init; }
}

public sealed record MembershipRequestView(long Id, long BodyId, long OrganisationId, string OrganisationName, string Category, string? Motivation,
    string Status, string? DecisionReason, DateTimeOffset CreatedAt, int Version);

/// <summary>The bodies, their members and membership requests.</summary>
public static class BodyHandlers
{
    /// <summary>Bodies per page on /partecipazione and, without an explicit limit, on GET /api/v1/bodies.</summary>
    public const int PageSize = 100;

    /// <summary>One page of the bodies in the list's order (kind, zone, id) with the total. The order mixes the kinds'
    /// fixed order and the zones' order, so the page is cut in memory from the whole list (about 200 bodies at metro
    /// scale), which the <see cref="ReadCache"/> keeps when given: it is the same for every viewer.</summary>
    public static async Task<Paged<BodyRow>> PageAsync(AppDbContext db, int limit, int offset, CancellationToken ct, ReadCache? cache = null)
    {
        var all = cache is null ? await ListAsync(db, ct)
            : await cache.GetAsync("participation-bodies", ParticipationModule.ReadModelWithTerritory, (d, t) => ListAsync(d, t), ct);
        return new Paged<BodyRow>(all.Skip(offset).Take(limit).ToList(), all.Count, limit, offset);
    }

    private static readonly Dictionary<string, int> KindOrder = BodyKinds.All.Select((k, i) => (k, i)).ToDictionary(x => x.k, x => x.i);

    public static Task<List<BodyRow>> ListAsync(AppDbContext db, CancellationToken ct) => RowsAsync(db, db.Set<Body>(), ct);

    /// <summary>The rows of <paramref name="bodies"/> in the list's order: the members counted in one grouped query, the
    /// zones (eight) read once.</summary>
    private static async Task<List<BodyRow>> RowsAsync(AppDbContext db, IQueryable<Body> bodies, CancellationToken ct)
    {
        var rows = await bodies.AsNoTracking().Select(b => new { b.Id, b.Kind, b.Name, b.ParentId, b.ZoneCode, b.IsDemo }).ToListAsync(ct);
        if (rows.Count == 0) return [];
        var members = await db.Set<BodyMember>().AsNoTracking().Where(m => bodies.Select(b => b.Id).Contains(m.BodyId))
            .GroupBy(m => m.BodyId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var zones = rows.Any(r => r.ZoneCode is not null)
            ? await db.Reads<ITerritoryQueries>().Zones.ToDictionaryAsync(z => z.Code, z => (z.Name, z.SortOrder), ct)
            : [];
        return rows.Select(r => (Row: r, Zone: r.ZoneCode is { } code && zones.TryGetValue(code, out var zone) ? zone : ((string Name, int SortOrder)?)null))
            .OrderBy(x => KindOrder.GetValueOrDefault(x.Row.Kind, -1)).ThenBy(x => x.Zone?.SortOrder).ThenBy(x => x.Row.Id)
            .Select(x => new BodyRow(x.Row.Id, x.Row.Kind, x.Row.Name, x.Row.ParentId, x.Row.ZoneCode, x.Zone?.Name, members.GetValueOrDefault(x.Row.Id), x.Row.IsDemo))
            .ToList();
    }

    /// <summary>A body with its members, tables and meetings. A visitor who is not signed in sees what every such visitor
    /// sees (no convening form, no requests), so for them it comes from the <see cref="ReadCache"/> when given.</summary>
    public static async Task<BodyDetail?> GetAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, long id, CancellationToken ct, ReadCache? cache = null)
    {
        if (cache is not null && user.Identity?.IsAuthenticated != true)
        {
            return await cache.GetAsync($"participation-body:public:{id}", ParticipationModule.ReadModelWithTerritory, (d, t) => GetAsync(d, user, clock, id, t), ct);
        }
        var b = await db.Set<Body>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (b is null) return null;
        var zoneName = b.ZoneCode is null ? null : await db.Reads<ITerritoryQueries>().Zones.Where(z => z.Code == b.ZoneCode).Select(z => z.Name).FirstOrDefaultAsync(ct);
        var members = await MembersAsync(db, id, ct);
        var tables = await RowsAsync(db, db.Set<Body>().Where(t => t.ParentId == id), ct);
        var meetings = await Meetings.MeetingHandlers.RowsAsync(db, db.Set<Meeting>().Where(m => m.BodyId == id), ct);
        return new BodyDetail(b.Id, b.Kind, b.Name, b.Description, b.ParentId, b.ZoneCode, zoneName, b.IsDemo, members, tables, meetings,
            await ParticipationAccess.MayConveneAsync(db, user, clock, b, ct), ParticipationAccess.IsSecretariat(user), b.Version);
    }

    public static async Task<List<MemberView>> MembersAsync(AppDbContext db, long? bodyId, CancellationToken ct)
    {
        var q = db.Set<BodyMember>().AsNoTracking().Where(m => bodyId == null || m.BodyId == bodyId);
        var rows = await q.Join(db.Reads<ITerritoryQueries>().Organisations, m => m.OrganisationId, o => o.Id,
            (m, o) => new MemberView(o.Id, o.Name, o.Type, m.Category, m.JoinedOn)).ToListAsync(ct);
        return rows.OrderBy(r => r.Name, StringComparer.CurrentCulture).ToList();
    }

    /// <summary>Every body's members in one query (the members' open data), each body's sorted by name.</summary>
    public static async Task<List<(long BodyId, MemberView Member)>> MembersByBodyAsync(AppDbContext db, CancellationToken ct)
    {
        var rows = await db.Set<BodyMember>().AsNoTracking().Join(db.Reads<ITerritoryQueries>().Organisations, m => m.OrganisationId, o => o.Id,
            (m, o) => new { m.BodyId, Member = new MemberView(o.Id, o.Name, o.Type, m.Category, m.JoinedOn) }).ToListAsync(ct);
        return rows.OrderBy(r => r.BodyId).ThenBy(r => r.Member.Name, StringComparer.CurrentCulture).Select(r => (r.BodyId, r.Member)).ToList();
    }

    public static async Task<(Outcome Outcome, long Id)> CreateAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, BodyRequest r, CancellationToken ct)
    {
        if (!ParticipationAccess.IsSecretariat(user)) return (new Outcome.Forbidden(), 0);
        var errors = new Dictionary<string, string[]>();
        if (r.Kind is null || !BodyKinds.All.Contains(r.Kind)) errors["kind"] = [$"Tipo di organismo sconosciuto. Valori ammessi: {string.Join(", ", BodyKinds.All)}."];
        if (string.IsNullOrWhiteSpace(r.Name) || r.Name.Length > 200) errors["name"] = ["Indica il nome (al massimo 200 caratteri)."];
        if (r.Description is { Length: > 4000 }) errors["description"] = ["La descrizione non può superare 4000 caratteri."];
        if (r.Kind == BodyKinds.ZoneAssembly)
        {
            if (r.ZoneCode is null || !await db.Reads<ITerritoryQueries>().Zones.AnyAsync(z => z.Code == r.ZoneCode && !z.IsCapoluogo, ct))
                errors["zoneCode"] = ["Un'assemblea dei sindaci richiede una zona omogenea esistente."];
            else if (await db.Set<Body>().AnyAsync(b => b.Kind == BodyKinds.ZoneAssembly && b.ZoneCode == r.ZoneCode, ct))
                errors["zoneCode"] = ["Questa zona ha già la sua assemblea dei sindaci."];
        }
        if (r.Kind == BodyKinds.Table && (r.ParentId is null || !await db.Set<Body>().AnyAsync(b => b.Id == r.ParentId && b.Kind == BodyKinds.Forum, ct)))
            errors["parentId"] = ["Un tavolo appartiene al Forum metropolitano: indica il Forum."];
        if (errors.Count > 0) return (new Outcome.Invalid(errors), 0);
        var now = clock.GetUtcNow().UtcDateTime;
        var body = new Body
        {
            Kind = r.Kind!, Name = r.Name!.Trim(), Description = Blank(r.Description),
            ParentId = r.Kind == BodyKinds.Table ? r.ParentId : null, ZoneCode = r.Kind == BodyKinds.ZoneAssembly ? r.ZoneCode : null,
            CreatedAt = now, UpdatedAt = now,
        };
        db.Add(body);
        await db.SaveChangesAsync(ct);
        return (new Outcome.Done(body.Version), body.Id);
    }

    public static async Task<Outcome> AddMemberAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, long bodyId, MemberRequest r, CancellationToken ct)
    {
        if (!await db.Set<Body>().AnyAsync(b => b.Id == bodyId, ct)) return new Outcome.NotFound();
        if (!ParticipationAccess.IsSecretariat(user)) return new Outcome.Forbidden();
        var errors = new Dictionary<string, string[]>();
        if (r.OrganisationId is not { } org || !await db.Reads<ITerritoryQueries>().Organisations.AnyAsync(o => o.Id == org, ct))
            errors["organisationId"] = ["Indica un'organizzazione del registro."];
        if (!MemberCategories.IsKnown(r.Category)) errors["category"] = [$"Categoria sconosciuta. Valori ammessi: {string.Join(", ", MemberCategories.All)}."];
        if (errors.Count > 0) return new Outcome.Invalid(errors);
        return await JoinAsync(db, clock, bodyId, r.OrganisationId!.Value, r.Category!, ct);
    }

    private static async Task<Outcome> JoinAsync(AppDbContext db, TimeProvider clock, long bodyId, long organisationId, string category, CancellationToken ct)
    {
        if (await db.Set<BodyMember>().AnyAsync(m => m.BodyId == bodyId && m.OrganisationId == organisationId, ct))
            return new Outcome.Refused("L'organizzazione è già membro di questo organismo.");
        db.Add(new BodyMember { BodyId = bodyId, OrganisationId = organisationId, Category = category, JoinedOn = CivilClock.Today(clock) });
        await db.SaveChangesAsync(ct);
        return new Outcome.Done(1);
    }

    /// <summary>A forum member asks, for their organisation, to join a body; the secretariat decides.</summary>
    public static async Task<(Outcome Outcome, long Id)> ApplyAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, long bodyId, MembershipApplication r, CancellationToken ct)
    {
        var body = await db.Set<Body>().AsNoTracking().SingleOrDefaultAsync(b => b.Id == bodyId, ct);
        if (body is null) return (new Outcome.NotFound(), 0);
        if (ParticipationAccess.Organisation(user) is not { } org) return (new Outcome.Forbidden(), 0);
        if (body.Kind == BodyKinds.ZoneAssembly) return (new Outcome.Refused("Le assemblee dei sindaci sono composte dai Comuni della zona: non si presentano domande di adesione."), 0);
        if (!MemberCategories.IsKnown(r.Category) || r.Category == MemberCategories.Municipality)
            return (new Outcome.Invalid(new() { ["category"] = ["Indica la categoria dell'organizzazione."] }), 0);
        if (r.Motivation is { Length: > 2000 }) return (new Outcome.Invalid(new() { ["motivation"] = ["La motivazione non può superare 2000 caratteri."] }), 0);
        if (await db.Set<BodyMember>().AnyAsync(m => m.BodyId == bodyId && m.OrganisationId == org, ct))
            return (new Outcome.Refused("L'organizzazione è già membro di questo organismo."), 0);
        if (await db.Set<MembershipRequest>().AnyAsync(m => m.BodyId == bodyId && m.OrganisationId == org && m.Status == RequestStatuses.Pending, ct))
            return (new Outcome.Refused("C'è già una domanda di adesione in attesa per questa organizzazione."), 0);
        var request = new MembershipRequest
        {
            BodyId = bodyId, OrganisationId = org, Category = r.Category!, Motivation = Blank(r.Motivation),
            RequestedBy = ParticipationAccess.Actor(user), CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(request);
        await db.SaveChangesAsync(ct);
        return (new Outcome.Done(request.Version), request.Id);
    }

    public static async Task<List<MembershipRequestView>> RequestsAsync(AppDbContext db, long bodyId, CancellationToken ct) =>
        (await db.Set<MembershipRequest>().AsNoTracking().Where(m => m.BodyId == bodyId).OrderBy(m => m.Id)
            .Join(db.Reads<ITerritoryQueries>().Organisations, m => m.OrganisationId, o => o.Id, (m, o) => new { m, o.Name }).ToListAsync(ct))
        .Select(x => new MembershipRequestView(x.m.Id, x.m.BodyId, x.m.OrganisationId, x.Name, x.m.Category, x.m.Motivation, x.m.Status, x.m.DecisionReason,
            new DateTimeOffset(DateTime.SpecifyKind(x.m.CreatedAt, DateTimeKind.Utc)), x.m.Version)).ToList();

    public static async Task<Outcome> DecideAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, long requestId, int? version, MembershipDecision d, CancellationToken ct)
    {
        var request = await db.Set<MembershipRequest>().SingleOrDefaultAsync(m => m.Id == requestId, ct);
        if (request is null) return new Outcome.NotFound();
        if (!ParticipationAccess.IsSecretariat(user)) return new Outcome.Forbidden();
        if (request.Status != RequestStatuses.Pending) return new Outcome.Refused("La domanda è già stata decisa.");
        if (!d.Approve && string.IsNullOrWhiteSpace(d.Reason)) return new Outcome.Invalid(new() { ["reason"] = ["Indica il motivo del rifiuto."] });
        if (d.Reason is { Length: > 2000 }) return new Outcome.Invalid(new() { ["reason"] = ["Il motivo non può superare 2000 caratteri."] });
        request.Status = d.Approve ? RequestStatuses.Approved : RequestStatuses.Rejected;
        request.DecisionReason = Blank(d.Reason);
        request.DecidedBy = ParticipationAccess.Actor(user);
        request.DecidedAt = clock.GetUtcNow().UtcDateTime;
        if (d.Approve && !await db.Set<BodyMember>().AnyAsync(m => m.BodyId == request.BodyId && m.OrganisationId == request.OrganisationId, ct))
        {
            db.Add(new BodyMember { BodyId = request.BodyId, OrganisationId = request.OrganisationId, Category = request.Category, JoinedOn = CivilClock.Today(clock) });
        }
        return await VersionedSave.SaveAsync(db, request, version, ct);
    }

    internal static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
