using System.Reflection;
using Metropoli.Tests.Reliability;

namespace Metropoli.Tests.Unit;

/// <summary>scripts/test.sh chooses the classes of the PostgreSQL run by <c>[Trait("Database", …)]</c> (ADR 0024):
/// a misspelt value would drop a class from that run without a word, so the values are checked here.</summary>
public sealed class DatabaseTraitTests
{
    private static readonly string[] Values = ["Both", "Postgres", "Sqlite"];

    /// <summary>xunit 2's TraitAttribute keeps its name and value only as constructor arguments.</summary>
    private static IEnumerable<(Type Class, string Value)> Traits() =>
        from type in typeof(DatabaseTraitTests).Assembly.GetTypes()
        from data in CustomAttributeData.GetCustomAttributes(type)
        where data.AttributeType == typeof(TraitAttribute) && (string?)data.ConstructorArguments[0].Value == "Database"
        select (type, (string)data.ConstructorArguments[1].Value!);

    [Fact]
    public void Every_database_trait_names_a_value_the_ci_filters_know()
    {
        var traits = Traits().ToList();
        Assert.True(traits.Count >= 30, $"only {traits.Count} classes carry a Database trait");
        Assert.All(traits, t => Assert.Contains(t.Value, Values));
    }

    [Fact]
    public void The_time_bound_reliability_tests_run_on_one_provider_each()
    {
        var traits = Traits().ToDictionary(t => t.Class, t => t.Value);
        foreach (var type in new[] { typeof(CrashDurabilityTests), typeof(SoakTests), typeof(HostileInputApiTests), typeof(Platform.Security.UploadLimitsTests) })
        {
            Assert.True(traits.TryGetValue(type, out var value) && value != "Both", $"{type.Name} must run on one provider ({value ?? "no trait"})");
        }
    }
}
