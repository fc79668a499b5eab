using Metropoli.Platform.Modules;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Metropoli.Platform.Search;

/// <summary>The site search (<c>/cerca?q=</c>): each module answers for its own records
/// (<see cref="IMetropoliModule.SearchAsync"/>), only those the user may open (ADR 0038).</summary>
public sealed class IndexModel(IServiceProvider services) : PageModel
{
    public const int MinLength = 2;
    public const int MaxLength = 100;
    public const int PerModule = 10;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Q { get; set; }

    public IReadOnlyList<SearchResult> Results { get; private set; } = [];

    public bool TooShort { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var q = Q?.Trim() ?? "";
        if (q.Length > MaxLength) q = q[..MaxLength];
        Q = q;
        if (q.Length < MinLength)
        {
            TooShort = q.Length > 0;
            return;
        }
        var results = new List<SearchResult>();
        foreach (var module in ModuleCatalog.All)
        {
            results.AddRange(await module.SearchAsync(services, User, q, PerModule, ct));
        }
        Results = results;
    }
}
