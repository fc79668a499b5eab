using System.ComponentModel;

namespace Metropoli.Platform.Api;

/// <summary>The ModI collection envelope.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Total, int Limit, int Offset);

/// <summary>The common query parameters of a collection: <c>limit</c>, <c>offset</c>, <c>sort</c>, <c>q</c>.</summary>
public sealed record ListQuery
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 200;

    [Description("Quanti elementi restituire (1-200, predefinito 20).")]
    public int? Limit { get; init; }

    [Description("Quanti elementi saltare (0 o più).")]
    public int? Offset { get; init; }

    [Description("Campo di ordinamento; prefisso '-' per l'ordine decrescente.")]
    public string? Sort { get; init; }

    [Description("Testo da cercare.")]
    public string? Q { get; init; }

    public int EffectiveLimit => Limit ?? DefaultLimit;
    public int EffectiveOffset => Offset ?? 0;

    /// <summary>The pages a visitor reaches by paging (the first 1,000 rows, up to 50 at a time): those a list keeps
    /// in the read cache, which bounds what made-up queries can put in it.</summary>
    public bool IsEarlyPage => EffectiveOffset + EffectiveLimit <= 1_000 && EffectiveLimit <= 50;

    /// <summary>Checks the common parameters; <paramref name="sortable"/> lists the accepted sort keys.</summary>
    public Dictionary<string, string[]> Validate(IReadOnlyCollection<string> sortable)
    {
        var errors = new Dictionary<string, string[]>();
        if (Limit is < 1 or > MaxLimit)
        {
            errors["limit"] = [$"Il parametro limit deve essere compreso tra 1 e {MaxLimit}."];
        }
        if (Offset is < 0)
        {
            errors["offset"] = ["Il parametro offset non può essere negativo."];
        }
        if (Sort is { Length: > 0 } s && !sortable.Contains(s.TrimStart('-')))
        {
            errors["sort"] = [$"Ordinamento non valido. Valori ammessi: {string.Join(", ", sortable)} (con '-' per decrescente)."];
        }
        if (Q is { Length: > 200 })
        {
            errors["q"] = ["Il testo da cercare non può superare 200 caratteri."];
        }
        return errors;
    }

    public (string Key, bool Descending) SortOrDefault(string defaultKey) =>
        string.IsNullOrEmpty(Sort) ? (defaultKey, false) : (Sort.TrimStart('-'), Sort.StartsWith('-'));
}
