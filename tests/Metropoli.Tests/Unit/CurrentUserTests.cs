using System.Security.Claims;
using Metropoli.Platform.Auth;
using Microsoft.AspNetCore.Http;

namespace Metropoli.Tests.Unit;

/// <summary>Who is recorded as the author of a change: a signed-in user, a visitor, a seeder acting as an office,
/// the system when there is no request.</summary>
public sealed class CurrentUserTests
{
    private static ClaimsPrincipal SignedIn(params Claim[] claims) => new(new ClaimsIdentity(claims, "test"));

    [Fact]
    public void A_signed_in_user_is_recorded_by_id_and_sign_in_name()
    {
        var user = CurrentUser.Of(SignedIn(new Claim(ClaimTypes.NameIdentifier, "u-1"), new Claim(ClaimTypes.Name, "ufficio@example.it"),
            new Claim(ScopeClaims.DisplayName, "Ufficio di piano")));
        Assert.Equal(("u-1", "ufficio@example.it", "Ufficio di piano", true), (user.Id, user.Name, user.DisplayName, user.IsAuthenticated));
    }

    [Fact]
    public void A_visitor_has_no_id_and_is_anonymous()
    {
        var visitor = CurrentUser.Of(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "non conta")])));
        Assert.Equal((null, CurrentUser.AnonymousName, CurrentUser.AnonymousName), (visitor.Id, visitor.Name, visitor.DisplayName));
    }

    [Fact]
    public void A_seeder_acting_as_an_office_is_the_system_under_its_display_name()
    {
        var seeder = CurrentUser.Of(SignedIn(new Claim(ClaimTypes.Role, Roles.PlanOffice), new Claim(ScopeClaims.DisplayName, "Ufficio di piano (dati dimostrativi)")));
        Assert.Equal((null, CurrentUser.SystemName, "Ufficio di piano (dati dimostrativi)"), (seeder.Id, seeder.Name, seeder.DisplayName));
    }

    [Fact]
    public void Outside_a_request_the_current_user_is_the_system()
    {
        var accessor = new HttpContextAccessor();
        var current = new HttpCurrentUser(accessor);
        Assert.Equal((null, CurrentUser.SystemName, false), (current.Id, current.Name, current.IsAuthenticated));

        accessor.HttpContext = new DefaultHttpContext();
        Assert.Equal(CurrentUser.AnonymousName, current.Name);

        accessor.HttpContext.User = SignedIn(new Claim(ClaimTypes.NameIdentifier, "u-2"), new Claim(ClaimTypes.Name, "rho@example.it"));
        Assert.Equal(("u-2", "rho@example.it"), (current.Id, current.Name)); // read when asked: sign-in changes it mid-request
    }
}
