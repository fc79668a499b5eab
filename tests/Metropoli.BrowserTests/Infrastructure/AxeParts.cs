using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Metropoli.BrowserTests.Infrastructure;

/// <summary>The parts of pages axe has already checked, across the crawls of one app (key: the hash of the part's
/// markup with its words reduced to "some text" or "none", so the two languages of one shape share it). A page is two parts: its <c>main</c> and its chrome (the document without the
/// main's content, the title and the page's own address in links: header, menus, footer, head). Seven visitors meet the same Comune page with
/// the same main under their own header; axe runs on a page when either part is new, and a
/// page made only of checked parts gets the checks that span both parts instead (<see cref="SpanningChecksAsync"/>:
/// ids unique in the whole page, every id reference resolved, a title). The parts are compared by their
/// markup (less antiforgery tokens and CSP nonces, which change on every response), so a part with any other
/// difference is checked again. axe's WCAG rules judge an element by itself, its ancestors and the styles:
/// those are the same when both parts are.</summary>
public sealed class AxeParts
{
    private readonly HashSet<string> _checked = new(StringComparer.Ordinal);

    public int Reused { get; private set; }

    /// <summary>The page's two parts, null when it has no single <c>main</c> (then axe always runs).</summary>
    public static async Task<(string Main, string Chrome)?> ReadAsync(IPage page)
    {
        var json = await page.EvaluateAsync<JsonElement>(
            """
            () => {
              const mains = document.querySelectorAll('main');
              if (mains.length !== 1) return null;
              // Text is compared by presence, not by words: the Italian and the English page of one shape are one
              // structure for axe (its rules judge whether a name, label or text exists, and the styles, not the
              // language of the words). Empty stays empty, so a missing translation is still a new structure.
              const said = v => (v ?? '').trim() === '' ? '' : 'T';
              const textAttributes = ['aria-label', 'title', 'alt', 'placeholder', 'aria-description', 'aria-roledescription', 'content', 'value', 'data-bs-original-title'];
              const clean = root => {
                root.querySelectorAll('input[name=__RequestVerificationToken]').forEach(i => i.setAttribute('value', ''));
                root.querySelectorAll('[nonce]').forEach(e => e.setAttribute('nonce', ''));
                const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
                for (let n = walker.nextNode(); n; n = walker.nextNode()) n.nodeValue = said(n.nodeValue);
                for (const a of textAttributes) root.querySelectorAll(`[${a}]`).forEach(e => e.setAttribute(a, said(e.getAttribute(a))));
                // data-* attributes carry words for scripts (a map's button labels), never structure axe judges.
                root.querySelectorAll('*').forEach(e => { for (const at of [...e.attributes]) if (at.name.startsWith('data-')) e.setAttribute(at.name, said(at.value)); });
                // Ids made from words (a heading's hash) differ by language: each id becomes its order of appearance, and
                // the attributes that point at ids follow it. Duplicate and dangling ids are the spanning checks' job.
                const ids = new Map();
                const rename = v => { if (!ids.has(v)) ids.set(v, 'id' + ids.size); return ids.get(v); };
                if (root.id) root.id = rename(root.id);
                root.querySelectorAll('[id]').forEach(e => e.id = rename(e.id));
                for (const ref of ['for', 'aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-owns', 'aria-activedescendant', 'aria-details', 'aria-errormessage', 'headers', 'list']) {
                  root.querySelectorAll(`[${ref}]`).forEach(e => e.setAttribute(ref, e.getAttribute(ref).split(/\s+/).filter(Boolean).map(v => ids.get(v) ?? v).join(' ')));
                }
                root.querySelectorAll('a[href^="#"]').forEach(a => { const t = a.getAttribute('href').slice(1); if (ids.has(t)) a.setAttribute('href', '#' + ids.get(t)); });
                return root;
              };
              const main = clean(mains[0].cloneNode(true)).outerHTML;
              // The chrome without the main's content, emptied before cleaning so that its ids are numbered alike on
              // every page whatever the main holds.
              const copy = document.documentElement.cloneNode(true);
              copy.querySelector('main').replaceChildren();
              const doc = clean(copy);
              doc.querySelectorAll('title').forEach(t => t.replaceChildren());
              // The header's language switch and the footer's "report a problem" carry the page's address.
              const here = location.pathname + location.search;
              const chrome = [here, encodeURIComponent(here)].reduce((html, s) => html.split(s).join('{here}'), doc.outerHTML);
              return { main, chrome };
            }
            """);
        if (json.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        return (Hash(json.GetProperty("main").GetString()!), Hash(json.GetProperty("chrome").GetString()!));
    }

    /// <summary>True when axe must run on this page: either part is new (both are then claimed). The parts are compared
    /// without their words (<see cref="ReadAsync"/>), so an English page whose Italian twin axe has checked reuses it;
    /// the chrome keeps <c>&lt;html lang&gt;</c> and the language switch, so each language's header is checked once.
    /// <paramref name="language"/> is kept for the callers: the key no longer depends on it.</summary>
    public bool Claim(string language, (string Main, string Chrome) parts)
    {
        _ = language;
        lock (_checked)
        {
            var main = _checked.Add($"main {parts.Main}");
            var chrome = _checked.Add($"chrome {parts.Chrome}");
            if (!main && !chrome)
            {
                Reused++;
            }
            return main || chrome;
        }
    }

    /// <summary>What axe would have checked across the two parts of a page put together from checked parts.</summary>
    public static async Task<List<string>> SpanningChecksAsync(IPage page)
    {
        var found = await page.EvaluateAsync<string[]>(
            """
            () => {
              const problems = [];
              if (!document.title.trim()) problems.push('the page has no title');
              const counts = new Map();
              document.querySelectorAll('[id]').forEach(e => counts.set(e.id, (counts.get(e.id) ?? 0) + 1));
              for (const [id, n] of counts) if (n > 1) problems.push(`id "${id}" is used ${n} times`);
              for (const attr of ['for', 'aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-owns', 'aria-activedescendant', 'aria-details', 'aria-errormessage', 'aria-flowto']) {
                document.querySelectorAll(`[${attr}]`).forEach(e => {
                  for (const ref of e.getAttribute(attr).split(/\s+/).filter(Boolean)) {
                    if (!document.getElementById(ref)) problems.push(`${attr}="${ref}" on <${e.tagName.toLowerCase()}> names no element`);
                  }
                });
              }
              return problems;
            }
            """);
        return [.. found];
    }

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
