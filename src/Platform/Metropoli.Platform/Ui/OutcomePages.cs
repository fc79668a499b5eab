using Metropoli.Platform.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Metropoli.Platform.Ui;

/// <summary>How every form page answers a handler's <see cref="Outcome"/>, the same way everywhere: done → the
/// page's own next step; field errors next to the fields (<c>Input.*</c>); a refusal of the record's state and a
/// version conflict at the top of the form (after reloading the current version); 403; 404. A page that differs
/// says how with a parameter.</summary>
public static class OutcomePages
{
    public const string ConflictMessage = "Nel frattempo un altro utente ha modificato questo elemento. Le tue modifiche non sono state salvate: controlla i valori attuali e riprova.";

    /// <param name="done">The page's next step, usually <see cref="Success"/>.</param>
    /// <param name="reload">Runs on a version conflict, after the posted version is dropped from the model state:
    /// sets the page's version to the current one and reloads what the page shows (<see cref="KeepForm"/> when
    /// nothing needs reloading). Without it a conflict is answered as not found (create forms have no version).</param>
    /// <param name="conflictMessage">What the page says about a conflict, naming the record.</param>
    /// <param name="fieldPrefix">Where the form's fields live in the model state.</param>
    /// <param name="invalid">Shows field errors another way than next to the fields under <paramref name="fieldPrefix"/>.</param>
    /// <param name="again">Shows the form again with its errors; by default the page itself, as bound.</param>
    public static async Task<IActionResult> AnswerAsync(this PageModel page, Outcome outcome, IStringLocalizer l, Func<IActionResult> done,
        Func<Outcome.Conflict, Task>? reload = null, string conflictMessage = ConflictMessage, string fieldPrefix = "Input.",
        Action<Outcome.Invalid>? invalid = null, Func<Task<IActionResult>>? again = null)
    {
        switch (outcome)
        {
            case Outcome.Done:
                return done();
            case Outcome.Invalid errors when invalid is not null:
                invalid(errors);
                break;
            case Outcome.Invalid errors:
                page.ModelState.AddFieldErrors(errors.Errors, fieldPrefix, l);
                break;
            case Outcome.Refused refused:
                page.ModelState.AddModelError(string.Empty, l[refused.Reason]);
                break;
            case Outcome.Conflict conflict when reload is not null:
                page.ModelState.Remove("Version");
                await reload(conflict);
                page.ModelState.AddModelError(string.Empty, l[conflictMessage]);
                break;
            case Outcome.Forbidden:
                return page.Forbid();
            default:
                return page.NotFound();
        }
        return again is null ? page.Page() : await again();
    }

    /// <summary>A conflict that needs nothing reloaded: the message alone, over the form as the user typed it.</summary>
    public static Task KeepForm(Outcome.Conflict conflict) => Task.CompletedTask;

    /// <summary>The usual "done": a message for the next page, and a redirect there.</summary>
    public static IActionResult Success(this PageModel page, string message, string url)
    {
        page.TempData["Success"] = message;
        return new RedirectResult(url);
    }
}
