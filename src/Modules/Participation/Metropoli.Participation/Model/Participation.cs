using Metropoli.Platform.Ui;
using Metropoli.Platform.Data;
using Metropoli.Platform.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Metropoli.Participation.Model;

/// <summary>A participation body: the Forum metropolitano, one of its tables, or the assembly of the mayors of a zone.</summary>
public sealed class Body : IVersioned
{
    public long Id { get; set; }
    /// <summary>One of <see cref="BodyKinds"/>.</summary>
    public string Kind { get; set; } = BodyKinds.Table;
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    /// <summary>The Forum, for its tables.</summary>
    public long? ParentId { get; set; }
    /// <summary>The zona omogenea, for a zone assembly.</summary>
    public string? ZoneCode { get; set; }
    public bool IsDemo { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

public static class BodyKinds
{
    public const string Forum = "forum";
    public const string Table = "table";
    public const string ZoneAssembly = "zone-assembly";

    public static readonly IReadOnlyList<string> All = [Forum, Table, ZoneAssembly];

    public static string Label(string code) => code switch
    {
        Forum => "Forum metropolitano",
        Table => "Tavolo",
        ZoneAssembly => "Assemblea dei sindaci di zona",
        _ => code,
    };
}

/// <summary>The categories of the Forum's members.</summary>
public static class MemberCategories
{
    public const string Culture = "culture";
    public const string Work = "work";
    public const string Enterprise = "enterprise";
    public const string FunctionalAutonomy = "functional-autonomy";
    public const string Association = "association";
    public const string ThirdSector = "third-sector";
    public const string University = "university";
    public const string Municipality = "municipality";

    public static readonly IReadOnlyList<string> All = [Culture, Work, Enterprise, FunctionalAutonomy, Association, ThirdSector, University, Municipality];

    public static bool IsKnown(string? code) => code is not null && All.Contains(code);

    public static string Label(string code) => code switch
    {
        Culture => "Cultura",
        Work => "Lavoro",
        Enterprise => "Impresa",
        FunctionalAutonomy => "Autonomie funzionali",
        Association => "Associazionismo",
        ThirdSector => "Terzo settore",
        University => "Università",
        Municipality => "Comune",
        _ => code,
    };
}

/// <summary>An organisation of the registry (or a Comune, through its organisation) that is a member of a body.</summary>
public sealed class BodyMember
{
    public long Id { get; set; }
    public long BodyId { get; set; }
    public long OrganisationId { get; set; }
    /// <summary>One of <see cref="MemberCategories"/>.</summary>
    public string Category { get; set; } = MemberCategories.Association;
    public DateOnly JoinedOn { get; set; }
}

/// <summary>An organisation's request to join a body; the secretariat approves or rejects it with a reason.</summary>
public sealed class MembershipRequest : IVersioned
{
    public long Id { get; set; }
    public long BodyId { get; set; }
    public long OrganisationId { get; set; }
    public string Category { get; set; } = MemberCategories.Association;
    public string? Motivation { get; set; }
    /// <summary>One of <see cref="RequestStatuses"/>.</summary>
    public string Status { get; set; } = RequestStatuses.Pending;
    public string? DecisionReason { get; set; }
    public string RequestedBy { get; set; } = "";
    public string? DecidedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? DecidedAt { get; set; }
    public int Version { get; set; }
}

public static class RequestStatuses
{
    public const string Pending = "pending";
    public const string Approved = "approved";
    public const string Rejected = "rejected";

    public static string Label(string code) => code switch
    {
        Pending => "in attesa",
        Approved => "approvata",
        Rejected => "respinta",
        _ => code,
    };
}

/// <summary>A meeting of a body: convened by the secretariat or, for a zone assembly, by the zone's current coordinator.</summary>
public sealed class Meeting : IVersioned
{
    public long Id { get; set; }
    public long BodyId { get; set; }
    public string Title { get; set; } = "";
    /// <summary>UTC.</summary>
    public DateTime StartsAt { get; set; }
    /// <summary>UTC.</summary>
    public DateTime EndsAt { get; set; }
    public string? Place { get; set; }
    public string? Link { get; set; }
    public string Agenda { get; set; } = "";
    /// <summary>The minutes as written; public only once <see cref="MinutesApprovedAt"/> is set.</summary>
    public string? Minutes { get; set; }
    public DateTime? MinutesApprovedAt { get; set; }
    public bool IsCancelled { get; set; }
    /// <summary>The Comune whose coordinator convened it (zone assemblies), null for the secretariat.</summary>
    public string? ConvenedByIstat { get; set; }
    public string ConvenedBy { get; set; } = "";
    public bool IsDemo { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>A file of a meeting: an attachment of the agenda, or the minutes as signed (ADR 0043). The platform's upload
/// rules (PDF, PNG, JPG, CSV or XLSX, at most 10 MB, content checked, SHA-256 recorded). Agenda attachments are public
/// with the meeting; a minutes file only once the minutes are approved.</summary>
public sealed class MeetingDocument
{
    public long Id { get; set; }
    public long MeetingId { get; set; }
    /// <summary>One of <see cref="MeetingDocumentKinds"/>.</summary>
    public string Kind { get; set; } = MeetingDocumentKinds.Agenda;
    public string Title { get; set; } = "";
    public string FileName { get; set; } = "";
    public string StoredName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public string Sha256 { get; set; } = "";
    public string UploadedBy { get; set; } = "";
    public DateTime UploadedAt { get; set; }
}

public static class MeetingDocumentKinds
{
    public const string Agenda = "agenda", Minutes = "minutes";
    public static readonly IReadOnlyList<string> All = [Agenda, Minutes];
    public static string Label(string code) => code == Minutes ? "Verbale firmato" : "Allegato all'ordine del giorno";
}

/// <summary>Who attended a meeting: a member organisation.</summary>
public sealed class MeetingAttendance
{
    public long MeetingId { get; set; }
    public long OrganisationId { get; set; }
}

/// <summary>A consultation on the plan's yearly update, an objective, an action or a free topic.</summary>
public sealed class Consultation : IVersioned
{
    public long Id { get; set; }
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    /// <summary>One of <see cref="ConsultationSubjects"/>.</summary>
    public string Subject { get; set; } = ConsultationSubjects.Free;
    public long? ObjectiveId { get; set; }
    public long? ActionId { get; set; }
    public DateOnly OpensOn { get; set; }
    public DateOnly ClosesOn { get; set; }
    /// <summary>The date by which every proposal gets its official answer.</summary>
    public DateOnly AnswerBy { get; set; }
    /// <summary>Any signed-in person may propose and comment, not only members.</summary>
    public bool OpenToAll { get; set; }
    public bool IsDemo { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

public static class ConsultationSubjects
{
    public const string PlanUpdate = "plan-update";
    public const string Objective = "objective";
    public const string Action = "action";
    public const string Free = "free";

    public static readonly IReadOnlyList<string> All = [PlanUpdate, Objective, Action, Free];

    public static string Label(string code) => code switch
    {
        PlanUpdate => "Aggiornamento annuale del piano",
        Objective => "Obiettivo del piano",
        Action => "Azione del piano",
        Free => "Tema libero",
        _ => code,
    };
}

/// <summary>A proposal to a consultation, by a member organisation or a signed-in person.</summary>
public sealed class Proposal : IVersioned
{
    public long Id { get; set; }
    public long ConsultationId { get; set; }
    public string Title { get; set; } = "";
    /// <summary>Plain text or the safe Markdown subset, as written (rendered through <see cref="SafeMarkdown"/>).</summary>
    public string Text { get; set; } = "";
    public long? OrganisationId { get; set; }
    public string AuthorUserId { get; set; } = "";
    /// <summary>The person's name, shown only when <see cref="ShowName"/> (consent).</summary>
    public string? AuthorName { get; set; }
    public bool ShowName { get; set; }
    public bool IsWithdrawn { get; set; }
    public bool IsHidden { get; set; }
    public string? ModerationReason { get; set; }
    /// <summary>One of <see cref="Answers"/>, null until answered.</summary>
    public string? Answer { get; set; }
    public string? AnswerReason { get; set; }
    public DateTime? AnsweredAt { get; set; }
    public long? TakenUpObjectiveId { get; set; }
    public long? TakenUpActionId { get; set; }
    public bool IsDemo { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

public static class Answers
{
    public const string Accepted = "accepted";
    public const string Partly = "partly";
    public const string NotAccepted = "not-accepted";

    public static readonly IReadOnlyList<string> All = [Accepted, Partly, NotAccepted];

    public static string Label(string? code) => code switch
    {
        Accepted => "accolta",
        Partly => "accolta in parte",
        NotAccepted => "non accolta",
        null => "in attesa di risposta",
        _ => code,
    };
}

/// <summary>One organisation's endorsement of a proposal (at most one per organisation).</summary>
public sealed class Endorsement
{
    public long Id { get; set; }
    public long ProposalId { get; set; }
    public long OrganisationId { get; set; }
    public string UserId { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

/// <summary>A comment on a proposal; moderation hides it with a reason, never deletes it.</summary>
public sealed class ProposalComment : IVersioned
{
    public long Id { get; set; }
    public long ProposalId { get; set; }
    public string Text { get; set; } = "";
    public long? OrganisationId { get; set; }
    public string AuthorUserId { get; set; } = "";
    public bool IsHidden { get; set; }
    public string? ModerationReason { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; }
}

internal sealed class BodyConfiguration : IEntityTypeConfiguration<Body>
{
    public void Configure(EntityTypeBuilder<Body> b)
    {
        b.ToTable("participation_bodies");
        b.HasKey(x => x.Id);
        b.Property(x => x.Kind).HasMaxLength(16);
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Description).HasMaxLength(4000);
        b.Property(x => x.ZoneCode).HasMaxLength(64);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.ZoneCode);
        b.HasOne<Body>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(ModuleCatalog.EntityName(TerritoryContract.ZoneEntity), null).WithMany().HasForeignKey(nameof(Body.ZoneCode)).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BodyMemberConfiguration : IEntityTypeConfiguration<BodyMember>
{
    public void Configure(EntityTypeBuilder<BodyMember> b)
    {
        b.ToTable("participation_members");
        b.HasKey(x => x.Id);
        b.Property(x => x.Category).HasMaxLength(32);
        b.HasIndex(x => new { x.BodyId, x.OrganisationId }).IsUnique();
        b.HasIndex(x => x.OrganisationId);
        b.HasOne<Body>().WithMany().HasForeignKey(x => x.BodyId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(ModuleCatalog.EntityName(TerritoryContract.OrganisationEntity), null).WithMany().HasForeignKey(nameof(BodyMember.OrganisationId)).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MembershipRequestConfiguration : IEntityTypeConfiguration<MembershipRequest>
{
    public void Configure(EntityTypeBuilder<MembershipRequest> b)
    {
        b.ToTable("participation_membership_requests");
        b.HasKey(x => x.Id);
        b.Property(x => x.Category).HasMaxLength(32);
        b.Property(x => x.Motivation).HasMaxLength(2000);
        b.Property(x => x.Status).HasMaxLength(16);
        b.Property(x => x.DecisionReason).HasMaxLength(2000);
        b.Property(x => x.RequestedBy).HasMaxLength(256);
        b.Property(x => x.DecidedBy).HasMaxLength(256);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.BodyId, x.Status });
        b.HasOne<Body>().WithMany().HasForeignKey(x => x.BodyId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(ModuleCatalog.EntityName(TerritoryContract.OrganisationEntity), null).WithMany().HasForeignKey(nameof(MembershipRequest.OrganisationId)).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> b)
    {
        b.ToTable("participation_meetings");
        b.HasKey(x => x.Id);
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.Place).HasMaxLength(300);
        b.Property(x => x.Link).HasMaxLength(500);
        b.Property(x => x.Agenda).HasMaxLength(8000);
        b.Property(x => x.Minutes).HasMaxLength(40000);
        b.Property(x => x.ConvenedByIstat).HasMaxLength(6);
        b.Property(x => x.ConvenedBy).HasMaxLength(256);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.BodyId, x.StartsAt });
        b.HasOne<Body>().WithMany().HasForeignKey(x => x.BodyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MeetingDocumentConfiguration : IEntityTypeConfiguration<MeetingDocument>
{
    public void Configure(EntityTypeBuilder<MeetingDocument> b)
    {
        b.ToTable("participation_meeting_documents");
        b.HasKey(x => x.Id);
        b.Property(x => x.Kind).HasMaxLength(16);
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.FileName).HasMaxLength(200);
        b.Property(x => x.StoredName).HasMaxLength(64);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.Property(x => x.UploadedBy).HasMaxLength(256);
        b.HasIndex(x => x.MeetingId);
        b.HasOne<Meeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MeetingAttendanceConfiguration : IEntityTypeConfiguration<MeetingAttendance>
{
    public void Configure(EntityTypeBuilder<MeetingAttendance> b)
    {
        b.ToTable("participation_attendance");
        b.HasKey(x => new { x.MeetingId, x.OrganisationId });
        b.HasOne<Meeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(ModuleCatalog.EntityName(TerritoryContract.OrganisationEntity), null).WithMany().HasForeignKey(nameof(MeetingAttendance.OrganisationId)).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ConsultationConfiguration : IEntityTypeConfiguration<Consultation>
{
    public void Configure(EntityTypeBuilder<Consultation> b)
    {
        b.ToTable("participation_consultations");
        b.HasKey(x => x.Id);
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.Description).HasMaxLength(8000);
        b.Property(x => x.Subject).HasMaxLength(16);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.ClosesOn);
        b.HasOne(ModuleCatalog.EntityName(PlanContract.ObjectiveEntity), null).WithMany().HasForeignKey(nameof(Consultation.ObjectiveId)).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(ModuleCatalog.EntityName(PlanContract.ActionEntity), null).WithMany().HasForeignKey(nameof(Consultation.ActionId)).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProposalConfiguration : IEntityTypeConfiguration<Proposal>
{
    public void Configure(EntityTypeBuilder<Proposal> b)
    {
        b.ToTable("participation_proposals");
        b.HasKey(x => x.Id);
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.Text).HasMaxLength(8000);
        b.Property(x => x.AuthorUserId).HasMaxLength(450);
        b.Property(x => x.AuthorName).HasMaxLength(200);
        b.Property(x => x.ModerationReason).HasMaxLength(2000);
        b.Property(x => x.Answer).HasMaxLength(16);
        b.Property(x => x.AnswerReason).HasMaxLength(8000);
        b.Property(x => x.Version).IsConcurrencyToken();
        // Covers the published proposals counted per consultation (the consultations list) without reading the rows.
        b.HasIndex(x => new { x.ConsultationId, x.IsHidden, x.IsWithdrawn });
        b.HasIndex(x => x.AuthorUserId);
        b.HasIndex(x => x.OrganisationId);
        b.HasIndex(x => x.TakenUpObjectiveId);
        b.HasIndex(x => x.TakenUpActionId);
        b.HasOne<Consultation>().WithMany().HasForeignKey(x => x.ConsultationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(ModuleCatalog.EntityName(TerritoryContract.OrganisationEntity), null).WithMany().HasForeignKey(nameof(Proposal.OrganisationId)).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(ModuleCatalog.EntityName(PlanContract.ObjectiveEntity), null).WithMany().HasForeignKey(nameof(Proposal.TakenUpObjectiveId)).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(ModuleCatalog.EntityName(PlanContract.ActionEntity), null).WithMany().HasForeignKey(nameof(Proposal.TakenUpActionId)).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EndorsementConfiguration : IEntityTypeConfiguration<Endorsement>
{
    public void Configure(EntityTypeBuilder<Endorsement> b)
    {
        b.ToTable("participation_endorsements");
        b.HasKey(x => x.Id);
        b.Property(x => x.UserId).HasMaxLength(450);
        // One endorsement per organisation, held by the database.
        b.HasIndex(x => new { x.ProposalId, x.OrganisationId }).IsUnique();
        b.HasOne<Proposal>().WithMany().HasForeignKey(x => x.ProposalId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(ModuleCatalog.EntityName(TerritoryContract.OrganisationEntity), null).WithMany().HasForeignKey(nameof(Endorsement.OrganisationId)).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProposalCommentConfiguration : IEntityTypeConfiguration<ProposalComment>
{
    public void Configure(EntityTypeBuilder<ProposalComment> b)
    {
        b.ToTable("participation_comments");
        b.HasKey(x => x.Id);
        b.Property(x => x.Text).HasMaxLength(4000);
        b.Property(x => x.AuthorUserId).HasMaxLength(450);
        b.Property(x => x.ModerationReason).HasMaxLength(2000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.ProposalId);
        b.HasIndex(x => x.AuthorUserId);
        b.HasOne<Proposal>().WithMany().HasForeignKey(x => x.ProposalId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(ModuleCatalog.EntityName(TerritoryContract.OrganisationEntity), null).WithMany().HasForeignKey(nameof(ProposalComment.OrganisationId)).OnDelete(DeleteBehavior.Restrict);
    }
}
