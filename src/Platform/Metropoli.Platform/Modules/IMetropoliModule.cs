using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Metropoli.Platform.Modules;

/// <summary>The one door through which a module joins Metropoli. The host lists the modules
/// (<see cref="ModuleCatalog"/>); the platform loops over them and names none. Every member but
/// <see cref="Name"/> has a default, so a module states only what it contributes (docs/adding-a-module.md).</summary>
public interface IMetropoliModule
{
    /// <summary>Short, stable, kebab-case name ("territory"): read-model keys, logs, the CLI's help.</summary>
    string Name { get; }

    /// <summary>Services, options and background jobs.</summary>
    void AddServices(WebApplicationBuilder builder) { }

    /// <summary>Minimal API endpoints (Razor Pages are found by the host in the module's assembly).</summary>
    void MapEndpoints(WebApplication app) { }

    /// <summary>The module's part of the one <c>AppDbContext</c> model. Modules are configured in the host's order,
    /// so a module may declare a foreign key to an entity of a module listed before it by name (ADR 0026).</summary>
    void ConfigureModel(ModelBuilder builder) => builder.ApplyConfigurationsFromAssembly(GetType().Assembly);

    /// <summary>The entities other modules may point a foreign key at, by the stable names its contract publishes
    /// (<see cref="ModuleCatalog.EntityName"/>).</summary>
    IReadOnlyDictionary<string, Type> ReferencedEntities => new Dictionary<string, Type>();

    /// <summary>Reference data every installation needs (idempotent: runs at every start and on <c>seed</c>).</summary>
    Task SeedReferenceDataAsync(IServiceProvider services, CancellationToken ct) => Task.CompletedTask;

    /// <summary>Demonstration content (<c>seed --demo</c>, first start in Development), after the demo accounts.</summary>
    Task SeedDemoAsync(IServiceProvider services, CancellationToken ct) => Task.CompletedTask;

    /// <summary>The contracts this module implements for the others (<see cref="ModuleReads"/>).</summary>
    void ProvideReads(ModuleReads reads) { }

    /// <summary>Whether a pending change of one of this module's entities changes what its read models show
    /// (a submitted measurement does not change a public figure until it is validated).</summary>
    bool ChangesReadModels(EntityEntry entry) => true;

    /// <summary>Entries of the navigation: the public sections of the navbar, the administration menu and the
    /// signed-in user's menu (<see cref="NavEntry.Menu"/>).</summary>
    IEnumerable<NavEntry> Navigation => [];

    /// <summary>What waits for this user in this module (the desk, <c>/scrivania</c>): values to send, to validate,
    /// obligations due. Nothing waiting: no item.</summary>
    Task<IEnumerable<DeskItem>> DeskItemsAsync(IServiceProvider services, ClaimsPrincipal user, CancellationToken ct) =>
        Task.FromResult(Enumerable.Empty<DeskItem>());

    /// <summary>The statuses this module shows, explained in the glossary (<c>/aiuto/glossario</c>).</summary>
    IEnumerable<GlossaryEntry> Glossary => [];

    /// <summary>What this module finds for the site search (<c>/cerca</c>): at most <paramref name="limit"/> results
    /// the user may open, best first.</summary>
    Task<IEnumerable<SearchResult>> SearchAsync(IServiceProvider services, ClaimsPrincipal user, string query, int limit, CancellationToken ct) =>
        Task.FromResult(Enumerable.Empty<SearchResult>());

    /// <summary>The public downloads this module offers, for the open-data catalogue (<c>/dati</c>, DCAT-AP_IT).</summary>
    IEnumerable<OpenData.OpenDataset> Datasets => [];

    /// <summary>Sections this module adds to other modules' pages (the Comune page, the zone page, …).</summary>
    IEnumerable<PageSection> Sections => [];

    /// <summary>Links of the home page's list of what the site offers.</summary>
    IEnumerable<HomeLink> HomeLinks => [];

    /// <summary>Key figures on the home page.</summary>
    Task<IEnumerable<HomeFigure>> HomeFiguresAsync(IServiceProvider services, CancellationToken ct) =>
        Task.FromResult(Enumerable.Empty<HomeFigure>());

    /// <summary>How the history of changes names this module's records, fields and codes (<see cref="Audit.AuditVocabulary"/>).</summary>
    void DescribeAudit(Audit.AuditVocabulary vocabulary) { }

    /// <summary>Command-line commands (<c>dotnet Metropoli.Host.dll COMMAND</c>).</summary>
    IEnumerable<CliCommand> Commands => [];
}

