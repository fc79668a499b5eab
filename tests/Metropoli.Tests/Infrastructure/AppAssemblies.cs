using System.Reflection;

namespace Metropoli.Tests.Infrastructure;

/// <summary>The assemblies of the application: the host, the platform and every module of the host.</summary>
public static class AppAssemblies
{
    public static IReadOnlyList<Assembly> All { get; } =
        ModuleCatalog.All.Select(m => m.GetType().Assembly)
            .Append(typeof(ModuleCatalog).Assembly).Append(typeof(Program).Assembly).Distinct().ToList();

    public static IEnumerable<Type> Types => All.SelectMany(a => a.GetTypes());
}
