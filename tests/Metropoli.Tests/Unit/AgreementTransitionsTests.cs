using Metropoli.Agreements.Agreements;
using Metropoli.Agreements.Model;

namespace Metropoli.Tests.Unit;

/// <summary>The agreement state machine without the database.</summary>
public sealed class AgreementTransitionsTests
{
    private static readonly DateOnly Today = new(2025, 6, 15);

    private static AgreementFacts Facts(string status, int parties = 2, bool act = true, DateOnly? signed = null, DateOnly? effective = null, DateOnly? expiry = null) =>
        new(status, act ? "Consiglio" : null, act ? "1/2025" : null, act ? new DateOnly(2025, 1, 10) : null, signed, effective, expiry, parties);

    private static AgreementTransitionRequest To(string status, string? reason = "perché", DateOnly? date = null) => new() { Status = status, Reason = reason, Date = date };

    [Theory]
    [InlineData(AgreementStatuses.Proposal, AgreementStatuses.UnderReview)]
    [InlineData(AgreementStatuses.UnderReview, AgreementStatuses.Proposal)]
    [InlineData(AgreementStatuses.InForce, AgreementStatuses.Concluded)]
    [InlineData(AgreementStatuses.Approved, AgreementStatuses.Withdrawn)]
    [InlineData(AgreementStatuses.Signed, AgreementStatuses.Withdrawn)]
    public void Allowed_moves(string from, string to) =>
        Assert.IsType<AgreementTransitions.Verdict.Allowed>(AgreementTransitions.Check(Facts(from), To(to), Today));

    [Theory]
    [InlineData(AgreementStatuses.Proposal, AgreementStatuses.Approved)]
    [InlineData(AgreementStatuses.Proposal, AgreementStatuses.InForce)]
    [InlineData(AgreementStatuses.Approved, AgreementStatuses.UnderReview)]
    [InlineData(AgreementStatuses.InForce, AgreementStatuses.Signed)]
    [InlineData(AgreementStatuses.Concluded, AgreementStatuses.InForce)]
    [InlineData(AgreementStatuses.Withdrawn, AgreementStatuses.Proposal)]
    [InlineData(AgreementStatuses.Expired, AgreementStatuses.Concluded)]
    [InlineData(AgreementStatuses.Signed, AgreementStatuses.Signed)]
    public void Impossible_moves_are_refused_with_a_reason(string from, string to)
    {
        var verdict = Assert.IsType<AgreementTransitions.Verdict.Refused>(AgreementTransitions.Check(Facts(from), To(to), Today));
        Assert.False(string.IsNullOrWhiteSpace(verdict.Reason));
    }

    [Fact]
    public void Every_non_final_status_can_be_withdrawn_and_final_ones_go_nowhere()
    {
        foreach (var s in AgreementStatuses.All.Except(AgreementStatuses.Final)) Assert.Contains(AgreementStatuses.Withdrawn, AgreementTransitions.Next(s));
        foreach (var s in AgreementStatuses.Final) Assert.Empty(AgreementTransitions.Next(s));
    }

    [Fact]
    public void A_reason_is_always_required() =>
        Assert.True(Assert.IsType<AgreementTransitions.Verdict.Incomplete>(AgreementTransitions.Check(Facts(AgreementStatuses.Proposal), To(AgreementStatuses.UnderReview, "  "), Today))
            .Errors.ContainsKey("reason"));

    [Fact]
    public void No_signature_without_an_approval_act_and_two_parties()
    {
        var errors = Assert.IsType<AgreementTransitions.Verdict.Incomplete>(
            AgreementTransitions.Check(Facts(AgreementStatuses.Approved, parties: 1, act: false), To(AgreementStatuses.Signed, date: Today), Today)).Errors;
        Assert.True(errors.ContainsKey("status") && errors.ContainsKey("parties"));
        Assert.IsType<AgreementTransitions.Verdict.Allowed>(AgreementTransitions.Check(Facts(AgreementStatuses.Approved), To(AgreementStatuses.Signed, date: Today), Today));
        Assert.IsType<AgreementTransitions.Verdict.Incomplete>(AgreementTransitions.Check(Facts(AgreementStatuses.Approved), To(AgreementStatuses.Signed, date: Today.AddDays(1)), Today));
        Assert.IsType<AgreementTransitions.Verdict.Incomplete>(AgreementTransitions.Check(Facts(AgreementStatuses.Approved), To(AgreementStatuses.Signed, date: new DateOnly(2025, 1, 1)), Today));
    }

    [Fact]
    public void Not_in_force_before_the_effective_date_nor_after_the_expiry()
    {
        var signed = Facts(AgreementStatuses.Signed, signed: new DateOnly(2025, 2, 1));
        Assert.IsType<AgreementTransitions.Verdict.Incomplete>(AgreementTransitions.Check(signed, To(AgreementStatuses.InForce, date: Today.AddDays(1)), Today));
        Assert.IsType<AgreementTransitions.Verdict.Incomplete>(AgreementTransitions.Check(signed, To(AgreementStatuses.InForce), Today));
        Assert.IsType<AgreementTransitions.Verdict.Allowed>(AgreementTransitions.Check(signed, To(AgreementStatuses.InForce, date: Today), Today));
        var stale = Facts(AgreementStatuses.Signed, signed: new DateOnly(2025, 2, 1), expiry: Today.AddDays(-1));
        Assert.IsType<AgreementTransitions.Verdict.Incomplete>(AgreementTransitions.Check(stale, To(AgreementStatuses.InForce, date: Today), Today));
    }

    [Fact]
    public void Expired_only_after_the_expiry_date()
    {
        Assert.IsType<AgreementTransitions.Verdict.Incomplete>(AgreementTransitions.Check(Facts(AgreementStatuses.InForce, expiry: Today), To(AgreementStatuses.Expired), Today));
        Assert.IsType<AgreementTransitions.Verdict.Incomplete>(AgreementTransitions.Check(Facts(AgreementStatuses.InForce), To(AgreementStatuses.Expired), Today));
        Assert.IsType<AgreementTransitions.Verdict.Allowed>(AgreementTransitions.Check(Facts(AgreementStatuses.InForce, expiry: Today.AddDays(-1)), To(AgreementStatuses.Expired), Today));
    }

    [Fact]
    public void The_duration_gives_the_last_day()
    {
        Assert.Equal(new DateOnly(2027, 12, 4), SaveAgreement.DerivedExpiry(new DateOnly(2024, 12, 5), 36));
        Assert.Null(SaveAgreement.DerivedExpiry(null, 36));
    }
}
