using System.Net;
using System.Text.RegularExpressions;

namespace Metropoli.Tests.Infrastructure;

/// <summary>Submits a page's HTML form as a browser without JavaScript would: read the page, take
/// its antiforgery token (the client keeps the matching cookie), post the fields.</summary>
public static partial class Forms
{
    [GeneratedRegex("""name="__RequestVerificationToken"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="__RequestVerificationToken" """)]
    private static partial Regex Token();

    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string pageUrl, IEnumerable<(string Name, string Value)> fields, string? handler = null)
    {
        var token = await client.AntiforgeryTokenAsync(pageUrl);
        var body = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))
            .Append(new KeyValuePair<string, string>("__RequestVerificationToken", token));
        var url = handler is null ? pageUrl : pageUrl + (pageUrl.Contains('?') ? "&" : "?") + "handler=" + handler;
        return await client.PostAsync(url, new FormUrlEncodedContent(body));
    }

    /// <summary>The antiforgery token of a page's form (the client keeps the matching cookie); it serves
    /// every form of the same person.</summary>
    public static async Task<string> AntiforgeryTokenAsync(this HttpClient client, string pageUrl)
    {
        var page = await client.GetAsync(pageUrl);
        var html = await page.Content.ReadAsStringAsync();
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"GET {pageUrl}: {(int)page.StatusCode}");
        var token = AntiforgeryToken(html);
        Assert.True(token is not null, $"No antiforgery token on {pageUrl}");
        return WebUtility.HtmlDecode(token!);
    }

    /// <summary>The antiforgery token of the first form in <paramref name="html"/> as written in the page (HTML-encoded), or null.</summary>
    public static string? AntiforgeryToken(string html)
    {
        var match = Token().Match(html);
        return !match.Success ? null : match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value;
    }

    /// <summary>A cookie-authenticated client, signed in through the login form as a person would.</summary>
    public static async Task<HttpClient> SignedIn(this MetropoliApp app, string email, bool https = false)
    {
        var client = app.Anonymous(https);
        var response = await client.SubmitAsync("/accedi", [("Input.Email", email), ("Input.Password", MetropoliApp.DemoPassword)]);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in of {email}: {(int)response.StatusCode}");
        return client;
    }

    /// <summary>A cookie-authenticated client for the API as a page of the app would call it: signed in through the
    /// login form, every request carrying the app's own <c>Origin</c> (cookie-authenticated API writes need it,
    /// issue 18 point 18).</summary>
    public static async Task<HttpClient> SignedInApi(this MetropoliApp app, string email)
    {
        var client = await app.SignedIn(email);
        client.DefaultRequestHeaders.TryAddWithoutValidation("Origin", client.BaseAddress!.GetLeftPart(UriPartial.Authority));
        return client;
    }

    public static async Task<string> Html(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode}");
        return WebUtility.HtmlDecode(html);
    }
}
