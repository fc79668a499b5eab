namespace Metropoli.Platform.Ui;

/// <summary>Italian labels for stored codes; the views pass them through the localizer for English.</summary>
public static class Labels
{
    public static string AuditAction(string action) => action switch
    {
        "create" => "creazione",
        "update" => "aggiornamento",
        "delete" => "cancellazione",
        "read" => "consultazione",
        _ => action,
    };

    public static string ZoneSource(string source) => source switch
    {
        "official" => "ufficiale (pagina della Città metropolitana)",
        "secondary" => "fonti secondarie",
        "derived" => "derivata per esclusione e geografia",
        "capoluogo" => "capoluogo",
        "confirmed" => "confermata da un amministratore",
        "corrected" => "stabilita da un amministratore con un atto",
        _ => source,
    };
}
