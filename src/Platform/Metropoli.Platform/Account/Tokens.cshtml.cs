using System.ComponentModel.DataAnnotations;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Metropoli.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Metropoli.Platform.Account;

/// <summary>Personal access tokens. The secret is shown in the response to the POST and never again.</summary>
[Metropoli.Platform.Ui.NoCompression]
public sealed class TokensModel(AppDbContext db, TimeProvider clock, IStringLocalizer<Localization.SharedResource> l) : PageModel
{
    public List<AccessTokenRow> Tokens { get; private set; } = [];
    public CreatedAccessToken? Created { get; private set; }

    [BindProperty]
    [Display(Name = "Nome")]
    public string? Name { get; set; }

    [BindProperty]
    [Display(Name = "Durata in giorni")]
    public int? Days { get; set; } = 90;

    private string UserId => CurrentUser.Of(User).Id!;
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Only a signed-in session manages tokens: a request authenticated by a token is refused here as on the
    /// API (issue 18, point 13), or a token could read this page's antiforgery token and post the form.</summary>
    public override void OnPageHandlerExecuting(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context)
    {
        if (AccessTokenHandler.ViaToken(User))
        {
            context.Result = StatusCode(StatusCodes.Status403Forbidden);
        }
    }

    public async Task OnGetAsync(CancellationToken ct) => Tokens = await AccessTokens.ListAsync(db, UserId, Now, ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var request = new CreateAccessTokenRequest(Name, Days);
        var errors = AccessTokens.Validate(request);
        if (errors.Remove("expiresInDays", out var days))
        {
            errors["days"] = days; // the form calls it Days
        }
        ModelState.AddFieldErrors(errors, "", l);
        if (ModelState.IsValid)
        {
            Created = await AccessTokens.CreateAsync(db, UserId, request, Now, ct);
            Name = null;
        }
        Tokens = await AccessTokens.ListAsync(db, UserId, Now, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(long id, CancellationToken ct)
    {
        if (await AccessTokens.RevokeAsync(db, id, UserId, Now, ct))
        {
            TempData["Success"] = l["Token revocato."].Value;
        }
        return RedirectToPage();
    }
}
