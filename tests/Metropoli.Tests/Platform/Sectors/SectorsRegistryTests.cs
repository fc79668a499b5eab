using System.Net;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Metropoli.Platform.Sectors;
using Metropoli.StrategicPlan.Model;
using Metropoli.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metropoli.Tests.Platform.Sectors;

/// <summary>Issue 18.3: sectors were free text, so a sector officer created with "Mobilità" was refused on the
/// actions of "mobilita". Now a registry: chosen from a list, names shown instead of codes, old values adopted.</summary>
[Trait("Database", "Both")]
public sealed class SectorsRegistryTests(AppFixture fx) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_sector_officer_gets_a_sector_of_the_registry_and_free_text_is_refused_with_a_message()
    {
        var admin = await fx.App.SignedIn(Demo.Admin);
        var form = await admin.Html("/admin/utenti/nuovo");
        Assert.Contains("<option value=\"mobilita\"", form);
        Assert.Contains("Mobilità e trasporti", form);

        var email = $"mobilita-{Guid.NewGuid():N}@test.example";
        var refused = await admin.SubmitAsync("/admin/utenti/nuovo",
            [("Input.Email", email), ("Input.DisplayName", "Mario Mobilità"), ("Scopes.Role", Roles.SectorOfficer), ("Scopes.SectorCode", "Mobilità")]);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(SectorRegistry.UnknownCode, WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.False(await fx.App.WithDb(db => db.Users.AnyAsync(u => u.Email == email)));

        var created = await admin.SubmitAsync("/admin/utenti/nuovo",
            [("Input.Email", email), ("Input.DisplayName", "Mario Mobilità"), ("Scopes.Role", Roles.SectorOfficer), ("Scopes.SectorCode", "mobilita")]);
        Assert.True(created.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect);
        Assert.Equal("mobilita", await fx.App.WithDb(db => db.Users.Where(u => u.Email == email).Select(u => u.SectorCode).SingleAsync()));
    }

    [Fact]
    public async Task Values_written_as_free_text_before_the_registry_are_adopted_at_start()
    {
        var email = $"vecchio-{Guid.NewGuid():N}@test.example";
        await fx.App.WithScope<bool>(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = email, Email = email, DisplayName = "Settore scritto a mano", SectorCode = "Sviluppo Economico" };
            Assert.True((await users.CreateAsync(user)).Succeeded);
            var db = sp.GetRequiredService<AppDbContext>();
            var action = await db.Set<PlanAction>().OrderBy(a => a.Id).FirstAsync();
            await db.Set<PlanAction>().Where(a => a.Id == action.Id).ExecuteUpdateAsync(a => a.SetProperty(x => x.OwnerSector, "Politiche Sociali e Welfare"));
            await Startup.SeedReferenceDataAsync(sp, CancellationToken.None);
            Assert.Equal("sviluppo-economico", await db.Users.Where(u => u.Email == email).Select(u => u.SectorCode).SingleAsync());
            Assert.Equal("politiche-sociali-e-welfare", await db.Set<PlanAction>().Where(a => a.Id == action.Id).Select(a => a.OwnerSector).SingleAsync());
            var adopted = await db.Set<Sector>().SingleAsync(s => s.Code == "politiche-sociali-e-welfare");
            Assert.Equal("Politiche Sociali e Welfare", adopted.NameIt);
            await db.Set<PlanAction>().Where(a => a.Id == action.Id).ExecuteUpdateAsync(a => a.SetProperty(x => x.OwnerSector, action.OwnerSector));
            return true;
        });
    }

    [Fact]
    public async Task Pages_show_the_sector_name_and_the_api_lists_the_registry()
    {
        var action = await fx.App.WithDb(db => db.Set<PlanAction>().Where(a => a.OwnerSector == "ambiente").Select(a => a.Id).FirstAsync());
        var html = await fx.App.Anonymous().Html($"/piano/azioni/{action}");
        Assert.Contains("Ambiente e tutela del territorio", html);

        var list = await fx.App.Anonymous().GetJson("/api/v1/sectors");
        Assert.Contains(list.EnumerateArray(), s => s.GetProperty("code").GetString() == "ambiente" && s.GetProperty("nameEn").GetString() == "Environment and land protection");

        // An action's owner sector must be an active sector of the registry.
        var office = await fx.As(Demo.PlanOffice);
        var current = await office.GetJson($"/api/v1/plan-actions/{action}");
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/plan-actions/{action}")
        {
            Content = Http.JsonBody(new
            {
                objectiveId = current.GetProperty("objectiveId").GetInt64(), code = current.GetProperty("code").GetString(),
                title = current.GetProperty("title").GetString(), ownerSector = "settore-inventato", status = current.GetProperty("status").GetString(),
                progress = current.GetProperty("progress").GetInt32(),
            }),
        };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{current.GetProperty("version").GetInt32()}\"");
        var problem = await (await office.SendAsync(request)).ShouldBeProblem(422);
        Assert.Contains(SectorRegistry.UnknownCode, problem.ToString());
    }

    [Fact]
    public async Task The_administrator_adds_a_sector_renames_it_and_retires_it()
    {
        var admin = await fx.App.SignedIn(Demo.Admin);
        var code = "prova-" + Guid.NewGuid().ToString("N")[..6];
        var bad = await admin.SubmitAsync("/admin/settori", [("Input.Code", "Prova Settore"), ("Input.NameIt", ""), ("Input.Active", "true")]);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var badHtml = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        Assert.Contains("lettere minuscole senza accenti", badHtml);
        Assert.Contains("Indica il nome del settore in italiano.", badHtml);

        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync("/admin/settori", [("Input.Code", code), ("Input.NameIt", "Settore di prova"), ("Input.NameEn", "Test sector"), ("Input.Active", "true")])).StatusCode);
        Assert.Contains("Settore di prova", await admin.Html("/admin/settori"));
        var retired = await admin.SubmitAsync($"/admin/settori/{code}", [("Input.NameIt", "Settore di prova rinominato"), ("Input.NameEn", "Renamed test sector"), ("Input.Active", "false"), ("Version", "1")]);
        Assert.Equal(HttpStatusCode.Redirect, retired.StatusCode);
        var sector = await fx.App.WithDb(db => db.Set<Sector>().SingleAsync(s => s.Code == code));
        Assert.False(sector.Active);
        Assert.Equal("Settore di prova rinominato", sector.NameIt);
        Assert.DoesNotContain($"value=\"{code}\"", await admin.Html("/admin/utenti/nuovo"));
        var stale = await admin.SubmitAsync($"/admin/settori/{code}", [("Input.NameIt", "Altro nome"), ("Input.Active", "true"), ("Version", "1")]);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Nel frattempo un altro utente", WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()));
    }
}
