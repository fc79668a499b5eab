using Microsoft.AspNetCore.WebUtilities;

namespace Metropoli.Platform.Ui;

/// <summary>Builds the links of a list page (paging, sorting, export) from the current query string.</summary>
public sealed record Pager(string Path, IReadOnlyDictionary<string, string?> Query, int Total, int Limit, int Offset)
{
    /// <summary>The query parameter of the offset: "offset", or another name when a page has two paged lists.</summary>
    public string OffsetKey { get; init; } = "offset";

    /// <summary>The pager's accessible name when a page has two (landmarks must differ: axe landmark-unique); Italian,
    /// translated by the view. Null: "Paginazione".</summary>
    public string? Label { get; init; }

    public int Page => Offset / Math.Max(1, Limit) + 1;
    public int Pages => Math.Max(1, (Total + Limit - 1) / Math.Max(1, Limit));

    public static Pager From(HttpRequest request, int total, int limit, int offset) =>
        new(request.Path, request.Query.ToDictionary(q => q.Key, q => (string?)q.Value.ToString()), total, limit, offset);

    public string With(params (string Key, string? Value)[] changes)
    {
        var q = new Dictionary<string, string?>(Query);
        foreach (var (k, v) in changes)
        {
            if (string.IsNullOrEmpty(v)) q.Remove(k); else q[k] = v;
        }
        return QueryHelpers.AddQueryString(Path, q.Where(kv => !string.IsNullOrEmpty(kv.Value)));
    }

    public string PageUrl(int page) => With((OffsetKey, page <= 1 ? null : ((page - 1) * Limit).ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>Link for a column header: first click ascending, second descending.</summary>
    public string SortUrl(string key) =>
        With(("sort", Query.GetValueOrDefault("sort") == key ? "-" + key : key), (OffsetKey, null));

    /// <summary>aria-sort value for a column header.</summary>
    public string AriaSort(string key, string defaultKey)
    {
        var sort = Query.GetValueOrDefault("sort");
        if (string.IsNullOrEmpty(sort)) sort = defaultKey;
        return sort == key ? "ascending" : sort == "-" + key ? "descending" : "none";
    }

    public string ExportUrl(string path) =>
        QueryHelpers.AddQueryString(path, Query.Where(kv => kv.Key is not ("offset" or "limit" or "formato") && !string.IsNullOrEmpty(kv.Value)));

    /// <summary>The same download in another format: "it" (CSV for Italian Excel) or "xlsx".</summary>
    public string ExportUrl(string path, string format) => QueryHelpers.AddQueryString(ExportUrl(path), "formato", format);
}
