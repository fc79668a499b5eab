using Metropoli.Platform.Api;
using Metropoli.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Metropoli.StrategicPlan;

/// <summary>How the plan's form pages answer a handler's outcome, the same way everywhere: done → the
/// page's own next step; field errors next to the fields (<c>Input.*</c>); a refusal of the record's state
/// and a version conflict at the top of the form (after reloading the current version); 403; 404.</summary>
public static class PlanPages
{
    public const string ConflictMessage = "Nel frattempo un altro utente ha modificato questo elemento. Le tue modifiche non sono state salvate: controlla i valori attuali e riprova.";

    /// <param name="reload">Reloads the record and sets the page's version to the current one; without it a
    /// conflict is answered as not found (create forms have no version).</param>
    public static async Task<IActionResult> AnswerAsync(this PageModel page, Outcome outcome, IStringLocalizer l, Func<IActionResult> done,
        Func<Outcome.Conflict, Task>? reload = null, string conflictMessage = ConflictMessage, string fieldPrefix = "Input.")
    {
        switch (outcome)
        {
            case Outcome.Done:
                return done();
            case Outcome.Invalid invalid:
                page.ModelState.AddFieldErrors(invalid.Errors, fieldPrefix, l);
                return page.Page();
            case StateConflict refused:
                page.ModelState.AddModelError(string.Empty, l[refused.Reason]);
                return page.Page();
            case Outcome.Conflict conflict when reload is not null:
                page.ModelState.Remove("Version");
                await reload(conflict);
                page.ModelState.AddModelError(string.Empty, l[conflictMessage]);
                return page.Page();
            case Outcome.Forbidden:
                return page.Forbid();
            default:
                return page.NotFound();
        }
    }

    /// <summary>The usual "done": a message for the next page, and a redirect there.</summary>
    public static IActionResult Success(this PageModel page, string message, string url)
    {
        page.TempData["Success"] = message;
        return new RedirectResult(url);
    }
}
