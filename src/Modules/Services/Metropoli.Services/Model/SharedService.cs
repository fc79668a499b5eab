using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Metropoli.Services.Model;

/// <summary>A service of the «Casa dei Comuni» catalogue: what it is, who may use it, how to join, fees, the office in
/// charge (a sector of the registry: its sector officers run the service's desk) and the service levels in working days
/// (<see cref="Sla.WorkingDays"/>). A Comune has joined when it is a party to one of <see cref="ServiceAgreement"/>'s
/// agreements in force.</summary>
public sealed class SharedService : IVersioned
{
    public long Id { get; set; }
    /// <summary>The stable address of the service's page ("sua-cuc").</summary>
    public string Slug { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>One of <see cref="ServiceKinds"/>: procurement services turn requests into procedures.</summary>
    public string Kind { get; set; } = ServiceKinds.Assistance;
    public string Summary { get; set; } = "";
    public string Description { get; set; } = "";
    /// <summary>Who may use it ("Comuni della Città metropolitana che hanno sottoscritto la convenzione").</summary>
    public string Eligibility { get; set; } = "";
    /// <summary>How to join: the convention to sign, the act to adopt.</summary>
    public string HowToJoin { get; set; } = "";
    public string Fees { get; set; } = "";
    /// <summary>The sector code of the office in charge (its sector officers triage and answer the requests).</summary>
    public string OfficeSector { get; set; } = "";
    public string OfficeName { get; set; } = "";
    public string? OfficeEmail { get; set; }
    /// <summary>Working days within which the office gives a first answer.</summary>
    public int FirstAnswerDays { get; set; }
    /// <summary>Working days within which the office answers in full (the clock pauses while waiting for the Comune).</summary>
    public int ResolutionDays { get; set; }
    /// <summary>The documents to provide with a request, one per line.</summary>
    public string Documents { get; set; } = "";
    /// <summary>Demonstration content (seed --demo): the pages say so.</summary>
    public bool IsDemo { get; set; }
    public bool Active { get; set; } = true;
    public int SortOrder { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

public static class ServiceKinds
{
    public const string Procurement = "procurement";
    public const string Recruitment = "recruitment";
    public const string Assistance = "assistance";
    public const string Digital = "digital";

    public static readonly IReadOnlyList<string> All = [Procurement, Recruitment, Assistance, Digital];

    public static string Label(string code) => code switch
    {
        Procurement => "Appalti e contratti",
        Recruitment => "Reclutamento del personale",
        Digital => "Servizi digitali",
        _ => "Assistenza",
    };
}

/// <summary>An agreement (a convention) through which Comuni join a service: a Comune party to it while it is in force
/// may send requests to the service.</summary>
public sealed class ServiceAgreement
{
    public long ServiceId { get; set; }
    public long AgreementId { get; set; }
}

internal sealed class SharedServiceConfiguration : IEntityTypeConfiguration<SharedService>
{
    public void Configure(EntityTypeBuilder<SharedService> b)
    {
        b.ToTable("services_services");
        b.HasKey(x => x.Id);
        b.Property(x => x.Slug).HasMaxLength(64);
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Kind).HasMaxLength(16);
        b.Property(x => x.Summary).HasMaxLength(500);
        b.Property(x => x.Description).HasMaxLength(4000);
        b.Property(x => x.Eligibility).HasMaxLength(1000);
        b.Property(x => x.HowToJoin).HasMaxLength(2000);
        b.Property(x => x.Fees).HasMaxLength(1000);
        b.Property(x => x.OfficeSector).HasMaxLength(64);
        b.Property(x => x.OfficeName).HasMaxLength(200);
        b.Property(x => x.OfficeEmail).HasMaxLength(256);
        b.Property(x => x.Documents).HasMaxLength(2000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.Slug).IsUnique();
    }
}

internal sealed class ServiceAgreementConfiguration : IEntityTypeConfiguration<ServiceAgreement>
{
    public void Configure(EntityTypeBuilder<ServiceAgreement> b)
    {
        b.ToTable("services_service_agreements");
        b.HasKey(x => new { x.ServiceId, x.AgreementId });
        b.HasIndex(x => x.AgreementId);
        b.HasOne<SharedService>().WithMany().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(ModuleCatalog.EntityName(AgreementsContract.AgreementEntity), null).WithMany().HasForeignKey(nameof(ServiceAgreement.AgreementId)).OnDelete(DeleteBehavior.Restrict);
    }
}
