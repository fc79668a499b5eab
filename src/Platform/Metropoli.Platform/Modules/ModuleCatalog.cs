using System.Reflection;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Metropoli.Platform.Modules;

/// <summary>The modules of this process, in the host's order (a module after those it reads). Process-wide on
/// purpose: EF Core builds the <see cref="AppDbContext"/> model once per process, so the modules that compose it
/// are process-wide too; the host sets them before anything builds a context (also the design-time factory).</summary>
public static class ModuleCatalog
{
    private static IMetropoliModule[] modules = [];
    private static Dictionary<Assembly, (IMetropoliModule Module, ReadModels Key)> byAssembly = [];

    public static IReadOnlyList<IMetropoliModule> All => modules;

    /// <summary>Sets the modules (the host calls it once; calling it again with the same modules is harmless).</summary>
    public static void Use(params IMetropoliModule[] list)
    {
        var names = list.Select(m => m.Name).ToList();
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Count)
            throw new InvalidOperationException("Two modules share a name: " + string.Join(", ", names));
        byAssembly = list.ToDictionary(m => m.GetType().Assembly, m => (m, ReadModels.Of(m.Name)));
        var reads = new ModuleReads();
        foreach (var m in list) m.ProvideReads(reads);
        modules = list;
    }

    /// <summary>The EF entity name of an entity another module published under <paramref name="reference"/> (its contract's
    /// name for it), for a foreign key declared without a compile-time reference: <c>b.HasOne(ModuleCatalog.EntityName(…), null)</c>.
    /// The owner is configured first (the host lists modules in dependency order).</summary>
    public static string EntityName(string reference) =>
        modules.SelectMany(m => m.ReferencedEntities).Where(e => e.Key == reference).Select(e => e.Value.FullName!).FirstOrDefault()
        ?? throw new InvalidOperationException($"No module publishes the entity '{reference}': is its module listed in the host before this one?");

    /// <summary>The module that owns an entity type (by its assembly), or null for the platform's own.</summary>
    public static IMetropoliModule? OwnerOf(Type type) =>
        byAssembly.TryGetValue(type.Assembly, out var m) ? m.Module : null;

    /// <summary>The read-model key of the module that owns <paramref name="type"/>; None for the platform's own
    /// entities (users, jobs, notifications), which no read model shows.</summary>
    public static ReadModels ReadModelOf(Type type) =>
        byAssembly.TryGetValue(type.Assembly, out var m) ? m.Key : ReadModels.None;

    internal static bool ChangesReadModels(Type type, EntityEntry entry) =>
        byAssembly.TryGetValue(type.Assembly, out var m) && m.Module.ChangesReadModels(entry);
}
