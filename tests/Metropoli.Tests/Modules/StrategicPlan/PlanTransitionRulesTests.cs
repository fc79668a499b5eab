using Metropoli.StrategicPlan.Model;
using Metropoli.StrategicPlan.Plans;

namespace Metropoli.Tests.Modules.StrategicPlan;

/// <summary>The status rule of a plan without a database: only forward, one step at a time, with the act.</summary>
public sealed class PlanTransitionRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    private static TransitionRequest To(string status, string? body = "Consiglio metropolitano", string? number = "12", DateOnly? date = null) =>
        new() { Status = status, ActBody = body, ActNumber = number, ActDate = date ?? new DateOnly(2026, 3, 1) };

    [Theory]
    [InlineData(PlanStatuses.Draft, PlanStatuses.Adopted)]
    [InlineData(PlanStatuses.Adopted, PlanStatuses.Approved)]
    [InlineData(PlanStatuses.Approved, PlanStatuses.Archived)]
    public void Each_status_moves_to_the_next(string from, string to) =>
        Assert.IsType<PlanTransitions.Verdict.Allowed>(PlanTransitions.Check(from, To(to), new DateOnly(2026, 2, 1), 3, Today));

    [Theory]
    [InlineData(PlanStatuses.Draft, PlanStatuses.Approved)]
    [InlineData(PlanStatuses.Draft, PlanStatuses.Archived)]
    [InlineData(PlanStatuses.Adopted, PlanStatuses.Draft)]
    [InlineData(PlanStatuses.Adopted, PlanStatuses.Archived)]
    [InlineData(PlanStatuses.Approved, PlanStatuses.Adopted)]
    [InlineData(PlanStatuses.Archived, PlanStatuses.Approved)]
    [InlineData(PlanStatuses.Archived, PlanStatuses.Draft)]
    [InlineData(PlanStatuses.Approved, PlanStatuses.Approved)]
    public void Skips_returns_and_repeats_are_refused_with_a_reason(string from, string to)
    {
        var verdict = Assert.IsType<PlanTransitions.Verdict.Refused>(PlanTransitions.Check(from, To(to), null, 3, Today));
        Assert.False(string.IsNullOrWhiteSpace(verdict.Reason));
    }

    [Fact]
    public void An_unknown_status_is_invalid() =>
        Assert.Contains("status", Assert.IsType<PlanTransitions.Verdict.Incomplete>(PlanTransitions.Check(PlanStatuses.Draft, To("published"), null, 3, Today)).Errors.Keys);

    [Fact]
    public void Adoption_and_approval_need_the_whole_act()
    {
        var verdict = Assert.IsType<PlanTransitions.Verdict.Incomplete>(
            PlanTransitions.Check(PlanStatuses.Draft, new TransitionRequest { Status = PlanStatuses.Adopted }, null, 3, Today));
        Assert.Equal(["actBody", "actDate", "actNumber"], verdict.Errors.Keys.Order());
        Assert.IsType<PlanTransitions.Verdict.Incomplete>(PlanTransitions.Check(PlanStatuses.Adopted, To(PlanStatuses.Approved, number: " "), null, 3, Today));
    }

    [Fact]
    public void Archiving_needs_no_act() =>
        Assert.IsType<PlanTransitions.Verdict.Allowed>(PlanTransitions.Check(PlanStatuses.Approved, new TransitionRequest { Status = PlanStatuses.Archived }, null, 0, Today));

    [Fact]
    public void An_act_cannot_be_dated_in_the_future_and_approval_cannot_precede_adoption()
    {
        Assert.Contains("actDate", Assert.IsType<PlanTransitions.Verdict.Incomplete>(
            PlanTransitions.Check(PlanStatuses.Draft, To(PlanStatuses.Adopted, date: Today.AddDays(1)), null, 3, Today)).Errors.Keys);
        Assert.IsType<PlanTransitions.Verdict.Allowed>(PlanTransitions.Check(PlanStatuses.Draft, To(PlanStatuses.Adopted, date: Today), null, 3, Today));
        Assert.Contains("actDate", Assert.IsType<PlanTransitions.Verdict.Incomplete>(
            PlanTransitions.Check(PlanStatuses.Adopted, To(PlanStatuses.Approved, date: new DateOnly(2026, 1, 31)), new DateOnly(2026, 2, 1), 3, Today)).Errors.Keys);
        Assert.IsType<PlanTransitions.Verdict.Allowed>(
            PlanTransitions.Check(PlanStatuses.Adopted, To(PlanStatuses.Approved, date: new DateOnly(2026, 2, 1)), new DateOnly(2026, 2, 1), 3, Today));
    }

    [Fact]
    public void A_plan_without_actions_cannot_be_adopted() =>
        Assert.Contains("status", Assert.IsType<PlanTransitions.Verdict.Incomplete>(
            PlanTransitions.Check(PlanStatuses.Draft, To(PlanStatuses.Adopted), null, 0, Today)).Errors.Keys);

    [Fact]
    public void The_next_status_is_a_single_chain()
    {
        Assert.Equal(PlanStatuses.Adopted, PlanStatuses.Next(PlanStatuses.Draft));
        Assert.Equal(PlanStatuses.Approved, PlanStatuses.Next(PlanStatuses.Adopted));
        Assert.Equal(PlanStatuses.Archived, PlanStatuses.Next(PlanStatuses.Approved));
        Assert.Null(PlanStatuses.Next(PlanStatuses.Archived));
    }
}
