using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Metropoli.Agreements.Model;

/// <summary>A theme of the taxonomy, seeded from the plan's own lists and edited by administrators.</summary>
public sealed class AgreementTheme : IVersioned
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public int SortOrder { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>A versioned addendum: amendment number 1, 2, … of an agreement, with its act; it may move the expiry date.</summary>
public sealed class AgreementAmendment
{
    public long Id { get; set; }
    public long AgreementId { get; set; }
    public int Number { get; set; }
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public DateOnly SignedOn { get; set; }
    public DateOnly? NewExpiryDate { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

/// <summary>A file of an agreement (signed text, annex, minutes, evidence) stored outside the web root
/// under a generated name, with its SHA-256. It may belong to an obligation (evidence) or a meeting (minutes).</summary>
public sealed class AgreementDocument
{
    public long Id { get; set; }
    public long AgreementId { get; set; }
    public long? ObligationId { get; set; }
    public long? MeetingId { get; set; }
    /// <summary>One of <see cref="DocumentKinds"/>.</summary>
    public string Kind { get; set; } = DocumentKinds.Annex;
    public string Title { get; set; } = "";
    public string FileName { get; set; } = "";
    public string StoredName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public string Sha256 { get; set; } = "";
    public string UploadedBy { get; set; } = "";
    public DateTime UploadedAt { get; set; }
    /// <summary>The Comune whose municipality officer uploaded the document as evidence of its obligation;
    /// null for the owner office's documents (docs/adr/0031).</summary>
    public string? UploadedByIstat { get; set; }
    /// <summary>When the owner office accepted the document: until then an officer's upload is seen only by the
    /// office and that Comune's officers. The office's own documents are accepted as they are uploaded.</summary>
    public DateTime? AcceptedAt { get; set; }
    public string? AcceptedBy { get; set; }
}

public static class DocumentKinds
{
    public const string SignedText = "signed-text";
    public const string Annex = "annex";
    public const string Minutes = "minutes";
    public const string Evidence = "evidence";

    public static readonly IReadOnlyList<string> All = [SignedText, Annex, Minutes, Evidence];

    public static bool IsKnown(string? code) => code is not null && All.Contains(code);

    public static string Label(string code) => code switch
    {
        SignedText => "testo sottoscritto",
        Annex => "allegato",
        Minutes => "verbale di riunione",
        Evidence => "documentazione di adempimento",
        _ => code,
    };
}

/// <summary>A steering body of an agreement (cabina di regia, comitato tecnico…).</summary>
public sealed class AgreementBody : IVersioned
{
    public long Id { get; set; }
    public long AgreementId { get; set; }
    public string Name { get; set; } = "";
    public string? Members { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>A meeting of a steering body, with its agenda and minutes.</summary>
public sealed class AgreementMeeting : IVersioned
{
    public long Id { get; set; }
    public long BodyId { get; set; }
    public DateOnly Date { get; set; }
    public string? Place { get; set; }
    public string? Agenda { get; set; }
    public string? Minutes { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

internal sealed class AgreementThemeConfiguration : IEntityTypeConfiguration<AgreementTheme>
{
    public void Configure(EntityTypeBuilder<AgreementTheme> b)
    {
        b.ToTable("agreement_themes");
        b.HasKey(x => x.Code);
        b.Property(x => x.Code).HasMaxLength(64);
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class AgreementAmendmentConfiguration : IEntityTypeConfiguration<AgreementAmendment>
{
    public void Configure(EntityTypeBuilder<AgreementAmendment> b)
    {
        b.ToTable("agreement_amendments");
        b.HasKey(x => x.Id);
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.Description).HasMaxLength(4000);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.HasIndex(x => new { x.AgreementId, x.Number }).IsUnique();
        b.HasOne<Agreement>().WithMany().HasForeignKey(x => x.AgreementId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AgreementDocumentConfiguration : IEntityTypeConfiguration<AgreementDocument>
{
    public void Configure(EntityTypeBuilder<AgreementDocument> b)
    {
        b.ToTable("agreement_documents");
        b.HasKey(x => x.Id);
        b.Property(x => x.Kind).HasMaxLength(16);
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.FileName).HasMaxLength(200);
        b.Property(x => x.StoredName).HasMaxLength(64);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.Property(x => x.UploadedBy).HasMaxLength(256);
        b.Property(x => x.UploadedByIstat).HasMaxLength(6);
        b.Property(x => x.AcceptedBy).HasMaxLength(256);
        b.HasIndex(x => x.AgreementId);
        b.HasIndex(x => x.ObligationId);
        b.HasIndex(x => x.MeetingId);
        b.HasOne<Agreement>().WithMany().HasForeignKey(x => x.AgreementId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AgreementObligation>().WithMany().HasForeignKey(x => x.ObligationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AgreementMeeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AgreementBodyConfiguration : IEntityTypeConfiguration<AgreementBody>
{
    public void Configure(EntityTypeBuilder<AgreementBody> b)
    {
        b.ToTable("agreement_bodies");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Members).HasMaxLength(2000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.AgreementId);
        b.HasOne<Agreement>().WithMany().HasForeignKey(x => x.AgreementId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AgreementMeetingConfiguration : IEntityTypeConfiguration<AgreementMeeting>
{
    public void Configure(EntityTypeBuilder<AgreementMeeting> b)
    {
        b.ToTable("agreement_meetings");
        b.HasKey(x => x.Id);
        b.Property(x => x.Place).HasMaxLength(200);
        b.Property(x => x.Agenda).HasMaxLength(4000);
        b.Property(x => x.Minutes).HasMaxLength(8000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.BodyId);
        b.HasOne<AgreementBody>().WithMany().HasForeignKey(x => x.BodyId).OnDelete(DeleteBehavior.Cascade);
    }
}
