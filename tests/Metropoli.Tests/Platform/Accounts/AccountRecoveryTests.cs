using System.Net;
using System.Text.RegularExpressions;
using Metropoli.Platform.Audit;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Notifications;
using Metropoli.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metropoli.Tests.Platform.Accounts;

/// <summary>Issue 18, points 9 and 17: password reset by e-mail, the forced change of a one-time password, invitations,
/// the command-line reset, the password policy on the forms (ADR 0030).</summary>
// Both: the reset's rate limit and single use are read from the outbox and the stamp in the database.
[Trait("Database", "Both")]
public sealed partial class AccountRecoveryTests(AppFixture fx) : IClassFixture<AppFixture>
{
    private const string NewPassword = "tramonto sul naviglio grande";

    [GeneratedRegex(@"(/accedi/nuova-password\?utente=[^\s]+)")]
    private static partial Regex LinkPattern();

    private Task<List<OutboxMessage>> MailTo(string email) =>
        fx.App.WithDb(db => db.Set<OutboxMessage>().AsNoTracking().Where(m => m.To == email).OrderBy(m => m.Id).ToListAsync());

    private static string LinkIn(OutboxMessage message) => LinkPattern().Match(message.Body).Groups[1].Value;

    private async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password) =>
        await client.SubmitAsync("/accedi", [("Input.Email", email), ("Input.Password", password)]);

    [Fact]
    public async Task A_reset_answers_the_same_for_any_address_and_mails_a_single_use_link_once()
    {
        var user = await fx.App.CreateUserAsync();
        var unknown = $"nessuno-{Guid.NewGuid():N}@test.example";
        var known = await fx.App.Anonymous().SubmitAsync("/accedi/password-dimenticata", [("Input.Email", user.Email!)]);
        var other = await fx.App.Anonymous().SubmitAsync("/accedi/password-dimenticata", [("Input.Email", unknown)]);
        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        Assert.Equal(Alert(await known.Content.ReadAsStringAsync()), Alert(await other.Content.ReadAsStringAsync()));
        Assert.Empty(await MailTo(unknown));
        // A second request at once sends no second e-mail (the same answer on the page).
        await fx.App.Anonymous().SubmitAsync("/accedi/password-dimenticata", [("Input.Email", user.Email!)]);
        var mail = Assert.Single(await MailTo(user.Email!));
        var link = LinkIn(mail);
        Assert.NotEmpty(link);

        var browser = fx.App.Anonymous();
        var weak = await browser.SubmitAsync(link, [("Input.New", "Password1234"), ("Input.Confirm", "Password1234")]);
        Assert.Equal(HttpStatusCode.OK, weak.StatusCode);
        Assert.Contains("troppo comune", WebUtility.HtmlDecode(await weak.Content.ReadAsStringAsync()));
        var saved = await browser.SubmitAsync(link, [("Input.New", NewPassword), ("Input.Confirm", NewPassword)]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(fx.App.Anonymous(), user.Email!, NewPassword)).StatusCode);

        // Used once: the same link no longer works.
        var reused = await fx.App.Anonymous().Html(link);
        Assert.Contains("Il collegamento non è valido", reused);
        var entries = await fx.App.WithDb(db => db.AuditEntries.AsNoTracking().Where(e => e.EntityType == nameof(AppUser) && e.EntityId == user.Id).ToListAsync());
        Assert.Contains(entries, e => e.After!.Contains("reimpostazione richiesta"));
        Assert.Contains(entries, e => e.After!.Contains("reimpostata") && e.UserId == user.Id);
    }

    [Fact]
    public async Task An_altered_link_is_refused()
    {
        var user = await fx.App.CreateUserAsync();
        await fx.App.Anonymous().SubmitAsync("/accedi/password-dimenticata", [("Input.Email", user.Email!)]);
        var link = LinkIn(Assert.Single(await MailTo(user.Email!)));
        var other = await fx.App.CreateUserAsync();
        var forged = Regex.Replace(link, "utente=[^&]+", "utente=" + other.Id);
        Assert.Contains("Il collegamento non è valido", await fx.App.Anonymous().Html(forged));
        Assert.Contains("Il collegamento non è valido", await fx.App.Anonymous().Html(link + "x"));
        var client = fx.App.Anonymous();
        var token = await client.AntiforgeryTokenAsync("/accedi");
        var post = await client.PostAsync("/accedi/nuova-password?utente=x&codice=%25%25", new FormUrlEncodedContent(
            [new("Input.New", NewPassword), new("Input.Confirm", NewPassword), new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Contains("Il collegamento non è valido", WebUtility.HtmlDecode(await post.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task An_account_with_a_one_time_password_must_change_it_at_first_sign_in()
    {
        var email = $"temporaneo-{Guid.NewGuid():N}@test.example";
        var temporary = Metropoli.Platform.Data.Startup.NewPassword();
        await fx.App.WithScope(async sp => (await UserAdmin.CreateAsync(sp.GetRequiredService<UserManager<AppUser>>(), sp.GetRequiredService<Metropoli.Platform.Data.AppDbContext>(),
            new NewUser(email, "Utente Temporaneo", Roles.ForumMember, temporary, MustChangePassword: true), DateTime.UtcNow, default)).User!);
        var browser = fx.App.Anonymous();
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(browser, email, temporary)).StatusCode);

        var home = await browser.GetAsync("/");
        Assert.Equal("/account/password", home.Headers.Location?.OriginalString);
        Assert.Contains("password temporanea", await browser.Html("/account/password"));
        var changed = await browser.SubmitAsync("/account/password", [("Input.Current", temporary), ("Input.New", NewPassword), ("Input.Confirm", NewPassword)]);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task The_demo_accounts_are_not_asked_to_change_their_password()
    {
        var browser = await fx.App.SignedIn(Demo.Sector);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
        Assert.False(await fx.App.WithDb(db => db.Users.AnyAsync(u => u.MustChangePassword && u.Email!.EndsWith("@metropoli.example"))));
    }

    [Fact]
    public async Task An_invited_user_chooses_a_password_from_the_e_mail()
    {
        var email = $"invitata-{Guid.NewGuid():N}@test.example";
        var admin = await fx.App.SignedIn(Demo.Admin);
        var created = await admin.SubmitAsync("/admin/utenti/nuovo",
            [("Input.Email", email), ("Input.DisplayName", "Irene Invitata"), ("Scopes.Role", Roles.ForumMember)]);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Contains("invito", WebUtility.HtmlDecode(await created.Content.ReadAsStringAsync()));
        var mail = Assert.Single(await MailTo(email));
        Assert.Contains("Anna Amministratrice", mail.Body);
        var link = LinkIn(mail);
        Assert.Contains("invito=1", link);
        // No password until the invitation is accepted.
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(fx.App.Anonymous(), email, "")).StatusCode);

        var browser = fx.App.Anonymous();
        Assert.Contains("Attiva il tuo account", await browser.Html(link));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync(link, [("Input.New", NewPassword), ("Input.Confirm", NewPassword)])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(fx.App.Anonymous(), email, NewPassword)).StatusCode);
        Assert.Contains("Il collegamento non è valido", await fx.App.Anonymous().Html(link));
    }

    [Fact]
    public async Task The_password_form_refuses_common_passwords()
    {
        var user = await fx.App.CreateUserAsync();
        var browser = fx.App.Anonymous();
        await SignInAsync(browser, user.Email!, MetropoliApp.DemoPassword);
        foreach (var weak in new[] { "Password1234", "Metropoli2026" })
        {
            var response = await browser.SubmitAsync("/account/password", [("Input.Current", MetropoliApp.DemoPassword), ("Input.New", weak), ("Input.Confirm", weak)]);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("troppo comune", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        }
    }

    [Fact]
    public async Task The_command_line_resets_a_password_to_a_one_time_one_and_ends_the_sessions()
    {
        var user = await fx.App.CreateUserAsync();
        var browser = fx.App.Anonymous();
        await SignInAsync(browser, user.Email!, MetropoliApp.DemoPassword);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account")).StatusCode);

        var output = new StringWriter();
        var original = Console.Out;
        int code;
        Console.SetOut(output);
        try
        {
            code = await CliRunner.RunAsync(fx.Database, "users", "reset-password", "--email", user.Email!);
        }
        finally
        {
            Console.SetOut(original);
        }
        Assert.Equal(0, code);
        var temporary = Regex.Match(output.ToString(), @"primo accesso\): (\S+)").Groups[1].Value;
        Assert.NotEmpty(temporary);

        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/account")).StatusCode); // session ended
        var again = fx.App.Anonymous();
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(again, user.Email!, temporary)).StatusCode);
        Assert.Equal("/account/password", (await again.GetAsync("/")).Headers.Location?.OriginalString);
        Assert.Contains(await fx.App.WithDb(db => db.AuditEntries.AsNoTracking().Where(e => e.EntityId == user.Id).Select(e => e.After!).ToListAsync()),
            a => a.Contains("riga di comando"));
    }

    private static string Alert(string html) => Regex.Match(html, "<div class=\"alert[^>]*>(.*?)</div>", RegexOptions.Singleline).Groups[1].Value;
}
