using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Metropoli.Agreements.Model;
using Metropoli.StrategicPlan.Model;
using Metropoli.Territory.Model;
using Metropoli.Platform.Audit;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.DataGen.Scale;

public sealed record ScaleReport(string Scale, long Rows, TimeSpan Elapsed, string Fingerprint, long ClosedCampaignId, long OpenCampaignId, long PlanId);

/// <summary><c>seed --scale tiny|metro|national</c>: after the migrations and the reference data, fills the
/// database with a deterministic, realistic volume of plans, indicators, measurements, agreements, users
/// and audit history, loaded in bulk (see docs/adr/0015).</summary>
public static class ScaleSeeder
{
    public static async Task<ScaleReport> RunAsync(IServiceProvider sp, ScaleProfile profile, string? password, TextWriter output, bool interactive, CancellationToken ct)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var clock = sp.GetRequiredService<TimeProvider>();
        await db.MigrateAsync(ct);
        await Startup.SeedReferenceDataAsync(sp, ct);
        if (await db.Set<Plan>().AnyAsync(p => p.Name.Contains(PlanGenerator.Marker), ct))
        {
            throw new ScaleException("il database contiene già dati generati (un piano «… " + PlanGenerator.Marker + "»). " +
                "Il generatore scrive sempre gli stessi dati: usa un database nuovo (un altro file SQLite o un altro database PostgreSQL).");
        }
        var demo = await Startup.CreateDemoAccountsAsync(sp, ct);
        foreach (var (a, p) in demo)
        {
            output.WriteLine($"  {Roles.Label(a.Role),-24} {a.Email,-36} {p}");
        }

