using Metropoli.Platform.Auth;
using Metropoli.Platform.Modules;

namespace Metropoli.Platform.Audit;

/// <summary>How the history of changes names things for people (ADR 0030): the record types and fields in Italian
/// (the pages translate them like any other text), the codes stored in a field as the pages show them, and the
/// technical fields that a reader never sees (ids, versions, stamps). The platform names what is common to every
/// module; each module adds its own through <see cref="IMetropoliModule.DescribeAudit"/>. A key is either
/// <c>Property</c> (every record type) or <c>EntityType.Property</c> (one type), the second winning.</summary>
public sealed class AuditVocabulary
{
    public Dictionary<string, string> Entities { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> Fields { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Func<string, string>> Values { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Hidden { get; } = new(StringComparer.Ordinal);

    private static readonly Lazy<AuditVocabulary> Combined = new(() =>
    {
        var v = new AuditVocabulary();
        v.AddPlatformTerms();
        foreach (var module in ModuleCatalog.All) module.DescribeAudit(v);
        return v;
    });

    /// <summary>The platform's terms and every module's.</summary>
    public static AuditVocabulary All => Combined.Value;

    public string EntityName(string entityType) => Entities.GetValueOrDefault(entityType, entityType);

    /// <summary>The field's label in Italian, or null for a technical field the reader does not see.</summary>
    public string? FieldLabel(string entityType, string property)
    {
        if (Hidden.Contains(entityType + "." + property) || Hidden.Contains(property)) return null;
        if (Fields.TryGetValue(entityType + "." + property, out var own) || Fields.TryGetValue(property, out own)) return own;
        // A foreign key (…Id) is the record the change belongs to, already named by the page: not shown.
        if (property.EndsWith("Id", StringComparison.Ordinal) && property.Length > 2) return null;
        return property;
    }

    public Func<string, string>? ValueLabel(string entityType, string property) =>
        Values.GetValueOrDefault(entityType + "." + property) ?? Values.GetValueOrDefault(property);

    private void AddPlatformTerms()
    {
        foreach (var h in new[]
                 {
                     "Id", "Version", "ConcurrencyStamp", "SecurityStamp", "PasswordHash", "TokenHash", "NormalizedEmail",
                     "NormalizedUserName", "NormalizedName", "AccessFailedCount", "LockoutEnabled", "PhoneNumberConfirmed",
                     "EmailConfirmed", "CreatedAt", "UpdatedAt", "LastUsedAt", "Hash", "PreviousHash", "Sequence", "DedupKey",
                     "StoredName", "EvidenceStoredName", "SortOrder", "SnapshotSha256", "Json", "Xml", "Prefix",
                 })
        {
            Hidden.Add(h);
        }
        Entities[nameof(AppUser)] = "Utente";
        Entities[nameof(AccessToken)] = "Token di accesso personale";
        Entities["FeedbackEntry"] = "Segnalazione";
        Entities["AuditTrail"] = "Registro delle modifiche";
        foreach (var (property, label) in new (string, string)[]
                 {
                     ("Name", "Nome"), ("Title", "Titolo"), ("Code", "Codice"), ("Description", "Descrizione"), ("Status", "Stato"),
                     ("Note", "Nota"), ("Notes", "Note"), ("Reason", "Motivo"), ("Kind", "Tipo"), ("Type", "Tipo"), ("Category", "Categoria"),
                     ("Email", "E-mail"), ("UserName", "Nome utente"), ("DisplayName", "Nome e cognome"), ("Role", "Ruolo"),
                     ("Phone", "Telefono"), ("PhoneNumber", "Telefono"), ("Pec", "PEC"), ("Website", "Sito web"), ("Address", "Indirizzo"),
                     ("City", "Comune"), ("PostalCode", "CAP"), ("FiscalCode", "Codice fiscale"), ("VatNumber", "Partita IVA"),
                     ("IpaCode", "Codice IPA"), ("IstatCode", "Codice ISTAT"), ("MunicipalityIstat", "Comune"), ("ZoneCode", "Zona"),
                     ("SectorCode", "Settore"), ("OwnerSector", "Settore responsabile"), ("IsDisabled", "Disattivato"),
                     ("TwoFactorEnabled", "Autenticazione a due fattori"), ("LockoutEnd", "Accesso bloccato fino al"),
                     ("MustChangePassword", "Deve cambiare la password"), ("Password", "Password"),
                     ("StartDate", "Data di inizio"), ("EndDate", "Data di fine"), ("DueDate", "Scadenza"), ("Deadline", "Scadenza"),
                     ("Date", "Data"), ("ValidFrom", "Valido dal"), ("ValidTo", "Valido fino al"), ("ExpiresAt", "Scade il"),
                     ("ExpiryDate", "Scadenza"), ("RevokedAt", "Revocato il"), ("OpenedAt", "Aperta il"), ("OpenedBy", "Aperta da"),
                     ("ClosedAt", "Chiusa il"), ("ClosedBy", "Chiusa da"), ("SubmittedAt", "Inviato il"), ("SubmittedBy", "Inviato da"),
                     ("ReviewedAt", "Esaminato il"), ("ReviewedBy", "Esaminato da"), ("ReviewNote", "Nota di revisione"),
                     ("ChangedAt", "Modificato il"), ("ChangedBy", "Modificato da"), ("CreatedBy", "Creato da"),
                     ("UploadedAt", "Caricato il"), ("UploadedBy", "Caricato da"), ("SetBy", "Impostato da"),
                     ("Budget", "Budget"), ("Funding", "Finanziamento"), ("Value", "Valore"), ("Unit", "Unità di misura"),
                     ("Year", "Anno"), ("Period", "Periodo"), ("Progress", "Avanzamento (%)"), ("Narrative", "Resoconto"),
                     ("ReportedStatus", "Stato dichiarato"), ("ReportedProgress", "Avanzamento dichiarato (%)"),
                     ("Visibility", "Visibilità"), ("Subject", "Oggetto"), ("Body", "Testo"), ("Message", "Messaggio"),
                     ("FileName", "Nome del file"), ("ContentType", "Formato del file"), ("Size", "Dimensione (byte)"),
                     ("Population", "Popolazione"), ("MayorName", "Sindaco"), ("TermStart", "Inizio del mandato"), ("TermEnd", "Fine del mandato"),
                     ("Number", "Numero"), ("Source", "Fonte"), ("Outcome", "Esito"), ("Position", "Posizione"), ("Place", "Luogo"),
                     ("Agenda", "Ordine del giorno"), ("Minutes", "Verbale"), ("Members", "Componenti"), ("Functions", "Funzioni"),
                     ("FriendlyName", "Nome"), ("Handled", "Segnalazione gestita"), ("PagePath", "Pagina"), ("ContactEmail", "E-mail di contatto"),
                     ("LegalBasis", "Base giuridica"), ("Direction", "Verso"), ("Frequency", "Frequenza"), ("BaselineValue", "Valore di partenza"),
                     ("BaselineYear", "Anno di partenza"), ("LowerBound", "Limite inferiore"), ("UpperBound", "Limite superiore"),
                     ("OnTrack", "In linea da (%)"), ("AtRisk", "A rischio da (%)"), ("Late", "Soglia di ritardo"), ("EffectiveDate", "In vigore dal"),
                     ("SignedOn", "Firmata il"), ("SignatureDate", "Data di firma"), ("DurationMonths", "Durata (mesi)"), ("TermMonths", "Durata (mesi)"),
                     ("AutoRenewal", "Rinnovo automatico"), ("NewExpiryDate", "Nuova data di scadenza"), ("CompletedOn", "Completato il"),
                     ("FromStatus", "Stato precedente"), ("ToStatus", "Nuovo stato"), ("RejectionReason", "Motivo del rifiuto"),
                     ("EvidenceName", "Documento"), ("EvidenceNote", "Nota sul documento"), ("EvidenceSize", "Dimensione del documento (byte)"),
                     ("EvidenceContentType", "Formato del documento"), ("IsOverride", "Correzione"), ("Act", "Atto"), ("Instructions", "Istruzioni"),
                     ("ReminderDays", "Promemoria (giorni prima)"), ("AlertDays", "Avviso (giorni prima)"), ("ScheduledFor", "Prevista per"),
                 })
        {
            Fields[property] = label;
        }
        Values["Role"] = Roles.Label;
    }
}
