using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Metropoli.Platform.Ui;

/// <summary>A message kept as its Italian template (the resource key for English) and its arguments, so that it
/// can be read in the reader's language later (an import's error list, shown in English or Italian).</summary>
public sealed record LocalText(string Template, params object[] Args)
{
    /// <summary>The Italian text (API answers and logs).</summary>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, Template, Args);

    /// <summary>The text in the reader's language.</summary>
    public string In(IStringLocalizer l) => l[Template, Args].Value;
}
