namespace Metropoli.Services.Procurements;

/// <summary>The phases of a procedure, in their legal order: request → decision to contract (determina a contrarre) →
/// publication → bids received → award → contract signed. A phase has a date only when the one before has one, and
/// never an earlier date (docs/adr/0042): the first phase out of order is named by its field.</summary>
public static class ProcurementPhases
{
    public const string Requested = "requested";
    public const string Decision = "decision";
    public const string Published = "published";
    public const string BidsReceived = "bids-received";
    public const string Awarded = "awarded";
    public const string ContractSigned = "contract-signed";

    /// <summary>The phases in order with the API field of their date.</summary>
    public static readonly IReadOnlyList<(string Code, string Field)> Order =
    [
        (Requested, "requestedOn"), (Decision, "decisionOn"), (Published, "publishedOn"),
        (BidsReceived, "bidsReceivedOn"), (Awarded, "awardedOn"), (ContractSigned, "contractSignedOn"),
    ];

    public static string Label(string code) => code switch
    {
        Requested => "Richiesta del Comune",
        Decision => "Determina a contrarre",
        Published => "Pubblicazione",
        BidsReceived => "Offerte ricevute",
        Awarded => "Aggiudicazione",
        ContractSigned => "Contratto stipulato",
        _ => code,
    };

    /// <summary>The errors of a sequence of phase dates (index i is the date of <see cref="Order"/>[i]), by API field;
    /// <paramref name="today"/> bounds them (no phase in the future).</summary>
    public static Dictionary<string, string[]> Validate(IReadOnlyList<DateOnly?> dates, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        if (dates.Count != Order.Count) throw new ArgumentException("One date per phase.", nameof(dates));
        if (dates[0] is null) errors[Order[0].Field] = ["Indica la data della richiesta."];
        DateOnly? previous = dates[0];
        var previousLabel = Label(Order[0].Code);
        var gap = dates[0] is null;
        for (var i = 0; i < dates.Count; i++)
        {
            if (dates[i] is not { } d) { gap = true; continue; }
            var (code, field) = Order[i];
            if (d > today) errors[field] = [$"La fase «{Label(code)}» non può avere una data futura."];
            else if (i > 0 && gap) errors[field] = [$"La fase «{Label(code)}» non può avere una data prima che l'abbia la fase precedente."];
            else if (i > 0 && previous is { } p && d < p) errors[field] = [$"La fase «{Label(code)}» non può precedere la fase «{previousLabel}» ({p:dd/MM/yyyy})."];
            if (errors.ContainsKey(field)) break;
            previous = d;
            previousLabel = Label(code);
        }
        return errors;
    }

    /// <summary>The last phase with a date.</summary>
    public static string Current(IReadOnlyList<DateOnly?> dates)
    {
        var current = Requested;
        for (var i = 0; i < dates.Count && i < Order.Count; i++)
        {
            if (dates[i] is null) break;
            current = Order[i].Code;
        }
        return current;
    }
}
