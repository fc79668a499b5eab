using Metropoli.Platform.Modules;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Metropoli.Platform.Pages;

public sealed class IndexModel(IServiceProvider services) : PageModel
{
    public IReadOnlyList<HomeFigure> Figures { get; private set; } = [];
    public IReadOnlyList<HomeLink> Links { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var figures = new List<HomeFigure>();
        foreach (var module in ModuleCatalog.All)
        {
            figures.AddRange(await module.HomeFiguresAsync(services, ct));
        }
        Figures = figures.OrderBy(f => f.Order).ToList();
        Links = ModuleCatalog.All.SelectMany(m => m.HomeLinks).OrderBy(l => l.Order).ToList();
    }
}
