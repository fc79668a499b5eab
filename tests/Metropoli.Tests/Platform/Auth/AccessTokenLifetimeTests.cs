using System.Net;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Metropoli.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metropoli.Tests.Platform.Auth;

/// <summary>Issue 18, point 13: a token could create another token that outlived it, its revocation and the
/// owner's password change. Creating and listing tokens now needs a signed-in session; a password change and an
/// administrator's disable revoke every token of the user.</summary>
// On PostgreSQL too: the revocation is a bulk update of the user's token rows, read back by the token lookup.
[Trait("Database", "Both")]
public sealed class AccessTokenLifetimeTests(AppFixture fx) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_token_can_neither_create_nor_list_tokens()
    {
        var user = await fx.App.CreateUserAsync(Roles.SectorOfficer);
        var token = fx.App.WithToken(await fx.App.TokenFor(user.Email!));
        var problem = await (await token.PostAsync("/api/v1/access-tokens", Http.JsonBody(new { name = "figlio", expiresInDays = 365 }))).ShouldBeProblem(403);
        Assert.Contains("sessione", problem.GetProperty("detail").GetString());
        await (await token.GetAsync("/api/v1/access-tokens")).ShouldBeProblem(403);
        Assert.Equal(1, await fx.App.WithDb(db => db.Set<AccessToken>().CountAsync(t => t.UserId == user.Id)));

        var session = await fx.App.SignedInApi(user.Email!);
        await (await session.PostAsync("/api/v1/access-tokens", Http.JsonBody(new { name = "dalla sessione", expiresInDays = 5 }))).ShouldBe(HttpStatusCode.Created);
        await (await session.GetAsync("/api/v1/access-tokens")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Changing_the_password_revokes_every_token_of_the_user()
    {
        var user = await fx.App.CreateUserAsync(Roles.SectorOfficer);
        var first = fx.App.WithToken(await fx.App.TokenFor(user.Email!));
        var second = fx.App.WithToken(await fx.App.TokenFor(user.Email!));
        await (await first.GetAsync("/api/v1/me")).ShouldBe(HttpStatusCode.OK);

        var session = await fx.App.SignedIn(user.Email!);
        var changed = await session.SubmitAsync("/account/password", [("Input.Current", MetropoliApp.DemoPassword),
            ("Input.New", "Nuova-Password-2027"), ("Input.Confirm", "Nuova-Password-2027")]);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        await (await first.GetAsync("/api/v1/me")).ShouldBeProblem(401);
        await (await second.GetAsync("/api/v1/me")).ShouldBeProblem(401);
        Assert.True(await fx.App.WithDb(db => db.Set<AccessToken>().Where(t => t.UserId == user.Id).AllAsync(t => t.RevokedAt != null)));
    }

    [Fact]
    public async Task Disabling_a_user_revokes_every_token_and_enabling_does_not_bring_them_back()
    {
        var user = await fx.App.CreateUserAsync(Roles.ForumMember);
        var client = fx.App.WithToken(await fx.App.TokenFor(user.Email!));
        await (await client.GetAsync("/api/v1/me")).ShouldBe(HttpStatusCode.OK);
        foreach (var disabled in new[] { true, false })
        {
            await fx.App.WithScope(async sp =>
            {
                var users = sp.GetRequiredService<UserManager<AppUser>>();
                Assert.True((await UserAdmin.SetDisabledAsync(users, sp.GetRequiredService<AppDbContext>(), (await users.FindByIdAsync(user.Id))!, disabled)).Succeeded);
                return 0;
            });
        }
        await (await client.GetAsync("/api/v1/me")).ShouldBeProblem(401);
        Assert.True(await fx.App.WithDb(db => db.Set<AccessToken>().Where(t => t.UserId == user.Id).AllAsync(t => t.RevokedAt != null)));
    }
}
