using System.Security.Claims;
using Metropoli.Funding.Eligibility;
using Metropoli.Funding.Model;
using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Metropoli.Platform.Identifiers;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Funding.Calls;

public sealed record RuleInput(string? Kind, string? Parameter);

/// <summary>What the funding office writes of a call (form and API).</summary>
public sealed record CallRequest
{
    public string? Title { get; init; }
    public string? Issuer { get; init; }
    public string? IssuerTaxCode { get; init; }
    public string? Programme { get; init; }
    public string? MeasureCode { get; init; }
    public string? Themes { get; init; }
    public string? Recipients { get; init; }
    public int? PartnersMin { get; init; }
    public int? PartnersMax { get; init; }
    public decimal? CofinancingPercent { get; init; }
    public decimal? Budget { get; init; }
    public DateOnly? OpensOn { get; init; }
    public DateOnly? ClosesOn { get; init; }
    public string? Link { get; init; }
    public string? Status { get; init; }
    public IReadOnlyList<RuleInput>? Rules { get; init; }
}

/// <summary>Creates or edits a call with its eligibility rules, all checked before anything is written, in one save.</summary>
public static class SaveCall
{
    public static async Task<Dictionary<string, string[]>> ValidateAsync(AppDbContext db, CallRequest r, CancellationToken ct)
    {
        var e = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(r.Title)) e["title"] = ["Indica il titolo del bando."];
        else if (r.Title.Length > 1000) e["title"] = ["Il titolo non può superare 1000 caratteri."];
        if (string.IsNullOrWhiteSpace(r.Issuer)) e["issuer"] = ["Indica l'ente che emana il bando."];
        else if (r.Issuer.Length > 300) e["issuer"] = ["Il nome dell'ente non può superare 300 caratteri."];
        if (r.IssuerTaxCode is { Length: > 0 } tax && !IdentifierCheck.ValidateCodiceFiscale(tax).Ok) e["issuerTaxCode"] = ["Il codice fiscale dell'ente non è valido."];
        if (!FundingProgrammes.IsKnown(r.Programme)) e["programme"] = ["Programma o fondo sconosciuto."];
        if (r.MeasureCode is { Length: > 32 }) e["measureCode"] = ["Il codice della misura non può superare 32 caratteri."];
        if (r.Themes is { Length: > 500 }) e["themes"] = ["I temi non possono superare 500 caratteri."];
        if (r.Recipients is { Length: > 500 }) e["recipients"] = ["I destinatari non possono superare 500 caratteri."];
        if (r.Status is not null && !FundingCallStatuses.IsKnown(r.Status)) e["status"] = ["Stato sconosciuto."];
        if (r.PartnersMin is < 0) e["partnersMin"] = ["Il numero di partner non può essere negativo."];
        if (r.PartnersMax is < 0) e["partnersMax"] = ["Il numero di partner non può essere negativo."];
        if (r.PartnersMin is { } min && r.PartnersMax is { } max && max < min) e["partnersMax"] = ["Il numero massimo di partner è minore del minimo."];
        if (r.CofinancingPercent is < 0 or > 100) e["cofinancingPercent"] = ["Il cofinanziamento è una percentuale tra 0 e 100."];
        if (r.Budget is < 0 or > 999_999_999_999m) e["budget"] = ["La dotazione non è un importo valido."];
        if (r.OpensOn is { } o && r.ClosesOn is { } c && c < o) e["closesOn"] = ["La scadenza precede l'apertura."];
        if (r.Link is { Length: > 0 } link && (link.Length > 1000 || !Uri.TryCreate(link, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
            e["link"] = ["Il collegamento al testo del bando deve essere un indirizzo http o https."];
        if (r.Rules is { } rules)
        {
            if (rules.Count > 20) e["rules"] = ["Al massimo 20 regole."];
            else
            {
                var zones = await db.Reads<ITerritoryQueries>().Zones.Select(z => z.Code).ToListAsync(ct);
                var comuni = await db.Reads<ITerritoryQueries>().Comuni.Select(z => z.IstatCode).ToListAsync(ct);
                for (var i = 0; i < rules.Count; i++)
                {
                    var kind = rules[i].Kind ?? "";
                    if (EligibilityEvaluator.ValidateParameter(kind, rules[i].Parameter ?? "", zones, comuni) is { } error)
                        e[$"rules[{i}]"] = [error];
                    else if ((rules[i].Parameter ?? "").Length > 2000) e[$"rules[{i}]"] = ["Il parametro non può superare 2000 caratteri."];
                }
            }
        }
        return e;
    }

    public static async Task<(Outcome Outcome, long? Id)> CreateAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, CallRequest r, CancellationToken ct)
    {
        if (!FundingAccess.CanManage(user)) return (new Outcome.Forbidden(), null);
        var errors = await ValidateAsync(db, r, ct);
        if (errors.Count > 0) return (new Outcome.Invalid(errors), null);
        var now = clock.GetUtcNow().UtcDateTime;
        var call = new FundingCall { CreatedAt = now, Source = "manual" };
        Apply(call, r, now);
        db.Add(call);
        await db.SaveChangesAsync(ct);
        await ReplaceRulesAsync(db, call.Id, r, ct);
        return (new Outcome.Done(call.Version), call.Id);
    }

    public static async Task<Outcome> UpdateAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, long id, int? expectedVersion, CallRequest r, CancellationToken ct)
    {
        var call = await db.Set<FundingCall>().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (call is null) return new Outcome.NotFound();
        if (!FundingAccess.CanManage(user)) return new Outcome.Forbidden();
        if (expectedVersion is { } v && v != call.Version) return new Outcome.Conflict(call.Version);
        var errors = await ValidateAsync(db, r, ct);
        if (errors.Count > 0) return new Outcome.Invalid(errors);
        if (expectedVersion is { } ev) db.ExpectVersion(call, ev);
        Apply(call, r, clock.GetUtcNow().UtcDateTime);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Outcome.Conflict((await db.Set<FundingCall>().AsNoTracking().SingleAsync(c => c.Id == id, ct)).Version);
        }
        if (r.Rules is not null)
        {
            await db.Set<FundingCallRule>().Where(x => x.CallId == id).ExecuteDeleteAsync(ct);
            await ReplaceRulesAsync(db, id, r, ct);
        }
        await tx.CommitAsync(ct);
        return new Outcome.Done(call.Version);
    }

    private static async Task ReplaceRulesAsync(AppDbContext db, long id, CallRequest r, CancellationToken ct)
    {
        if (r.Rules is not { Count: > 0 } rules) return;
        db.AddRange(rules.Select((x, i) => new FundingCallRule { CallId = id, Kind = x.Kind!, Parameter = (x.Parameter ?? "").Trim(), Position = i + 1 }));
        await db.SaveChangesAsync(ct);
    }

    private static void Apply(FundingCall c, CallRequest r, DateTime now)
    {
        c.Title = r.Title!.Trim();
        c.Issuer = r.Issuer!.Trim();
        c.IssuerTaxCode = Blank(r.IssuerTaxCode)?.ToUpperInvariant();
        c.Programme = r.Programme!;
        c.MeasureCode = Blank(r.MeasureCode)?.ToUpperInvariant();
        c.Themes = Blank(r.Themes);
        c.Recipients = Blank(r.Recipients);
        c.PartnersMin = r.PartnersMin;
        c.PartnersMax = r.PartnersMax;
        c.CofinancingPercent = r.CofinancingPercent;
        c.Budget = r.Budget;
        c.OpensOn = r.OpensOn;
        c.ClosesOn = r.ClosesOn;
        c.Link = Blank(r.Link);
        c.Status = r.Status ?? FundingCallStatuses.Open;
        c.UpdatedAt = now;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
