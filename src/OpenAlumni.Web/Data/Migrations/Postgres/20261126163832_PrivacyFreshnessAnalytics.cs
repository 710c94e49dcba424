using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OpenAlumni.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PrivacyFreshnessAnalytics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ProfileConfirmDays",
                table: "Tenants",
                type: "integer",
                nullable: false,
                defaultValue: 365);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ConfirmRequestedAt",
                table: "Members",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ConfirmedAt",
                table: "Members",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "WithheldPurposes",
                table: "Members",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "ConsentRecord",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<long>(type: "bigint", nullable: false),
                    MemberId = table.Column<long>(type: "bigint", nullable: false),
                    Purpose = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Granted = table.Column<bool>(type: "boolean", nullable: false),
                    PolicyVersion = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsentRecord", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConsentRecord_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MemberActivity",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<long>(type: "bigint", nullable: false),
                    MemberId = table.Column<long>(type: "bigint", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MemberActivity", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MemberActivity_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PrivacyPolicy",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<long>(type: "bigint", nullable: false),
                    Culture = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(50000)", maxLength: 50000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedByMemberId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PrivacyPolicy", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Reaction_TenantId_CreatedAt",
                table: "Reaction",
                columns: new[] { "TenantId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Members_TenantId_Status_CreatedAt",
                table: "Members",
                columns: new[] { "TenantId", "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Comment_TenantId_CreatedAt",
                table: "Comment",
                columns: new[] { "TenantId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ConsentRecord_MemberId",
                table: "ConsentRecord",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_ConsentRecord_TenantId_MemberId_Id",
                table: "ConsentRecord",
                columns: new[] { "TenantId", "MemberId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_MemberActivity_MemberId",
                table: "MemberActivity",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_MemberActivity_TenantId_Day_MemberId",
                table: "MemberActivity",
                columns: new[] { "TenantId", "Day", "MemberId" });

            migrationBuilder.CreateIndex(
                name: "IX_MemberActivity_TenantId_MemberId_Day",
                table: "MemberActivity",
                columns: new[] { "TenantId", "MemberId", "Day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PrivacyPolicy_TenantId_Culture_Version",
                table: "PrivacyPolicy",
                columns: new[] { "TenantId", "Culture", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConsentRecord");

            migrationBuilder.DropTable(
                name: "MemberActivity");

            migrationBuilder.DropTable(
                name: "PrivacyPolicy");

            migrationBuilder.DropIndex(
                name: "IX_Reaction_TenantId_CreatedAt",
                table: "Reaction");

            migrationBuilder.DropIndex(
                name: "IX_Members_TenantId_Status_CreatedAt",
                table: "Members");

            migrationBuilder.DropIndex(
                name: "IX_Comment_TenantId_CreatedAt",
                table: "Comment");

            migrationBuilder.DropColumn(
                name: "ProfileConfirmDays",
                table: "Tenants");

            migrationBuilder.DropColumn(
                name: "ConfirmRequestedAt",
                table: "Members");

            migrationBuilder.DropColumn(
                name: "ConfirmedAt",
                table: "Members");

            migrationBuilder.DropColumn(
                name: "WithheldPurposes",
                table: "Members");
        }
    }
}
