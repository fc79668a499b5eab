using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Metropoli.Services.Model;

/// <summary>A request of a Comune to a service it has joined: the desk's ticket. Its status moves only through
/// <see cref="Requests.RequestTransitions"/>; every move and every message is a <see cref="ServiceRequestEvent"/>, from
/// which the service-level clock is computed (<see cref="Sla.SlaClock"/>).</summary>
public sealed class ServiceRequest : IVersioned
{
    public long Id { get; set; }
    public long ServiceId { get; set; }
    /// <summary>The Comune that asks (its municipality officers see the request).</summary>
    public string IstatCode { get; set; } = "";
    /// <summary>The agreement in force through which the Comune had joined when it asked.</summary>
    public long AgreementId { get; set; }
    /// <summary>One of <see cref="RequestTypes"/>.</summary>
    public string Type { get; set; } = RequestTypes.Assistance;
    public string Subject { get; set; } = "";
    public string Description { get; set; } = "";
    public DateOnly? DesiredDate { get; set; }
    /// <summary>One of <see cref="RequestStatuses"/>.</summary>
    public string Status { get; set; } = RequestStatuses.Submitted;
    /// <summary>The e-mail of the officer of the office who follows it.</summary>
    public string? AssignedTo { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    /// <summary>When the office first answered (took it in charge, asked, answered or wrote): stops the first-answer clock.</summary>
    public DateTime? FirstAnsweredAt { get; set; }
    /// <summary>When the office answered in full (status answered): stops the resolution clock.</summary>
    public DateTime? ResolvedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    /// <summary>The Comune's satisfaction at close, 1 to 5.</summary>
    public int? Rating { get; set; }
    public string? RatingComment { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

public static class RequestTypes
{
    public const string Assistance = "assistance";
    public const string Opinion = "opinion";
    public const string Procurement = "procurement";
    public const string Recruitment = "recruitment";
    public const string Other = "other";

    public static readonly IReadOnlyList<string> All = [Assistance, Opinion, Procurement, Recruitment, Other];

    public static string Label(string code) => code switch
    {
        Assistance => "Assistenza",
        Opinion => "Parere",
        Procurement => "Procedura di gara",
        Recruitment => "Procedura di reclutamento",
        _ => "Altro",
    };
}

/// <summary>submitted → in progress ⇄ waiting for the Comune → answered → closed (docs/adr/0042).</summary>
public static class RequestStatuses
{
    public const string Submitted = "submitted";
    public const string InProgress = "in-progress";
    public const string Waiting = "waiting";
    public const string Answered = "answered";
    public const string Closed = "closed";

    public static readonly IReadOnlyList<string> All = [Submitted, InProgress, Waiting, Answered, Closed];

    public static readonly IReadOnlyList<string> Open = [Submitted, InProgress, Waiting];

    public static bool IsKnown(string? code) => code is not null && All.Contains(code);

    public static string Label(string code) => code switch
    {
        Submitted => "da prendere in carico",
        InProgress => "in lavorazione",
        Waiting => "in attesa del Comune",
        Answered => "evasa",
        Closed => "chiusa",
        _ => code,
    };

    public static string Badge(string code) => code switch
    {
        Submitted => "bg-warning text-dark",
        InProgress => "bg-primary",
        Waiting => "bg-info text-dark",
        Answered => "bg-success",
        _ => "bg-secondary",
    };
}

/// <summary>One line of a request's thread: a message, or a status change with its reason (the reasoned history).</summary>
public sealed class ServiceRequestEvent
{
    public long Id { get; set; }
    public long RequestId { get; set; }
    /// <summary>message or status.</summary>
    public string Kind { get; set; } = RequestEventKinds.Message;
    public string? FromStatus { get; set; }
    public string? ToStatus { get; set; }
    public string Text { get; set; } = "";
    /// <summary>office or comune: who wrote it, for the thread and the clock.</summary>
    public string Side { get; set; } = RequestSides.Office;
    public string By { get; set; } = "";
    public DateTime At { get; set; }
}

public static class RequestEventKinds
{
    public const string Message = "message";
    public const string Status = "status";
}

public static class RequestSides
{
    public const string Office = "office";
    public const string Comune = "comune";
}

internal sealed class ServiceRequestConfiguration : IEntityTypeConfiguration<ServiceRequest>
{
    public void Configure(EntityTypeBuilder<ServiceRequest> b)
    {
        b.ToTable("services_requests");
        b.HasKey(x => x.Id);
        b.Property(x => x.IstatCode).HasMaxLength(6);
        b.Property(x => x.Type).HasMaxLength(16);
        b.Property(x => x.Subject).HasMaxLength(300);
        b.Property(x => x.Description).HasMaxLength(4000);
        b.Property(x => x.Status).HasMaxLength(16);
        b.Property(x => x.AssignedTo).HasMaxLength(256);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.Property(x => x.RatingComment).HasMaxLength(1000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.ServiceId, x.Status });
        b.HasIndex(x => x.IstatCode);
        b.HasOne<SharedService>().WithMany().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(ModuleCatalog.EntityName(TerritoryContract.MunicipalityEntity), null).WithMany().HasForeignKey(nameof(ServiceRequest.IstatCode)).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(ModuleCatalog.EntityName(AgreementsContract.AgreementEntity), null).WithMany().HasForeignKey(nameof(ServiceRequest.AgreementId)).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ServiceRequestEventConfiguration : IEntityTypeConfiguration<ServiceRequestEvent>
{
    public void Configure(EntityTypeBuilder<ServiceRequestEvent> b)
    {
        b.ToTable("services_request_events");
        b.HasKey(x => x.Id);
        b.Property(x => x.Kind).HasMaxLength(16);
        b.Property(x => x.FromStatus).HasMaxLength(16);
        b.Property(x => x.ToStatus).HasMaxLength(16);
        b.Property(x => x.Text).HasMaxLength(4000);
        b.Property(x => x.Side).HasMaxLength(16);
        b.Property(x => x.By).HasMaxLength(256);
        b.HasIndex(x => x.RequestId);
        b.HasOne<ServiceRequest>().WithMany().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>A file attached to a request by the Comune or the office: the evidence rules of the platform (PDF, PNG, JPG,
/// CSV or XLSX, at most 10 MB, content checked against the type), SHA-256 recorded, stored under the data folder.</summary>
public sealed class ServiceRequestAttachment
{
    public long Id { get; set; }
    public long RequestId { get; set; }
    public string FileName { get; set; } = "";
    public string StoredName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public string Sha256 { get; set; } = "";
    public string Side { get; set; } = RequestSides.Comune;
    public string UploadedBy { get; set; } = "";
    public DateTime UploadedAt { get; set; }
}

internal sealed class ServiceRequestAttachmentConfiguration : IEntityTypeConfiguration<ServiceRequestAttachment>
{
    public void Configure(EntityTypeBuilder<ServiceRequestAttachment> b)
    {
        b.ToTable("services_request_attachments");
        b.HasKey(x => x.Id);
        b.Property(x => x.FileName).HasMaxLength(255);
        b.Property(x => x.StoredName).HasMaxLength(100);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.Property(x => x.Side).HasMaxLength(16);
        b.Property(x => x.UploadedBy).HasMaxLength(256);
        b.HasIndex(x => x.RequestId);
        b.HasOne<ServiceRequest>().WithMany().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Cascade);
    }
}
