using Metropoli.Platform.Ui;
using System.Security.Claims;
using Metropoli.Participation;
using Metropoli.Participation.Calendar;
using Metropoli.Participation.Model;
using Metropoli.Platform.Auth;

namespace Metropoli.Tests.Modules.Participation;

/// <summary>The safe Markdown subset, the coordinator-power rule and the iCalendar writer, without the app.</summary>
public sealed class ParticipationUnitTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("[clicca](javascript:alert(1))")]
    [InlineData("[clicca](JaVaScRiPt:alert(1))")]
    [InlineData("[clicca](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("<a href=\"https://example.org\" onclick=\"alert(1)\">x</a>")]
    [InlineData("<iframe src=\"https://example.org\"></iframe>")]
    [InlineData("![x](https://example.org/x.png \"t\") <svg onload=alert(1)>")]
    [InlineData("<style>body{display:none}</style>")]
    public void Hostile_markdown_renders_without_any_active_content(string hostile)
    {
        var html = SafeMarkdown.ToHtml(hostile);
        AssertInert(html);
        Assert.DoesNotContain("<", SafeMarkdown.ToPlainText(hostile));
    }

    private static readonly string[] Allowed = ["p", "br", "strong", "em", "ul", "ol", "li", "a", "blockquote", "code", "pre"];

    /// <summary>Only the subset's tags, no event attribute on any tag, links only to http, https and mailto (typed tags come out
    /// as escaped text, which is inert).</summary>
    internal static void AssertInert(string html)
    {
        foreach (System.Text.RegularExpressions.Match tag in System.Text.RegularExpressions.Regex.Matches(html, @"<(/?)([a-zA-Z0-9]+)([^>]*)>"))
        {
            Assert.Contains(tag.Groups[2].Value.ToLowerInvariant(), Allowed);
            Assert.DoesNotMatch(@"(?i)\son\w+\s*=", tag.Groups[3].Value);
            foreach (System.Text.RegularExpressions.Match href in System.Text.RegularExpressions.Regex.Matches(tag.Groups[3].Value, "href=\"([^\"]*)\""))
            {
                Assert.Matches("^(https?://|mailto:)", href.Groups[1].Value);
            }
        }
    }

    [Fact]
    public void The_safe_subset_keeps_emphasis_lists_and_http_links_with_nofollow_noopener()
    {
        var html = SafeMarkdown.ToHtml("**forte** e *corsivo*\n\n- uno\n- due\n\n[sito](https://example.org/a?b=1) e [posta](mailto:forum@example.org) e [relativo](/admin)");
        Assert.Contains("<strong>forte</strong>", html);
        Assert.Contains("<em>corsivo</em>", html);
        Assert.Contains("<li>uno</li>", html);
        Assert.Contains("href=\"https://example.org/a?b=1\"", html);
        Assert.Contains("href=\"mailto:forum@example.org\"", html);
        Assert.Contains("rel=\"nofollow noopener noreferrer\"", html);
        Assert.DoesNotContain("href=\"/admin\"", html);
        Assert.Equal("", SafeMarkdown.ToHtml("   "));
    }

    private static ClaimsPrincipal User(string role, string? zone = null, string? istat = null)
    {
        var claims = new List<Claim> { new(ClaimTypes.Role, role), new(ClaimTypes.NameIdentifier, "u") };
        if (zone is not null) claims.Add(new(ScopeClaims.Zone, zone));
        if (istat is not null) claims.Add(new(ScopeClaims.Municipality, istat));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }

    [Fact]
    public void Coordinator_power_follows_the_term_and_stays_in_its_zone()
    {
        var coordinatorOfA = User(Roles.ZoneCoordinator, "sud-est", "015082");
        // The Comune holding the term convenes its zone's assembly…
        Assert.True(ParticipationAccess.MayConvene(coordinatorOfA, BodyKinds.ZoneAssembly, "sud-est", "015082"));
        // …not once the term has moved to the next Comune…
        Assert.False(ParticipationAccess.MayConvene(coordinatorOfA, BodyKinds.ZoneAssembly, "sud-est", "015101"));
        // …never another zone's assembly, nor the Forum, nor without a rotation.
        Assert.False(ParticipationAccess.MayConvene(coordinatorOfA, BodyKinds.ZoneAssembly, "nord-ovest", "015082"));
        Assert.False(ParticipationAccess.MayConvene(coordinatorOfA, BodyKinds.Forum, null, null));
        Assert.False(ParticipationAccess.MayConvene(coordinatorOfA, BodyKinds.ZoneAssembly, "sud-est", null));
        // A coordinator account without its Comune has no term to hold; a municipality officer is not a coordinator.
        Assert.False(ParticipationAccess.MayConvene(User(Roles.ZoneCoordinator, "sud-est"), BodyKinds.ZoneAssembly, "sud-est", "015082"));
        Assert.False(ParticipationAccess.MayConvene(User(Roles.MunicipalityOfficer, "sud-est", "015082"), BodyKinds.ZoneAssembly, "sud-est", "015082"));
        // The secretariat convenes everything.
        Assert.True(ParticipationAccess.MayConvene(User(Roles.PlanOffice), BodyKinds.Forum, null, null));
        Assert.True(ParticipationAccess.MayConvene(User(Roles.Administrator), BodyKinds.ZoneAssembly, "sud-est", "015101"));
    }

    [Fact]
    public void The_icalendar_file_follows_rfc_5545()
    {
        var start = new DateTime(2027, 3, 1, 14, 0, 0, DateTimeKind.Utc);
        var ics = Ics.Calendar([new IcsEvent("meeting-1@metropoli.example", start, start.AddHours(2),
            "Assemblea; zona, Sud Est\\ prova", "Riga uno\nRiga due " + new string('è', 60), "Palazzo Isimbardi, Milano", null, start)], "Forum");
        Assert.StartsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", ics);
        Assert.EndsWith("END:VCALENDAR\r\n", ics);
        Assert.DoesNotContain("\n", ics.Replace("\r\n", ""));
        Assert.Contains("DTSTART:20270301T140000Z\r\n", ics);
        Assert.Contains("SUMMARY:Assemblea\\; zona\\, Sud Est\\\\ prova\r\n", ics);
        Assert.Contains("LOCATION:Palazzo Isimbardi\\, Milano\r\n", ics);
        // Folded at 75 octets, continuation lines start with a space, no character split.
        foreach (var line in ics.Split("\r\n"))
        {
            Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75, line);
        }
        var unfolded = ics.Replace("\r\n ", "");
        Assert.Contains("DESCRIPTION:Riga uno\\nRiga due " + new string('è', 60) + "\r\n", unfolded);
    }
}
