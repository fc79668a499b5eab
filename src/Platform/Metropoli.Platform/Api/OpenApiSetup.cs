using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Metropoli.Platform.Api;

public static class OpenApiSetup
{
    /// <summary>The API's version: <c>info.version</c>, the latest version in CHANGELOG.md and publiccode.yml's
    /// <c>softwareVersion</c> (ReleaseArtefactsTests keeps the three equal).</summary>
    public const string Version = "1.0.0";

    /// <summary>The API's stable identifier (<c>info.x-api-id</c>), unchanged across versions.</summary>
    public const string ApiId = "8b3c3f3e-5a51-4d1e-9f0e-6d6574726f70";

    public static IServiceCollection AddMetropoliOpenApi(this IServiceCollection services, IConfiguration? configuration = null) =>
        services.AddOpenApi("v1", o =>
        {
            o.OpenApiVersion = OpenApiSpecVersion.OpenApi3_0;
            // Only the API: pages are not part of the contract.
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true
                || d.RelativePath == "status";
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Metropoli API",
                    Version = Version,
                    Description = "API REST di Metropoli, la piattaforma del Piano strategico metropolitano e dei servizi ai Comuni. " +
                        "Convenzioni ModI: JSON camelCase, collezioni {items,total,limit,offset}, errori application/problem+json.",
                    Contact = new OpenApiContact { Name = "Città metropolitana di Milano", Email = "metropoli@example.invalid" },
                    License = new OpenApiLicense { Name = "EUPL-1.2", Url = new Uri("https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12") },
                    // The Italian guidelines (api-oas-checker, "Extended"): a one-line summary and a stable API id.
                    Extensions = new Dictionary<string, IOpenApiExtension>
                    {
                        ["x-summary"] = new JsonNodeExtension(System.Text.Json.Nodes.JsonValue.Create("Piano strategico metropolitano, intese, finanziamenti, servizi e partecipazione dei Comuni")),
                        ["x-api-id"] = new JsonNodeExtension(System.Text.Json.Nodes.JsonValue.Create(ApiId)),
                    },
                };
                // HTTPS only (ModI). Api:ServerUrl names the deployment's public address; without it the host is a
                // variable, so the document stays true on any installation.
                var serverUrl = configuration?["Api:ServerUrl"];
                document.Servers = serverUrl is { Length: > 0 }
                    ? [new OpenApiServer { Url = serverUrl.TrimEnd('/'), Description = "Questo server" }]
                    : [new OpenApiServer
                    {
                        Url = "https://{host}",
                        Description = "L'installazione di Metropoli (indirizzo pubblico dell'ente)",
                        Variables = new Dictionary<string, OpenApiServerVariable> { ["host"] = new() { Default = "localhost" } },
                    }];
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
                {
                    ["bearer"] = new OpenApiSecurityScheme
                    {
                        Type = SecuritySchemeType.Http,
                        Scheme = "bearer",
                        Description = "Token personale (mtp_…) creato dal profilo utente.",
                    },
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] }];
                return Task.CompletedTask;
            });
            o.AddOperationTransformer((operation, context, _) =>
            {
                var anonymous = context.Description.ActionDescriptor.EndpointMetadata
                    .OfType<Microsoft.AspNetCore.Authorization.IAllowAnonymous>().Any();
                if (anonymous)
                {
                    operation.Security = [];
                }
                operation.Description ??= operation.Summary;
                operation.Responses ??= new OpenApiResponses();
                if (!anonymous)
                {
                    operation.Responses.TryAdd("401", new OpenApiResponse { Description = "Autenticazione richiesta (problem+json)." });
                    operation.Responses.TryAdd("403", new OpenApiResponse { Description = "Ruolo o ambito insufficiente (problem+json)." });
                }
                if (context.Description.HttpMethod == "POST" && !anonymous)
                {
                    // Every creating write of the API takes an Idempotency-Key (docs/adr/0031).
                    operation.Parameters ??= [];
                    operation.Parameters.Add(new OpenApiParameter
                    {
                        Name = Idempotency.Header,
                        In = ParameterLocation.Header,
                        Required = false,
                        Description = Idempotency.OpenApiDescription,
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = Idempotency.MaxKeyLength },
                    });
                    operation.Responses.TryAdd("409", new OpenApiResponse { Description = "Conflitto, o una richiesta con la stessa Idempotency-Key ancora in corso (problem+json)." });
                    operation.Responses.TryAdd("422", new OpenApiResponse { Description = "Dati non validi, o una Idempotency-Key già usata con un altro contenuto (problem+json)." });
                }
                operation.Responses.TryAdd("429", new OpenApiResponse { Description = "Troppe richieste: vedi Retry-After e X-RateLimit-* (problem+json)." });
                return Task.CompletedTask;
            });
        });

    public static WebApplication MapMetropoliOpenApi(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.UseSwaggerUI(o =>
        {
            o.SwaggerEndpoint("/openapi/v1.json", "Metropoli API v1");
            o.RoutePrefix = "api/docs";
            o.DocumentTitle = "Metropoli API";
        });
        return app;
    }
}
