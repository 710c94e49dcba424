using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OpenAlumni.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddNewsletters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "MailsPerWeek",
                table: "Tenants",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Headers",
                table: "OutboxMessage",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Html",
                table: "OutboxMessage",
                type: "character varying(200000)",
                maxLength: 200000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "MailOptOut",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<long>(type: "bigint", nullable: false),
                    MemberId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MailOptOut", x => new { x.Id, x.TenantId });
                    table.ForeignKey(
                        name: "FK_MailOptOut_Members_MemberId_TenantId",
                        columns: x => new { x.MemberId, x.TenantId },
                        principalTable: "Members",
                        principalColumns: new[] { "Id", "TenantId" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MemberMailWeek",
                columns: table => new
                {
                    TenantId = table.Column<long>(type: "bigint", nullable: false),
                    MemberId = table.Column<long>(type: "bigint", nullable: false),
                    Week = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MemberMailWeek", x => new { x.TenantId, x.MemberId, x.Week });
                    table.ForeignKey(
                        name: "FK_MemberMailWeek_Members_MemberId_TenantId",
                        columns: x => new { x.MemberId, x.TenantId },
                        principalTable: "Members",
                        principalColumns: new[] { "Id", "TenantId" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Newsletter",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<long>(type: "bigint", nullable: false),
                    Subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Blocks = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Audience = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SegmentKind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    SpaceIds = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    SendAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ClaimedUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedByMemberId = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Withheld = table.Column<int>(type: "integer", nullable: false),
                    SegmentDepartment = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    SegmentLeftFrom = table.Column<int>(type: "integer", nullable: true),
                    SegmentLeftTo = table.Column<int>(type: "integer", nullable: true),
                    SegmentLocation = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    SegmentOpenTo = table.Column<int>(type: "integer", nullable: false),
                    SegmentTag = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Newsletter", x => new { x.Id, x.TenantId });
                });

            migrationBuilder.CreateTable(
                name: "UndeliverableAddress",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<long>(type: "bigint", nullable: false),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    MarkedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Reason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UndeliverableAddress", x => new { x.Id, x.TenantId });
                });

            migrationBuilder.CreateTable(
                name: "NewsletterDelivery",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<long>(type: "bigint", nullable: false),
                    NewsletterId = table.Column<long>(type: "bigint", nullable: false),
                    MemberId = table.Column<long>(type: "bigint", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NewsletterDelivery", x => new { x.Id, x.TenantId });
                    table.ForeignKey(
                        name: "FK_NewsletterDelivery_Members_MemberId_TenantId",
                        columns: x => new { x.MemberId, x.TenantId },
                        principalTable: "Members",
                        principalColumns: new[] { "Id", "TenantId" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_NewsletterDelivery_Newsletter_NewsletterId_TenantId",
                        columns: x => new { x.NewsletterId, x.TenantId },
                        principalTable: "Newsletter",
                        principalColumns: new[] { "Id", "TenantId" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MailOptOut_MemberId_TenantId",
                table: "MailOptOut",
                columns: new[] { "MemberId", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_MailOptOut_TenantId_MemberId_Kind",
                table: "MailOptOut",
                columns: new[] { "TenantId", "MemberId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MemberMailWeek_MemberId_TenantId",
                table: "MemberMailWeek",
                columns: new[] { "MemberId", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_Newsletter_TenantId_Status_SendAt",
                table: "Newsletter",
                columns: new[] { "TenantId", "Status", "SendAt" });

            migrationBuilder.CreateIndex(
                name: "IX_NewsletterDelivery_MemberId_TenantId",
                table: "NewsletterDelivery",
                columns: new[] { "MemberId", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_NewsletterDelivery_NewsletterId_TenantId",
                table: "NewsletterDelivery",
                columns: new[] { "NewsletterId", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_NewsletterDelivery_TenantId_MemberId",
                table: "NewsletterDelivery",
                columns: new[] { "TenantId", "MemberId" });

            migrationBuilder.CreateIndex(
                name: "IX_NewsletterDelivery_TenantId_NewsletterId_MemberId",
                table: "NewsletterDelivery",
                columns: new[] { "TenantId", "NewsletterId", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UndeliverableAddress_TenantId_Email",
                table: "UndeliverableAddress",
                columns: new[] { "TenantId", "Email" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MailOptOut");

            migrationBuilder.DropTable(
                name: "MemberMailWeek");

            migrationBuilder.DropTable(
                name: "NewsletterDelivery");

            migrationBuilder.DropTable(
                name: "UndeliverableAddress");

            migrationBuilder.DropTable(
                name: "Newsletter");

            migrationBuilder.DropColumn(
                name: "MailsPerWeek",
                table: "Tenants");

            migrationBuilder.DropColumn(
                name: "Headers",
                table: "OutboxMessage");

            migrationBuilder.DropColumn(
                name: "Html",
                table: "OutboxMessage");
        }
    }
}
