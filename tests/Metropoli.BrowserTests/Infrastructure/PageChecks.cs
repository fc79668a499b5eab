using System.Text.Json;
using System.Text.RegularExpressions;

namespace Metropoli.BrowserTests.Infrastructure;

/// <summary>What every page must satisfy: language, skiplink first in the tab order, 0 axe violations,
/// no CSP violation or uncaught script error.</summary>
public static class PageChecks
{
    /// <summary>Records the CSP violations and uncaught script errors of a page. Script errors are page
    /// problems; CSP violations are kept apart (one dedicated test asserts there are none) so that a
    /// policy problem shared by every page does not hide the other results of a crawl.</summary>
    public sealed class ConsoleWatch
    {
        private readonly List<string> _errors = [];
        private readonly List<string> _csp = [];

        public ConsoleWatch(IPage page)
        {
            page.Console += (_, msg) =>
            {
                if (msg.Type == "error" && msg.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                {
                    lock (_csp)
                    {
                        _csp.Add($"CSP violation: {Shorten(msg.Text)} (at {msg.Location})");
                    }
                }
            };
            page.PageError += (_, error) =>
            {
                lock (_errors)
                {
                    _errors.Add("uncaught script error: " + error.Split('\n')[0]);
                }
            };
        }

        public List<string> DrainErrors() => Drain(_errors);

        public List<string> DrainCsp() => Drain(_csp);

        private static List<string> Drain(List<string> list)
        {
            lock (list)
            {
                var copy = list.Distinct().ToList();
                list.Clear();
                return copy;
            }
        }

        /// <summary>Data URLs make these messages kilobytes long.</summary>
        private static string Shorten(string text) =>
            Regex.Replace(text, "data:[^'\"\\s)]{40,}", m => m.Value[..40] + "…");
    }

    /// <summary>All the checks on the page as it is now; returns the problems found (empty when fine).
    /// Without <paramref name="axe"/>, the cheap checks only: for another instance of a page shape that
    /// axe has already checked in the same crawl.</summary>
    public static async Task<List<string>> RunAsync(IPage page, string expectedLanguage, ConsoleWatch? watch = null, bool axe = true)
    {
        var problems = new List<string>();
        var lang = await page.EvaluateAsync<string>("() => document.documentElement.getAttribute('lang') ?? ''");
        // The primary subtag is what assistive technology uses to pick the voice ("it", "it-IT").
        if (!string.Equals(lang.Split('-')[0], expectedLanguage, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"<html lang=\"{lang}\">, expected \"{expectedLanguage}\"");
        }

        var first = await FirstTabbableAsync(page);
        if (!first.IsSkipLink)
        {
            problems.Add($"first focusable element is not a skiplink: {first.Description}");
        }

        IReadOnlyList<AxeViolation> violations = axe ? await Axe.RunAsync(page) : [];
        if (violations.Count > 0)
        {
            problems.Add($"{violations.Count} axe violation(s):{Environment.NewLine}{Axe.Describe(violations).TrimEnd()}");
        }
        if (watch is not null)
        {
            problems.AddRange(watch.DrainErrors());
        }
        return problems;
    }

    public sealed record Tabbable(bool IsSkipLink, string Description, string? Href, string? Text);

    /// <summary>The first element of the sequential focus order (positive tabindex first, then document
    /// order), with its description. A skiplink is a same-page link whose target exists.</summary>
    public static async Task<Tabbable> FirstTabbableAsync(IPage page)
    {
        var json = await page.EvaluateAsync<JsonElement>(
            """
            () => {
              const sel = 'a[href], area[href], button, input:not([type=hidden]), select, textarea, iframe, summary, [tabindex], [contenteditable=""], [contenteditable=true]';
              const ok = el => el.tabIndex >= 0 && !el.disabled && !el.closest('[inert]')
                && getComputedStyle(el).visibility !== 'hidden' && el.getClientRects().length > 0;
              const all = [...document.querySelectorAll(sel)].filter(ok);
              const positive = all.filter(el => el.tabIndex > 0).sort((a, b) => a.tabIndex - b.tabIndex);
              const el = positive[0] ?? all.find(el => el.tabIndex === 0);
              if (!el) return { skip: false, description: '(no focusable element)', href: null, text: null };
              const href = el.getAttribute('href');
              const target = href && href.length > 1 && href.startsWith('#') ? document.getElementById(decodeURIComponent(href.slice(1))) : null;
              return {
                skip: el.tagName === 'A' && !!target,
                description: el.outerHTML.slice(0, 160),
                href, text: (el.textContent || '').trim()
              };
            }
            """);
        return new Tabbable(
            json.GetProperty("skip").GetBoolean(),
            json.GetProperty("description").GetString() ?? "",
            json.GetProperty("href").GetString(),
            json.GetProperty("text").GetString());
    }
}
