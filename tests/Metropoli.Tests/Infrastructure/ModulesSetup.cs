using System.Runtime.CompilerServices;
using Metropoli.Host;
using Metropoli.Platform.Modules;

namespace Metropoli.Tests.Infrastructure;

/// <summary>The host's modules, set before any test builds a database context of its own (the host sets the
/// same list when a test starts it).</summary>
internal static class ModulesSetup
{
    [ModuleInitializer]
    internal static void Init() => ModuleCatalog.Use(HostModules.All);
}
