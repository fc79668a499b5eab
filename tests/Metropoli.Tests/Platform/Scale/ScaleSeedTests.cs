using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Metropoli.Tests.Infrastructure;
using Metropoli.Agreements.Model;
using Metropoli.StrategicPlan.Model;
using Metropoli.Territory.Model;
using Metropoli.Platform.Identifiers;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Tests.Platform.Scale;

/// <summary><c>seed --scale tiny</c> through the real command line: counts in proportion to the profile,
/// the same data on every run, a hash chain that verifies, valid identifiers, a refusal to run twice,
/// and an app that answers on the generated data.</summary>
// On PostgreSQL too: the bulk loader is COPY on PostgreSQL and batched inserts on SQLite.
[Trait("Database", "Both")]
public sealed class ScaleSeedTests
{
    private static AppDbContext Open(TestDatabase database)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(options, database.Provider, database.ConnectionString);
        return new AppDbContext(options.Options);
    }

    /// <summary>Key figures and a hash of the generated rows' content (not of ids or clocks that differ by run).</summary>
    private static async Task<(Dictionary<string, int> Counts, string Hash)> FiguresAsync(TestDatabase database)
    {
        await using var db = Open(database);
        var counts = new Dictionary<string, int>
        {
            ["plans"] = await db.Set<Plan>().CountAsync(),
            ["actions"] = await db.Set<PlanAction>().CountAsync(),
            ["indicators"] = await db.Set<Indicator>().CountAsync(),
            ["measurements"] = await db.Set<Measurement>().CountAsync(),
            ["validated"] = await db.Set<Measurement>().CountAsync(m => m.Status == MeasurementStatuses.Validated),
            ["submitted"] = await db.Set<Measurement>().CountAsync(m => m.Status == MeasurementStatuses.Submitted),
            ["agreements"] = await db.Set<Agreement>().CountAsync(),
            ["parties"] = await db.Set<AgreementParty>().CountAsync(),
            ["obligations"] = await db.Set<AgreementObligation>().CountAsync(),
            ["users"] = await db.Users.CountAsync(),
            ["organisations"] = await db.Set<Organisation>().CountAsync(),
            ["audit"] = await db.AuditEntries.CountAsync(),
            ["bodies"] = await db.Set<Metropoli.Participation.Model.Body>().CountAsync(),
            ["meetings"] = await db.Set<Metropoli.Participation.Model.Meeting>().CountAsync(),
            ["proposals"] = await db.Set<Metropoli.Participation.Model.Proposal>().CountAsync(),
            ["comments"] = await db.Set<Metropoli.Participation.Model.ProposalComment>().CountAsync(),
            ["fundingCalls"] = await db.Set<Metropoli.Funding.Model.FundingCall>().CountAsync(),
            ["fundingProjects"] = await db.Set<Metropoli.Funding.Model.FundingProject>().CountAsync(),
            ["expenditures"] = await db.Set<Metropoli.Funding.Model.FundingExpenditure>().CountAsync(),
        };
        var measurements = await db.Set<Measurement>().OrderBy(m => m.Id).Select(m => new { m.IndicatorId, m.Period, m.Value, m.Status, m.SubmittedAt }).ToListAsync();
        var agreements = await db.Set<Agreement>().OrderBy(a => a.Id).Select(a => new { a.Number, a.Title, a.Status, a.ExpiryDate, a.Funding }).ToListAsync();
        var users = await db.Users.OrderBy(u => u.Email).Select(u => new { u.Email, u.DisplayName, u.MunicipalityIstat, u.SectorCode }).ToListAsync();
        var text = string.Join("\n", measurements.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.IndicatorId}|{m.Period}|{m.Value:0.00}|{m.Status}|{m.SubmittedAt:O}"))
            .Concat(agreements.Select(a => $"{a.Number}|{a.Title}|{a.Status}|{a.ExpiryDate}|{a.Funding}"))
            .Concat(users.Select(u => $"{u.Email}|{u.DisplayName}|{u.MunicipalityIstat}|{u.SectorCode}")));
        return (counts, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))));
    }

    [Fact]
    public async Task Seed_scale_tiny_generates_the_same_valid_data_every_time_and_the_app_works_on_it()
    {
        await using var first = await TestDatabase.CreateAsync("scale1");
        await using var second = await TestDatabase.CreateAsync("scale2");
        Assert.Equal(0, await CliRunner.RunAsync(first, "seed", "--scale", "tiny", "--password", "Scala-Prova-2026"));
        Assert.Equal(0, await CliRunner.RunAsync(second, "seed", "--scale", "tiny"));

        var (counts, hash) = await FiguresAsync(first);
        var (counts2, hash2) = await FiguresAsync(second);
        Assert.Equal(counts, counts2);
        Assert.Equal(hash, hash2);

        // tiny is a thousandth of metro: 500 measurements, 20 agreements, 80 parties, 100 obligations, 30 users (+ 6 demo accounts), 2,000 audit rows.
        Assert.InRange(counts["measurements"], 450, 550);
        Assert.True(counts["validated"] > counts["measurements"] * 0.7, "most measurements are validated");
        Assert.True(counts["submitted"] > 0, "some measurements wait for review");
        Assert.Equal(20, counts["agreements"]);
        Assert.InRange(counts["parties"], 60, 100);
        Assert.InRange(counts["obligations"], 70, 130);
        Assert.Equal(36, counts["users"]);
        Assert.Equal(3, counts["plans"]);
        Assert.True(counts["audit"] >= 2_000);
        // Participation (issue 22): metro has 200 bodies, 5,000 meetings, 50,000 proposals and 50,000 comments; tiny has the floors.
        Assert.Equal((10, 10, 50, 50), (counts["bodies"], counts["meetings"], counts["proposals"], counts["comments"]));
        // Funding: 2,000 calls, 20,000 projects, 500,000 expenditures at metro.
        Assert.Equal(3, counts["fundingCalls"]);
        Assert.Equal(20, counts["fundingProjects"]);
        Assert.Equal(500, counts["expenditures"]);

        Assert.Equal(0, await CliRunner.RunAsync(first, "audit", "verify"));
        // A second run on the same database is refused (the generator always writes the same rows).
        Assert.Equal(1, await CliRunner.RunAsync(first, "seed", "--scale", "tiny"));
        Assert.Equal(counts["measurements"], (await FiguresAsync(first)).Counts["measurements"]);

        await using (var db = Open(first))
        {
            var codes = await db.Set<Organisation>().Where(o => o.FiscalCode != null).Select(o => new { o.FiscalCode, o.VatNumber }).ToListAsync();
            Assert.All(codes, c => Assert.True(IdentifierCheck.ValidateCodiceFiscale(c.FiscalCode).Ok, c.FiscalCode));
            Assert.All(codes.Where(c => c.VatNumber != null), c => Assert.True(IdentifierCheck.ValidatePartitaIva(c.VatNumber).Ok, c.VatNumber));
            var cups = (await db.Set<Agreement>().Where(a => a.Funding != null).Select(a => a.Funding!).ToListAsync()).Select(f => f[(f.IndexOf("CUP ", StringComparison.Ordinal) + 4)..]).ToList();
            Assert.NotEmpty(cups);
            Assert.All(cups, c => Assert.True(IdentifierCheck.ValidateCup(c).Ok, c));
            var closed = await db.Set<MonitoringCampaign>().SingleAsync(c => c.Status == CampaignStatuses.Closed);
            Assert.NotNull(closed.SnapshotSha256);
            Assert.Equal(1, await db.Set<MonitoringCampaign>().CountAsync(c => c.Status == CampaignStatuses.Open));
        }

        long plan, action;
        long campaign;
        await using (var db = Open(first))
        {
            plan = await db.Set<Plan>().Where(p => p.Status == PlanStatuses.Adopted).Select(p => p.Id).SingleAsync();
            action = await db.Set<PlanAction>().Where(a => a.PlanId == plan).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
            campaign = await db.Set<MonitoringCampaign>().Where(c => c.Status == CampaignStatuses.Closed).Select(c => c.Id).SingleAsync();
        }
        await using var app = new MetropoliApp(first);
        var anonymous = app.Anonymous();
        foreach (var url in new[] { "/", $"/piano/{plan}/cruscotto", $"/piano/{plan}/azioni", $"/piano/azioni/{action}", "/intese", "/comuni/015146", "/api/v1/agreements", $"/api/v1/plans/{plan}/dashboard",
                     "/partecipazione", "/api/v1/bodies", "/api/v1/consultations", "/partecipazione/proposte.csv" })
        {
            var response = await anonymous.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        }
        var office = await app.As(Demo.PlanOffice);
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync($"/piano/campagne/{campaign}/rapporto")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.As(Demo.Admin)).GetAsync("/admin/registro")).StatusCode);
    }
}
