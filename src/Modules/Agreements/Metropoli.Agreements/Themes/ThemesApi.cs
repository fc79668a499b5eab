using System.Security.Claims;
using Metropoli.Platform.Api;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Metropoli.Agreements.Themes;

/// <summary>The themes of the agreements (administrators keep the list).</summary>
internal static class ThemesApi
{
    public static void Map(RouteGroupBuilder themes)
    {
        themes.MapGet("/", async Task<Ok<Paged<ThemeRow>>> (AppDbContext db, CancellationToken ct) =>
            {
                var themes = await SaveTheme.ListAsync(db, ct);
                return TypedResults.Ok(new Paged<ThemeRow>(themes, themes.Count, themes.Count, 0));
            })
            .AllowAnonymous()
            .WithName("listAgreementThemes").WithSummary("I temi delle intese, dalle liste del piano, con il numero di intese collegate.");

        themes.MapPost("/", async Task<IResult> (ThemeRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
            {
                var outcome = await SaveTheme.CreateAsync(db, user, clock, request, ct);
                return OutcomeHttp.Created(outcome, context, "/api/v1/agreement-themes", outcome is Outcome.Done ? new { code = request.Code?.Trim() } : null, AgreementAccess.NotFoundDetail);
            })
            .RequireAuthorization(Policies.Administrator)
            .WithName("createAgreementTheme").WithSummary("Aggiunge un tema (amministratori).")
            .Produces(201).ProducesProblem(403).ProducesProblem(422);

        themes.MapPut("/{code}", (string code, ThemeRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
                OutcomeHttp.IfMatchAsync(context, "il tema (campo version)", version => SaveTheme.UpdateAsync(db, user, clock, code, version, request, ct), notFound: AgreementAccess.NotFoundDetail))
            .RequireAuthorization(Policies.Administrator)
            .WithName("updateAgreementTheme").WithSummary("Rinomina o riordina un tema (amministratori); il codice non cambia. Richiede If-Match.")
            .Produces(204).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(428);
    }
}
