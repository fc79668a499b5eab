using System.ComponentModel;
using System.Security.Claims;
using Metropoli.Platform.Api;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;

namespace Metropoli.Territory.Zones;

/// <summary>/api/v1/zones: composition (today or on a day), rotation and coordinators.</summary>
public static class ZonesApi
{
    private const string DateHelp = "Giorno a cui riferire la composizione, nel formato AAAA-MM-GG (predefinito: oggi).";

    public static void MapZonesApi(this WebApplication app)
    {
        var zones = app.MapApiV1().MapGroup("/zones").WithTags("Territorio");
        zones.MapGet("/", async Task<IResult> ([Description(DateHelp)] string? date, AppDbContext db, CancellationToken ct) =>
            {
                if (!TerritoryDates.TryParseOptional(date, out var day)) return BadDate();
                var items = day is { } d ? await ListZones.HandleAsync(db, d, ct) : await ListZones.HandleAsync(db, ct);
                return TypedResults.Ok(new Paged<ZoneRow>(items, items.Count, items.Count, 0));
            })
            .AllowAnonymous()
            .WithName("listZones").WithSummary("Le Zone omogenee e Milano, con numero di Comuni e popolazione, oggi o in un giorno dato (date=AAAA-MM-GG).")
            .Produces<Paged<ZoneRow>>().ProducesValidationProblem();
        zones.MapGet("/{code}", async Task<IResult> (string code, [Description(DateHelp)] string? date, AppDbContext db, CancellationToken ct) =>
            {
                if (!TerritoryDates.TryParseOptional(date, out var day)) return BadDate();
                var zone = day is { } d ? await ListZones.GetAsync(db, code, d, ct) : await ListZones.GetAsync(db, code, ct);
                return zone is null ? OutcomeHttp.NotFound($"Nessuna zona con codice {code}.") : TypedResults.Ok(zone);
            })
            .AllowAnonymous()
            .WithName("getZone").WithSummary("Una zona con i Comuni che ne fanno parte, oggi o in un giorno dato (date=AAAA-MM-GG).")
            .Produces<ZoneDetail>().ProducesValidationProblem().ProducesProblem(404);

        zones.MapGet("/{code}/coordinators", async Task<IResult> (string code,
                [Description("Giorno di riferimento, AAAA-MM-GG (predefinito: oggi).")] string? date, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
            {
                if (!TerritoryDates.TryParseOptional(date, out var day)) return BadDate();
                var view = await GetCoordinators.HandleAsync(db, code, day ?? CivilClock.Today(clock), ct);
                return view is null ? OutcomeHttp.NotFound($"Nessuna zona con codice {code}.") : TypedResults.Ok(view);
            })
            .AllowAnonymous()
            .WithName("getZoneCoordinators")
            .WithSummary("Il coordinatore della zona in carica, il prossimo e i precedenti, secondo la rotazione e le sostituzioni registrate.")
            .Produces<CoordinatorsView>().ProducesValidationProblem().ProducesProblem(404);

        zones.MapGet("/{code}/rotation", async Task<IResult> (string code, AppDbContext db, HttpContext context, CancellationToken ct) =>
            {
                var view = await GetCoordinators.RotationAsync(db, code, ct);
                if (view is null) return OutcomeHttp.NotFound($"Nessuna zona con codice {code}.");
                ETags.Set(context, view.Version);
                return TypedResults.Ok(view);
            })
            .AllowAnonymous()
            .WithName("getZoneRotation").WithSummary("La rotazione del coordinatore: ordine dei Comuni, durata del mandato, inizio. L'ETag è \"0\" finché non è configurata.")
            .Produces<RotationView>().ProducesProblem(404);

        zones.MapPut("/{code}/rotation", async Task<IResult> (string code, RotationRequest request, ClaimsPrincipal user,
                AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
            {
                var version = ETags.FromIfMatch(context.Request);
                if (version is null) return OutcomeHttp.PreconditionRequired("GET /api/v1/zones/{code}/rotation");
                return OutcomeHttp.ToHttp(await SetRotation.HandleAsync(db, user, clock, code, version, request, ct), context);
            })
            .RequireAuthorization(Policies.Administrator)
            .WithName("setZoneRotation").WithSummary("Imposta la rotazione del coordinatore (solo amministratori). Richiede If-Match (\"0\" se non ancora configurata).")
            .Produces(204).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(428);

        zones.MapPost("/{code}/coordinator-overrides", async Task<IResult> (string code, OverrideRequest request, ClaimsPrincipal user,
                AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
                OutcomeHttp.Added(await OverrideCoordinator.HandleAsync(db, user, clock, code, request, ct), context))
            .RequireAuthorization(Policies.Administrator)
            .WithName("overrideZoneCoordinator")
            .WithSummary("Sostituisce il coordinatore per il resto del mandato in corso, con un motivo (solo amministratori).")
            .Produces(204).ProducesProblem(404).ProducesProblem(422);
    }

    private static IResult BadDate() =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["date"] = [TerritoryDates.FormatError] });
}
