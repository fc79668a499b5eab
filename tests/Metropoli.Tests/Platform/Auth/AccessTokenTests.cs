using System.Net;
using Metropoli.Tests.Infrastructure;
using Metropoli.Platform.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metropoli.Tests.Platform.Auth;

/// <summary>Personal access tokens: shown once, stored as SHA-256, usable until revoked, expired,
/// or the user is disabled.</summary>
// On PostgreSQL too: platform smoke: token lookups, expiry dates and the ExecuteUpdate of the last use.
[Trait("Database", "Both")]
public sealed class AccessTokenTests(AppFixture fx) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_created_token_is_shown_once_and_only_its_sha256_is_stored()
    {
        var admin = await fx.App.SignedInApi(Demo.Admin);
        var response = await admin.PostAsync("/api/v1/access-tokens", Http.JsonBody(new { name = "integrazione", expiresInDays = 7 }));
        var created = await response.ShouldBe(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt64();
        var token = created.GetProperty("token").GetString()!;
        Assert.StartsWith("mtp_", token);
        Assert.True(token.Length >= 40);
        Assert.Equal($"/api/v1/access-tokens/{id}", response.Headers.Location?.OriginalString);
        var expiresAt = created.GetProperty("expiresAt").GetDateTimeOffset();
        Assert.InRange(expiresAt, DateTimeOffset.UtcNow.AddDays(7).AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(7).AddMinutes(5));

        var row = await fx.App.WithDb(db => db.Set<AccessToken>().AsNoTracking().SingleAsync(t => t.Id == id));
        Assert.NotEqual(token, row.TokenHash);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token))), row.TokenHash);
        Assert.DoesNotContain(token, row.Prefix + row.Name);

        var list = await admin.GetAsync("/api/v1/access-tokens");
        var listed = await list.ShouldBe(HttpStatusCode.OK);
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), t => t.GetProperty("id").GetInt64() == id && t.GetProperty("active").GetBoolean());
        Assert.DoesNotContain(token, await list.Content.ReadAsStringAsync());
        Assert.DoesNotContain(row.TokenHash, await list.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_token_authenticates_its_user_with_roles_and_scopes()
    {
        var created = await (await (await fx.App.SignedInApi(Demo.RhoOfficer)).PostAsync("/api/v1/access-tokens", Http.JsonBody(new { name = "script", expiresInDays = 1 })))
            .ShouldBe(HttpStatusCode.Created);
        var me = await fx.App.WithToken(created.GetProperty("token").GetString()!).GetJson("/api/v1/me");
        Assert.Equal(Demo.RhoOfficer, me.GetProperty("userName").GetString());
        Assert.Equal([Roles.MunicipalityOfficer], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(Demo.Rho, me.GetProperty("municipality").GetString());
    }

    [Fact]
    public async Task A_revoked_token_is_rejected_with_401()
    {
        var owner = await fx.App.SignedInApi(Demo.PlanOffice);
        var created = await (await owner.PostAsync("/api/v1/access-tokens", Http.JsonBody(new { name = "da-revocare", expiresInDays = 3 }))).ShouldBe(HttpStatusCode.Created);
        var token = fx.App.WithToken(created.GetProperty("token").GetString()!);
        await (await token.GetAsync("/api/v1/me")).ShouldBe(HttpStatusCode.OK);

        var id = created.GetProperty("id").GetInt64();
        await (await owner.DeleteAsync($"/api/v1/access-tokens/{id}")).ShouldBe(HttpStatusCode.NoContent);
        await (await token.GetAsync("/api/v1/me")).ShouldBeProblem(401);
        var listed = await owner.GetJson("/api/v1/access-tokens");
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), t => t.GetProperty("id").GetInt64() == id && !t.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task A_user_cannot_revoke_someone_elses_token()
    {
        var created = await (await (await fx.App.SignedInApi(Demo.Admin)).PostAsync("/api/v1/access-tokens", Http.JsonBody(new { name = "dell-admin", expiresInDays = 3 }))).ShouldBe(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt64();
        await (await (await fx.As(Demo.Forum)).DeleteAsync($"/api/v1/access-tokens/{id}")).ShouldBeProblem(404);
        await (await fx.App.WithToken(created.GetProperty("token").GetString()!).GetAsync("/api/v1/me")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_expired_token_is_rejected_with_401()
    {
        var expired = await fx.App.TokenFor(Demo.Admin, days: 1, now: DateTime.UtcNow.AddDays(-2));
        await (await fx.App.WithToken(expired).GetAsync("/api/v1/me")).ShouldBeProblem(401);
    }

    [Theory]
    [InlineData("mtp_questo-token-non-esiste-affatto-0000000000000")]
    [InlineData("garbage")]
    [InlineData("mtp_")]
    public async Task A_garbage_token_is_rejected_with_401(string token)
    {
        await (await fx.App.WithToken(token).GetAsync("/api/v1/me")).ShouldBeProblem(401);
    }

    [Fact]
    public async Task A_disabled_users_token_is_rejected_with_401()
    {
        var user = await fx.App.CreateUserAsync();
        var client = fx.App.WithToken(await fx.App.TokenFor(user.Email!));
        await (await client.GetAsync("/api/v1/me")).ShouldBe(HttpStatusCode.OK);

        await fx.App.WithScope(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var result = await UserAdmin.SetDisabledAsync(users, sp.GetRequiredService<Metropoli.Platform.Data.AppDbContext>(), (await users.FindByIdAsync(user.Id))!, disabled: true);
            Assert.True(result.Succeeded);
            return 0;
        });
        await (await client.GetAsync("/api/v1/me")).ShouldBeProblem(401);
    }

    [Theory]
    [InlineData("", 30, "name")]
    [InlineData("ok", 0, "expiresInDays")]
    [InlineData("ok", 366, "expiresInDays")]
    public async Task Invalid_token_requests_are_422_problems_naming_the_field(string name, int days, string field)
    {
        var problem = await (await (await fx.App.SignedInApi(Demo.Forum)).PostAsync("/api/v1/access-tokens", Http.JsonBody(new { name, expiresInDays = days }))).ShouldBeProblem(422);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task Generated_passwords_satisfy_the_apps_identity_password_rules()
    {
        await fx.App.WithScope(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var someone = new AppUser { UserName = "x@example.it", Email = "x@example.it" };
            for (var i = 0; i < 200; i++)
            {
                var password = Metropoli.Platform.Data.Startup.NewPassword();
                foreach (var validator in users.PasswordValidators)
                {
                    var result = await validator.ValidateAsync(users, someone, password);
                    Assert.True(result.Succeeded, $"{password}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
                }
            }
            var weak = await users.PasswordValidators[0].ValidateAsync(users, someone, "corta");
            Assert.False(weak.Succeeded);
            return 0;
        });
    }
}
