using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Platform.Sectors;

/// <summary>Sector names for the pages of one request (<c>@inject SectorNames Sectors</c>): loaded once, on first use.</summary>
public sealed class SectorNames(AppDbContext db)
{
    private Dictionary<string, Sector>? _all;

    private Dictionary<string, Sector> All => _all ??= db.Set<Sector>().AsNoTracking().ToDictionary(s => s.Code, StringComparer.Ordinal);

    /// <summary>The sector's name in the reader's language; the code itself for a value the registry does not know, "—" for none.</summary>
    public string Name(string? code) => code is null or "" ? "—" : All.TryGetValue(code, out var s) ? s.Name : code;

    /// <summary>The sector's Italian name, for files that are Italian whatever the reader's language.</summary>
    public string ItalianName(string? code) => code is null or "" ? "—" : All.TryGetValue(code, out var s) ? s.NameIt : code;

    /// <summary>The sectors offered in a form: the active ones, plus <paramref name="current"/> when it is inactive.</summary>
    public IReadOnlyList<Sector> Choices(string? current = null) =>
        All.Values.Where(s => s.Active || s.Code == current).OrderBy(s => s.SortOrder).ThenBy(s => s.NameIt, StringComparer.CurrentCulture).ToList();
}

/// <summary>What <c>/Platform/Ui/_SectorSelect.cshtml</c> renders: a labelled list of the active sectors (names shown, codes sent).</summary>
public sealed record SectorSelect(string Id, string Name, string? Value, string Label, string EmptyLabel, string DescribedBy);
