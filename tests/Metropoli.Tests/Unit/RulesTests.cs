using Metropoli.Territory.Municipalities;
using Metropoli.Platform.Api;
using Metropoli.Platform.Audit;
using Metropoli.Platform.Data;
using Microsoft.AspNetCore.Http;

namespace Metropoli.Tests.Unit;

/// <summary>Small rules, checked without a database.</summary>
public sealed class ListQueryTests
{
    private static readonly string[] Sortable = ["name", "population"];

    [Theory]
    [InlineData(null, null, null, null)]
    [InlineData(1, 0, "name", "rho")]
    [InlineData(200, 500, "-population", "")]
    public void Valid_parameters_have_no_errors(int? limit, int? offset, string? sort, string? q)
    {
        Assert.Empty(new ListQuery { Limit = limit, Offset = offset, Sort = sort, Q = q }.Validate(Sortable));
    }

    [Theory]
    [InlineData(0, null, null, "limit")]
    [InlineData(201, null, null, "limit")]
    [InlineData(-1, null, null, "limit")]
    [InlineData(null, -1, null, "offset")]
    [InlineData(null, null, "altitude", "sort")]
    public void Invalid_parameters_are_named(int? limit, int? offset, string? sort, string field)
    {
        var errors = new ListQuery { Limit = limit, Offset = offset, Sort = sort }.Validate(Sortable);
        Assert.Equal([field], errors.Keys);
    }

    [Fact]
    public void A_too_long_search_is_refused()
    {
        Assert.Contains("q", new ListQuery { Q = new string('a', 201) }.Validate(Sortable).Keys);
        Assert.Empty(new ListQuery { Q = new string('a', 200) }.Validate(Sortable));
    }

    [Fact]
    public void Defaults_and_sort_direction()
    {
        var q = new ListQuery();
        Assert.Equal((ListQuery.DefaultLimit, 0), (q.EffectiveLimit, q.EffectiveOffset));
        Assert.Equal(("name", false), q.SortOrDefault("name"));
        Assert.Equal(("population", true), new ListQuery { Sort = "-population" }.SortOrDefault("name"));
    }
}

public sealed class ETagTests
{
    private static int? Parse(string? ifMatch)
    {
        var context = new DefaultHttpContext();
        if (ifMatch is not null)
        {
            context.Request.Headers.IfMatch = ifMatch;
        }
        return ETags.FromIfMatch(context.Request);
    }

    [Fact]
    public void A_missing_header_is_null() => Assert.Null(Parse(null));

    [Theory]
    [InlineData("\"1\"", 1)]
    [InlineData("\"42\"", 42)]
    [InlineData(" \"7\" ", 7)]
    public void A_strong_etag_of_ours_gives_its_version(string header, int version) => Assert.Equal(version, Parse(header));

    [Theory]
    [InlineData("W/\"1\"")]
    [InlineData("\"abc\"")]
    [InlineData("\"-3\"")]
    [InlineData("1")]
    [InlineData("\"1\", \"2\"")]
    [InlineData("\"99999999999999\"")]
    public void Anything_else_is_a_version_that_never_matches(string header) => Assert.Equal(-1, Parse(header));

    [Fact]
    public void For_round_trips() => Assert.Equal(12, Parse(ETags.For(12)));
}

public sealed class ContactsValidationTests
{
    [Fact]
    public void Valid_or_empty_contacts_pass()
    {
        Assert.Empty(UpdateContacts.Validate(new ContactsRequest { Website = "https://www.comune.rho.mi.it", Pec = "protocollo@pec.comune.rho.mi.it", Phone = "+39 02.9331-1/2" }));
        Assert.Empty(UpdateContacts.Validate(new ContactsRequest()));
        Assert.Empty(UpdateContacts.Validate(new ContactsRequest { Website = "", Pec = "", Phone = "" }));
    }

