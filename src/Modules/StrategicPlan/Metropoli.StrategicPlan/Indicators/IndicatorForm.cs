using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Metropoli.StrategicPlan.Indicators;

/// <summary>The indicator form as posted. Numbers are read as text and parsed here: the culture-aware
/// binder would read "1250.5" as 12505 in Italian. Targets are a fixed set of rows (no JavaScript needed).</summary>
public sealed class IndicatorForm
{
    public const int TargetRows = 6;

    public long? ActionId { get; set; }
    public long? ObjectiveId { get; set; }
    [Display(Name = "Codice")]
    public string? Code { get; set; }
    [Display(Name = "Nome")]
    public string? Name { get; set; }
    [Display(Name = "Descrizione")]
    public string? Description { get; set; }
    [Display(Name = "Unità di misura")]
    public string? Unit { get; set; }
    [Display(Name = "Direzione")]
    public string? Direction { get; set; }
    [Display(Name = "Limite inferiore")]
    public string? LowerBound { get; set; }
    [Display(Name = "Limite superiore")]
    public string? UpperBound { get; set; }
    [Display(Name = "Valore di partenza")]
    public string? BaselineValue { get; set; }
    [Display(Name = "Anno del valore di partenza")]
    public int? BaselineYear { get; set; }
    [Display(Name = "Fonte")]
    public string? Source { get; set; }
    [Display(Name = "Frequenza")]
    public string? Frequency { get; set; }
    [Display(Name = "Settore responsabile")]
    public string? OwnerSector { get; set; }
    public List<int?> TargetYears { get; set; } = [];
    public List<string?> TargetValues { get; set; } = [];
    /// <summary>Not an input: where errors about the targets as a whole are shown.</summary>
    public string? Targets { get; set; }

    public static IndicatorForm From(IndicatorDetail d) => new()
    {
        ActionId = d.ActionId, ObjectiveId = d.ObjectiveId, Code = d.Code, Name = d.Name, Description = d.Description, Unit = d.Unit, Direction = d.Direction,
        LowerBound = IndicatorRules.NumberInput(d.LowerBound), UpperBound = IndicatorRules.NumberInput(d.UpperBound),
        BaselineValue = IndicatorRules.NumberInput(d.BaselineValue), BaselineYear = d.BaselineYear, Source = d.Source, Frequency = d.Frequency,
        OwnerSector = d.OwnerSector, TargetYears = d.Targets.Select(t => (int?)t.Year).ToList(),
        TargetValues = d.Targets.Select(t => (string?)IndicatorRules.NumberInput(t.Value)).ToList(),
    };

    /// <summary>The request, or null with the parse errors put next to their fields.</summary>
    public IndicatorRequest? ToRequest(ModelStateDictionary state, string prefix, Microsoft.Extensions.Localization.IStringLocalizer l)
    {
        decimal? Parse(string? text, string field)
        {
            if (IndicatorRules.TryParseNumber(text, NumberReader.Current, out var v, out var error)) return v;
            state.AddModelError(prefix + field, error!.In(l));
            return null;
        }
        var lower = Parse(LowerBound, nameof(LowerBound));
        var upper = Parse(UpperBound, nameof(UpperBound));
        var baseline = Parse(BaselineValue, nameof(BaselineValue));
        var targets = new List<TargetRequest>();
        for (var i = 0; i < Math.Max(TargetYears.Count, TargetValues.Count); i++)
        {
            var year = i < TargetYears.Count ? TargetYears[i] : null;
            var text = i < TargetValues.Count ? TargetValues[i] : null;
            if (year is null && string.IsNullOrWhiteSpace(text)) continue;
            var value = Parse(text, $"TargetValues[{i}]");
            if (year is null || value is null)
            {
                if (year is null) state.AddModelError($"{prefix}TargetYears[{i}]", l["Indica l'anno del valore obiettivo."]);
                if (value is null && string.IsNullOrWhiteSpace(text)) state.AddModelError($"{prefix}TargetValues[{i}]", l["Indica il valore obiettivo dell'anno."]);
                continue;
            }
            targets.Add(new TargetRequest(year.Value, value.Value));
        }
        if (!state.IsValid) return null;
        return new IndicatorRequest
        {
            ActionId = ActionId, ObjectiveId = ObjectiveId, Code = Code, Name = Name, Description = Description, Unit = Unit, Direction = Direction,
            LowerBound = lower, UpperBound = upper, BaselineValue = baseline, BaselineYear = BaselineYear, Source = Source, Frequency = Frequency,
            OwnerSector = OwnerSector, Targets = targets,
        };
    }
}
