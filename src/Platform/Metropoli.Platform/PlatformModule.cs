using Metropoli.Platform.Exports;
using System.Globalization;
using Metropoli.Platform.Api;
using Metropoli.Platform.Audit;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Metropoli.Platform.Errors;
using Metropoli.Platform.Files;
using Metropoli.Platform.Jobs;
using Metropoli.Platform.Notifications;
using Metropoli.Platform.Localization;
using Metropoli.Platform.Modules;
using Metropoli.Platform.Security;
using Metropoli.Platform.Ui;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Metropoli.Platform.Observability;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;

namespace Metropoli.Platform;

public static class PlatformModule
{
    public static readonly CultureInfo[] Cultures = [new("it-IT"), new("en-GB")];

    public static WebApplicationBuilder AddPlatform(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, HttpCurrentUser>();
        services.AddAppDatabase(config, builder.Environment.ContentRootPath);
        var contentRoot = builder.Environment.ContentRootPath;
        services.AddSingleton(sp => new FileSystemFileStore(FileSystemFileStore.RootOf(config["Files:Root"], sp.GetRequiredService<DatabaseOptions>(), contentRoot)));
        services.AddSingleton<IFileStore>(sp => sp.GetRequiredService<FileSystemFileStore>());

        // Identity: local accounts, lockout, password rules, optional authenticator 2FA.
        services.AddIdentity<AppUser, AppRole>(o =>
            {
                // Length over composition, and a block list (PasswordPolicy; NIST SP 800-63B, ADR 0030).
                o.Password.RequiredLength = PasswordPolicy.MinimumLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.MaxFailedAccessAttempts = config.GetValue("Security:MaxFailedAccessAttempts", 5);
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(config.GetValue("Security:LockoutMinutes", 15d));
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<ItalianIdentityErrors>()
            .AddPasswordValidator<PasswordPolicy>()
            .AddTokenProvider<InvitationTokenProvider>(AccountEmails.InvitationProvider)
            .AddClaimsPrincipalFactory<AppClaimsFactory>();
        // Reset links expire in an hour, invitations in a week; both work once (the stamp they are bound to rotates).
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromMinutes(config.GetValue("Security:PasswordResetMinutes", 60d)));
        services.Configure<InvitationTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromDays(config.GetValue("Security:InvitationDays", 7d)));
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        // Unset keeps Identity's default (PBKDF2, 100,000 iterations). The test settings lower it: hashing is
        // then no longer what every test app's start and every sign-in spends its time on.
        if (config.GetValue<int?>("Security:PasswordHashIterations") is { } hashIterations)
        {
            services.Configure<PasswordHasherOptions>(o => o.IterationCount = hashIterations);
        }

        var authentication = services.AddAuthentication(o =>
            {
                // AddIdentity already set DefaultAuthenticateScheme to the cookie, which outranks
                // DefaultScheme: without this line Bearer tokens were never read.
                o.DefaultScheme = "metropoli";
                o.DefaultAuthenticateScheme = "metropoli";
                o.DefaultChallengeScheme = "metropoli";
            })
            .AddPolicyScheme("metropoli", "Cookie o token", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? AccessTokenHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, AccessTokenHandler>(AccessTokenHandler.SchemeName, null);
        // ASVS 5.0 3.3.1: outside Development the session and antiforgery cookies are always Secure and
        // named __Host- (the browser then refuses them over HTTP, from a subdomain or for another path).
        // Development keeps plain names so that http://localhost works (ADR 0018).
        var cookies = new CookieNaming(config.GetValue("Security:HostCookies", !builder.Environment.IsDevelopment()));
        services.AddSingleton(cookies);
        var secureCookies = cookies.Policy;
        // SPID and CIE through an OpenID Connect identity proxy, when configured (ADR 0049).
        builder.AddDigitalIdentity(authentication, cookies);
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = cookies.Name("metropoli.auth", "metropoli.auth");
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = secureCookies;
            o.LoginPath = "/accedi";
            o.LogoutPath = "/esci";
            o.AccessDeniedPath = "/accesso-negato";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = ctx => Problems.IsApi(ctx.HttpContext)
                ? Problems.WriteAsync(ctx.HttpContext, Problems.Unauthenticated, "Accedi o invia un token valido nell'intestazione Authorization: Bearer.")
                : Redirect(ctx);
            o.Events.OnRedirectToAccessDenied = ctx => Problems.IsApi(ctx.HttpContext)
                ? Problems.WriteAsync(ctx.HttpContext, Problems.Forbidden, "Il tuo ruolo non consente questa operazione.")
                : Redirect(ctx);
            // Every way in (password, code, recovery code) ends here: one log line per sign-in and sign-out, with the
            // user's id (never the address) and the trace id, for the operators' log (issue 24, point 4).
            o.Events.OnSignedIn = ctx =>
            {
                ctx.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Metropoli.Security")
                    .LogInformation("Sign-in of user {UserId}", ctx.Principal?.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value);
                return Task.CompletedTask;
            };
            o.Events.OnSigningOut = ctx =>
            {
                ctx.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Metropoli.Security")
                    .LogInformation("Sign-out of user {UserId}", ctx.HttpContext.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value);
                return Task.CompletedTask;
            };
        });

