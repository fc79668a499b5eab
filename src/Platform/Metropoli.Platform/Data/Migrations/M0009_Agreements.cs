using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using static Metropoli.Platform.Data.Migrations.MigrationColumns;

namespace Metropoli.Platform.Data.Migrations;

/// <summary>The system of agreements: agreements with their status history, themes, parties,
/// obligations, amendments, documents (metadata; the files live under the data folder), steering bodies
/// and meetings, and their links to Comuni, zones and plan objectives and actions. The themes are
/// inserted by <c>AgreementThemeSeed</c> at every start, not here.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261122000009_Agreements")]
public sealed class M0009_Agreements : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("agreement_themes", t => new
        {
            Code = t.Column<string>(maxLength: 64, nullable: false),
            Name = t.Column<string>(maxLength: 200, nullable: false),
            SortOrder = t.Column<int>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            Version = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_agreement_themes", x => x.Code));

        m.CreateTable("agreement_agreements", t => new
        {
            Id = Identity(t.Column<long>(nullable: false)),
            Number = t.Column<string>(maxLength: 50, nullable: true),
            Title = t.Column<string>(maxLength: 300, nullable: false),
            Type = t.Column<string>(maxLength: 32, nullable: false),
            Subject = t.Column<string>(maxLength: 4000, nullable: true),
            LegalBasis = t.Column<string>(maxLength: 500, nullable: true),
            ApprovalActBody = t.Column<string>(maxLength: 200, nullable: true),
            ApprovalActNumber = t.Column<string>(maxLength: 50, nullable: true),
            ApprovalActDate = t.Column<DateOnly>(nullable: true),
            SignatureDate = t.Column<DateOnly>(nullable: true),
            EffectiveDate = t.Column<DateOnly>(nullable: true),
            ExpiryDate = t.Column<DateOnly>(nullable: true),
            DurationMonths = t.Column<int>(nullable: true),
            AutoRenewal = t.Column<bool>(nullable: false),
            Value = t.Column<decimal>(precision: 18, scale: 2, nullable: true),
            Funding = t.Column<string>(maxLength: 500, nullable: true),
            Visibility = t.Column<string>(maxLength: 16, nullable: false),
            Status = t.Column<string>(maxLength: 16, nullable: false),
            OwnerSector = t.Column<string>(maxLength: 64, nullable: true),
            AlertDays = t.Column<int>(nullable: true),
            PredecessorId = t.Column<long>(nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            Version = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_agreement_agreements", x => x.Id);
            t.ForeignKey("FK_agreement_agreements_agreement_agreements_PredecessorId", x => x.PredecessorId, "agreement_agreements", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_agreement_agreements_Number", "agreement_agreements", "Number", unique: true);
        m.CreateIndex("IX_agreement_agreements_Status", "agreement_agreements", "Status");
        m.CreateIndex("IX_agreement_agreements_ExpiryDate", "agreement_agreements", "ExpiryDate");
        m.CreateIndex("IX_agreement_agreements_PredecessorId", "agreement_agreements", "PredecessorId");

        m.CreateTable("agreement_status_changes", t => new
        {
            Id = Identity(t.Column<long>(nullable: false)),
            AgreementId = t.Column<long>(nullable: false),
            FromStatus = t.Column<string>(maxLength: 16, nullable: false),
            ToStatus = t.Column<string>(maxLength: 16, nullable: false),
            Reason = t.Column<string>(maxLength: 2000, nullable: false),
            ChangedBy = t.Column<string>(maxLength: 256, nullable: false),
            ChangedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_agreement_status_changes", x => x.Id);
            t.ForeignKey("FK_agreement_status_changes_agreement_agreements_AgreementId", x => x.AgreementId, "agreement_agreements", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_agreement_status_changes_AgreementId", "agreement_status_changes", "AgreementId");

        m.CreateTable("agreement_agreement_themes", t => new
        {
            AgreementId = t.Column<long>(nullable: false),
            ThemeCode = t.Column<string>(maxLength: 64, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_agreement_agreement_themes", x => new { x.AgreementId, x.ThemeCode });
            t.ForeignKey("FK_agreement_agreement_themes_agreement_agreements_AgreementId", x => x.AgreementId, "agreement_agreements", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_agreement_agreement_themes_agreement_themes_ThemeCode", x => x.ThemeCode, "agreement_themes", "Code", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_agreement_agreement_themes_ThemeCode", "agreement_agreement_themes", "ThemeCode");

        m.CreateTable("agreement_municipalities", t => new
        {
            AgreementId = t.Column<long>(nullable: false),
            IstatCode = t.Column<string>(maxLength: 6, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_agreement_municipalities", x => new { x.AgreementId, x.IstatCode });
            t.ForeignKey("FK_agreement_municipalities_agreement_agreements_AgreementId", x => x.AgreementId, "agreement_agreements", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_agreement_municipalities_territory_municipalities_IstatCode", x => x.IstatCode, "territory_municipalities", "IstatCode", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_agreement_municipalities_IstatCode", "agreement_municipalities", "IstatCode");

        m.CreateTable("agreement_zones", t => new
        {
            AgreementId = t.Column<long>(nullable: false),
            ZoneCode = t.Column<string>(maxLength: 64, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_agreement_zones", x => new { x.AgreementId, x.ZoneCode });
            t.ForeignKey("FK_agreement_zones_agreement_agreements_AgreementId", x => x.AgreementId, "agreement_agreements", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_agreement_zones_territory_zones_ZoneCode", x => x.ZoneCode, "territory_zones", "Code", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_agreement_zones_ZoneCode", "agreement_zones", "ZoneCode");

        m.CreateTable("agreement_objectives", t => new
        {
            AgreementId = t.Column<long>(nullable: false),
            ObjectiveId = t.Column<long>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_agreement_objectives", x => new { x.AgreementId, x.ObjectiveId });
            t.ForeignKey("FK_agreement_objectives_agreement_agreements_AgreementId", x => x.AgreementId, "agreement_agreements", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_agreement_objectives_plan_objectives_ObjectiveId", x => x.ObjectiveId, "plan_objectives", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_agreement_objectives_ObjectiveId", "agreement_objectives", "ObjectiveId");

        m.CreateTable("agreement_actions", t => new
        {
            AgreementId = t.Column<long>(nullable: false),
            ActionId = t.Column<long>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_agreement_actions", x => new { x.AgreementId, x.ActionId });
            t.ForeignKey("FK_agreement_actions_agreement_agreements_AgreementId", x => x.AgreementId, "agreement_agreements", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_agreement_actions_plan_actions_ActionId", x => x.ActionId, "plan_actions", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_agreement_actions_ActionId", "agreement_actions", "ActionId");

        m.CreateTable("agreement_parties", t => new
        {
            Id = Identity(t.Column<long>(nullable: false)),
            AgreementId = t.Column<long>(nullable: false),
            OrganisationId = t.Column<long>(nullable: false),
            Role = t.Column<string>(maxLength: 16, nullable: false),
            Note = t.Column<string>(maxLength: 500, nullable: true),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            Version = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_agreement_parties", x => x.Id);
            t.ForeignKey("FK_agreement_parties_agreement_agreements_AgreementId", x => x.AgreementId, "agreement_agreements", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_agreement_parties_territory_organisations_OrganisationId", x => x.OrganisationId, "territory_organisations", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_agreement_parties_AgreementId_OrganisationId", "agreement_parties", ["AgreementId", "OrganisationId"], unique: true);
        m.CreateIndex("IX_agreement_parties_OrganisationId", "agreement_parties", "OrganisationId");

        m.CreateTable("agreement_obligations", t => new
        {
            Id = Identity(t.Column<long>(nullable: false)),
            AgreementId = t.Column<long>(nullable: false),
            PartyId = t.Column<long>(nullable: false),
            Kind = t.Column<string>(maxLength: 16, nullable: false),
            Title = t.Column<string>(maxLength: 300, nullable: false),
            Description = t.Column<string>(maxLength: 2000, nullable: true),
            DueDate = t.Column<DateOnly>(nullable: false),
            Status = t.Column<string>(maxLength: 16, nullable: false),
            CompletedOn = t.Column<DateOnly>(nullable: true),
            EvidenceNote = t.Column<string>(maxLength: 2000, nullable: true),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            Version = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_agreement_obligations", x => x.Id);
            t.ForeignKey("FK_agreement_obligations_agreement_agreements_AgreementId", x => x.AgreementId, "agreement_agreements", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_agreement_obligations_agreement_parties_PartyId", x => x.PartyId, "agreement_parties", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_agreement_obligations_AgreementId", "agreement_obligations", "AgreementId");
        m.CreateIndex("IX_agreement_obligations_PartyId", "agreement_obligations", "PartyId");
        m.CreateIndex("IX_agreement_obligations_Status_DueDate", "agreement_obligations", ["Status", "DueDate"]);

        m.CreateTable("agreement_amendments", t => new
        {
            Id = Identity(t.Column<long>(nullable: false)),
            AgreementId = t.Column<long>(nullable: false),
            Number = t.Column<int>(nullable: false),
            Title = t.Column<string>(maxLength: 300, nullable: false),
            Description = t.Column<string>(maxLength: 4000, nullable: true),
            SignedOn = t.Column<DateOnly>(nullable: false),
            NewExpiryDate = t.Column<DateOnly>(nullable: true),
            CreatedBy = t.Column<string>(maxLength: 256, nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_agreement_amendments", x => x.Id);
            t.ForeignKey("FK_agreement_amendments_agreement_agreements_AgreementId", x => x.AgreementId, "agreement_agreements", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_agreement_amendments_AgreementId_Number", "agreement_amendments", ["AgreementId", "Number"], unique: true);

        m.CreateTable("agreement_bodies", t => new
        {
            Id = Identity(t.Column<long>(nullable: false)),
            AgreementId = t.Column<long>(nullable: false),
            Name = t.Column<string>(maxLength: 200, nullable: false),
            Members = t.Column<string>(maxLength: 2000, nullable: true),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            Version = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_agreement_bodies", x => x.Id);
            t.ForeignKey("FK_agreement_bodies_agreement_agreements_AgreementId", x => x.AgreementId, "agreement_agreements", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_agreement_bodies_AgreementId", "agreement_bodies", "AgreementId");

        m.CreateTable("agreement_meetings", t => new
        {
            Id = Identity(t.Column<long>(nullable: false)),
            BodyId = t.Column<long>(nullable: false),
            Date = t.Column<DateOnly>(nullable: false),
            Place = t.Column<string>(maxLength: 200, nullable: true),
            Agenda = t.Column<string>(maxLength: 4000, nullable: true),
            Minutes = t.Column<string>(maxLength: 8000, nullable: true),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            Version = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_agreement_meetings", x => x.Id);
            t.ForeignKey("FK_agreement_meetings_agreement_bodies_BodyId", x => x.BodyId, "agreement_bodies", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_agreement_meetings_BodyId", "agreement_meetings", "BodyId");

        m.CreateTable("agreement_documents", t => new
        {
            Id = Identity(t.Column<long>(nullable: false)),
            AgreementId = t.Column<long>(nullable: false),
            ObligationId = t.Column<long>(nullable: true),
            MeetingId = t.Column<long>(nullable: true),
            Kind = t.Column<string>(maxLength: 16, nullable: false),
            Title = t.Column<string>(maxLength: 300, nullable: false),
            FileName = t.Column<string>(maxLength: 200, nullable: false),
            StoredName = t.Column<string>(maxLength: 64, nullable: false),
            ContentType = t.Column<string>(maxLength: 100, nullable: false),
            Size = t.Column<long>(nullable: false),
            Sha256 = t.Column<string>(maxLength: 64, nullable: false),
            UploadedBy = t.Column<string>(maxLength: 256, nullable: false),
            UploadedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_agreement_documents", x => x.Id);
            t.ForeignKey("FK_agreement_documents_agreement_agreements_AgreementId", x => x.AgreementId, "agreement_agreements", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_agreement_documents_agreement_obligations_ObligationId", x => x.ObligationId, "agreement_obligations", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_agreement_documents_agreement_meetings_MeetingId", x => x.MeetingId, "agreement_meetings", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_agreement_documents_AgreementId", "agreement_documents", "AgreementId");
        m.CreateIndex("IX_agreement_documents_ObligationId", "agreement_documents", "ObligationId");
        m.CreateIndex("IX_agreement_documents_MeetingId", "agreement_documents", "MeetingId");
    }

    protected override void Down(MigrationBuilder m)
    {
        foreach (var table in new[]
        {
            "agreement_documents", "agreement_meetings", "agreement_bodies", "agreement_amendments", "agreement_obligations", "agreement_parties",
            "agreement_actions", "agreement_objectives", "agreement_zones", "agreement_municipalities", "agreement_agreement_themes",
            "agreement_status_changes", "agreement_agreements", "agreement_themes",
        })
        {
            m.DropTable(table);
        }
    }
}