        var w = new ScaleWorld(profile);
        await ReadReferenceAsync(db, w, ct);
        var progress = new ScaleProgress(output, interactive);
        output.WriteLine($"Generazione della scala «{profile.Name}» (seme {ScaleProfile.Seed}, data di riferimento {ScaleProfile.Anchor:yyyy-MM-dd})…");
        await using (var loader = await BulkLoader.OpenAsync(db, progress, ct))
        {
            await LoadAsync(loader, w, password, ct);
        }
        var plan = w.CurrentPlan.Id;
        var campaignsBar = progress.Start("campagne (gestori reali)", 2);
        var (closed, open) = await CampaignsGenerator.RunAsync(db, clock, plan, ct);
        campaignsBar.Done(2);
        progress.Summary();
        var fingerprint = await FingerprintAsync(db, ct);
        output.WriteLine($"Impronta dei dati generati: {fingerprint}");
        return new ScaleReport(profile.Name, progress.TotalRows, progress.Elapsed, fingerprint, closed, open, plan);
    }

    private static async Task ReadReferenceAsync(AppDbContext db, ScaleWorld w, CancellationToken ct)
    {
        var comuni = await db.Set<Municipality>().AsNoTracking().OrderBy(m => m.IstatCode).ToListAsync(ct);
        w.Comuni = comuni.Select(ScaleWorld.FromMunicipality).ToList();
        // Comuni in proportion to their real population: Milano weighs a third of the metropolitan city.
        w.ComunePick = new Randomness.Weighted<ScaleWorld.Comune>(w.Comuni, w.Comuni.Select(c => (double)Math.Max(1, c.Population)));
        w.Zones = await db.Set<Zone>().AsNoTracking().OrderBy(z => z.SortOrder).Select(z => z.Code).ToListAsync(ct);
        w.Tags = await db.Set<PlanTag>().AsNoTracking().OrderBy(t => t.SortOrder).Select(t => t.Code).ToListAsync(ct);
        w.Programmes = (await db.Set<DupProgramme>().AsNoTracking().Where(p => !p.RegionsOnly).OrderBy(p => p.Code)
            .Select(p => new { p.MissionCode, p.Code }).ToListAsync(ct)).Select(p => (p.MissionCode, p.Code)).ToList();
        w.Themes = await db.Set<AgreementTheme>().AsNoTracking().OrderBy(t => t.SortOrder).Select(t => t.Code).ToListAsync(ct);
        w.RoleIds = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Name!, r => r.Id, ct);
        var existing = await db.Set<Organisation>().AsNoTracking().OrderBy(o => o.Id)
            .Select(o => new { o.Id, o.Type, o.FiscalCode, o.MunicipalityIstat }).ToListAsync(ct);
        w.MetropolitanCityId = existing.Single(o => o.FiscalCode == OrganisationSeed.CittaMetropolitanaFiscalCode).Id;
        foreach (var o in existing) w.OrganisationIds.Add(o.Id);
    }

    private static async Task LoadAsync(BulkLoader loader, ScaleWorld w, string? password, CancellationToken ct)
    {
        var p = w.Profile;
        // Organisations: the seeded public bodies first (heavy), then the generated ones along a Zipf curve.
        var existingCount = w.OrganisationIds.Count;
        await loader.InsertAsync("organizzazioni", OrganisationsGenerator.Generate(w, await loader.NextIdAsync<Organisation>(ct)), p.Organisations, ct);
        var population = w.Comuni.ToDictionary(c => c.Istat, c => c.Population);
        var weights = new double[w.OrganisationIds.Count];
        var zipf = Randomness.Zipf(w.OrganisationIds.Count - existingCount, 0.8);
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = i < existingCount ? (w.OrganisationIds[i] == w.MetropolitanCityId ? 5 : 0.5) : zipf[i - existingCount] * 2;
        }
        w.OrganisationPick = new Randomness.Weighted<long>(w.OrganisationIds, weights);

        var hash = new PasswordHasher<AppUser>().HashPassword(new AppUser(), password ?? Startup.NewPassword());
        var users = UsersGenerator.Generate(w, hash).ToList();
        await loader.InsertAsync("utenti", users.Select(u => u.User), users.Count, ct);
        await loader.InsertAsync("ruoli degli utenti", users.Select(u => u.Role), users.Count, ct);
        if (w.PlanOffice.Count == 0) throw new ScaleException("nessun utente dell'ufficio di piano generato.");

        var plans = new PlanGenerator(w);
        plans.Generate(await loader.NextIdAsync<Plan>(ct), await loader.NextIdAsync<PlanArea>(ct), await loader.NextIdAsync<PlanObjective>(ct), await loader.NextIdAsync<PlanAction>(ct));
        await loader.InsertAsync("piani", plans.Plans, ct);
        await loader.InsertAsync("aree", plans.Areas, ct);
        await loader.InsertAsync("obiettivi", plans.Objectives, ct);
        await loader.InsertAsync("azioni", plans.Actions, ct);
        await loader.InsertAsync("azioni: Comuni", plans.ActionMunicipalities, ct);
        await loader.InsertAsync("azioni: zone", plans.ActionZones, ct);
        await loader.InsertAsync("azioni: etichette", plans.ActionTags, ct);
        await loader.InsertAsync("azioni: partner", plans.ActionPartners, ct);

        var indicators = new IndicatorsGenerator(w);
        indicators.Generate(await loader.NextIdAsync<Indicator>(ct));
        await loader.InsertAsync("indicatori", indicators.Indicators, ct);
        await loader.InsertAsync("traguardi annuali", indicators.Targets, ct);
        await loader.InsertAsync("misurazioni", indicators.Measurements(await loader.NextIdAsync<Measurement>(ct)), p.Measurements, ct);

        var agreements = new AgreementsGenerator(w);
        agreements.Generate(await loader.NextIdAsync<Agreement>(ct), await loader.NextIdAsync<AgreementStatusChange>(ct),
            await loader.NextIdAsync<AgreementParty>(ct), await loader.NextIdAsync<AgreementObligation>(ct));
        await loader.InsertAsync("intese", agreements.Agreements, ct);
        await loader.InsertAsync("intese: passaggi di stato", agreements.StatusChanges, ct);
        await loader.InsertAsync("intese: temi", agreements.Themes, ct);
        await loader.InsertAsync("intese: Comuni", agreements.Municipalities, ct);
        await loader.InsertAsync("intese: zone", agreements.Zones, ct);
        await loader.InsertAsync("intese: azioni", agreements.Actions, ct);
        await loader.InsertAsync("intese: parti", agreements.Parties, ct);
        await loader.InsertAsync("intese: obblighi", agreements.Obligations, ct);

        var participation = new ParticipationGenerator(w);
        participation.Generate(await loader.NextIdAsync<Metropoli.Participation.Model.Body>(ct), await loader.NextIdAsync<Metropoli.Participation.Model.BodyMember>(ct),
            await loader.NextIdAsync<Metropoli.Participation.Model.Meeting>(ct), await loader.NextIdAsync<Metropoli.Participation.Model.Consultation>(ct),
            await loader.NextIdAsync<Metropoli.Participation.Model.Proposal>(ct), await loader.NextIdAsync<Metropoli.Participation.Model.ProposalComment>(ct));
        await loader.InsertAsync("partecipazione: organismi", participation.Bodies, ct);
        await loader.InsertAsync("partecipazione: membri", participation.Members, ct);
        await loader.InsertAsync("partecipazione: riunioni", participation.Meetings, ct);
        await loader.InsertAsync("partecipazione: consultazioni", participation.Consultations, ct);
        await loader.InsertAsync("partecipazione: proposte", participation.Proposals, ct);
        await loader.InsertAsync("partecipazione: commenti", participation.Comments, ct);
        var funding = new FundingGenerator(w);
        funding.Generate(await loader.NextIdAsync<Metropoli.Funding.Model.FundingCall>(ct), await loader.NextIdAsync<Metropoli.Funding.Model.FundingCallRule>(ct),
            await loader.NextIdAsync<Metropoli.Funding.Model.FundingLine>(ct), await loader.NextIdAsync<Metropoli.Funding.Model.FundingMilestone>(ct));
        await loader.InsertAsync("bandi", funding.Calls, ct);
        await loader.InsertAsync("bandi: regole", funding.Rules, ct);
        await loader.InsertAsync("progetti finanziati", funding.Projects, ct);
        await loader.InsertAsync("progetti: Comuni", funding.ProjectComuni, ct);
        await loader.InsertAsync("progetti: fonti", funding.Lines, ct);
        await loader.InsertAsync("progetti: milestone", funding.Milestones, ct);
        await loader.InsertAsync("progetti: spese", funding.Expenditures(await loader.NextIdAsync<Metropoli.Funding.Model.FundingExpenditure>(ct)), p.FundingExpenditures, ct);
        var services = new ServicesGenerator(w);
        services.Generate(agreements.Agreements, await loader.NextIdAsync<Metropoli.Services.Model.SharedService>(ct), await loader.NextIdAsync<Metropoli.Services.Model.ServiceRequest>(ct),
            await loader.NextIdAsync<Metropoli.Services.Model.ServiceRequestEvent>(ct), await loader.NextIdAsync<Metropoli.Services.Model.Procurement>(ct),
            await loader.NextIdAsync<Metropoli.Services.Model.StaffingNeed>(ct), await loader.NextIdAsync<Metropoli.Services.Model.Competition>(ct),
            await loader.NextIdAsync<Metropoli.Services.Model.RankingList>(ct), await loader.NextIdAsync<Metropoli.Services.Model.RankingDraw>(ct));
        await loader.InsertAsync("servizi ai Comuni", services.Services, ct);
        await loader.InsertAsync("servizi: convenzioni", services.ServiceAgreements, ct);
        await loader.InsertAsync("richieste ai servizi", services.Requests, ct);
        await loader.InsertAsync("richieste: cronologia", services.Events, ct);
        await loader.InsertAsync("procedure SUA", services.Procurements, ct);
        await loader.InsertAsync("procedure: Comuni", services.ProcurementMunicipalities, ct);
        await loader.InsertAsync("concorsi unici", services.Competitions, ct);
        await loader.InsertAsync("concorsi: posti", services.Posts, ct);
        await loader.InsertAsync("fabbisogni di personale", services.Needs, ct);
        await loader.InsertAsync("graduatorie", services.Lists, ct);
        await loader.InsertAsync("graduatorie: posizioni", services.Entries, ct);
        await loader.InsertAsync("graduatorie: utilizzi", services.Draws, ct);

        // The audit trail last: it continues the chain from the current head and moves the head.
        var head = new AuditHead
        {
            Id = 1,
            Sequence = await loader.ScalarAsync("SELECT \"Sequence\" FROM platform_audit_head WHERE \"Id\" = 1", ct),
        };
        await using (var cmd = loader.Connection.CreateCommand())
        {
            cmd.CommandText = "SELECT \"Hash\" FROM platform_audit_head WHERE \"Id\" = 1";
            head.Hash = (string)(await cmd.ExecuteScalarAsync(ct))!;
        }
        var audit = new AuditGenerator(w);
        await loader.InsertAsync("registro di audit", audit.Generate(await loader.NextIdAsync<AuditEntry>(ct), head), p.AuditRows, ct);
        await loader.ExecAsync(string.Create(CultureInfo.InvariantCulture,
            $"UPDATE platform_audit_head SET \"Sequence\" = {audit.Head.Sequence}, \"Hash\" = '{audit.Head.Hash}' WHERE \"Id\" = 1"), ct);
        if (loader.Provider == DatabaseProvider.Sqlite)
        {
            await loader.ExecAsync("PRAGMA optimize;", ct);
        }
        else
        {
            await loader.ExecAsync("ANALYZE;", ct);
        }
    }

    /// <summary>Key figures of the generated data (counts, sums, last keys), hashed: two runs of the same
    /// command on empty databases of the same provider give the same value.</summary>
    public static async Task<string> FingerprintAsync(AppDbContext db, CancellationToken ct)
    {
        var marker = PlanGenerator.Marker;
        var figures = new List<string>
        {
            "plans=" + await db.Set<Plan>().CountAsync(p => p.Name.Contains(marker), ct),
            "actions=" + await db.Set<PlanAction>().CountAsync(ct),
            "indicators=" + await db.Set<Indicator>().CountAsync(ct),
            "targets=" + await db.Set<IndicatorTarget>().CountAsync(ct),
            "measurements=" + await db.Set<Measurement>().CountAsync(ct),
            "validated=" + await db.Set<Measurement>().CountAsync(m => m.Status == MeasurementStatuses.Validated, ct),
            "maxPeriodEnd=" + (await db.Set<Measurement>().MaxAsync(m => (DateOnly?)m.PeriodEnd, ct))?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "agreements=" + await db.Set<Agreement>().CountAsync(ct),
            "inForce=" + await db.Set<Agreement>().CountAsync(a => a.Status == AgreementStatuses.InForce, ct),
            "parties=" + await db.Set<AgreementParty>().CountAsync(ct),
            "obligations=" + await db.Set<AgreementObligation>().CountAsync(ct),
            "organisations=" + await db.Set<Organisation>().CountAsync(ct),
            "serviceRequests=" + await db.Set<Metropoli.Services.Model.ServiceRequest>().CountAsync(ct),
            "procurements=" + await db.Set<Metropoli.Services.Model.Procurement>().CountAsync(ct),
            "rankingDraws=" + await db.Set<Metropoli.Services.Model.RankingDraw>().CountAsync(ct),
            "users=" + await db.Users.CountAsync(ct),
            "proposals=" + await db.Set<Metropoli.Participation.Model.Proposal>().CountAsync(ct),
            "meetings=" + await db.Set<Metropoli.Participation.Model.Meeting>().CountAsync(ct),
            "lastAgreement=" + await db.Set<Agreement>().OrderByDescending(a => a.Id).Select(a => a.Number + a.Title).FirstOrDefaultAsync(ct),
            "lastUser=" + await db.Users.OrderBy(u => u.Email).Select(u => u.Email + u.DisplayName).FirstOrDefaultAsync(ct),
        };
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", figures))))[..16];
    }
}
