namespace Metropoli.Platform.Api;

/// <summary>What a command handler answers; API endpoints translate it in <see cref="OutcomeHttp"/>, pages in
/// <see cref="Metropoli.Platform.Ui.OutcomePages"/>.</summary>
public abstract record Outcome
{
    public sealed record Done(int Version) : Outcome;
    public sealed record NotFound : Outcome;
    public sealed record Forbidden : Outcome;
    public sealed record Conflict(int CurrentVersion) : Outcome;
    public sealed record Invalid(Dictionary<string, string[]> Errors) : Outcome;

    /// <summary>The change is well formed and the version is current, but the state of the record forbids it
    /// (an illegal status transition, an archived plan, an ended agreement, a node that still has children):
    /// 409 with the reason, as distinct from a version conflict.</summary>
    public sealed record Refused(string Reason) : Outcome;
}