/// <summary>A link of the navigation. <paramref name="Order"/> sorts across modules (and the platform's own entries,
/// <see cref="SiteNavigation"/>); <paramref name="Visible"/> (null: everyone) decides per user; <paramref name="Menu"/>
/// says where it goes: the navbar, the one administration menu, or the user's menu in the slim header.
/// <paramref name="Label"/> is localised by the layout.</summary>
public sealed record NavEntry(string Href, string Label, int Order, Func<ClaimsPrincipal, bool>? Visible = null, NavMenu Menu = NavMenu.Main);

/// <summary>Where a <see cref="NavEntry"/> is shown.</summary>
public enum NavMenu
{
    /// <summary>The navbar's public sections.</summary>
    Main,
    /// <summary>The navbar's one "Administration" dropdown.</summary>
    Admin,
    /// <summary>The signed-in user's dropdown in the slim header.</summary>
    Personal,
}

/// <summary>A key figure of the home page (<paramref name="Label"/> is localised by the page). <paramref name="AsOf"/>:
/// the date of the data it counts (null: reference data without a date of its own).</summary>
public sealed record HomeFigure(long Value, string Label, int Order, DateOnly? AsOf = null, string? Href = null);

/// <summary>An entry card of the home page (<paramref name="Label"/> and <paramref name="Description"/> are localised by
/// the page; <paramref name="Icon"/> names a Bootstrap Italia sprite icon, "it-chart-line").</summary>
public sealed record HomeLink(string Href, string Label, int Order, string? Description = null, string Icon = "it-arrow-right");

/// <summary>What waits for a user on the desk: <paramref name="Title"/> (localised by the page, may carry one {0}
/// filled with <paramref name="Detail"/>), how many, the nearest due date, where to act, and how urgent. A
/// <paramref name="Count"/> of 0 is a shortcut of the user's scope ("my Comune"), not something waiting.</summary>
public sealed record DeskItem(string Module, string Title, int Count, string Href, DeskUrgency Urgency, int Order,
    DateOnly? Due = null, string? Detail = null);

/// <summary>How a <see cref="DeskItem"/> is shown: overdue first, then due soon, then the rest.</summary>
public enum DeskUrgency
{
    Overdue,
    DueSoon,
    Normal,
}

/// <summary>A status explained in the glossary: <paramref name="Group"/> (the thing it is a status of),
/// <paramref name="Term"/> and <paramref name="Definition"/> are Italian keys the page localises; <paramref name="Badge"/>
/// is the badge class the status has on its pages; <paramref name="Anchor"/> is the fragment pages may link to.</summary>
public sealed record GlossaryEntry(string Group, string Term, string Definition, int Order, string? Badge = null, string? Anchor = null);

/// <summary>One result of the site search: <paramref name="Kind"/> (localised by the page: "Comune", "Intesa"),
/// the record's own text as <paramref name="Title"/>, and its page.</summary>
public sealed record SearchResult(string Kind, string Title, string Href, string? Detail = null);

/// <summary>A view component of a module shown on another module's page (<see cref="SectionPages"/>): it is invoked
/// with one argument, <c>context</c>, a <see cref="SectionContext"/>.</summary>
public sealed record PageSection(string Page, int Order, Type ViewComponent);

/// <summary>The pages that other modules may add sections to, and the key each passes (an ISTAT code, a zone code, an id).</summary>
public static class SectionPages
{
    public const string Comune = "comune";
    public const string Zone = "zone";
    public const string Objective = "objective";
    public const string Action = "action";
    /// <summary>An organisation of the registry (key: its id).</summary>
    public const string Organisation = "organisation";
    /// <summary>An agreement of the register (key: its id).</summary>
    public const string Agreement = "agreement";
}

/// <summary>What a section is shown for: <paramref name="Page"/> is one of <see cref="SectionPages"/>.</summary>
public sealed record SectionContext(string Page, string Key)
{
    public long? Id => long.TryParse(Key, out var id) ? id : null;
}

/// <summary>A command of the command line (System.CommandLine builds the parser and the help from it):
/// <paramref name="Path"/> is its words ("users", "create"); <paramref name="Run"/> receives the given options by name
/// (flags as "true") and a scope's services, and answers the exit code; <paramref name="When"/> (null: always) picks
/// among commands that share a path by their options (<c>seed --scale</c> beside the platform's <c>seed</c>).</summary>
public sealed record CliCommand(string[] Path, string Summary, IReadOnlyList<CliOption> Options,
    Func<IServiceProvider, IReadOnlyDictionary<string, string>, CancellationToken, Task<int>> Run,
    Func<IReadOnlyDictionary<string, string>, bool>? When = null);

/// <summary>An option <c>--Name VALUE</c> of a command (or <c>--Name</c> alone when <paramref name="Flag"/>).</summary>
public sealed record CliOption(string Name, string Description, bool Required = false, bool Flag = false, string? ValueName = null);
