using System.Globalization;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Metropoli.StrategicPlan.Actions;
using Metropoli.StrategicPlan.Model;
using Metropoli.StrategicPlan.Structure;

namespace Metropoli.StrategicPlan.Indicators;

public sealed record TargetRequest(int Year, decimal Value);

/// <summary>The definition of an indicator (API body of POST and PUT). Exactly one of actionId and
/// objectiveId; the owner sector defaults to the action's.</summary>
public sealed record IndicatorRequest
{
    public long? ActionId { get; init; }
    public long? ObjectiveId { get; init; }
    public string? Code { get; init; }
    public string? Name { get; init; }
    public string? Description { get; init; }
    public string? Unit { get; init; }
    /// <summary>increase, decrease or range.</summary>
    public string? Direction { get; init; }
    public decimal? LowerBound { get; init; }
    public decimal? UpperBound { get; init; }
    public decimal? BaselineValue { get; init; }
    public int? BaselineYear { get; init; }
    public string? Source { get; init; }
    /// <summary>annual, semiannual, quarterly or monthly.</summary>
    public string? Frequency { get; init; }
    public string? OwnerSector { get; init; }
    public List<TargetRequest>? Targets { get; init; }
}

public sealed record IndicatorValues(string Code, string Name, string? Description, string Unit, string Direction, decimal? LowerBound, decimal? UpperBound,
    decimal? BaselineValue, int? BaselineYear, string? Source, string Frequency, string? OwnerSector, IReadOnlyList<TargetRequest> Targets);

/// <summary>Who may submit the measurements of an indicator: the plan office, and the officers of the
/// sector that owns the indicator or its action.</summary>
public static class IndicatorAccess
{
    public static bool CanSubmit(ClaimsPrincipal user, string indicatorSector, string? actionSector) =>
        PlanAccess.CanManage(user) || (PlanAccess.Sector(user) is { } s && (s == indicatorSector || s == actionSector));
}

public static partial class IndicatorRules
{
    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SectorShape();

    /// <summary>The checks that need nothing but the request.</summary>
    public static (Dictionary<string, string[]> Errors, IndicatorValues? Values) Check(IndicatorRequest r)
    {
        var errors = new Dictionary<string, string[]>();
        if ((r.ActionId is null) == (r.ObjectiveId is null))
            errors["actionId"] = ["Collega l'indicatore a un'azione oppure a un obiettivo (uno solo dei due)."];
        var code = StructureRules.NormalizeCode(r.Code);
        StructureRules.CheckCode(code, errors);
        if (string.IsNullOrWhiteSpace(r.Name)) errors["name"] = ["Indica il nome dell'indicatore."];
        else if (r.Name.Trim().Length > 300) errors["name"] = ["Il nome non può superare 300 caratteri."];
        StructureRules.CheckText(r.Description, errors, "description");
        if (string.IsNullOrWhiteSpace(r.Unit)) errors["unit"] = ["Indica l'unità di misura, per esempio «numero», «%» o «km»."];
        else if (r.Unit.Trim().Length > 50) errors["unit"] = ["L'unità di misura non può superare 50 caratteri."];
        if (!IndicatorDirections.IsKnown(r.Direction)) errors["direction"] = ["Scegli la direzione: aumentare, diminuire o restare nell'intervallo."];
        if (!IndicatorFrequencies.IsKnown(r.Frequency)) errors["frequency"] = ["Scegli la frequenza: annuale, semestrale, trimestrale o mensile."];
        if (r.Source is { Length: > 300 }) errors["source"] = ["La fonte non può superare 300 caratteri."];
        var sector = ActionRules.NormalizeSector(r.OwnerSector);
        if (sector is not null && (sector.Length > 64 || !SectorShape().IsMatch(sector)))
            errors["ownerSector"] = ["Il codice del settore può contenere lettere minuscole, cifre e trattini, per esempio ambiente o sviluppo-economico."];
        if (r.BaselineYear is < 1990 or > 2100) errors["baselineYear"] = ["L'anno di riferimento deve essere compreso tra 1990 e 2100."];
        if (r.BaselineValue is not null && r.BaselineYear is null) errors["baselineYear"] = ["Indica l'anno a cui si riferisce il valore di partenza."];
        if (r.BaselineValue is null && r.BaselineYear is not null) errors["baselineValue"] = ["Indica il valore di partenza dell'anno indicato."];
        var targets = (r.Targets ?? []).OrderBy(t => t.Year).ToList();
        if (r.Direction == IndicatorDirections.Range)
        {
            if (r.LowerBound is null && r.UpperBound is null) errors["lowerBound"] = ["Per un intervallo indica almeno uno dei due limiti."];
            else if (r.LowerBound > r.UpperBound) errors["upperBound"] = ["Il limite superiore non può essere minore di quello inferiore."];
        }
        else if (r.Direction is not null && IndicatorDirections.IsKnown(r.Direction))
        {
            if (r.LowerBound is not null || r.UpperBound is not null) errors["lowerBound"] = ["I limiti valgono solo per la direzione «restare nell'intervallo»."];
            if (targets.Count == 0) errors["targets"] = ["Indica almeno un valore obiettivo annuale."];
        }
        if (targets.Any(t => t.Year is < 1990 or > 2100)) errors["targets"] = ["Gli anni dei valori obiettivo devono essere compresi tra 1990 e 2100."];
        else if (targets.Select(t => t.Year).Distinct().Count() != targets.Count) errors["targets"] = ["Ogni anno può avere un solo valore obiettivo."];
        if (errors.Count > 0) return (errors, null);
        return (errors, new IndicatorValues(code!, r.Name!.Trim(), StructureRules.Blank(r.Description), r.Unit!.Trim(), r.Direction!, r.LowerBound, r.UpperBound,
            r.BaselineValue, r.BaselineYear, StructureRules.Blank(r.Source), r.Frequency!, sector, targets));
    }

    /// <summary>Reads a number typed by a person or written in a file, by the rule of <paramref name="style"/>
    /// (<see cref="NumberReader"/>): the page's culture for a form, the declared format for a file.</summary>
    public static bool TryParseNumber(string? text, NumberStyle style, out decimal? value, out NumberError? error) =>
        NumberReader.TryRead(text, style, out value, out error);

    public static string NumberInput(decimal? value) => value is { } v ? v.ToString("0.####", CultureInfo.CurrentCulture) : "";

    /// <summary>A value as the pages show it, with the page's separators and no trailing zeros.</summary>
    public static string Number(decimal? value) => Formats.Number(value);

    public static string Percent(decimal? value) => Formats.Percent(value);
}
