using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Metropoli.Tests.Infrastructure;

/// <summary>A Razor page handler: the page's route, the handler name (null for the default OnPost) and
/// whether the page model binds an uploaded file.</summary>
public sealed record PageHandler(string Route, string HttpMethod, string? Name, Type ModelType, bool TakesFile, bool IgnoresAntiforgery)
{
    public override string ToString() => $"{HttpMethod} {Route}{(Name is null ? "" : "?handler=" + Name)}";
}

/// <summary>Every endpoint the running app maps (minimal APIs and Razor pages), as routing sees it:
/// new endpoints and pages join every check built on this list without being named anywhere.</summary>
public static partial class EndpointList
{
    public static IReadOnlyList<RouteEndpoint> All(MetropoliApp app) =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

    public static bool IsPage(RouteEndpoint e) => e.Metadata.GetMetadata<PageActionDescriptor>() is not null;

    public static string Route(RouteEndpoint e) => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/');

    public static IReadOnlyList<string> Methods(RouteEndpoint e) =>
        e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [];

    /// <summary>The handlers of every page, loaded as MVC loads them on first request.</summary>
    public static async Task<IReadOnlyList<PageHandler>> PageHandlersAsync(MetropoliApp app)
    {
        var loader = app.Services.GetRequiredService<PageLoader>();
        var handlers = new List<PageHandler>();
        foreach (var e in All(app).Where(IsPage))
        {
            var compiled = await loader.LoadAsync(e.Metadata.GetMetadata<PageActionDescriptor>()!, e.Metadata);
            var model = compiled.ModelTypeInfo?.AsType() ?? compiled.PageTypeInfo.AsType();
            var takesFile = compiled.BoundProperties.Any(p => TakesFile(p.ParameterType));
            var ignoresAntiforgery = e.Metadata.Concat(compiled.EndpointMetadata).Any(m => m is Microsoft.AspNetCore.Mvc.IgnoreAntiforgeryTokenAttribute);
            foreach (var h in compiled.HandlerMethods)
            {
                handlers.Add(new PageHandler(Route(e), h.HttpMethod.ToUpperInvariant(), h.Name, model, takesFile, ignoresAntiforgery));
            }
        }
        return handlers;
    }

    private static bool TakesFile(Type type) =>
        typeof(IFormFile).IsAssignableFrom(type) || typeof(IFormFileCollection).IsAssignableFrom(type)
        || (type.IsClass && type.Namespace?.StartsWith("Metropoli", StringComparison.Ordinal) == true
            && type.GetProperties().Any(p => typeof(IFormFile).IsAssignableFrom(p.PropertyType)));

    /// <summary>Whether a concrete path (no query) matches a route template such as
    /// <c>/piano/{id:long}/azioni</c> or <c>/api/v1/municipalities/{istatCode}</c>.</summary>
    public static bool Matches(string template, string path)
    {
        var t = Segments(template);
        var p = Segments(path);
        if (t.Length != p.Length)
        {
            return false;
        }
        for (var i = 0; i < t.Length; i++)
        {
            var m = Parameter().Match(t[i]);
            if (!m.Success)
            {
                if (!t[i].Equals(Uri.UnescapeDataString(p[i]), StringComparison.OrdinalIgnoreCase)) return false;
                continue;
            }
            var constraint = m.Groups["c"].Value;
            if (constraint is "long" or "int" && !long.TryParse(p[i], out _)) return false;
        }
        return true;
    }

    /// <summary>The route with any well-formed value in each parameter (1 where a number is required),
    /// for checks that run before the handler looks anything up.</summary>
    public static string Placeholders(string route) =>
        "/" + string.Join('/', Segments(route).Select(s => Parameter().Match(s) is { Success: true } m
            ? m.Groups["c"].Value is "long" or "int" ? "1" : "x"
            : s));

    /// <summary>The parameter names of a template, in order.</summary>
    public static IReadOnlyList<string> Parameters(string template) =>
        Segments(template).Select(s => Parameter().Match(s)).Where(m => m.Success).Select(m => m.Groups["n"].Value).ToList();

    public static string[] Segments(string path) => path.Split('?')[0].Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);

    [GeneratedRegex(@"^\{(?<n>[A-Za-z_][A-Za-z0-9_]*)(?::(?<c>[a-z]+))?\??\}$")]
    public static partial Regex Parameter();
}
