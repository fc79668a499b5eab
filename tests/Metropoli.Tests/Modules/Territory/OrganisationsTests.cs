using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CsvHelper;
using Metropoli.Tests.Infrastructure;
using Metropoli.Tests.Unit;
using Metropoli.Territory.Model;
using Metropoli.Territory.Organisations;
using Metropoli.Platform.Identifiers;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Tests.Modules.Territory;

/// <summary>The organisations registry through HTTP: public list and detail, administrators' writes with
/// check-digit validation and unique fiscal codes, If-Match against lost updates, the all-or-nothing
/// CSV import with line numbers, and exports that neutralise formulas.</summary>
// On PostgreSQL too: Territory smoke: search (lower-case LIKE), unique fiscal codes, the all-or-nothing import.
[Trait("Database", "Both")]
public sealed partial class OrganisationsTests(AppFixture fx) : IClassFixture<AppFixture>
{
    private const string Url = "/api/v1/organizations";
    private const string Header = "name,type,fiscal_code,vat_number,ipa_code,address,postal_code,city,email,pec,phone,website";

    private HttpClient Anonymous => fx.App.Anonymous();

    /// <summary>A valid 11-digit fiscal code nobody else in this database uses.</summary>
    private static string NewFiscalCode() => PartitaIvaTests.RandomValid(Random.Shared);

    private static string WithWrongCheckDigit(string code) => code[..10] + (char)('0' + (code[10] - '0' + 1) % 10);

    private static object NewRequest(string? fiscalCode = null, string name = "Fondazione di prova", string type = "foundation") => new
    {
        name,
        type,
        fiscalCode = fiscalCode ?? NewFiscalCode(),
        city = "Milano",
        website = "https://www.fondazione.example.it",
    };

    private static List<JsonElement> Items(JsonElement page) => page.GetProperty("items").EnumerateArray().ToList();

    private async Task<(long Id, string ETag)> CreateAsync(object request)
    {
        var response = await (await fx.As(Demo.Admin)).PostAsync(Url, Http.JsonBody(request));
        var body = await response.ShouldBe(HttpStatusCode.Created);
        return (body.GetProperty("id").GetInt64(), response.Headers.ETag!.ToString());
    }

    private static StringContent CsvBody(string csv) => new(csv, Encoding.UTF8, "text/csv");

    private Task<int> CountAsync() => fx.App.WithDb(db => db.Set<Organisation>().CountAsync());

    // ---------------------------------------------------------------- seed

    [Fact]
    public async Task The_seed_creates_one_organisation_per_comune_plus_the_metropolitan_city_and_the_region()
    {
        var linked = await fx.App.WithDb(db => (from o in db.Set<Organisation>()
                                                join m in db.Set<Municipality>() on o.MunicipalityIstat equals m.IstatCode
                                                select new { OrganisationName = o.Name, o.Type, ComuneName = m.Name, m.IstatCode }).ToListAsync());
        Assert.Equal(133, linked.Count);
        Assert.Equal(133, linked.Select(l => l.IstatCode).Distinct().Count());
        Assert.All(linked, l => Assert.Equal(OrganisationTypes.Municipality, l.Type));
        Assert.All(linked, l => Assert.Equal("Comune di " + l.ComuneName, l.OrganisationName));

        var byCode = await fx.App.WithDb(db => db.Set<Organisation>().AsNoTracking()
            .Where(o => o.FiscalCode == "08911820960" || o.FiscalCode == "80050050154" || o.FiscalCode == "01199250158").ToListAsync());
        Assert.Equal(OrganisationTypes.MetropolitanCity, byCode.Single(o => o.FiscalCode == "08911820960").Type);
        Assert.Equal("Regione Lombardia", byCode.Single(o => o.FiscalCode == "80050050154").Name);
        Assert.Equal(OrganisationTypes.Region, byCode.Single(o => o.FiscalCode == "80050050154").Type);
        var milano = byCode.Single(o => o.FiscalCode == "01199250158");
        Assert.Equal((Demo.Milano, "Comune di Milano"), (milano.MunicipalityIstat, milano.Name));
        // Every seeded code passes the library's own checks.
        Assert.All(byCode, o => Assert.True(IdentifierCheck.ValidateCodiceFiscaleEnte(o.FiscalCode).Ok, o.FiscalCode));
    }

