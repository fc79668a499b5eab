using System.Security.Claims;
using Metropoli.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Metropoli.Tests.Platform.Auth;

/// <summary>Every endpoint and page states who may call it; the rest is closed.</summary>
public sealed class DenyByDefaultTests(AppFixture fx) : IClassFixture<AppFixture>
{
    private IReadOnlyList<RouteEndpoint> Endpoints => EndpointList.All(fx.App);

    [Fact]
    public void Every_endpoint_and_page_has_an_explicit_authorization_decision()
    {
        var endpoints = Endpoints;
        // Proves the enumeration sees the minimal APIs (and pages, once they exist).
        Assert.Contains(endpoints, e => e.RoutePattern.RawText == "/api/v1/me");
        Assert.Contains(endpoints, e => e.RoutePattern.RawText == "/status");

        var undecided = endpoints
            .Where(e => !e.Metadata.OfType<IAuthorizeData>().Any() && !e.Metadata.OfType<IAllowAnonymous>().Any())
            .Select(e => $"{e.RoutePattern.RawText} [{e.DisplayName}]")
            .ToList();
        Assert.True(undecided.Count == 0,
            "These endpoints have neither [Authorize]/RequireAuthorization nor [AllowAnonymous]/AllowAnonymous:\n  " + string.Join("\n  ", undecided));
    }

    [Fact]
    public void Pages_are_enumerated_with_the_endpoints()
    {
        // Razor Pages endpoints come from the same data source; when pages exist they are checked above.
        var pages = Endpoints.Where(EndpointList.IsPage).ToList();
        var pageFiles = Directory.Exists(ContentRoot)
            ? Directory.EnumerateFiles(ContentRoot, "*.cshtml", SearchOption.AllDirectories)
                .Where(f => File.ReadLines(f).Any(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^@page(\s|$)")))
                .ToList()
            : [];
        Assert.True(pages.Count >= pageFiles.Count,
            $"{pageFiles.Count} .cshtml files declare @page but only {pages.Count} page endpoints were found.");
    }

    private string ContentRoot => fx.App.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.IWebHostEnvironment>().ContentRootPath;

    [Fact]
    public async Task The_fallback_policy_denies_anonymous_callers_of_an_endpoint_without_a_decision()
    {
        var policies = fx.App.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var fallback = await policies.GetFallbackPolicyAsync();
        Assert.NotNull(fallback);
        var authz = fx.App.Services.GetRequiredService<IAuthorizationService>();
        var http = new DefaultHttpContext();
        http.SetEndpoint(new RouteEndpoint(_ => Task.CompletedTask, RoutePatternFactory.Parse("/undecided"), 0, EndpointMetadataCollection.Empty, "undecided"));

        var anonymous = new ClaimsPrincipal(new ClaimsIdentity());
        Assert.False((await authz.AuthorizeAsync(anonymous, http, fallback)).Succeeded);
        var signedIn = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "x")], "test"));
        Assert.True((await authz.AuthorizeAsync(signedIn, http, fallback)).Succeeded);
    }

    [Theory]
    [InlineData("/api/v1/me")]
    [InlineData("/api/v1/users")]
    [InlineData("/api/v1/audit-entries")]
    [InlineData("/api/v1/access-tokens")]
    public async Task Anonymous_callers_of_a_protected_endpoint_get_401_problem(string path)
    {
        var response = await fx.App.Anonymous().GetAsync(path);
        await response.ShouldBeProblem(401);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
    }

    [Theory]
    [InlineData(Demo.Forum, "/api/v1/users")]
    [InlineData(Demo.Forum, "/api/v1/audit-entries")]
    [InlineData(Demo.PlanOffice, "/api/v1/users")]
    [InlineData(Demo.RhoOfficer, "/api/v1/audit-entries")]
    public async Task A_role_without_the_permission_gets_403_problem(string email, string path)
    {
        var response = await (await fx.As(email)).GetAsync(path);
        await response.ShouldBeProblem(403);
    }

    [Theory]
    [InlineData("/api/v1/municipalities")]
    [InlineData("/api/v1/municipalities/015182")]
    [InlineData("/api/v1/zones")]
    [InlineData("/status")]
    [InlineData("/openapi/v1.json")]
    public async Task Public_endpoints_answer_anonymous_callers(string path)
    {
        await (await fx.App.Anonymous().GetAsync(path)).ShouldBe(System.Net.HttpStatusCode.OK);
    }
}
