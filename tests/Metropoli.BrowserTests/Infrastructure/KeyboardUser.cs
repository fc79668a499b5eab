using System.Text.Json;

namespace Metropoli.BrowserTests.Infrastructure;

/// <summary>A person with a keyboard and no mouse: Tab, Shift+Tab, Enter, Space, arrow keys and typing,
/// nothing else (no click, no element.click(), no programmatic focus). Every element the focus lands on
/// is checked for a visible focus indicator: it is on screen, and its look (outline, shadow, border,
/// background, colour, underline, also of its labels and their ::before/::after) differs from the one it
/// had when the page loaded, before anything had the focus.</summary>
public sealed class KeyboardUser
{
    /// <summary>Runs in every document before its scripts: when the page has loaded, records the look of
    /// every focusable element while none has the focus.</summary>
    private const string InitScript =
        """
        (() => {
          const focusable = 'a[href], area[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]';
          window.__kbLook = el => {
            const parts = [];
            const targets = [el, ...(el.labels ? [...el.labels] : [])];
            for (const t of targets) for (const p of [null, '::before', '::after']) {
              const s = getComputedStyle(t, p);
              parts.push([s.outlineStyle, s.outlineWidth, s.outlineColor, s.outlineOffset, s.boxShadow,
                s.borderTopColor, s.borderBottomColor, s.borderBottomWidth, s.backgroundColor, s.color, s.textDecorationLine].join('|'));
            }
            return parts.join(';');
          };
          const record = () => {
            const looks = new WeakMap();
            for (const el of document.querySelectorAll(focusable)) if (el !== document.activeElement) looks.set(el, window.__kbLook(el));
            window.__kbLooks = looks;
          };
          if (document.readyState === 'complete') record(); else window.addEventListener('load', record, { once: true });
        })();
        """;

    private const string FocusedScript =
        """
        () => {
          const el = document.activeElement;
          if (!el || el === document.body || el === document.documentElement) return { none: true };
          const visibleBox = e => { const r = e.getBoundingClientRect(); return r.width >= 1 && r.height >= 1
            && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth; };
          const onScreen = visibleBox(el) || (el.labels && [...el.labels].some(visibleBox));
          const before = window.__kbLooks?.get(el);
          const now = window.__kbLook ? window.__kbLook(el) : '';
          const s = getComputedStyle(el);
          // The last Tab stop of a date field is the browser's own calendar button, in the field's
          // closed shadow tree: the field no longer matches :focus, and Chromium rings the button itself.
          const pickerButton = /^(date|time|datetime-local|month|week)$/.test(el.type) && !el.matches(':focus');
          const indicated = pickerButton || (before !== undefined ? before !== now
            : (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none');
          const text = (el.getAttribute('aria-label') || el.textContent || el.value || '').trim().replace(/\s+/g, ' ').slice(0, 60);
          const id = el.id ? '#' + el.id : '';
          const href = el.getAttribute('href');
          return { none: false, onScreen, indicated, known: before !== undefined,
            description: `<${el.tagName.toLowerCase()}${id}${href ? ' href="' + href + '"' : ''}${el.type ? ' type=' + el.type : ''}> ${text}` };
        }
        """;

    private readonly IPage _page;
    private readonly List<string> _trail = [];

    private KeyboardUser(IPage page) => _page = page;

    /// <summary>Problems found along the walk: focused elements without a visible indicator.</summary>
    public List<string> FocusProblems { get; } = [];

    /// <summary>How many elements received the focus, and how many keys were pressed.</summary>
    public int Focused { get; private set; }

    public int Keys { get; private set; }

    public IPage Page => _page;

    /// <summary>Attaches to a page of a context; reduced motion, so that the look read is the final one
    /// (no transition half-way).</summary>
    public static async Task<KeyboardUser> OnAsync(IPage page)
    {
        await page.Context.AddInitScriptAsync(InitScript);
        await page.EmulateMediaAsync(new() { ReducedMotion = ReducedMotion.Reduce });
        return new KeyboardUser(page);
    }

    public sealed record Focus(string Description, bool OnScreen, bool Indicated);

    /// <summary>Presses one key (Tab, Shift+Tab, ArrowDown, Space…) and checks the element that has the focus after it.</summary>
    public async Task<Focus?> PressAsync(string key)
    {
        await _page.Keyboard.PressAsync(key);
        Keys++;
        return await CheckFocusAsync();
    }

    private async Task<Focus?> CheckFocusAsync()
    {
        var json = await _page.EvaluateAsync<JsonElement>(FocusedScript);
        if (json.GetProperty("none").GetBoolean())
        {
            return null;
        }
        var focus = new Focus(json.GetProperty("description").GetString()!, json.GetProperty("onScreen").GetBoolean(), json.GetProperty("indicated").GetBoolean());
        Focused++;
        _trail.Add(focus.Description);
        if (!focus.OnScreen || !focus.Indicated)
        {
            var problem = $"{new Uri(_page.Url).PathAndQuery}: {focus.Description}: "
                + (!focus.OnScreen ? "not on screen while focused" : "no visible focus indicator (same look as unfocused)");
            if (!FocusProblems.Contains(problem))
            {
                FocusProblems.Add(problem);
            }
        }
        return focus;
    }

    /// <summary>Whether the focused element matches a CSS selector.</summary>
    public Task<bool> FocusIsAsync(string selector) =>
        _page.EvaluateAsync<bool>("s => !!document.activeElement && document.activeElement.matches(s)", selector);

    /// <summary>Tabs forward (or back) until the focus is on an element matching the selector.</summary>
    public async Task TabToAsync(string selector, bool backwards = false, int maxKeys = 250)
    {
        var from = _trail.Count;
        for (var i = 0; i < maxKeys; i++)
        {
            await PressAsync(backwards ? "Shift+Tab" : "Tab");
            if (await FocusIsAsync(selector))
            {
                return;
            }
        }
        throw new Xunit.Sdk.XunitException($"{maxKeys} × {(backwards ? "Shift+Tab" : "Tab")} on {_page.Url} never reached {selector}. Focus went: "
            + string.Join(" → ", _trail.Skip(from).Take(40)));
    }

    /// <summary>Types text into the focused field, key by key.</summary>
    public async Task TypeAsync(string text)
    {
        await _page.Keyboard.TypeAsync(text);
        Keys += text.Length;
    }

    /// <summary>Presses a key (Enter on a link or a submit button, Space on a button) that loads a new
    /// document, and returns its HTTP status.</summary>
    public async Task<int> PressAndWaitForPageAsync(string key = "Enter")
    {
        var status = await _page.RunAndWaitForPageAsync(() => _page.Keyboard.PressAsync(key));
        Keys++;
        return status;
    }

    /// <summary>Tabs to the element and activates it with Enter, waiting for the page it loads.</summary>
    public async Task<int> FollowAsync(string selector)
    {
        await TabToAsync(selector);
        return await PressAndWaitForPageAsync();
    }
}