        // Sessions live on the server (ADR 0030): signing out ends the session, not only the browser's cookie.
        services.AddSingleton<DatabaseTicketStore>();
        services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<DatabaseTicketStore>((o, store) => o.SessionStore = store);

        // Identity's other cookies and TempData's follow the same naming and Secure policy.
        foreach (var (scheme, name) in new[] { (IdentityConstants.TwoFactorUserIdScheme, "metropoli.2fa"),
                     (IdentityConstants.TwoFactorRememberMeScheme, "metropoli.2fa-remember"), (IdentityConstants.ExternalScheme, "metropoli.external") })
        {
            services.Configure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(scheme, o =>
            {
                o.Cookie.Name = cookies.Name(o.Cookie.Name!, name);
                o.Cookie.SecurePolicy = secureCookies;
            });
        }
        services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(o =>
        {
            o.Cookie.Name = cookies.Name(o.Cookie.Name!, "metropoli.tempdata");
            o.Cookie.SecurePolicy = secureCookies;
        });

        // Deny by default: an endpoint without its own decision needs a signed-in user, and a test
        // fails when any endpoint or page has no explicit [Authorize]/[AllowAnonymous] decision.
        services.AddAuthorizationBuilder()
            // A request that matched no endpoint (or only the wrong method) passes, so anonymous
            // clients get 404/405 rather than a login challenge for an address that does not exist.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAssertion(c =>
                c.User.Identity?.IsAuthenticated == true
                || (c.Resource is HttpContext http && http.GetEndpoint() is not RouteEndpoint)).Build())
            .AddPolicy(Policies.Authenticated, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.Administrator, p => p.RequireRole(Roles.Administrator))
            .AddPolicy(Policies.PlanOffice, p => p.RequireRole(Roles.Administrator, Roles.PlanOffice));

        // Keys live in the shared database: a login made on one instance is valid on the others. They are encrypted at
        // rest with a certificate kept outside the database (Security:DataProtectionCertificate), so that a backup of
        // the database is not enough to forge a session cookie (issue 18, point 19).
        services.AddDataProtection().SetApplicationName("Metropoli").PersistKeysToDbContext<AppDbContext>()
            .ProtectKeysWithCertificate(DataProtectionCertificate.Load(config, builder.Environment));

        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("it-IT");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            // ?culture=en or it (as links and the language switch name them) as well as en-GB or it-IT; then the cookie.
            o.RequestCultureProviders = [new CustomRequestCultureProvider(http => Task.FromResult(
                    http.Request.Query["culture"].ToString() switch
                    {
                        "en" or "en-GB" => new ProviderCultureResult("en-GB"),
                        "it" or "it-IT" => new ProviderCultureResult("it-IT"),
                        _ => (ProviderCultureResult?)null,
                    })),
                new CookieRequestCultureProvider { CookieName = cookies.Culture }];
        });

        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/";
        }).AddMvcOptions(o =>
        {
            ItalianBindingMessages.Apply(o.ModelBindingMessageProvider);
            o.Filters.Add(new Errors.FormTooLargeFilter());
        })
        .AddViewLocalization().AddDataAnnotationsLocalization(o =>
            o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(Localization.SharedResource)));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = cookies.Name("metropoli.af", "metropoli.af");
            // Secure whenever the request is HTTPS, never "Always": with Always the antiforgery system throws on
            // a plain-HTTP request, so every signed-in page (its logout form) answered 500 (ADR 0018).
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.HeaderName = "X-CSRF-TOKEN";
        });

        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            ctx.ProblemDetails.Instance ??= Problems.OriginalPath(ctx.HttpContext);
            Problems.ApplyType(ctx.ProblemDetails);
            // The W3C trace id when a trace is running (the id in the logs and in the exported traces).
            ctx.ProblemDetails.Extensions["traceId"] = System.Diagnostics.Activity.Current?.TraceId.ToString() ?? ctx.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase;
            // JSON numbers only: "1.250" as a string would be read with the server's rules, not the client's (issue 18.1).
            o.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict;
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
        });
        builder.WebHost.ConfigureKestrel(k =>
        {
            // 11 MB: a 10 MB file (the evidence and documents limit, Files/Evidence) plus its form must fit.
            k.Limits.MaxRequestBodySize = config.GetValue<long>("Limits:MaxRequestBodyBytes", Files.Evidence.MaxBytes + 1024 * 1024);
            k.AddServerHeader = false;
        });

        services.AddMetropoliOpenApi(config);
        // Brotli/gzip for text answers, over HTTPS too (ADR 0036).
        services.AddLightPages();
        services.AddScoped<CspNonce>();
        services.AddScoped<Sectors.SectorNames>();
        services.AddValidatedOptions<DatabaseOptions>(config, "Database");
        services.AddValidatedOptions<Navigation.BrandOptions>(config, Navigation.BrandOptions.Section);
        services.AddValidatedOptions<OpenData.OpenDataOptions>(config, OpenData.OpenDataOptions.Section);
        services.AddScoped<OpenData.OpenDataCatalog>();
        services.AddValidatedOptions<Legal.PrivacyOptions>(config, Legal.PrivacyOptions.Section);
        services.AddValidatedOptions<Legal.AccessibilityOptions>(config, Legal.AccessibilityOptions.Section);
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();
        services.AddValidatedOptions<RateLimitOptions>(config, "RateLimits");
        // The PDF printer of the reports (plan monitoring, consultation report): headless Chromium (Exports.HtmlPdf).
        services.AddValidatedOptions<Exports.ReportOptions>(config, "Reports");
        services.AddValidatedOptions<JobOptions>(config, "Jobs");
        services.AddSingleton<JobScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<JobScheduler>());
        services.AddJob<TokenCleanupJob>();
        services.AddSingleton<AuditAnchors>();
        services.AddJob<AuditCheckpointJob>();
        services.AddValidatedOptions<EmailOptions>(config, "Email");
        services.AddSingleton<OutboxSenderJob>();
        services.AddSingleton<IRecurringJob>(sp => sp.GetRequiredService<OutboxSenderJob>());
        services.AddMetropoliHealthChecks();
        builder.AddMetropoliObservability();
        return builder;
    }

    private static Task Redirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx)
    {
        // The framework builds an absolute address from the request's Host header: keep the path and query only, so a
        // forged Host never reaches the Location header (issue 18, point 19).
        var target = Uri.TryCreate(ctx.RedirectUri, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https"
            ? absolute.PathAndQuery
            : ctx.RedirectUri;
        ctx.Response.Redirect(target);
        return Task.CompletedTask;
    }

    public static WebApplication UsePlatform(this WebApplication app)
    {
        // Behind a TLS-terminating reverse proxy, Security:ForwardedHeaders=true makes X-Forwarded-Proto/For count, only
        // from the proxies named in Security:KnownProxies (addresses) and Security:KnownNetworks (CIDR), loopback when
        // none is named, and only the last hop (the address the proxy saw): the rate limit keys anonymous clients on it.
        if (app.Configuration.GetValue("Security:ForwardedHeaders", false))
            app.UseForwardedHeaders(ForwardedHeadersSetup.Options(app.Configuration));
        app.UseMiddleware<SecurityHeadersMiddleware>();
        // Brotli or gzip for every text answer, errors included (ADR 0036); static files under /lib come precompressed.
        app.UseResponseCompression();
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/errore/500", AllowStatusCode404Response = true });
        app.UseStatusCodePages(StatusCodePages.HandleAsync);
        // A NUL character in the query string can never be a valid filter, and PostgreSQL refuses it in
        // text parameters (a 500 before this check): answer 400 before anything reads it.
        app.Use(async (context, next) =>
        {
            if (context.Request.QueryString.Value is { } query && query.Contains("%00", StringComparison.Ordinal))
            {
                await Problems.WriteAsync(context, Problems.BadRequest, "La query string contiene un carattere nullo (%00).");
                return;
            }
            await next();
        });
        app.UseContentTypeGuard();
        // HEAD on every GET (downloads included): same status and headers, no body.
        app.UseHeadAsGet();
        app.UseLightStaticFiles();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseAuthentication();
        app.UseMiddleware<RateLimitMiddleware>();
        app.UseMiddleware<CookieApiOriginMiddleware>();
        app.UseMiddleware<TwoFactorRequirementMiddleware>();
        app.UseMiddleware<PasswordChangeRequirementMiddleware>();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseIdempotencyKeys();
        return app;
    }

    public static WebApplication MapPlatform(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapLanguageSwitch();
        app.MapMetropoliOpenApi();
        app.MapStatus();
        app.MapHealth();
        app.MapPlatformApi();
        OpenData.OpenDataApi.MapOpenDataApi(app);
        return app;
    }
}
