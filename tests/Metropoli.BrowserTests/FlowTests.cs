using System.Text.RegularExpressions;
using Metropoli.BrowserTests.Infrastructure;

namespace Metropoli.BrowserTests;

/// <summary>The journeys that matter most, in a real browser: login errors, keyboard use, JavaScript
/// off, and a municipality officer editing their Comune's contacts.</summary>
[Collection(FlowCollection.Name)]
public sealed partial class FlowTests(BrowserFixture fx, ITestOutputHelper output)
{
    private const string Rho = "015182";

    [Fact]
    public async Task Static_assets_are_served_from_the_web_project()
    {
        using var http = new HttpClient { BaseAddress = fx.Server.BaseUrl };
        foreach (var path in new[] { "/lib/bootstrap-italia/css/bootstrap-italia.min.css", "/lib/bootstrap-italia/js/bootstrap-italia.light.min.js", "/lib/bootstrap-italia/svg/sprites.svg" })
        {
            using var response = await http.GetAsync(path);
            Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}");
        }
    }

    /// <summary>The harness itself: axe runs under the app's CSP and reports a violation planted in a
    /// real page, so a crawl with 0 violations means something.</summary>
    [Fact]
    public async Task Axe_reports_a_planted_violation()
    {
        await using var context = await fx.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        Assert.Empty(await Axe.RunAsync(page));

        await page.EvaluateAsync("() => document.getElementById('main-container').insertAdjacentHTML('beforeend', '<img src=\"/img/nessuna.png\">')");

        var violations = await Axe.RunAsync(page);
        Assert.Contains(violations, v => v.Id == "image-alt");
    }

    /// <summary>The crawl's reuse of checked page parts (<see cref="AxeParts"/>): two visits of one page are the same
    /// parts, so are its two languages' mains, another page's main is not, and the checks that span the parts find an id used in both and a broken reference.</summary>
    [Fact]
    public async Task Axe_parts_tell_pages_apart_and_the_spanning_checks_find_what_crosses_them()
    {
        await using var context = await fx.NewContextAsync();
        var page = await context.NewPageAsync();
        var parts = new AxeParts();
        await page.GotoAsync("/comuni");
        var comuni = await AxeParts.ReadAsync(page);
        Assert.NotNull(comuni);
        Assert.True(parts.Claim("it", comuni.Value));
        await page.GotoAsync("/comuni");
        Assert.False(parts.Claim("it", (await AxeParts.ReadAsync(page))!.Value));
        // The key is the markup without its words: the English page of a shape reuses the Italian one's main, while
        // its chrome (<html lang>, the language switch) is its own.
        Assert.False(parts.Claim("en", comuni.Value));
        await CrawlSet.SwitchToEnglishAsync(page); // the cookie, as the crawls do (a ?culture= would be in every link)
        var english = (await AxeParts.ReadAsync(page))!.Value;
        Assert.Equal(comuni.Value.Main, english.Main);
        Assert.NotEqual(comuni.Value.Chrome, english.Chrome);
        Assert.True(parts.Claim("en", english));
        await page.GotoAsync("/zone");
        var zone = (await AxeParts.ReadAsync(page))!.Value;
        Assert.NotEqual(comuni.Value.Main, zone.Main);
        Assert.Empty(await AxeParts.SpanningChecksAsync(page));

        await page.EvaluateAsync("""
            () => {
              const headerId = document.querySelector('header [id]').id;
              document.getElementById('main-container').insertAdjacentHTML('beforeend',
                `<span id="${headerId}"></span><label for="nessun-campo">x</label>`);
            }
            """);
        var problems = await AxeParts.SpanningChecksAsync(page);
        Assert.Contains(problems, p => p.Contains("is used 2 times", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("for=\"nessun-campo\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Wrong_password_shows_an_Italian_error_on_the_login_page()
    {
        await using var context = await fx.NewContextAsync();
        var page = await context.NewPageAsync();
        var watch = new PageChecks.ConsoleWatch(page);

        await Session.SubmitLoginAsync(page, "forum@metropoli.example", "Password-Sbagliata-1");

        Assert.Equal("/accedi", new Uri(page.Url).AbsolutePath);
        var error = page.Locator("main").Locator(".alert-danger, [role=alert], .validation-summary-errors, .field-error, .invalid-feedback")
            .Filter(new() { HasTextRegex = new Regex(@"\S") });
        Assert.True(await error.CountAsync() > 0, "No error message on the login page after a wrong password. Page: "
            + Session.Shorten(await page.Locator("main").First.InnerTextAsync()));
        var text = string.Join(" ", await error.AllInnerTextsAsync());
        output.WriteLine("Error shown: " + text);
        Assert.Matches(ItalianWords(), text);
        Assert.DoesNotMatch(new Regex("invalid login attempt", RegexOptions.IgnoreCase), text);
        Assert.True(await error.First.IsVisibleAsync(), "The error message is not visible");
        Assert.DoesNotContain("Luca Membro del Forum", await Session.HeaderTextAsync(page));

        var problems = await PageChecks.RunAsync(page, "it", watch);
        Assert.True(problems.Count == 0, "Login page with an error:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task Keyboard_first_Tab_reaches_the_skiplink_which_moves_to_the_main_content()
    {
        await using var context = await fx.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        await page.Keyboard.PressAsync("Tab");
        var focused = await page.EvaluateAsync<string[]>(
            "() => { const a = document.activeElement; return [a.tagName, a.getAttribute('href') ?? '', (a.textContent ?? '').trim()]; }");
        Assert.Equal("A", focused[0]);
        Assert.Equal("#main-container", focused[1]);
        Assert.Matches(new Regex("contenuto", RegexOptions.IgnoreCase), focused[2]);
        // A visually hidden skiplink must show up when it has the focus (WCAG 2.4.7).
        var box = await page.Locator(":focus").BoundingBoxAsync();
        Assert.True(box is { Width: > 1, Height: > 1 }, $"The focused skiplink is not visible (box {box?.Width}x{box?.Height})");

        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("#main-container", await page.EvaluateAsync<string>("() => location.hash"));
        var inMain = await page.EvaluateAsync<bool>(
            "() => { const m = document.getElementById('main-container'); return !!m && (document.activeElement === m || m.contains(document.activeElement)); }");
        if (!inMain)
        {
            // Focus may stay on the body while the navigation starting point moved: the next Tab must land in main.
            await page.Keyboard.PressAsync("Tab");
            inMain = await page.EvaluateAsync<bool>(
                "() => document.getElementById('main-container')?.contains(document.activeElement) ?? false");
        }
        Assert.True(inMain, "After the skiplink, keyboard focus is not in #main-container");
    }

    [Fact]
    public async Task Login_works_with_JavaScript_off()
    {
        await using var context = await fx.NewContextAsync(javaScript: false);
        var page = await context.NewPageAsync();

        await Session.LogInAsync(page, "admin@metropoli.example");

        Assert.Contains("Anna Amministratrice", await Session.HeaderTextAsync(page));
    }

    [Fact]
    public async Task Municipality_officer_edits_the_website_and_sees_field_errors()
    {
        await using var context = await fx.NewContextAsync();
        var page = await context.NewPageAsync();
        var watch = new PageChecks.ConsoleWatch(page);
        await Session.LogInAsync(page, "comune.rho@metropoli.example");

        var detail = await page.GotoAsync($"/comuni/{Rho}");
        Assert.True(detail is { Status: < 400 }, $"GET /comuni/{Rho} answered {detail?.Status}");
        var edit = page.Locator($"main a[href$='/comuni/{Rho}/contatti']").First;
        Assert.True(await edit.CountAsync() > 0, $"No link to /comuni/{Rho}/contatti on the Comune page for its officer");
        await page.ClickAndWaitForPageAsync(edit);
        Assert.Equal($"/comuni/{Rho}/contatti", new Uri(page.Url).AbsolutePath);
        var formProblems = await PageChecks.RunAsync(page, "it", watch);
        Assert.True(formProblems.Count == 0, "Edit form:" + Environment.NewLine + string.Join(Environment.NewLine, formProblems));

        // A valid change: Post/Redirect/Get back to the Comune page, which shows the new website.
        var form = page.Locator("main form[method=post]").Filter(new() { Has = page.Locator("input[type=url], input[name$='Website' i]") }).First;
        await Website(form).FillAsync("https://www.comune.rho.mi.it");
        await page.ClickAndWaitForPageAsync(Submit(form));
        Assert.Equal($"/comuni/{Rho}", new Uri(page.Url).AbsolutePath);
        var main = await page.Locator("main").First.InnerTextAsync();
        var linked = await page.Locator("main a[href^='https://www.comune.rho.mi.it']").CountAsync();
        Assert.True(main.Contains("www.comune.rho.mi.it", StringComparison.Ordinal) || linked > 0,
            "The Comune page does not show the new website. Page: " + Session.Shorten(main));

        // An invalid PEC: the form comes back with the message next to the field.
        await page.GotoAsync($"/comuni/{Rho}/contatti");
        form = page.Locator("main form[method=post]").Filter(new() { Has = page.Locator("input[type=url], input[name$='Website' i]") }).First;
        var pec = Pec(form);
        await pec.FillAsync("non-una-pec");
        await page.ClickAndWaitForPageAsync(Submit(form));
        Assert.Equal($"/comuni/{Rho}/contatti", new Uri(page.Url).AbsolutePath);
        var fieldError = await FieldErrorAsync(Pec(page.Locator("main form[method=post]").First));
        output.WriteLine("PEC error: " + fieldError);
        Assert.False(string.IsNullOrWhiteSpace(fieldError),
            "No error message tied to the PEC field (aria-describedby or asp-validation-for). Page: "
            + Session.Shorten(await page.Locator("main").First.InnerTextAsync()));
        Assert.Matches(ItalianWords(), fieldError);
        var errorProblems = await PageChecks.RunAsync(page, "it", watch);
        Assert.True(errorProblems.Count == 0, "Edit form with errors:" + Environment.NewLine + string.Join(Environment.NewLine, errorProblems));
    }

    private static ILocator Website(ILocator form) =>
        form.Locator("input[name$='Website' i], input[type=url]").Or(form.GetByLabel(new Regex("sito web|website", RegexOptions.IgnoreCase))).First;

    private static ILocator Pec(ILocator form) =>
        form.Locator("input[name$='Pec' i]").Or(form.GetByLabel(new Regex(@"\bPEC\b"))).First;

    private static ILocator Submit(ILocator form) =>
        form.Locator("button[type=submit], input[type=submit], button:not([type])").First;

    /// <summary>The error text tied to a field: its aria-describedby targets, or ASP.NET's validation
    /// message for its name, or an error element in the field's own form group.</summary>
    private static Task<string> FieldErrorAsync(ILocator field) =>
        field.EvaluateAsync<string>(
            """
            el => {
              const texts = [];
              for (const id of (el.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean)) {
                const d = document.getElementById(id);
                if (d && d.textContent.trim()) texts.push(d.textContent.trim());
              }
              if (!texts.length && el.name) {
                const v = document.querySelector(`[data-valmsg-for="${CSS.escape(el.name)}"]`);
                if (v && v.textContent.trim()) texts.push(v.textContent.trim());
              }
              if (!texts.length) {
                const group = el.closest('.form-group, .mb-3, fieldset');
                const e = group?.querySelector('.invalid-feedback, .field-validation-error, .field-error, .text-danger');
                if (e && e.textContent.trim()) texts.push(e.textContent.trim());
              }
              return texts.join(' ');
            }
            """);

    /// <summary>Words an Italian error message has and an English one does not.</summary>
    [GeneratedRegex(@"(?i)\b(non|errat[aeio]|sbagliat[aeio]|valid[ao]|indica|inserisci|riprova|accesso|obbligatori[ao])\b")]
    private static partial Regex ItalianWords();
}
