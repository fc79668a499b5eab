using Metropoli.Platform.Data;
using Metropoli.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Metropoli.Platform.Feedback;

public sealed class IndexModel(AppDbContext db, TimeProvider clock, IStringLocalizer<Localization.SharedResource> l) : PageModel
{
    [BindProperty]
    public FeedbackRequest Input { get; set; } = new();

    public bool Sent { get; private set; }

    public void OnGet(string? pagina)
    {
        var referer = Request.Headers.Referer.ToString();
        Input.PagePath = LocalUrl.Safe(pagina ?? (Uri.TryCreate(referer, UriKind.Absolute, out var u) && u.Host == Request.Host.Host ? u.PathAndQuery : "/"));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.AddFieldErrors(SendFeedback.Validate(Input), "Input.", l);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await SendFeedback.HandleAsync(db, Input, clock.GetUtcNow().UtcDateTime, ct);
        Sent = true;
        Input.PagePath = LocalUrl.Safe(Input.PagePath); // "/\evil.example" was an open redirect
        return Page();
    }
}
