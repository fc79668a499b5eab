using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Razor.Hosting;

namespace Metropoli.BrowserTests.Infrastructure;

/// <summary>The Razor Pages the app exposes, read from the compiled app itself (each page's
/// <c>@page "…"</c> route is recorded as <c>RouteTemplate</c> metadata by the Razor compiler), so a
/// page added by a later module is in the list, and must be reached by the crawl, without new test code.</summary>
public static partial class PageRoutes
{
    public sealed record Route(string Template, string File, Regex Pattern, int Parameters);

    private static readonly Lazy<IReadOnlyList<Route>> LazyAll = new(Load);

    /// <summary>Most specific first: fewer parameters win, so <c>/admin/utenti/nuovo</c> is not taken
    /// for <c>/admin/utenti/{id}</c>.</summary>
    public static IReadOnlyList<Route> All => LazyAll.Value;

    /// <summary>The page route a path belongs to, or null when it is not a Razor Page (an API, a file).</summary>
    public static string? TemplateOf(string path)
    {
        var trimmed = path.Length > 1 ? path.TrimEnd('/') : path;
        return All.FirstOrDefault(r => r.Pattern.IsMatch(trimmed))?.Template;
    }

    private static IReadOnlyList<Route> Load()
    {
        // The platform's pages and every module's (each module is a Razor class library of its own).
        var assemblies = Metropoli.Host.HostModules.All.Select(m => m.GetType().Assembly)
            .Append(typeof(Metropoli.Platform.Data.Startup).Assembly).Distinct();
        var routes = new List<Route>();
        foreach (var item in assemblies.SelectMany(a => a.GetCustomAttributes<RazorCompiledItemAttribute>()))
        {
            if (item.Kind != "mvc.1.0.razor-page")
            {
                continue;
            }
            var template = item.Type.GetCustomAttributes<RazorCompiledItemMetadataAttribute>()
                .FirstOrDefault(m => m.Key == "RouteTemplate")?.Value;
            if (string.IsNullOrEmpty(template))
            {
                continue;
            }
            var normalised = "/" + template.Trim('/');
            routes.Add(new Route(normalised, item.Identifier, ToRegex(normalised), ParameterRegex().Matches(normalised).Count));
        }
        if (routes.Count == 0)
        {
            throw new InvalidOperationException($"No Razor Page with a route found in the app's assemblies: has the compiler's metadata changed?");
        }
        return routes.OrderBy(r => r.Parameters).ThenByDescending(r => r.Template.Length).ToList();
    }

    private static Regex ToRegex(string template)
    {
        var pattern = ParameterRegex().Replace(Regex.Escape(template).Replace(@"\{", "{", StringComparison.Ordinal), m =>
            m.Groups["constraint"].Value switch
            {
                "long" or "int" => "-?[0-9]+",
                _ => "[^/]+",
            });
        return new Regex("^" + pattern + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }

    [GeneratedRegex(@"\{(?<name>[A-Za-z]+)(:(?<constraint>[a-z]+))?\??\}")]
    private static partial Regex ParameterRegex();
}
