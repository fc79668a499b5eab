using System.Security.Claims;
using Metropoli.Platform.Api;
using Metropoli.Platform.Exports;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Metropoli.Agreements.Register;

/// <summary>The register: the list of the agreements the user may see, and its CSV and JSON exports (the open-data files).</summary>
internal static class RegisterApi
{
    public static void Map(RouteGroupBuilder agreements, WebApplication app)
    {
        agreements.MapGet("/", async Task<Results<Ok<Paged<AgreementRow>>, ValidationProblem>> (
                [AsParameters] ListQuery query, [AsParameters] AgreementFilter filter, ClaimsPrincipal user, AppDbContext db, ReadCache cache, CancellationToken ct) =>
            {
                var errors = ListAgreements.Validate(query, filter);
                return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(await ListAgreements.HandleAsync(db, user, query, filter, ct, cache));
            })
            .AllowAnonymous()
            .WithName("listAgreements").WithSummary("Il registro delle intese: per il pubblico solo le intese pubbliche in vigore, concluse o scadute; filtri per tipo, stato, tema, parte, zona, Comune, date, obiettivo e azione del piano; ricerca; ordinamento; paginazione.");

        app.MapGet("/intese/export.csv", async Task<IResult> ([AsParameters] ListQuery query, [AsParameters] AgreementFilter filter, ClaimsPrincipal user, AppDbContext db, HttpRequest request, CancellationToken ct) =>
            {
                var errors = ListAgreements.Validate(query, filter);
                if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
                var rows = await ListAgreements.AllAsync(db, user, query, filter, ct);
                return Downloads.File(request.HttpContext, "intese", "Registro delle intese", ExportAgreements.Columns($"{request.Scheme}://{request.Host}"), rows);
            })
            .AllowAnonymous()
            .ExcludeFromDescription();

        app.MapGet("/intese/export.json", async Task<IResult> ([AsParameters] ListQuery query, [AsParameters] AgreementFilter filter, ClaimsPrincipal user, AppDbContext db, CancellationToken ct) =>
            {
                var errors = ListAgreements.Validate(query, filter);
                if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
                var rows = await ListAgreements.AllAsync(db, user, query, filter, ct);
                return TypedResults.Ok(new Paged<AgreementRow>(rows, rows.Count, rows.Count, 0));
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
    }
}
