using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenAlumni.Web.Data.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Headers",
                table: "OutboxMessage",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Html",
                table: "OutboxMessage",
                type: "TEXT",
                maxLength: 200000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "MailOptOut",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<long>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MailOptOut", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MailOptOut_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MemberMailWeek",
                columns: table => new
                {
                    TenantId = table.Column<long>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    Week = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MemberMailWeek", x => new { x.TenantId, x.MemberId, x.Week });
                    table.ForeignKey(
                        name: "FK_MemberMailWeek_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Newsletter",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<long>(type: "INTEGER", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Blocks = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Audience = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SegmentKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    SpaceIds = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    SendAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ClaimedUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedByMemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Withheld = table.Column<int>(type: "INTEGER", nullable: false),
                    SegmentDepartment = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    SegmentLeftFrom = table.Column<int>(type: "INTEGER", nullable: true),
                    SegmentLeftTo = table.Column<int>(type: "INTEGER", nullable: true),
                    SegmentLocation = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    SegmentOpenTo = table.Column<int>(type: "INTEGER", nullable: false),
                    SegmentTag = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Newsletter", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "UndeliverableAddress",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<long>(type: "INTEGER", nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    MarkedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UndeliverableAddress", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NewsletterDelivery",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<long>(type: "INTEGER", nullable: false),
                    NewsletterId = table.Column<long>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NewsletterDelivery", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NewsletterDelivery_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_NewsletterDelivery_Newsletter_NewsletterId",
                        column: x => x.NewsletterId,
                        principalTable: "Newsletter",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MailOptOut_MemberId",
                table: "MailOptOut",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_MailOptOut_TenantId_MemberId_Kind",
                table: "MailOptOut",
                columns: new[] { "TenantId", "MemberId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MemberMailWeek_MemberId",
                table: "MemberMailWeek",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_Newsletter_TenantId_Status_SendAt",
                table: "Newsletter",
                columns: new[] { "TenantId", "Status", "SendAt" });

            migrationBuilder.CreateIndex(
                name: "IX_NewsletterDelivery_MemberId",
                table: "NewsletterDelivery",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_NewsletterDelivery_NewsletterId",
                table: "NewsletterDelivery",
                column: "NewsletterId");

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
