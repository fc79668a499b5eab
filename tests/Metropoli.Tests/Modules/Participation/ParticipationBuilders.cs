using System.Net;
using System.Text.Json;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Metropoli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Tests.Modules.Participation;

/// <summary>Records for the participation tests, each new (tests sharing a database do not step on each other).</summary>
public static class ParticipationBuilders
{
    public static async Task<long> OrganisationAsync(MetropoliApp app, string type = OrganisationTypes.ThirdSector) =>
        await app.WithDb(db => db.Reads<IOrganisationRegistry>().FindOrAddAsync($"Organizzazione di prova {Guid.NewGuid():N}", type, null, DateTime.UtcNow, CancellationToken.None));

    /// <summary>A forum-member account linked to a new organisation, and an API client for it.</summary>
    public static async Task<(HttpClient Client, long Organisation, string UserId)> MemberAsync(MetropoliApp app)
    {
        var org = await OrganisationAsync(app);
        var user = await app.CreateUserAsync(Roles.ForumMember);
        await app.WithDb(async db =>
        {
            var u = await db.Users.SingleAsync(x => x.Id == user.Id);
            u.OrganisationId = org;
            await db.SaveChangesAsync();
        });
        return (await app.As(user.Email!), org, user.Id);
    }

    public static async Task<long> BodyAsync(HttpClient office, string kind = "forum", string? zone = null, long? parent = null) =>
        (await (await office.PostAsync("/api/v1/bodies", Http.JsonBody(new { kind, name = $"Organismo di prova {Guid.NewGuid():N}", zoneCode = zone, parentId = parent })))
            .ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetInt64();

    public static object Meeting(string title = "Riunione di prova", string place = "Sala Affreschi, Palazzo Isimbardi") => new
    {
        title, startsAt = DateTimeOffset.UtcNow.AddDays(7), place, agenda = "1. Apertura\n2. Varie",
    };

    public static async Task<long> ConsultationAsync(HttpClient office, bool openToAll = false, int opensInDays = -1, int closesInDays = 30)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return (await (await office.PostAsync("/api/v1/consultations", Http.JsonBody(new
        {
            title = $"Consultazione di prova {Guid.NewGuid():N}", description = "Per i test.", subject = "plan-update", openToAll,
            opensOn = today.AddDays(opensInDays), closesOn = today.AddDays(closesInDays), answerBy = today.AddDays(closesInDays + 30),
        }))).ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetInt64();
    }

    public static async Task<JsonElement> ProposeAsync(HttpClient client, long consultation, string text = "Una proposta.", string title = "Proposta di prova", bool showName = false) =>
        await (await client.PostAsync($"/api/v1/consultations/{consultation}/proposals", Http.JsonBody(new { title, text, showName }))).ShouldBe(HttpStatusCode.Created);
}