    [Fact]
    public async Task Seeding_again_adds_nothing_and_writes_no_audit_entries()
    {
        var (count, audit) = (await CountAsync(), await fx.App.WithDb(db => db.AuditEntries.CountAsync()));
        Assert.Equal(0, await fx.App.WithDb(db => OrganisationSeed.SeedAsync(db, TimeProvider.System)));
        Assert.Equal(count, await CountAsync());
        Assert.Equal(audit, await fx.App.WithDb(db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task Every_seed_value_fits_its_column()
    {
        // SQLite does not enforce lengths, PostgreSQL does: check on both.
        var entity = await fx.App.WithDb(db => Task.FromResult(db.Model.FindEntityType(typeof(Organisation))!));
        var rows = await fx.App.WithDb(db => db.Set<Organisation>().AsNoTracking().ToListAsync());
        foreach (var p in entity.GetProperties().Where(p => p.ClrType == typeof(string) && p.GetMaxLength() is not null))
        {
            Assert.All(rows, o => Assert.True((((string?)p.PropertyInfo!.GetValue(o))?.Length ?? 0) <= p.GetMaxLength(), $"{o.Name}.{p.Name}"));
        }
    }

    // ---------------------------------------------------------------- list and detail

    [Fact]
    public async Task The_public_list_is_a_paged_envelope()
    {
        var page = await Anonymous.GetJson(Url);
        Assert.True(page.GetProperty("total").GetInt32() >= 135);
        Assert.Equal(20, page.GetProperty("limit").GetInt32());
        Assert.Equal(0, page.GetProperty("offset").GetInt32());
        Assert.Equal(20, Items(page).Count);
        var first = Items(page)[0];
        Assert.All(first.EnumerateObject(), p => Assert.True(char.IsLower(p.Name[0]), p.Name));
    }

    [Fact]
    public async Task The_type_filter_narrows_the_list_and_paging_is_stable()
    {
        var municipalities = await Anonymous.GetJson(Url + "?type=municipality&limit=200");
        Assert.Equal(133, municipalities.GetProperty("total").GetInt32());
        Assert.All(Items(municipalities), o => Assert.Equal("municipality", o.GetProperty("type").GetString()));

        var ten = Items(await Anonymous.GetJson(Url + "?type=municipality&sort=name&limit=10")).Select(o => o.GetProperty("id").GetInt64()).ToList();
        var second = await Anonymous.GetJson(Url + "?type=municipality&sort=name&limit=5&offset=5");
        Assert.Equal(ten.Skip(5), Items(second).Select(o => o.GetProperty("id").GetInt64()));
        var desc = Items(await Anonymous.GetJson(Url + "?type=municipality&sort=-name&limit=200")).Select(o => o.GetProperty("id").GetInt64()).ToList();
        var asc = Items(await Anonymous.GetJson(Url + "?type=municipality&sort=name&limit=200")).Select(o => o.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(asc.AsEnumerable().Reverse(), desc);

        var regions = Items(await Anonymous.GetJson(Url + "?type=region"));
        Assert.Contains(regions, o => o.GetProperty("fiscalCode").GetString() == "80050050154");
    }

    [Theory]
    [InlineData("80050050154", "Regione Lombardia")]
    [InlineData("0891 1820 960", "Città metropolitana di Milano")]
    [InlineData("C_F205", "Comune di Milano")]
    [InlineData("015182", "Comune di Rho")]
    [InlineData("METROPOLITANA di mil", "Città metropolitana di Milano")]
    public async Task Q_finds_by_name_fiscal_code_ipa_code_or_istat_code(string q, string name)
    {
        var found = Items(await Anonymous.GetJson(Url + "?q=" + Uri.EscapeDataString(q)));
        Assert.Contains(found, o => o.GetProperty("name").GetString() == name);
    }

    [Theory]
    [InlineData("type=astronave", "type")]
    [InlineData("sort=password", "sort")]
    [InlineData("limit=0", "limit")]
    public async Task Invalid_list_parameters_are_400_problems(string query, string parameter)
    {
        var problem = await (await Anonymous.GetAsync(Url + "?" + query)).ShouldBeProblem(400);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Fact]
    public async Task One_organisation_is_public_and_carries_its_etag()
    {
        var regione = Items(await Anonymous.GetJson(Url + "?q=80050050154")).Single();
        var id = regione.GetProperty("id").GetInt64();
        var response = await Anonymous.GetAsync($"{Url}/{id}");
        var body = await response.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("Regione Lombardia", body.GetProperty("name").GetString());
        Assert.Equal("region", body.GetProperty("type").GetString());
        Assert.Equal("r_lombar", body.GetProperty("ipaCode").GetString());
        Assert.Equal($"\"{body.GetProperty("version").GetInt32()}\"", response.Headers.ETag?.ToString());

        var milano = await Anonymous.GetJson($"{Url}/{Items(await Anonymous.GetJson(Url + "?q=01199250158")).Single().GetProperty("id").GetInt64()}");
        Assert.Equal((Demo.Milano, "Milano"), (milano.GetProperty("municipalityIstat").GetString(), milano.GetProperty("municipalityName").GetString()));
    }

    [Fact]
    public async Task An_unknown_organisation_is_a_404_problem()
    {
        await (await Anonymous.GetAsync(Url + "/987654321")).ShouldBeProblem(404);
        await (await Anonymous.GetAsync(Url + "/non-un-numero")).ShouldBeProblem(404);
    }

    // ---------------------------------------------------------------- create

    [Fact]
    public async Task An_administrator_creates_an_organisation_with_normalised_codes()
    {
        var code = NewFiscalCode();
        var response = await (await fx.As(Demo.Admin)).PostAsync(Url, Http.JsonBody(new
        {
            name = "  Università degli Studi di Prova ",
            type = "Università", // the Italian label is accepted and stored as the code
            fiscalCode = $" {code[..5]} {code[5..]} ",
            vatNumber = "IT" + code,
            ipaCode = "UNI_Prova",
            address = "Piazza della Scienza 1",
            postalCode = "20126",
            city = "Milano",
            email = "info@uniprova.example.it",
            pec = "ateneo@pec.uniprova.example.it",
            phone = "+39 02 1234 5678",
            website = "https://www.uniprova.example.it",
        }));
        var created = await response.ShouldBe(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt64();
        Assert.Equal($"/api/v1/organizations/{id}", response.Headers.Location?.ToString());
        Assert.Equal("\"1\"", response.Headers.ETag?.ToString());
        Assert.Equal("Università degli Studi di Prova", created.GetProperty("name").GetString());
        Assert.Equal("university", created.GetProperty("type").GetString());
        Assert.Equal(code, created.GetProperty("fiscalCode").GetString());
        Assert.Equal(code, created.GetProperty("vatNumber").GetString());
        Assert.Equal("uni_prova", created.GetProperty("ipaCode").GetString());

        var read = await Anonymous.GetJson(response.Headers.Location!.ToString());
        Assert.Equal(code, read.GetProperty("fiscalCode").GetString());
        var history = await fx.App.WithDb(db => db.AuditEntries.Where(e => e.EntityType == "Organisation" && e.EntityId == id.ToString(CultureInfo.InvariantCulture)).ToListAsync());
        Assert.Equal(new[] { ("create", Demo.Admin) }, history.Select(e => (e.Action, e.UserName)).ToArray());
    }

    [Fact]
    public async Task A_person_fiscal_code_is_accepted_and_stored_in_upper_case()
    {
        // A sole trader: a personal code, omocodic and typed in lower case. The code is unique to this test.
        var r = Random.Shared;
        var first15 = string.Concat(Enumerable.Range(0, 6).Select(_ => (char)('A' + r.Next(26))))
            + r.Next(100).ToString("D2", CultureInfo.InvariantCulture) + "ABCDEHLMPRST"[r.Next(12)]
            + (r.Next(1, 29) + 40 * r.Next(2)).ToString("D2", CultureInfo.InvariantCulture) + "F20R"; // Milano, F205 with its 5 as R
        var code = first15 + IdentifierCheck.PersonaCheckLetter(first15);
        Assert.True(IdentifierCheck.ValidateCodiceFiscalePersona(code).Ok, code);
        var (id, _) = await CreateAsync(NewRequest(code.ToLowerInvariant(), "Mario Rossi, impresa individuale", "other"));
        Assert.Equal(code, (await Anonymous.GetJson($"{Url}/{id}")).GetProperty("fiscalCode").GetString());
    }

    [Fact]
    public async Task A_duplicate_fiscal_code_is_a_422_on_the_field_and_nothing_is_saved()
    {
        var code = NewFiscalCode();
        await CreateAsync(NewRequest(code));
        var before = await CountAsync();
        var problem = await (await (await fx.As(Demo.Admin)).PostAsync(Url, Http.JsonBody(NewRequest(" " + code, "Un'altra fondazione")))).ShouldBeProblem(422);
        Assert.Equal([OrganisationRules.DuplicateFiscalCode], problem.GetProperty("errors").GetProperty("fiscalCode").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(before, await CountAsync());

        // The seeded Region's code too.
        var region = await (await (await fx.As(Demo.Admin)).PostAsync(Url, Http.JsonBody(NewRequest("80050050154")))).ShouldBeProblem(422);
        Assert.True(region.GetProperty("errors").TryGetProperty("fiscalCode", out _));
    }

    [Fact]
    public async Task A_wrong_check_digit_is_a_422_naming_the_field()
    {
        var admin = await fx.As(Demo.Admin);
        var problem = await (await admin.PostAsync(Url, Http.JsonBody(NewRequest("01199250159")))).ShouldBeProblem(422);
        Assert.Contains("cifra di controllo", problem.GetProperty("errors").GetProperty("fiscalCode")[0].GetString());

        var vat = await (await admin.PostAsync(Url, Http.JsonBody(new { name = "Società di prova", type = "participated-company", vatNumber = WithWrongCheckDigit(NewFiscalCode()) }))).ShouldBeProblem(422);
        Assert.Equal(["vatNumber"], vat.GetProperty("errors").EnumerateObject().Select(p => p.Name));

        var person = await (await admin.PostAsync(Url, Http.JsonBody(NewRequest("RSSMRA85T10A562T")))).ShouldBeProblem(422);
        Assert.Contains("carattere di controllo", person.GetProperty("errors").GetProperty("fiscalCode")[0].GetString());
    }

    [Fact]
    public async Task Every_invalid_field_is_named_in_one_answer()
    {
        var problem = await (await (await fx.As(Demo.Admin)).PostAsync(Url, Http.JsonBody(new
        {
            name = " ",
            type = "astronave",
            fiscalCode = "12345",
            vatNumber = "ABC",
            ipaCode = "c-f205",
            postalCode = "2012",
            email = "non-una-email",
            pec = "non-una-pec",
            phone = "chiamami",
            website = "javascript:alert(1)",
        }))).ShouldBeProblem(422);
        var fields = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["email", "fiscalCode", "ipaCode", "name", "pec", "phone", "postalCode", "type", "vatNumber", "website"], fields);
    }

    [Theory]
    [InlineData("015182", "other", "Solo un'organizzazione di tipo Comune")] // the link is for Comuni only
    [InlineData("015182", "municipality", "già collegato")] // Rho already has its organisation
    [InlineData("099999", "municipality", "Nessun Comune")]
    [InlineData("15182", "municipality", "6 cifre")]
    public async Task The_link_to_a_comune_is_one_to_one(string istat, string type, string message)
    {
        var problem = await (await (await fx.As(Demo.Admin)).PostAsync(Url, Http.JsonBody(new { name = "Comune di prova", type, municipalityIstat = istat }))).ShouldBeProblem(422);
        Assert.Contains(message, problem.GetProperty("errors").GetProperty("municipalityIstat")[0].GetString());
    }

    [Theory]
    [InlineData(Demo.Forum)]
    [InlineData(Demo.PlanOffice)]
    [InlineData(Demo.RhoOfficer)]
    public async Task Other_roles_cannot_write(string email)
    {
        var client = await fx.As(email);
        var before = await CountAsync();
        await (await client.PostAsync(Url, Http.JsonBody(NewRequest()))).ShouldBeProblem(403);
        await (await client.PutJson(Url + "/1", NewRequest(), "\"1\"")).ShouldBeProblem(403);
        await (await client.PostAsync(Url + "/import", CsvBody(Header + "\nX,other,,,,,,,,,,\n"))).ShouldBeProblem(403);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Anonymous_callers_cannot_write()
    {
        await (await Anonymous.PostAsync(Url, Http.JsonBody(NewRequest()))).ShouldBeProblem(401);
        await (await Anonymous.PutJson(Url + "/1", NewRequest(), "\"1\"")).ShouldBeProblem(401);
        await (await Anonymous.PostAsync(Url + "/import", CsvBody(Header + "\nX,other,,,,,,,,,,\n"))).ShouldBeProblem(401);
    }

    // ---------------------------------------------------------------- update

    [Fact]
    public async Task An_update_with_the_current_etag_succeeds_and_a_stale_one_is_a_409_that_changes_nothing()
    {
        var code = NewFiscalCode();
        var (id, etag) = await CreateAsync(NewRequest(code));
        var admin = await fx.As(Demo.Admin);

        var ok = await admin.PutJson($"{Url}/{id}", NewRequest(code, "Fondazione rinominata"), etag);
        await ok.ShouldBe(HttpStatusCode.NoContent);
        Assert.Equal("\"2\"", ok.Headers.ETag?.ToString());
        Assert.Equal("Fondazione rinominata", (await Anonymous.GetJson($"{Url}/{id}")).GetProperty("name").GetString());

        var problem = await (await admin.PutJson($"{Url}/{id}", NewRequest(code, "Sovrascrittura"), etag)).ShouldBeProblem(409);
        Assert.Equal(2, problem.GetProperty("currentVersion").GetInt32());
        var after = await Anonymous.GetJson($"{Url}/{id}");
        Assert.Equal(("Fondazione rinominata", 2), (after.GetProperty("name").GetString(), after.GetProperty("version").GetInt32()));
    }

    [Theory]
    [InlineData(null, 428)]
    [InlineData("W/\"1\"", 409)]
    [InlineData("\"non-una-versione\"", 409)]
    public async Task An_update_without_a_usable_if_match_is_refused(string? ifMatch, int status)
    {
        var (id, _) = await CreateAsync(NewRequest());
        await (await (await fx.As(Demo.Admin)).PutJson($"{Url}/{id}", NewRequest(), ifMatch)).ShouldBeProblem(status);
    }

    [Fact]
    public async Task An_update_cannot_take_another_organisation_fiscal_code()
    {
        var (id, etag) = await CreateAsync(NewRequest());
        var problem = await (await (await fx.As(Demo.Admin)).PutJson($"{Url}/{id}", NewRequest("08911820960"), etag)).ShouldBeProblem(422);
        Assert.True(problem.GetProperty("errors").TryGetProperty("fiscalCode", out _));
    }

    [Fact]
    public async Task Updating_an_unknown_organisation_is_a_404_problem()
    {
        await (await (await fx.As(Demo.Admin)).PutJson(Url + "/987654321", NewRequest(), "\"1\"")).ShouldBeProblem(404);
    }

    // ---------------------------------------------------------------- import

    [Fact]
    public async Task An_import_with_bad_rows_reports_each_by_physical_line_and_inserts_nothing()
    {
        var (a, e, f) = (NewFiscalCode(), NewFiscalCode(), NewFiscalCode());
        var csv = Header + "\r\n"                                                                                // line 1
            + $"Fondazione Alfa,foundation,{a},,,\"Via Larga 1, scala B\",20122,Milano,,,,\r\n"                   // line 2
            + $"\"Cooperativa \"\"Beta\"\", sociale\nseconda riga\",third-sector,{WithWrongCheckDigit(NewFiscalCode())},,,,,,,,,\r\n" // lines 3-4
            + $"Associazione Gamma,business-association,{a},,,,,,,,,\r\n"                                          // line 5: line 2's code again
            + $"Università Delta,university,{e},,,,,,,,,\r\n"                                                      // line 6
            + $"Camera Epsilon,Camera di commercio,{f},,,,,,,,,\r\n";                                              // line 7
        var before = await CountAsync();

        var problem = await (await (await fx.As(Demo.Admin)).PostAsync(Url + "/import", CsvBody(csv))).ShouldBeProblem(422);

        var errors = problem.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal([3, 5], errors.Select(x => x.GetProperty("line").GetInt32()).Distinct());
        Assert.All(errors, x => Assert.Equal("fiscal_code", x.GetProperty("column").GetString()));
        Assert.Contains("cifra di controllo", errors.Single(x => x.GetProperty("line").GetInt32() == 3).GetProperty("message").GetString());
        Assert.Contains("riga 2", errors.Single(x => x.GetProperty("line").GetInt32() == 5).GetProperty("message").GetString());
        Assert.Equal(before, await CountAsync());
        Assert.Equal(0, await fx.App.WithDb(db => db.Set<Organisation>().CountAsync(o => o.FiscalCode == a || o.FiscalCode == e || o.FiscalCode == f)));
    }

    [Fact]
    public async Task A_good_file_is_imported_whole_with_quoted_fields_intact()
    {
        var (a, b) = (NewFiscalCode(), NewFiscalCode());
        var csv = Header + "\r\n"
            + $"\"Fondazione Zeta, per la città\",foundation,{a},{a},C_ZETA,\"Via Roma 1,\nPalazzo B\",20121,Milano,info@zeta.example.it,zeta@pec.example.it,+39 02 1234,https://zeta.example.it\r\n"
            + $"Università Eta,Università,{b[..4]} {b[4..]},,,,,,,,,\r\n"
            + "Sindacato Theta,trade-union,,,,,,,,,,\r\n";
        // With a BOM, as Excel writes "CSV UTF-8".
        var content = new ByteArrayContent([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(csv)]);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv") { CharSet = "utf-8" };
        var before = await CountAsync();

        var result = await (await (await fx.As(Demo.Admin)).PostAsync(Url + "/import", content)).ShouldBe(HttpStatusCode.OK);

        Assert.Equal(3, result.GetProperty("imported").GetInt32());
        Assert.Equal(before + 3, await CountAsync());
        var zeta = await fx.App.WithDb(db => db.Set<Organisation>().AsNoTracking().SingleAsync(o => o.FiscalCode == a));
        Assert.Equal("Fondazione Zeta, per la città", zeta.Name);
        Assert.Equal("Via Roma 1,\nPalazzo B", zeta.Address);
        Assert.Equal(("c_zeta", a, "20121"), (zeta.IpaCode, zeta.VatNumber, zeta.PostalCode));
        var eta = await fx.App.WithDb(db => db.Set<Organisation>().AsNoTracking().SingleAsync(o => o.FiscalCode == b));
        Assert.Equal("university", eta.Type);
    }

    [Fact]
    public async Task A_fiscal_code_already_in_the_registry_is_reported_on_its_line()
    {
        var csv = Header + "\n" + $"Ente nuovo,public-body,{NewFiscalCode()},,,,,,,,,\n" + "Regione bis,region,80050050154,,,,,,,,,\n";
        var problem = await (await (await fx.As(Demo.Admin)).PostAsync(Url + "/import", CsvBody(csv))).ShouldBeProblem(422);
        var error = problem.GetProperty("errors").EnumerateArray().Single();
        Assert.Equal((3, OrganisationRules.DuplicateFiscalCode), (error.GetProperty("line").GetInt32(), error.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task Structural_problems_are_reported_too()
    {
        var admin = await fx.As(Demo.Admin);
        var unknownColumn = await (await admin.PostAsync(Url + "/import", CsvBody("name,type,colore\nX,other,rosso\n"))).ShouldBeProblem(422);
        Assert.Contains("colore", unknownColumn.GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.Equal(1, unknownColumn.GetProperty("errors")[0].GetProperty("line").GetInt32());

        var missingType = await (await admin.PostAsync(Url + "/import", CsvBody("name,city\nX,Milano\n"))).ShouldBeProblem(422);
        Assert.Contains("type", missingType.GetProperty("errors")[0].GetProperty("message").GetString());

        var fields = await (await admin.PostAsync(Url + "/import", CsvBody("name,type\n\nX,other\nY,other,extra\n"))).ShouldBeProblem(422);
        Assert.Equal(4, fields.GetProperty("errors").EnumerateArray().Single().GetProperty("line").GetInt32()); // the blank line 2 still counts

        await (await admin.PostAsync(Url + "/import", CsvBody(Header + "\n"))).ShouldBeProblem(422);
        await (await admin.PostAsync(Url + "/import", CsvBody(""))).ShouldBeProblem(422);
    }

    [Fact]
    public async Task A_file_that_is_not_utf8_is_refused_with_a_clear_message()
    {
        var latin1 = Encoding.Latin1.GetBytes(Header + "\nUniversità Iota,university,,,,,,,,,,\n");
        var content = new ByteArrayContent(latin1);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var problem = await (await (await fx.As(Demo.Admin)).PostAsync(Url + "/import", content)).ShouldBeProblem(422);
        Assert.Contains("UTF-8", problem.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task The_import_takes_text_csv_only_and_at_most_2_mb()
    {
        var admin = await fx.As(Demo.Admin);
        await (await admin.PostAsync(Url + "/import", Http.JsonBody(new { name = "X" }))).ShouldBeProblem(415);
        var big = Header + "\n" + string.Concat(Enumerable.Repeat("Nome lungo,other,,,,,,,,,,\n", 2 * 1024 * 1024 / 26 + 10));
        await (await admin.PostAsync(Url + "/import", CsvBody(big))).ShouldBeProblem(413);
    }

    [Fact]
    public async Task Too_many_rows_are_refused_whole()
    {
        var rows = string.Concat(Enumerable.Range(0, ImportOrganisations.MaxRows + 1).Select(i => $"Ente {i},other,,,,,,,,,,\n"));
        var before = await CountAsync();
        var problem = await (await (await fx.As(Demo.Admin)).PostAsync(Url + "/import", CsvBody(Header + "\n" + rows))).ShouldBeProblem(422);
        Assert.Contains(ImportOrganisations.MaxRows.ToString(CultureInfo.InvariantCulture), problem.GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.Equal(before, await CountAsync());
    }

    // ---------------------------------------------------------------- export

    [Fact]
    public async Task A_formula_in_a_name_is_stored_as_typed_and_neutralised_in_the_csv_export()
    {
        const string formula = "=cmd|' /C calc'!A0";
        var code = NewFiscalCode();
        var csv = Header + "\n" + $"{formula},other,{code},,,,,,,,,\n";
        await (await (await fx.As(Demo.Admin)).PostAsync(Url + "/import", CsvBody(csv))).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(formula, Items(await Anonymous.GetJson(Url + "?q=" + code)).Single().GetProperty("name").GetString());

        var response = await Anonymous.GetAsync("/organizzazioni/export.csv?q=" + code);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        using var reader = new CsvReader(new StringReader(text), CultureInfo.InvariantCulture);
        var records = new List<string[]>();
        while (reader.Read())
        {
            records.Add(reader.Parser.Record!);
        }
        Assert.Equal(ExportOrganisations.CsvHeader, records[0]);
        var row = records.Skip(1).Single();
        Assert.Equal("'" + formula, row[Array.IndexOf(ExportOrganisations.CsvHeader, "name")]);
        Assert.Equal(code, row[Array.IndexOf(ExportOrganisations.CsvHeader, "fiscal_code")]);
    }

    [Fact]
    public async Task The_json_download_has_every_matching_row()
    {
        var response = await Anonymous.GetAsync("/organizzazioni/export.json?type=municipality");
        var body = await response.ShouldBe(HttpStatusCode.OK);
        Assert.Equal(133, body.GetProperty("total").GetInt32());
        Assert.Equal(133, Items(body).Count);
        Assert.StartsWith("attachment", response.Content.Headers.ContentDisposition?.ToString() ?? response.Header("Content-Disposition"));
        var csv = await Anonymous.GetStringAsync("/organizzazioni/export.csv?type=municipality");
        Assert.Equal(134, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    // ---------------------------------------------------------------- pages

    [Fact]
    public async Task The_pages_are_public_to_read()
    {
        var list = await Anonymous.GetStringAsync("/organizzazioni?q=lombardia");
        Assert.Contains("Regione Lombardia", list);
        var id = Items(await Anonymous.GetJson(Url + "?q=80050050154")).Single().GetProperty("id").GetInt64();
        var detail = await Anonymous.GetStringAsync($"/organizzazioni/{id}");
        Assert.Contains("80050050154", detail);
        Assert.DoesNotContain("Cronologia delle modifiche", detail); // the history is for administrators
        Assert.Equal(HttpStatusCode.NotFound, (await Anonymous.GetAsync("/organizzazioni/987654321")).StatusCode);
        var invalidFilter = await Anonymous.GetAsync("/organizzazioni?type=astronave");
        Assert.Equal(HttpStatusCode.OK, invalidFilter.StatusCode);
    }

    [Theory]
    [InlineData("/organizzazioni/nuova")]
    [InlineData("/organizzazioni/importa")]
    public async Task The_forms_are_for_administrators(string path)
    {
        var anonymous = await Anonymous.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/accedi", anonymous.Headers.Location?.ToString());
        Assert.NotEqual(HttpStatusCode.OK, (await (await fx.As(Demo.Forum)).GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await fx.As(Demo.Admin)).GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task The_edit_form_with_a_stale_version_shows_the_current_values_and_overwrites_nothing()
    {
        var code = NewFiscalCode();
        var (id, etag) = await CreateAsync(NewRequest(code, "Fondazione Originale"));
        var admin = await fx.As(Demo.Admin);
        var form = await admin.GetStringAsync($"/organizzazioni/{id}/modifica");
        // Meanwhile someone else renames it.
        await (await admin.PutJson($"{Url}/{id}", NewRequest(code, "Fondazione Rinominata Altrove"), etag)).ShouldBe(HttpStatusCode.NoContent);

        var response = await admin.PostAsync($"/organizzazioni/{id}/modifica", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryToken(form),
            ["Version"] = "1",
            ["Input.Name"] = "Fondazione Mia",
            ["Input.Type"] = "foundation",
            ["Input.FiscalCode"] = code,
        }));

        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Nel frattempo un altro utente ha modificato questa organizzazione", page);
        Assert.Contains("Fondazione Rinominata Altrove", page); // the current values
        Assert.Contains("value=\"Fondazione Mia\"", page); // what the user typed is kept
        Assert.Matches("<input[^>]*name=\"Version\"[^>]*value=\"2\"", page);
        Assert.Equal("Fondazione Rinominata Altrove", (await Anonymous.GetJson($"{Url}/{id}")).GetProperty("name").GetString());
    }

    [Fact]
    public async Task The_create_form_shows_check_digit_errors_next_to_the_field()
    {
        var admin = await fx.As(Demo.Admin);
        var form = await admin.GetStringAsync("/organizzazioni/nuova");
        var before = await CountAsync();
        var response = await admin.PostAsync("/organizzazioni/nuova", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryToken(form),
            ["Input.Name"] = "Fondazione dal modulo",
            ["Input.Type"] = "foundation",
            ["Input.FiscalCode"] = "01199250159",
        }));
        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("id=\"fiscal-code-error\"[^>]*>[^<]*cifra di controllo", page.Replace("&#x27;", "'"));
        Assert.Equal(before, await CountAsync());

        var ok = await admin.PostAsync("/organizzazioni/nuova", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryToken(form),
            ["Input.Name"] = "Fondazione dal modulo",
            ["Input.Type"] = "foundation",
            ["Input.FiscalCode"] = NewFiscalCode(),
        }));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Matches("^/organizzazioni/\\d+$", ok.Headers.Location?.ToString());
    }

    [Fact]
    public async Task The_detail_page_shows_the_history_to_administrators()
    {
        var (id, _) = await CreateAsync(NewRequest());
        var page = await (await fx.As(Demo.Admin)).GetStringAsync($"/organizzazioni/{id}");
        Assert.Contains("Cronologia delle modifiche", page);
        Assert.Contains("Anna Amministratrice", page);
    }

    // ---------------------------------------------------------------- translations

    [Fact]
    public void Type_labels_and_validation_messages_have_english_translations()
    {
        var resx = XDocument.Load(Path.Combine(RepoRoot(), "src", "Platform", "Metropoli.Platform", "Localization", "SharedResource.en.resx"));
        var english = resx.Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);
        var messages = OrganisationTypes.All.Select(OrganisationTypes.Label).ToList();
        string?[] bad = [null, "", "0", "00000000000", "01199250159", "ABCDEFGHIJKLMNOP", "RSSMRA85T10A562T", "RSSMRA85F10A562S",
            "RSSMRA85T32A562S", "RSSMR485T10A562S", "RSSMRA85T10A5", "95156957ED", "Z79220C0F6", "A0468A1DDG", "123456789G", "15146", "000146", "c-f205", "B79H1800004000"];
        foreach (var value in bad)
        {
            messages.AddRange(new Func<string?, IdentifierResult>[]
                {
                    IdentifierCheck.ValidatePartitaIva, IdentifierCheck.ValidateCodiceFiscaleEnte, IdentifierCheck.ValidateCodiceFiscale,
                    IdentifierCheck.ValidateCodiceFiscalePersona, IdentifierCheck.ValidateCup, IdentifierCheck.ValidateCig,
                    IdentifierCheck.ValidateIstatComune, IdentifierCheck.ValidateIpaCode,
                }
                .Select(check => check(value)).Where(r => !r.Ok).Select(r => r.Error!));
        }
        var (errors, _) = OrganisationRules.Check(new OrganisationRequest
        {
            Type = "astronave", Name = new string('x', 201), PostalCode = "1", Email = "x", Address = new string('x', 201), City = new string('x', 101),
            MunicipalityIstat = "015182",
        });
        messages.AddRange(errors.SelectMany(e => e.Value));
        messages.AddRange(OrganisationRules.Check(new OrganisationRequest()).Errors.SelectMany(e => e.Value));
        messages.Add(OrganisationRules.DuplicateFiscalCode);
        var missing = messages.Distinct().Where(m => !english.Contains(m)).ToList();
        Assert.True(missing.Count == 0, "Missing English translations:\n" + string.Join("\n", missing));
    }

    private static string AntiforgeryToken(string html) =>
        AntiforgeryInput().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException("No antiforgery token in the form");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryInput();

    private static string RepoRoot([System.Runtime.CompilerServices.CallerFilePath] string source = "")
    {
        var dir = new DirectoryInfo(Path.GetDirectoryName(source)!);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Metropoli.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Metropoli.slnx not found above " + source);
    }
}

/// <summary>The CSV reader of the import on its own: RFC 4180 quoting and the physical line of each row.</summary>
public sealed class OrganisationImportParsingTests
{
    private static List<string> Read(string text)
    {
        var (rows, errors) = ImportOrganisations.Parse(text);
        return rows.Select(r => $"{r.Line}:{r.Request.Name}/{r.Request.Type}")
            .Concat(errors.Select(e => $"error {e.Line}")).ToList();
    }

    [Fact]
    public void Quoted_fields_keep_commas_quotes_and_line_breaks_and_rows_keep_their_first_physical_line()
    {
        Assert.Equal(["2:A\r\nB/other", "4:C/other"], Read("name,type\r\n\"A\r\nB\",other\r\nC,other\r\n"));
        Assert.Equal(["2:A\nB/other", "4:C/other"], Read("name,type\n\"A\nB\",other\nC,other"));
        Assert.Equal(["3:A, \"q\"/other"], Read("name,type\r\n\r\n\"A, \"\"q\"\"\",other\r\n"));
        Assert.Equal(["2:A/other"], Read("Type , NAME\nother,A\n")); // header names: any order, case and spacing
    }

    [Fact]
    public void Stray_or_unterminated_quotes_are_errors_on_their_line()
    {
        Assert.Equal(["3:C/other", "error 2"], Read("name,type\nX\"Y,other\nC,other\n"));
        Assert.Equal(["error 2"], Read("name,type\n\"unterminated,other\nC,other\n"));
    }

    [Fact]
    public void Only_strict_utf8_is_decoded_and_a_bom_is_dropped()
    {
        Assert.True(Metropoli.Platform.Api.CsvUpload.TryDecode([0xEF, 0xBB, 0xBF, .. "Università"u8.ToArray()], out var text));
        Assert.Equal("Università", text);
        Assert.False(Metropoli.Platform.Api.CsvUpload.TryDecode(Encoding.Latin1.GetBytes("Università"), out _));
        Assert.False(Metropoli.Platform.Api.CsvUpload.TryDecode([0x41, 0xC3], out _)); // a sequence cut short
    }
}
