using System.ComponentModel.DataAnnotations;
using Metropoli.Agreements.Model;

namespace Metropoli.Agreements.Agreements;

/// <summary>A move of an agreement to another status, with why, and what the step records: the approval
/// act (to approved), the signature date (to signed) or the effective date (to in force).</summary>
public sealed record AgreementTransitionRequest
{
    [Display(Name = "Nuovo stato")]
    public string? Status { get; init; }
    [Display(Name = "Motivazione")]
    public string? Reason { get; init; }
    [Display(Name = "Organo")]
    public string? ActBody { get; init; }
    [Display(Name = "Numero dell'atto")]
    public string? ActNumber { get; init; }
    [Display(Name = "Data dell'atto")]
    public DateOnly? ActDate { get; init; }
    /// <summary>The signature date (to signed) or the effective date (to in force).</summary>
    [Display(Name = "Data")]
    public DateOnly? Date { get; init; }
}

/// <summary>What the rule needs to know of the agreement.</summary>
public sealed record AgreementFacts(string Status, string? ActBody, string? ActNumber, DateOnly? ActDate,
    DateOnly? SignatureDate, DateOnly? EffectiveDate, DateOnly? ExpiryDate, int Parties);

/// <summary>The state machine of an agreement, without the database: which moves exist (409 otherwise)
/// and what each needs (422 otherwise). See ADR 13.</summary>
public static class AgreementTransitions
{
    public abstract record Verdict
    {
        public sealed record Allowed : Verdict;
        public sealed record Refused(string Reason) : Verdict;
        public sealed record Incomplete(Dictionary<string, string[]> Errors) : Verdict;
    }

    /// <summary>The statuses each status may move to, in the order the forms offer them.</summary>
    public static IReadOnlyList<string> Next(string current) => current switch
    {
        AgreementStatuses.Proposal => [AgreementStatuses.UnderReview, AgreementStatuses.Withdrawn],
        AgreementStatuses.UnderReview => [AgreementStatuses.Approved, AgreementStatuses.Proposal, AgreementStatuses.Withdrawn],
        AgreementStatuses.Approved => [AgreementStatuses.Signed, AgreementStatuses.Withdrawn],
        AgreementStatuses.Signed => [AgreementStatuses.InForce, AgreementStatuses.Withdrawn],
        AgreementStatuses.InForce => [AgreementStatuses.Concluded, AgreementStatuses.Expired, AgreementStatuses.Withdrawn],
        _ => [],
    };

    public static Verdict Check(AgreementFacts f, AgreementTransitionRequest r, DateOnly today)
    {
        var target = r.Status?.Trim();
        if (!AgreementStatuses.IsKnown(target))
        {
            return new Verdict.Incomplete(new() { ["status"] = ["Stato sconosciuto. Valori ammessi: " + string.Join(", ", AgreementStatuses.All) + "."] });
        }
        if (target == f.Status)
        {
            return new Verdict.Refused($"L'intesa è già nello stato «{AgreementStatuses.Label(f.Status)}».");
        }
        var next = Next(f.Status);
        if (next.Count == 0)
        {
            return new Verdict.Refused($"Un'intesa nello stato «{AgreementStatuses.Label(f.Status)}» non cambia più stato: per proseguire la collaborazione si registra un rinnovo.");
        }
        if (!next.Contains(target!))
        {
            return new Verdict.Refused($"Un'intesa nello stato «{AgreementStatuses.Label(f.Status)}» può passare solo a: "
                + string.Join(", ", next.Select(n => "«" + AgreementStatuses.Label(n) + "»"))
                + ". La sequenza è proposta → in istruttoria → approvata → sottoscritta → in vigore → conclusa o scaduta; il ritiro è possibile fino alla conclusione.");
        }

        var errors = new Dictionary<string, string[]>();
        var reason = r.Reason?.Trim();
        if (string.IsNullOrEmpty(reason)) errors["reason"] = ["Indica il motivo del passaggio di stato: resta nella cronologia dell'intesa."];
        else if (reason.Length > 2000) errors["reason"] = ["Il motivo non può superare 2000 caratteri."];

        switch (target)
        {
            case AgreementStatuses.Approved:
            {
                var body = Blank(r.ActBody) ?? f.ActBody;
                var number = Blank(r.ActNumber) ?? f.ActNumber;
                var date = r.ActDate ?? f.ActDate;
                if (body is null) errors["actBody"] = ["Indica l'organo che ha approvato l'intesa (per esempio Consiglio metropolitano)."];
                else if (body.Length > 200) errors["actBody"] = ["L'organo non può superare 200 caratteri."];
                if (number is null) errors["actNumber"] = ["Indica il numero dell'atto di approvazione."];
                else if (number.Length > 50) errors["actNumber"] = ["Il numero dell'atto non può superare 50 caratteri."];
                if (date is not { } d) errors["actDate"] = ["Indica la data dell'atto di approvazione."];
                else if (d > today) errors["actDate"] = ["La data dell'atto non può essere futura."];
                break;
            }
            case AgreementStatuses.Signed:
            {
                if (f.ActBody is null || f.ActNumber is null || f.ActDate is null)
                    errors["status"] = ["Non si può sottoscrivere un'intesa senza l'atto di approvazione (organo, numero e data)."];
                if (f.Parties < 2)
                    errors["parties"] = [$"Per la sottoscrizione servono almeno due parti; l'intesa ne ha {f.Parties}."];
                var date = r.Date ?? f.SignatureDate;
                if (date is not { } d) errors["date"] = ["Indica la data di sottoscrizione."];
                else if (d > today) errors["date"] = ["La data di sottoscrizione non può essere futura."];
                else if (f.ActDate is { } act && d < act) errors["date"] = ["La sottoscrizione non può precedere l'atto di approvazione."];
                break;
            }
            case AgreementStatuses.InForce:
            {
                var date = r.Date ?? f.EffectiveDate;
                if (date is not { } d) errors["date"] = ["Indica la data di decorrenza dell'intesa."];
                else if (d > today) errors["date"] = [$"L'intesa non può entrare in vigore prima della data di decorrenza ({d:yyyy-MM-dd})."];
                else if (f.SignatureDate is { } s && d < s) errors["date"] = ["La decorrenza non può precedere la sottoscrizione."];
                else if (f.ExpiryDate is { } e && e < today) errors["date"] = ["L'intesa è già scaduta: non può entrare in vigore. Registra un rinnovo o una modifica della scadenza."];
                break;
            }
            case AgreementStatuses.Expired:
                if (f.ExpiryDate is not { } expiry || expiry >= today)
                    errors["status"] = ["L'intesa non è ancora scaduta: la data di scadenza non è passata. Per chiuderla prima usa «conclusa» o «ritirata»."];
                break;
        }
        return errors.Count > 0 ? new Verdict.Incomplete(errors) : new Verdict.Allowed();
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
