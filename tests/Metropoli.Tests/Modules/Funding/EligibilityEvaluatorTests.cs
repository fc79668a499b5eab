using Metropoli.Funding.Eligibility;
using Metropoli.Funding.Model;

namespace Metropoli.Tests.Modules.Funding;

/// <summary>The one evaluator of the rules-as-data: each kind, the reason of each rule, the excluding rule.</summary>
public sealed class EligibilityEvaluatorTests
{
    private static readonly ComuneFacts Rho = new("015182", "Rho", "nord-ovest", 50_686);
    private static readonly ComuneFacts Small = new("015005", "Albairate", "magentino-abbiatense", 4_621);
    private static readonly ComuneFacts Milano = new("015146", "Milano", "milano", 1_242_123);

    private static List<FundingCallRule> Rules(params (string Kind, string Parameter)[] rules) =>
        rules.Select((r, i) => new FundingCallRule { Kind = r.Kind, Parameter = r.Parameter, Position = i + 1 }).ToList();

    [Fact]
    public void A_call_without_rules_admits_every_comune()
    {
        var v = EligibilityEvaluator.Evaluate([], Rho);
        Assert.True(v.Eligible);
        Assert.Empty(v.Rules);
        Assert.Null(v.Excluding);
    }

    [Fact]
    public void Population_bands_admit_inside_and_exclude_outside_with_the_figures()
    {
        var rules = Rules((RuleKinds.PopulationMin, "10.000"), (RuleKinds.PopulationMax, "60000"));
        Assert.True(EligibilityEvaluator.Evaluate(rules, Rho).Eligible);
        var small = EligibilityEvaluator.Evaluate(rules, Small);
        Assert.False(small.Eligible);
        Assert.Equal(RuleKinds.PopulationMin, small.Excluding!.Kind);
        Assert.Equal("Ha 4.621 abitanti, meno dei 10.000 richiesti.", small.Excluding.Text);
        var big = EligibilityEvaluator.Evaluate(rules, Milano);
        Assert.Equal(RuleKinds.PopulationMax, big.Excluding!.Kind);
        Assert.True(big.Rules[0].Passed); // every rule keeps its own reason
    }

    [Fact]
    public void Small_comuni_are_those_under_5000_inhabitants_by_default()
    {
        var rules = Rules((RuleKinds.SmallComune, ""));
        Assert.True(EligibilityEvaluator.Evaluate(rules, Small).Eligible);
        var rho = EligibilityEvaluator.Evaluate(rules, Rho);
        Assert.False(rho.Eligible);
        Assert.Contains("meno di 5.000", rho.Excluding!.Text, StringComparison.Ordinal);
        Assert.True(EligibilityEvaluator.Evaluate(Rules((RuleKinds.SmallComune, "60000")), Rho).Eligible);
        Assert.False(EligibilityEvaluator.Evaluate(Rules((RuleKinds.SmallComune, "4621")), Small).Eligible); // strictly fewer
    }

    [Fact]
    public void Zones_and_named_comuni_include_and_exclude()
    {
        var zones = Rules((RuleKinds.Zones, "nord-ovest, alto-milanese"));
        Assert.True(EligibilityEvaluator.Evaluate(zones, Rho).Eligible);
        Assert.Equal(RuleKinds.Zones, EligibilityEvaluator.Evaluate(zones, Milano).Excluding!.Kind);
        var named = Rules((RuleKinds.Comuni, "015182;015005"));
        Assert.True(EligibilityEvaluator.Evaluate(named, Rho).Eligible);
        Assert.False(EligibilityEvaluator.Evaluate(named, Milano).Eligible);
        var excluded = Rules((RuleKinds.ExcludeComuni, "015146"));
        Assert.True(EligibilityEvaluator.Evaluate(excluded, Rho).Eligible);
        Assert.Equal("Il bando esclude questo Comune.", EligibilityEvaluator.Evaluate(excluded, Milano).Excluding!.Text);
    }

    [Fact]
    public void Recipients_must_name_comuni_or_local_bodies()
    {
        Assert.True(EligibilityEvaluator.Evaluate(Rules((RuleKinds.Recipients, "Comuni")), Rho).Eligible);
        Assert.True(EligibilityEvaluator.Evaluate(Rules((RuleKinds.Recipients, "Enti locali")), Rho).Eligible);
        var central = EligibilityEvaluator.Evaluate(Rules((RuleKinds.Recipients, "Pubbliche amministrazioni centrali")), Rho);
        Assert.False(central.Eligible);
        Assert.Contains("Pubbliche amministrazioni centrali", central.Excluding!.Text, StringComparison.Ordinal);
        Assert.False(EligibilityEvaluator.ForComuni("Comunità energetiche"));
    }

    [Fact]
    public void An_unreadable_rule_excludes_rather_than_admits_and_is_refused_before_saving()
    {
        var v = EligibilityEvaluator.Evaluate(Rules((RuleKinds.PopulationMin, "molti")), Rho);
        Assert.False(v.Eligible);
        Assert.NotNull(EligibilityEvaluator.ValidateParameter(RuleKinds.PopulationMin, "molti"));
        Assert.NotNull(EligibilityEvaluator.ValidateParameter("mountain", ""));
        Assert.NotNull(EligibilityEvaluator.ValidateParameter(RuleKinds.Zones, "atlantide", zones: ["nord-ovest"]));
        Assert.Null(EligibilityEvaluator.ValidateParameter(RuleKinds.Zones, "nord-ovest", zones: ["nord-ovest"]));
    }
}
