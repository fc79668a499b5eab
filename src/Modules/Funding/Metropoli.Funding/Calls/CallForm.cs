using Metropoli.Funding.Model;

namespace Metropoli.Funding.Calls;

/// <summary>The rules of the form: one per line, "kind: parameter" ("population-max: 5000", "zones: nord-ovest").</summary>
public static class CallForm
{
    public static List<RuleInput> ParseRules(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.IndexOf(':', StringComparison.Ordinal) is var i and >= 0
                ? new RuleInput(line[..i].Trim(), line[(i + 1)..].Trim())
                : new RuleInput(line.Trim(), ""))
            .ToList();

    public static string FormatRules(IEnumerable<RuleView> rules) => string.Join("\n", rules.Select(r => r.Kind + ": " + r.Parameter));

    public static IReadOnlyList<string> Kinds => RuleKinds.All;
}
