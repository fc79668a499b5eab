using System.IO.Compression;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace Metropoli.Platform.Ui;

/// <summary>Light pages (ADR 0036): compressed answers, static files cached for a year when their address names their
/// content (<c>?v=</c> SHA-256, as <c>asp-append-version</c> writes it) and revalidated otherwise, and the precompressed
/// copies (<c>.br</c>, <c>.gz</c>) the front-end build writes beside the files under <c>wwwroot/lib</c>.</summary>
public static class StaticAssets
{
    /// <summary>Bootstrap Italia's icons, referenced by <c>&lt;use href&gt;</c> on most pages.</summary>
    public const string SpritePath = "/lib/bootstrap-italia/svg/sprites.svg";

    public const string Immutable = "public, max-age=31536000, immutable";

    /// <summary>An address without a fingerprint may change at any deployment: an hour, then a conditional request
    /// (ETag, Last-Modified) that answers 304 while the file is the same.</summary>
    public const string Revalidated = "public, max-age=3600";

    /// <summary>The types worth compressing: HTML, CSS, JavaScript, JSON and problem+json, CSV, GeoJSON, SVG, text.</summary>
    public static readonly string[] CompressedTypes =
    [
        "text/html", "text/css", "text/javascript", "application/javascript", "application/json", "application/problem+json",
        "text/csv", "application/geo+json", "image/svg+xml", "text/plain", "application/xml", "text/xml",
    ];

    private static readonly FileExtensionContentTypeProvider Types = new();

    /// <summary>The sprite's address with its fingerprint, for <c>&lt;use href="@sprite#it-…"&gt;</c>.</summary>
    public static string Sprite(HttpContext context) => Versioned(context, SpritePath);

    /// <summary>A file under wwwroot with <c>?v=</c> and the hash of its content (the framework caches the hash
    /// and drops it when the file changes).</summary>
    public static string Versioned(HttpContext context, string path) =>
        context.RequestServices.GetRequiredService<IFileVersionProvider>().AddFileVersionToPath(context.Request.PathBase, path);

    public static IServiceCollection AddLightPages(this IServiceCollection services)
    {
        // Over HTTPS too, on purpose: BREACH needs a secret that stays the same across responses in a body that also
        // reflects what the attacker sends. The antiforgery token is new in every response (a fresh Data Protection
        // payload) and the session cookie is never in a body; the few pages that show a secret once (a new access
        // token, a temporary password, the authenticator key and recovery codes) opt out with [NoCompression].
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = CompressedTypes;
        });
        // Dynamic answers are compressed while they are written: the fastest level (Brotli quality 1 still beats gzip -6
        // on HTML). Static files under wwwroot/lib were compressed at build time at the highest levels.
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return services;
    }

    /// <summary>Static files: the precompressed copy when the browser takes it, then the file middleware with the cache
    /// policy. Before routing, after the security headers (which static files must carry too).</summary>
    public static IApplicationBuilder UseLightStaticFiles(this IApplicationBuilder app)
    {
        var env = app.ApplicationServices.GetRequiredService<IWebHostEnvironment>();
        app.Use((context, next) =>
        {
            SelectPrecompressed(context, env);
            return next(context);
        });
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".br"] = "application/octet-stream";
        types.Mappings[".gz"] = "application/octet-stream";
        types.Mappings[".geojson"] = "application/geo+json";
        return app.UseStaticFiles(new StaticFileOptions
        {
            ContentTypeProvider = types,
            OnPrepareResponse = file => PrepareResponse(file.Context),
        });
    }

    private sealed record Precompressed(string OriginalPath, string ContentType, string Encoding);

    private static void SelectPrecompressed(HttpContext context, IWebHostEnvironment env)
    {
        var request = context.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            || !request.Path.StartsWithSegments("/lib") || request.Path.Value is not { } path
            || !Types.TryGetContentType(path, out var contentType))
        {
            return;
        }
        context.Response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);
        foreach (var (encoding, extension) in new[] { ("br", ".br"), ("gzip", ".gz") })
        {
            if (!Accepts(request, encoding))
            {
                continue;
            }
            var original = env.WebRootFileProvider.GetFileInfo(path);
            var compressed = env.WebRootFileProvider.GetFileInfo(path + extension);
            // A copy older than its file is stale (the file changed after the last build): serve the file itself.
            if (original.Exists && compressed.Exists && compressed.LastModified >= original.LastModified)
            {
                context.Items[typeof(Precompressed)] = new Precompressed(path, contentType, encoding);
                request.Path = path + extension;
                return;
            }
        }
    }

    private static bool Accepts(HttpRequest request, string encoding) =>
        request.GetTypedHeaders().AcceptEncoding.Any(e =>
            e.Value.Equals(encoding, StringComparison.OrdinalIgnoreCase) && (e.Quality ?? 1) > 0);

    private static void PrepareResponse(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        if (context.Items[typeof(Precompressed)] is Precompressed pre)
        {
            path = pre.OriginalPath;
            context.Response.ContentType = pre.ContentType;
            context.Response.Headers.ContentEncoding = pre.Encoding;
        }
        context.Response.Headers.CacheControl = IsCurrentFingerprint(context, path) ? Immutable : Revalidated;
    }

    /// <summary>Cached for a year only when <c>v</c> is the hash of the file being served: an old address asked after
    /// a deployment gets the new file, revalidated, never a year-long copy under the wrong name.</summary>
    private static bool IsCurrentFingerprint(HttpContext context, string path)
    {
        var v = context.Request.Query["v"];
        if (v.Count != 1 || string.IsNullOrEmpty(v[0]))
        {
            return false;
        }
        var versioned = context.RequestServices.GetService<IFileVersionProvider>()?.AddFileVersionToPath(context.Request.PathBase, path);
        return versioned is not null && versioned.EndsWith("?v=" + v[0], StringComparison.Ordinal);
    }
}

/// <summary>A page that shows a secret once (a new token, a temporary password, recovery codes) is never compressed over
/// HTTPS, so that its length cannot leak the secret to a BREACH-style attacker (ADR 0036).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class NoCompressionAttribute : Attribute, IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HttpContext.Features.Get<IHttpsCompressionFeature>() is { } feature)
        {
            feature.Mode = HttpsCompressionMode.DoNotCompress;
        }
        return next();
    }
}
