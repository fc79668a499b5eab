using System.Text;
using Metropoli.Agreements.Model;
using Metropoli.Platform.Api;

namespace Metropoli.Agreements.Register;

/// <summary>The register as open data: CSV (UTF-8 with a byte-order mark, so that spreadsheets read the
/// accents; ISO dates; formula cells neutralised by <see cref="Csv"/>) and JSON.</summary>
public static class ExportAgreements
{
    public static readonly string[] Header =
        ["id", "number", "title", "type", "status", "signature_date", "effective_date", "expiry_date", "value_eur", "parties", "themes", "url"];

    public static byte[] ToCsv(IEnumerable<AgreementRow> rows, string baseUrl)
    {
        var sb = new StringBuilder();
        sb.Append('\uFEFF').Append(string.Join(',', Header)).Append("\r\n");
        foreach (var r in rows)
        {
            sb.Append(Csv.Line(r.Id, r.Number, r.Title, r.Type, r.Status, r.SignatureDate, r.EffectiveDate, r.ExpiryDate, r.Value,
                string.Join("; ", r.Parties), string.Join("; ", r.Themes), $"{baseUrl}/intese/{r.Id}")).Append("\r\n");
        }
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    public static string TypeLabel(string code) => AgreementTypes.Label(code);
}