    [Theory]
    [InlineData("www.comune.rho.mi.it")]
    [InlineData("ftp://comune.rho.mi.it")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/relativo")]
    public void A_website_must_be_an_absolute_http_address(string website) =>
        Assert.Equal(["website"], UpdateContacts.Validate(new ContactsRequest { Website = website }).Keys);

    [Fact]
    public void A_too_long_website_is_refused() =>
        Assert.Contains("website", UpdateContacts.Validate(new ContactsRequest { Website = "https://x.it/" + new string('a', 200) }).Keys);

    [Theory]
    [InlineData("protocollo")]
    [InlineData("proto collo@pec.it")]
    [InlineData("@pec.it")]
    public void A_pec_must_be_an_address(string pec) =>
        Assert.Equal(["pec"], UpdateContacts.Validate(new ContactsRequest { Pec = pec }).Keys);

    [Theory]
    [InlineData("02 abc")]
    [InlineData("<script>")]
    public void A_phone_has_only_digits_and_separators(string phone) =>
        Assert.Equal(["phone"], UpdateContacts.Validate(new ContactsRequest { Phone = phone }).Keys);
}

public sealed class AuditHashTests
{
    private static AuditEntry Sample() => new()
    {
        Sequence = 7,
        At = new DateTime(2026, 3, 1, 10, 20, 30, 456, DateTimeKind.Utc),
        UserId = "u1",
        UserName = "admin@metropoli.example",
        EntityType = "Municipality",
        EntityId = "015182",
        Action = "update",
        Before = "{\"Website\":null}",
        After = "{\"Website\":\"https://x.it\"}",
        PreviousHash = AuditRecorder.GenesisHash,
    };

    [Fact]
    public void The_hash_is_deterministic_lowercase_sha256_hex()
    {
        var hash = AuditRecorder.ComputeHash(Sample());
        Assert.Equal(hash, AuditRecorder.ComputeHash(Sample()));
        Assert.Matches("^[0-9a-f]{64}$", hash);
    }

    [Fact]
    public void The_hash_ignores_the_stored_hash_and_id()
    {
        var other = Sample();
        other.Id = 99;
        other.Hash = "qualunque";
        Assert.Equal(AuditRecorder.ComputeHash(Sample()), AuditRecorder.ComputeHash(other));
    }

    [Fact]
    public void Every_recorded_field_changes_the_hash()
    {
        var original = AuditRecorder.ComputeHash(Sample());
        var changes = new Action<AuditEntry>[]
        {
            e => e.Sequence++,
            e => e.At = e.At.AddMilliseconds(1),
            e => e.UserId = "u2",
            e => e.UserName = "altro",
            e => e.EntityType = "Zone",
            e => e.EntityId = "015146",
            e => e.Action = "delete",
            e => e.Before = null,
            e => e.After = "{}",
            e => e.PreviousHash = new string('1', 64),
        };
        var hashes = changes.Select(change =>
        {
            var e = Sample();
            change(e);
            return AuditRecorder.ComputeHash(e);
        }).ToList();
        Assert.DoesNotContain(original, hashes);
        Assert.Equal(hashes.Count, hashes.Distinct().Count());
    }

    [Fact]
    public void Moving_text_between_fields_changes_the_hash()
    {
        var a = Sample();
        a.UserName = "ab";
        a.EntityType = "c";
        var b = Sample();
        b.UserName = "a";
        b.EntityType = "bc";
        Assert.NotEqual(AuditRecorder.ComputeHash(a), AuditRecorder.ComputeHash(b));
    }
}

public sealed class PasswordTests
{
    [Fact]
    public void New_passwords_meet_the_rules_and_do_not_repeat()
    {
        var passwords = Enumerable.Range(0, 500).Select(_ => Startup.NewPassword()).ToList();
        Assert.All(passwords, p =>
        {
            Assert.True(p.Length >= 12, p);
            Assert.Contains(p, char.IsUpper);
            Assert.Contains(p, char.IsLower);
            Assert.Contains(p, char.IsDigit);
            Assert.DoesNotContain(p, c => "0O1lI".Contains(c));
        });
        Assert.Equal(passwords.Count, passwords.Distinct().Count());
    }
}
