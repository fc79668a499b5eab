using System.Diagnostics;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Metropoli.Platform.Pages;

/// <summary>The HTML error page for 4xx/5xx outside the API. It keeps the original status code.</summary>
public sealed class ErrorModel(IStringLocalizer<Localization.SharedResource> l) : PageModel
{
    public int Code { get; private set; }
    public string Title { get; private set; } = "";
    public string Message { get; private set; } = "";
    public string TraceId { get; private set; } = "";

    // No handler parameter: binding one would read the form, and a form that failed to read (over its size
    // limit) would fail again here, turning the error page into a 500.
    public void OnGet() => Fill();
    public void OnPost() => Fill();

    private void Fill()
    {
        var code = int.TryParse(RouteData.Values["code"]?.ToString(), out var c) ? c : 500;
        Code = code is >= 400 and <= 599 ? code : 500;
        Response.StatusCode = Code;
        TraceId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        (Title, Message) = Code switch
        {
            404 => (l["Pagina non trovata"].Value, l["L'indirizzo richiesto non esiste o è stato spostato."].Value),
            403 => (l["Accesso negato"].Value, l["Non hai i permessi per vedere questa pagina."].Value),
            400 => (l["Richiesta non valida"].Value, l["La richiesta non è stata compresa. Controlla l'indirizzo e riprova."].Value),
            413 => (l["File troppo grande"].Value, l["Il file o i dati inviati superano la dimensione massima consentita. Scegli un file più piccolo e riprova."].Value),
            405 => (l["Operazione non consentita"].Value, l["Questa pagina non accetta l'operazione richiesta."].Value),
            429 => (l["Troppe richieste"].Value, l["Hai fatto troppe richieste in poco tempo. Attendi qualche istante e riprova."].Value),
            >= 500 => (l["Si è verificato un errore"].Value, l["Qualcosa non ha funzionato. Riprova tra poco; se il problema persiste, contatta l'assistenza."].Value),
            _ => (l["Errore"].Value, l["La richiesta non è andata a buon fine."].Value),
        };
    }
}
