using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Metropoli.Tests.Infrastructure;

namespace Metropoli.Tests.Platform.Security;

/// <summary>One login attempt through the form, as a browser without JavaScript makes it.</summary>
public sealed record LoginAttempt(int Status, string Message, string Page, TimeSpan Elapsed, bool SignedIn);

public static partial class LoginProbe
{
    public const string WrongPassword = "Sbagliata-Davvero-2026";

    /// <summary>Posts the login form (a fresh browser each time, as an attacker's script would) and
    /// times the POST alone.</summary>
    public static async Task<LoginAttempt> TryAsync(MetropoliApp app, string email, string password)
    {
        var client = app.Anonymous();
        var page = await (await client.GetAsync("/accedi")).Content.ReadAsStringAsync();
        var token = WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value);
        var body = new FormUrlEncodedContent([new("Input.Email", email), new("Input.Password", password), new("__RequestVerificationToken", token)]);
        var clock = Stopwatch.StartNew();
        var response = await client.PostAsync("/accedi", body);
        var html = await response.Content.ReadAsStringAsync();
        clock.Stop();
        return new LoginAttempt((int)response.StatusCode, Message(html), Normalise(html, email), clock.Elapsed,
            response.StatusCode == HttpStatusCode.Redirect);
    }

    /// <summary>The text of the error summary.</summary>
    public static string Message(string html) =>
        WebUtility.HtmlDecode(Regex.Replace(Summary().Match(html).Groups[1].Value, "<[^>]+>", "")).Trim();

    /// <summary>The page with what legitimately differs between two answers removed: the typed e-mail,
    /// the antiforgery token, the CSP nonce.</summary>
    public static string Normalise(string html, string email) =>
        Nonce().Replace(TokenValue().Replace(html.Replace(WebUtility.HtmlEncode(email), "EMAIL").Replace(email, "EMAIL"), "value=\"TOKEN\""), "nonce=\"N\"");

    public static TimeSpan Median(IEnumerable<TimeSpan> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    [GeneratedRegex("""name="__RequestVerificationToken"[^>]*value="([^"]+)""")]
    private static partial Regex Token();

    [GeneratedRegex("""value="CfDJ8[^"]*""")]
    private static partial Regex TokenValue();

    [GeneratedRegex("""nonce="[^"]*""")]
    private static partial Regex Nonce();

    [GeneratedRegex("""<div class="[^"]*validation-summary-errors[^"]*"[^>]*>(.*?)</div>""", RegexOptions.Singleline)]
    private static partial Regex Summary();
}
