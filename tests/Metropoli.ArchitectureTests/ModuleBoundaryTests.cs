using System.Reflection;
using System.Runtime.CompilerServices;
using Metropoli.Host;
using Metropoli.Platform.Data;
using Metropoli.Platform.Modules;
using NetArchTest.Rules;

namespace Metropoli.ArchitectureTests;

/// <summary>What may use what (docs/adr/0026, docs/adding-a-module.md). The platform names no module; a module uses
/// the platform and the contracts of the modules it is allowed to read, as the graph below says; contracts carry
/// no EF Core and no pages. Razor-generated page and view types are types of their module's assembly and obey the
/// same rules. There is no list of exceptions.</summary>
public sealed class ModuleBoundaryTests
{
    /// <summary>The allowed module graph: a module → the modules whose contracts it may read. It must be a DAG, and
    /// the host must list the modules in an order that respects it.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Metropoli.Territory"] = [],
        ["Metropoli.StrategicPlan"] = ["Metropoli.Territory"],
        ["Metropoli.Agreements"] = ["Metropoli.Territory", "Metropoli.StrategicPlan"],
        ["Metropoli.Funding"] = ["Metropoli.Territory", "Metropoli.StrategicPlan", "Metropoli.Agreements"],
        ["Metropoli.Services"] = ["Metropoli.Territory", "Metropoli.Agreements"],
        ["Metropoli.Participation"] = ["Metropoli.Territory", "Metropoli.StrategicPlan", "Metropoli.Agreements"],
        ["Metropoli.Knowledge"] = ["Metropoli.Territory", "Metropoli.StrategicPlan"],
    };

    private static readonly Assembly Platform = typeof(ModuleCatalog).Assembly;
    private static readonly Assembly HostAssembly = typeof(HostModules).Assembly;
    private static readonly Assembly DataGen = typeof(DataGen.DataGenModule).Assembly;

    /// <summary>The product modules of the host (the benchmark tools are a module of the host, not of the product).</summary>
    private static readonly Assembly[] Modules = HostModules.All.Select(m => m.GetType().Assembly).Where(a => a != DataGen).ToArray();

    private static string NameOf(Assembly a) => a.GetName().Name!;

    private static Assembly? ContractsOf(string module)
    {
        try
        {
            return Assembly.Load(module + ".Contracts");
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    private static IEnumerable<Assembly> AllContracts => Allowed.Keys.Select(ContractsOf).OfType<Assembly>();

    /// <summary>The full names of the top-level types of an assembly: a dependency on any of them (or a nested type of
    /// theirs) is a dependency on that assembly. Full type names, not namespaces: "Metropoli.Territory" is also the
    /// start of "Metropoli.Territory.Contracts".</summary>
    private static string[] TypeNames(Assembly a) =>
        a.GetTypes().Where(t => !t.IsNested && t.GetCustomAttribute<CompilerGeneratedAttribute>() is null && !t.Name.StartsWith('<'))
            .Select(t => t.FullName!).ToArray();

    private static void AssertNoDependency(Assembly subject, IEnumerable<Assembly> forbidden, string rule)
    {
        // A name the subject also defines is its own (every Razor library has an AspNetCoreGeneratedDocument._ViewImports).
        var own = TypeNames(subject).ToHashSet();
        var names = forbidden.SelectMany(TypeNames).Where(n => !own.Contains(n)).ToArray();
        Assert.NotEmpty(names);
        var result = Types.InAssembly(subject).ShouldNot().HaveDependencyOnAny(names).GetResult();
        Assert.True(result.IsSuccessful, $"{rule}: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void The_host_lists_every_module_of_the_graph()
    {
        Assert.Equal(Allowed.Keys.Order(), Modules.Select(NameOf).Order());
    }

    [Fact]
    public void The_allowed_graph_is_acyclic_and_the_host_order_respects_it()
    {
        var order = Modules.Select(NameOf).ToList();
        foreach (var (module, reads) in Allowed)
        {
            foreach (var other in reads)
            {
                Assert.True(order.IndexOf(other) < order.IndexOf(module), $"{module} reads {other}, so the host lists {other} first.");
            }
        }
        // A topological order exists only for a DAG: the host's order is one, so walking it finds no edge backwards.
        var seen = new HashSet<string>();
        foreach (var module in order)
        {
            Assert.All(Allowed[module], other => Assert.Contains(other, seen));
            seen.Add(module);
        }
    }

    [Fact]
    public void The_platform_depends_on_no_module_nor_on_the_host_or_the_tools()
    {
        AssertNoDependency(Platform, Modules.Concat(AllContracts).Append(HostAssembly).Append(DataGen), "platform → module");
        var references = Platform.GetReferencedAssemblies().Select(r => r.Name).ToList();
        Assert.DoesNotContain(references, r => r!.StartsWith("Metropoli.", StringComparison.Ordinal));
    }

    [Fact]
    public void The_migrations_projects_depend_on_the_platform_only()
    {
        // Generated code over the platform's context (docs/adr/0027): a module's type in a migration would tie the
        // schema's history to that module's code.
        foreach (var name in new[] { DatabaseSetup.SqliteMigrations, DatabaseSetup.PostgresMigrations })
        {
            var migrations = Assembly.Load(name);
            Assert.Contains(migrations.GetTypes(), t => t.Name == MigrationBaseline.Name);
            AssertNoDependency(migrations, Modules.Concat(AllContracts).Append(HostAssembly).Append(DataGen), $"{name} → a module");
            var references = migrations.GetReferencedAssemblies().Select(r => r.Name!).Where(r => r.StartsWith("Metropoli.", StringComparison.Ordinal));
            Assert.All(references, r => Assert.Equal(NameOf(Platform), r));
        }
    }

    [Fact]
    public void A_module_uses_only_the_platform_and_the_contracts_its_graph_allows()
    {
        foreach (var module in Modules)
        {
            var name = NameOf(module);
            var allowedContracts = Allowed[name].Append(name).Select(ContractsOf).OfType<Assembly>().ToHashSet();
            var forbidden = Modules.Where(m => m != module)
                .Concat(AllContracts.Where(c => !allowedContracts.Contains(c)))
                .Append(HostAssembly).Append(DataGen);
            AssertNoDependency(module, forbidden, $"{name} → another module");

            var metropoliReferences = module.GetReferencedAssemblies().Select(r => r.Name!).Where(r => r.StartsWith("Metropoli.", StringComparison.Ordinal));
            var allowedReferences = allowedContracts.Select(NameOf).Append(NameOf(Platform)).ToHashSet();
            Assert.All(metropoliReferences, r => Assert.True(allowedReferences.Contains(r), $"{name} references {r}"));
        }
    }

    [Fact]
    public void Contracts_carry_no_ef_core_no_pages_and_no_platform()
    {
        foreach (var contracts in AllContracts)
        {
            var result = Types.InAssembly(contracts).ShouldNot()
                .HaveDependencyOnAny("Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Metropoli.Platform").GetResult();
            Assert.True(result.IsSuccessful, $"{NameOf(contracts)}: {string.Join(", ", result.FailingTypeNames ?? [])}");
            AssertNoDependency(contracts, Modules.Append(HostAssembly).Append(DataGen), $"{NameOf(contracts)} → a module");
            Assert.All(contracts.GetReferencedAssemblies(), r => Assert.False(r.Name!.StartsWith("Metropoli.", StringComparison.Ordinal) || r.Name.StartsWith("Microsoft.", StringComparison.Ordinal), $"{NameOf(contracts)} references {r.Name}"));
        }
    }

    [Fact]
    public void Razor_generated_pages_are_in_their_module_and_under_the_same_rules()
    {
        foreach (var module in Modules.Append(Platform))
        {
            var pages = Types.InAssembly(module).That().ResideInNamespace("AspNetCoreGeneratedDocument").GetTypes().ToList();
            Assert.NotEmpty(pages);
        }
        // The rules above check every type of an assembly, the generated ones included: a page that rendered another
        // module's view component by its type was the cycle this test exists to prevent.
        var page = Types.InAssembly(Modules.Single(m => NameOf(m) == "Metropoli.Territory")).That()
            .ResideInNamespace("AspNetCoreGeneratedDocument").And().HaveNameEndingWith("Municipalities_Detail").GetTypes().Single();
        Assert.NotNull(page);
    }

    [Fact]
    public void The_rules_see_a_real_dependency_when_there_is_one()
    {
        // The host composes the modules, so it does depend on them: the same check fails for it. A rule that could not
        // fail would prove nothing above.
        var result = Types.InAssembly(HostAssembly).ShouldNot().HaveDependencyOnAny(TypeNames(Modules[0])).GetResult();
        Assert.False(result.IsSuccessful);
    }
}
