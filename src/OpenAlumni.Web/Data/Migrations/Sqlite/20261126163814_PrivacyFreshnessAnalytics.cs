using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenAlumni.Web.Data.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 365);

            migrationBuilder.AddColumn<long>(
                name: "ConfirmRequestedAt",
                table: "Members",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ConfirmedAt",
                table: "Members",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "WithheldPurposes",
                table: "Members",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "ConsentRecord",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<long>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Granted = table.Column<bool>(type: "INTEGER", nullable: false),
                    PolicyVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<long>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<long>(type: "INTEGER", nullable: false),
                    Culture = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 50000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedByMemberId = table.Column<long>(type: "INTEGER", nullable: true)
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
