using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Metropoli.Platform.Ui;

public static class ModelStateExtensions
{
    /// <summary>Puts a handler's field errors (API names such as "website") next to the form fields
    /// (<c>Input.Website</c>), translated.</summary>
    public static void AddFieldErrors(this ModelStateDictionary state, IReadOnlyDictionary<string, string[]> errors, string prefix, IStringLocalizer l)
    {
        foreach (var (field, messages) in errors)
        {
            var key = field.Length == 0 ? "" : prefix + char.ToUpperInvariant(field[0]) + field[1..];
            foreach (var message in messages)
            {
                state.AddModelError(key, l[message]);
            }
        }
    }
}
