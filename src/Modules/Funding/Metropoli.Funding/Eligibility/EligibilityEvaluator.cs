using System.Globalization;
using Metropoli.Funding.Model;

namespace Metropoli.Funding.Eligibility;

/// <summary>What the evaluator knows of a Comune.</summary>
public sealed record ComuneFacts(string IstatCode, string Name, string ZoneCode, int Population);

/// <summary>The verdict of one rule on one Comune: <see cref="Reason"/> is an Italian text with {0}, {1} filled by
/// <see cref="Arguments"/> (the page localises it).</summary>
public sealed record RuleVerdict(string Kind, bool Passed, string Reason, string[] Arguments)
{
    public string Text => string.Format(CultureInfo.GetCultureInfo("it-IT"), Reason, Arguments);
}

/// <summary>Whether a Comune may apply, with every rule's verdict; <see cref="Excluding"/> is the first rule it fails.</summary>
public sealed record EligibilityVerdict(ComuneFacts Comune, bool Eligible, IReadOnlyList<RuleVerdict> Rules)
{
    public RuleVerdict? Excluding => Rules.FirstOrDefault(r => !r.Passed);
}

/// <summary>The one evaluator of the eligibility rules of a call (rules are data, <see cref="FundingCallRule"/>): a
/// Comune is eligible when it passes every rule; a call without rules admits every Comune. Parameters are read
/// leniently (spaces ignored); a parameter that cannot be read excludes, with its reason, rather than admit by mistake.</summary>
public static class EligibilityEvaluator
{
    public const int SmallComuneThreshold = 5000;

    public static EligibilityVerdict Evaluate(IReadOnlyList<FundingCallRule> rules, ComuneFacts c)
    {
        var verdicts = rules.OrderBy(r => r.Position).Select(r => Verdict(r, c)).ToList();
        return new EligibilityVerdict(c, verdicts.All(v => v.Passed), verdicts);
    }

    /// <summary>Checks a rule's parameter before it is saved: null when readable, otherwise the reason.</summary>
    public static string? ValidateParameter(string kind, string parameter, ICollection<string>? zones = null, ICollection<string>? comuni = null)
    {
        switch (kind)
        {
            case RuleKinds.PopulationMin or RuleKinds.PopulationMax:
                return Number(parameter) is >= 0 ? null : "Indica un numero di abitanti (intero, 0 o più).";
            case RuleKinds.SmallComune:
                return parameter.Trim().Length == 0 || Number(parameter) is > 0 ? null : "Indica la soglia di abitanti (intero positivo) o lascia vuoto per 5.000.";
            case RuleKinds.Recipients:
                return parameter.Trim().Length > 0 ? null : "Indica i destinatari del bando.";
            case RuleKinds.Zones:
                var z = List(parameter);
                if (z.Count == 0) return "Indica almeno una zona.";
                return zones is not null && z.Any(x => !zones.Contains(x)) ? "Zona sconosciuta: " + string.Join(", ", z.Where(x => !zones.Contains(x))) : null;
            case RuleKinds.Comuni or RuleKinds.ExcludeComuni:
                var m = List(parameter);
                if (m.Count == 0) return "Indica almeno un Comune (codice ISTAT).";
                return comuni is not null && m.Any(x => !comuni.Contains(x)) ? "Comune sconosciuto: " + string.Join(", ", m.Where(x => !comuni.Contains(x))) : null;
            default:
                return "Tipo di regola sconosciuto.";
        }
    }

    private static RuleVerdict Verdict(FundingCallRule rule, ComuneFacts c)
    {
        var pop = c.Population.ToString("#,##0", CultureInfo.GetCultureInfo("it-IT"));
        switch (rule.Kind)
        {
            case RuleKinds.Recipients:
                return ForComuni(rule.Parameter)
                    ? new(rule.Kind, true, "Il bando è rivolto ai Comuni ({0}).", [rule.Parameter])
                    : new(rule.Kind, false, "Il bando non è rivolto ai Comuni: destinatari {0}.", [rule.Parameter]);
            case RuleKinds.PopulationMin when Number(rule.Parameter) is { } min:
                var minText = min.ToString("#,##0", CultureInfo.GetCultureInfo("it-IT"));
                return c.Population >= min
                    ? new(rule.Kind, true, "Ha {0} abitanti, almeno {1}.", [pop, minText])
                    : new(rule.Kind, false, "Ha {0} abitanti, meno dei {1} richiesti.", [pop, minText]);
            case RuleKinds.PopulationMax when Number(rule.Parameter) is { } max:
                var maxText = max.ToString("#,##0", CultureInfo.GetCultureInfo("it-IT"));
                return c.Population <= max
                    ? new(rule.Kind, true, "Ha {0} abitanti, non più di {1}.", [pop, maxText])
                    : new(rule.Kind, false, "Ha {0} abitanti, più dei {1} ammessi.", [pop, maxText]);
            case RuleKinds.SmallComune when rule.Parameter.Trim().Length == 0 || Number(rule.Parameter) is > 0:
                var limit = rule.Parameter.Trim().Length == 0 ? SmallComuneThreshold : Number(rule.Parameter)!.Value;
                var limitText = limit.ToString("#,##0", CultureInfo.GetCultureInfo("it-IT"));
                return c.Population < limit
                    ? new(rule.Kind, true, "Piccolo Comune: {0} abitanti, meno di {1}.", [pop, limitText])
                    : new(rule.Kind, false, "Non è un piccolo Comune: {0} abitanti, il bando chiede meno di {1}.", [pop, limitText]);
            case RuleKinds.Zones:
                return List(rule.Parameter).Contains(c.ZoneCode)
                    ? new(rule.Kind, true, "La sua zona ({0}) è tra quelle ammesse.", [c.ZoneCode])
                    : new(rule.Kind, false, "La sua zona ({0}) non è tra quelle ammesse: {1}.", [c.ZoneCode, string.Join(", ", List(rule.Parameter))]);
            case RuleKinds.Comuni:
                return List(rule.Parameter).Contains(c.IstatCode)
                    ? new(rule.Kind, true, "È tra i Comuni indicati dal bando.", [])
                    : new(rule.Kind, false, "Non è tra i Comuni indicati dal bando.", []);
            case RuleKinds.ExcludeComuni:
                return List(rule.Parameter).Contains(c.IstatCode)
                    ? new(rule.Kind, false, "Il bando esclude questo Comune.", [])
                    : new(rule.Kind, true, "Non è tra i Comuni esclusi dal bando.", []);
            default:
                return new(rule.Kind, false, "Regola non leggibile ({0}): il Comune non è considerato ammissibile.", [rule.Kind + " " + rule.Parameter]);
        }
    }

    /// <summary>Whether the recipients named by a call include Comuni ("Comuni", "Enti locali", "Comuni e loro forme associate").</summary>
    public static bool ForComuni(string recipients)
    {
        return System.Text.RegularExpressions.Regex.IsMatch(recipients, @"\bcomun[ei]\b|\benti locali\b|\benti territoriali\b",
            System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);
    }

    private static int? Number(string text)
    {
        var t = text.Trim().Replace(".", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        return int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    private static List<string> List(string parameter) =>
        parameter.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
