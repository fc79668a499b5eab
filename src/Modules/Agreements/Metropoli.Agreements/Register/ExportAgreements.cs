using Metropoli.Agreements.Model;
using Metropoli.Platform.Api;
using Metropoli.Platform.Exports;

namespace Metropoli.Agreements.Register;

/// <summary>The register as open data: CSV (UTF-8 with a byte-order mark, so that spreadsheets read the
/// accents; ISO dates; formula cells neutralised), its Italian variant and XLSX (<see cref="Downloads"/>), and JSON.</summary>
public static class ExportAgreements
{
    public static readonly string[] Header =
        ["id", "number", "title", "type", "status", "signature_date", "effective_date", "expiry_date", "value_eur", "parties", "themes", "url"];

    /// <summary>The register's download columns: <see cref="Header"/> for the machine CSV, Italian headers for the others.</summary>
    public static ExportColumn<AgreementRow>[] Columns(string baseUrl) =>
    [
        new("id", "Id", r => r.Id), new("number", "Numero", r => r.Number), new("title", "Titolo", r => r.Title), new("type", "Tipo", r => r.Type, (r, _) => AgreementTypes.Label(r.Type)),
        new("status", "Stato", r => r.Status, (r, _) => AgreementStatuses.Label(r.Status)), new("signature_date", "Data di sottoscrizione", r => r.SignatureDate),
        new("effective_date", "Data di efficacia", r => r.EffectiveDate), new("expiry_date", "Data di scadenza", r => r.ExpiryDate),
        new("value_eur", "Valore (euro)", r => r.Value), new("parties", "Parti", r => string.Join("; ", r.Parties)),
        new("themes", "Temi", r => string.Join("; ", r.Themes)), new("url", "Indirizzo", r => $"{baseUrl}/intese/{r.Id}"),
    ];

    public static string TypeLabel(string code) => AgreementTypes.Label(code);
}
