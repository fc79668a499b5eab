using System.ComponentModel.DataAnnotations;

namespace Metropoli.Agreements.Alerts;

/// <summary>Settings of the agreements' alerts (section <c>Agreements</c>): how many days before the
/// expiry of an agreement and before the due date of an obligation the responsible people are told. An
/// agreement's own <c>AlertDays</c>, when set, replaces both for that agreement (ADR 13).</summary>
public sealed class AgreementOptions
{
    [Range(0, 36_500)]
    public int ExpiryAlertDays { get; set; } = 60;
    [Range(0, 36_500)]
    public int ObligationAlertDays { get; set; } = 15;
}
