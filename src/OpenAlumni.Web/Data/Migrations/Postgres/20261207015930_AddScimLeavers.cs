using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OpenAlumni.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddScimLeavers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "InviteLeaversOnLastDay",
                table: "Tenants",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "LastDay",
                table: "RosterEntry",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LeaverInvitedAt",
                table: "RosterEntry",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ScimActive",
                table: "RosterEntry",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "ScimExternalId",
                table: "RosterEntry",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ScimUserName",
                table: "RosterEntry",
                type: "character varying(254)",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WorkEmail",
                table: "RosterEntry",
                type: "character varying(254)",
                maxLength: 254,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ScimToken",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<long>(type: "bigint", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Hint = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastUsedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScimToken", x => new { x.Id, x.TenantId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_RosterEntry_TenantId_LastDay",
                table: "RosterEntry",
                columns: new[] { "TenantId", "LastDay" });

            migrationBuilder.CreateIndex(
                name: "IX_RosterEntry_TenantId_ScimExternalId",
                table: "RosterEntry",
                columns: new[] { "TenantId", "ScimExternalId" });

            migrationBuilder.CreateIndex(
                name: "IX_RosterEntry_TenantId_ScimUserName",
                table: "RosterEntry",
                columns: new[] { "TenantId", "ScimUserName" },
                unique: true,
                filter: "\"ScimUserName\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ScimToken_TenantId_TokenHash",
                table: "ScimToken",
                columns: new[] { "TenantId", "TokenHash" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ScimToken");

            migrationBuilder.DropIndex(
                name: "IX_RosterEntry_TenantId_LastDay",
                table: "RosterEntry");

            migrationBuilder.DropIndex(
                name: "IX_RosterEntry_TenantId_ScimExternalId",
                table: "RosterEntry");

            migrationBuilder.DropIndex(
                name: "IX_RosterEntry_TenantId_ScimUserName",
                table: "RosterEntry");

            migrationBuilder.DropColumn(
                name: "InviteLeaversOnLastDay",
                table: "Tenants");

            migrationBuilder.DropColumn(
                name: "LastDay",
                table: "RosterEntry");

            migrationBuilder.DropColumn(
                name: "LeaverInvitedAt",
                table: "RosterEntry");

            migrationBuilder.DropColumn(
                name: "ScimActive",
                table: "RosterEntry");

            migrationBuilder.DropColumn(
                name: "ScimExternalId",
                table: "RosterEntry");

            migrationBuilder.DropColumn(
                name: "ScimUserName",
                table: "RosterEntry");

            migrationBuilder.DropColumn(
                name: "WorkEmail",
                table: "RosterEntry");
        }
    }
}
