using System.ComponentModel.DataAnnotations;
using Metropoli.Platform.Data;

namespace Metropoli.Platform.Feedback;

public sealed class FeedbackRequest
{
    [Display(Name = "Pagina")]
    public string? PagePath { get; set; }
    [Display(Name = "Tipo di segnalazione")]
    public string? Category { get; set; }
    [Display(Name = "Messaggio")]
    public string? Message { get; set; }
    [Display(Name = "E-mail (facoltativa)")]
    public string? ContactEmail { get; set; }
}

public static class SendFeedback
{
    public static readonly IReadOnlyDictionary<string, string> Categories = new Dictionary<string, string>
    {
        ["accessibilita"] = "Problema di accessibilità",
        ["errore"] = "Errore nei dati o nella pagina",
        ["suggerimento"] = "Suggerimento",
    };

    public static Dictionary<string, string[]> Validate(FeedbackRequest r)
    {
        var errors = new Dictionary<string, string[]>();
        if (r.Category is null || !Categories.ContainsKey(r.Category))
            errors["category"] = ["Scegli il tipo di segnalazione."];
        if (string.IsNullOrWhiteSpace(r.Message) || r.Message.Trim().Length < 10)
            errors["message"] = ["Descrivi il problema in almeno 10 caratteri."];
        else if (r.Message.Length > 4000)
            errors["message"] = ["Il messaggio non può superare 4000 caratteri."];
        if (!string.IsNullOrWhiteSpace(r.ContactEmail) && (r.ContactEmail.Length > 256 || !new EmailAddressAttribute().IsValid(r.ContactEmail)))
            errors["contactEmail"] = ["L'e-mail non è valida."];
        if (r.PagePath is { Length: > 500 })
            errors["pagePath"] = ["L'indirizzo della pagina è troppo lungo."];
        return errors;
    }

    public static async Task<long> HandleAsync(AppDbContext db, FeedbackRequest r, DateTime now, CancellationToken ct)
    {
        var entry = new FeedbackEntry
        {
            CreatedAt = now,
            PagePath = Ui.LocalUrl.Safe(r.PagePath?.Trim()),
            Category = r.Category!,
            Message = r.Message!.Trim(),
            ContactEmail = string.IsNullOrWhiteSpace(r.ContactEmail) ? null : r.ContactEmail.Trim(),
        };
        db.Add(entry);
        await db.SaveChangesAsync(ct);
        return entry.Id;
    }
}
