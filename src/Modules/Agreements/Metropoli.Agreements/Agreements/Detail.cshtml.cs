using System.ComponentModel.DataAnnotations;
using Metropoli.Agreements.Documents;
using Metropoli.Agreements.Governance;
using Metropoli.Agreements.Obligations;
using Metropoli.Agreements.Parties;
using Metropoli.Platform.Api;
using Metropoli.Platform.Audit;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Metropoli.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Metropoli.Agreements.Agreements;

/// <summary>An agreement with everything hanging from it, and the forms of those who edit it. Each part of the
/// agreement is a section of its own slice (<c>Parties/_PartiesSection</c>, <c>Obligations/_ObligationsSection</c>,
/// <c>Agreements/_AmendmentsSection</c>, <c>Documents/_DocumentsSection</c>, <c>Governance/_GovernanceSection</c>);
/// their forms post here, and each handler calls the same handler as the slice's API endpoint and answers through
/// one <see cref="AnswerAsync"/>.</summary>
[RequestFormLimits(MultipartBodyLengthLimit = Evidence.MaxBytes + 64 * 1024)]
public sealed class DetailModel(AppDbContext db, TimeProvider clock, ICurrentUser who, IFileStore files,
    IStringLocalizer<Platform.Localization.SharedResource> l) : PageModel
{
    public AgreementDetail? Agreement { get; private set; }
    public IReadOnlyList<CodeName> Organisations { get; private set; } = [];
    public Paged<AuditRow>? History { get; private set; }
    public bool CanRenew { get; private set; }

    [BindProperty] public PartyRequest Party { get; set; } = new();
    [BindProperty] public ObligationRequest Obligation { get; set; } = new();
    [BindProperty] public AmendmentRequest Amendment { get; set; } = new();
    [BindProperty] public BodyRequest Body { get; set; } = new();
    [BindProperty] public MeetingRequest Meeting { get; set; } = new();
    [BindProperty] public long? BodyId { get; set; }
    [BindProperty] public int Version { get; set; }
    [BindProperty] public long? PartyId { get; set; }
    [BindProperty] public bool Confirm { get; set; }
    [BindProperty, Display(Name = "File")] public IFormFile? Upload { get; set; }
    [BindProperty, Display(Name = "Tipo di documento")] public string? DocumentKind { get; set; }
    [BindProperty, Display(Name = "Titolo del documento")] public string? DocumentTitle { get; set; }
    [BindProperty, Display(Name = "Obbligo")] public long? DocumentObligationId { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddPartyAsync(long id, CancellationToken ct)
    {
        ClearExcept(nameof(Party));
        var (outcome, _) = await SaveParty.AddAsync(db, User, clock, id, Party, ct);
        return await AnswerAsync(id, outcome, "Party.", "Parte aggiunta.", "#parti", ct);
    }

    public async Task<IActionResult> OnPostRemovePartyAsync(long id, CancellationToken ct)
    {
        ClearExcept(nameof(PartyId));
        if (!Confirm)
        {
            ModelState.AddModelError(string.Empty, l["Spunta la conferma per togliere la parte."]);
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
        // The version of the agreement the form showed (hidden field): a change made meanwhile is a conflict, not overwritten.
        var outcome = await SaveParty.RemoveAsync(db, User, id, PartyId ?? 0, null, ct, expectedAgreementVersion: Version);
        return await AnswerAsync(id, outcome, "", "Parte tolta dall'intesa.", "#parti", ct);
    }

    public async Task<IActionResult> OnPostAddObligationAsync(long id, CancellationToken ct)
    {
        ClearExcept(nameof(Obligation));
        var (outcome, _) = await SaveObligation.CreateAsync(db, User, clock, id, Obligation, ct);
        return await AnswerAsync(id, outcome, "Obligation.", "Obbligo aggiunto.", "#obblighi", ct);
    }

    public async Task<IActionResult> OnPostAmendmentAsync(long id, CancellationToken ct)
    {
        ClearExcept(nameof(Amendment));
        var (outcome, _) = await AddAmendment.HandleAsync(db, User, clock, id, Version, Amendment, ct);
        return await AnswerAsync(id, outcome, "Amendment.", "Atto aggiuntivo registrato.", "#atti-aggiuntivi", ct);
    }

    public async Task<IActionResult> OnPostUploadAsync(long id, CancellationToken ct)
    {
        ClearExcept(nameof(Upload));
        var outcome = await DocumentForm.UploadAsync(db, User, clock, files, id, Upload, DocumentKind, DocumentTitle, DocumentObligationId, ct);
        return await AnswerAsync(id, outcome, "", "Documento caricato.", "#documenti", ct);
    }

    public async Task<IActionResult> OnPostAcceptDocumentAsync(long id, long documentId, CancellationToken ct)
    {
        ClearExcept(nameof(Confirm));
        var detail = await GetAgreement.HandleAsync(db, User, clock, id, ct);
        if (detail is null || detail.Documents.All(d => d.Id != documentId)) return NotFound();
        var outcome = await Documents.UploadDocument.AcceptAsync(db, User, clock, documentId, ct);
        return await AnswerAsync(id, outcome, "", "Documento accettato: ora è visibile con l'intesa.", "#documenti", ct);
    }

    public async Task<IActionResult> OnPostAddBodyAsync(long id, CancellationToken ct)
    {
        ClearExcept(nameof(Body));
        var (outcome, _) = await SaveGovernance.AddBodyAsync(db, User, clock, id, Body, ct);
        return await AnswerAsync(id, outcome, "Body.", "Organo di governo aggiunto.", "#governo", ct);
    }

    public async Task<IActionResult> OnPostAddMeetingAsync(long id, CancellationToken ct)
    {
        ClearExcept(nameof(Meeting));
        var detail = await GetAgreement.HandleAsync(db, User, clock, id, ct);
        if (detail is null || BodyId is not { } bodyId || detail.Bodies.All(b => b.Id != bodyId)) return NotFound();
        var (outcome, _) = await SaveGovernance.AddMeetingAsync(db, User, clock, bodyId, Meeting, ct);
        return await AnswerAsync(id, outcome, "Meeting.", "Riunione registrata.", "#governo", ct);
    }

    public async Task<IActionResult> OnPostRenewAsync(long id, CancellationToken ct)
    {
        ClearExcept(nameof(Confirm));
        if (!Confirm)
        {
            ModelState.AddModelError(string.Empty, l["Spunta la conferma per avviare il rinnovo."]);
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
        var (outcome, newId) = await SaveAgreement.RenewAsync(db, User, clock, id, ct);
        if (outcome is Outcome.Done)
        {
            TempData["Success"] = l["Rinnovo avviato: la nuova intesa è una proposta collegata alla precedente."].Value;
            return Redirect("/intese/" + newId);
        }
        return await AnswerAsync(id, outcome, "", "", "", ct);
    }

    /// <summary>Only the posted form's fields are bound for this handler; the others' (empty) values must not fail it.</summary>
    private void ClearExcept(string prefix)
    {
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith(prefix, StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }
    }

    private async Task<IActionResult> AnswerAsync(long id, Outcome outcome, string prefix, string success, string anchor, CancellationToken ct)
    {
        // Every form of the page answers on the page: the agreement is read again under the messages.
        return await this.AnswerAsync(outcome, l, () => this.Success(l[success].Value, $"/intese/{id}{anchor}"),
            OutcomePages.KeepForm, "Nel frattempo un altro utente ha modificato questa intesa: controlla i dati attuali e riprova.", prefix,
            again: async () => await LoadAsync(id, ct) ? Page() : NotFound());
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        Agreement = await GetAgreement.HandleAsync(db, User, clock, id, ct);
        if (Agreement is null) return false;
        ModelState.Remove(nameof(Version));
        Version = Agreement.Version;
        var editor = AgreementAccess.CanEdit(User, Agreement.OwnerSector);
        CanRenew = editor && Agreement.Status is Model.AgreementStatuses.InForce or Model.AgreementStatuses.Expired or Model.AgreementStatuses.Concluded
            && Agreement.Successors.All(s => s.Status == Model.AgreementStatuses.Withdrawn);
        if (editor)
        {
            Organisations = await SaveParty.ChoicesAsync(db, ct);
            // Those who may change the agreement may see who changed it; that read is itself audited.
            History = await AuditSearch.HistoryAsync(db, who, nameof(Model.Agreement), id.ToString(System.Globalization.CultureInfo.InvariantCulture), ct);
        }
        return true;
    }
}
