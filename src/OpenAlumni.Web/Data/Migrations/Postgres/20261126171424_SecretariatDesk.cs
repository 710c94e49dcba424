using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OpenAlumni.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SecretariatDesk : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DisabledFeatures",
                table: "Tenants",
                type: "character varying(400)",
                maxLength: 400,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "LogoPath",
                table: "Tenants",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RegistrationDepartments",
                table: "Tenants",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "RegistrationYearFrom",
                table: "Tenants",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RosterMatch",
                table: "Tenants",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "Email");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LastActiveAt",
                table: "Members",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "RosterEntry",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<long>(type: "bigint", nullable: false),
                    FamilyName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    GivenName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    FamilyNameKana = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    GivenNameKana = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    EmailKey = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    Department = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    JoinedYear = table.Column<int>(type: "integer", nullable: true),
                    LeftYear = table.Column<int>(type: "integer", nullable: true),
                    EmployeeNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    MemberId = table.Column<long>(type: "bigint", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RosterEntry", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RosterEntry_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "Invitation",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<long>(type: "bigint", nullable: false),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    EmailKey = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    RosterEntryId = table.Column<long>(type: "bigint", nullable: true),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SendCount = table.Column<int>(type: "integer", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UsedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    MemberId = table.Column<long>(type: "bigint", nullable: true),
                    CreatedByMemberId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Invitation", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Invitation_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Invitation_RosterEntry_RosterEntryId",
                        column: x => x.RosterEntryId,
                        principalTable: "RosterEntry",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Invitation_MemberId",
                table: "Invitation",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_Invitation_RosterEntryId",
                table: "Invitation",
                column: "RosterEntryId");

            migrationBuilder.CreateIndex(
                name: "IX_Invitation_TenantId_EmailKey",
                table: "Invitation",
                columns: new[] { "TenantId", "EmailKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Invitation_TenantId_Id",
                table: "Invitation",
                columns: new[] { "TenantId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Invitation_TokenHash",
                table: "Invitation",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RosterEntry_MemberId",
                table: "RosterEntry",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_RosterEntry_TenantId_EmailKey",
                table: "RosterEntry",
                columns: new[] { "TenantId", "EmailKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RosterEntry_TenantId_EmployeeNumber",
                table: "RosterEntry",
                columns: new[] { "TenantId", "EmployeeNumber" },
                unique: true,
                filter: "\"EmployeeNumber\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_RosterEntry_TenantId_FamilyName_GivenName",
                table: "RosterEntry",
                columns: new[] { "TenantId", "FamilyName", "GivenName" });

            migrationBuilder.CreateIndex(
                name: "IX_RosterEntry_TenantId_MemberId",
                table: "RosterEntry",
                columns: new[] { "TenantId", "MemberId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Invitation");

            migrationBuilder.DropTable(
                name: "RosterEntry");

            migrationBuilder.DropColumn(
                name: "DisabledFeatures",
                table: "Tenants");

            migrationBuilder.DropColumn(
                name: "LogoPath",
                table: "Tenants");

            migrationBuilder.DropColumn(
                name: "RegistrationDepartments",
                table: "Tenants");

            migrationBuilder.DropColumn(
                name: "RegistrationYearFrom",
                table: "Tenants");

            migrationBuilder.DropColumn(
                name: "RosterMatch",
                table: "Tenants");

            migrationBuilder.DropColumn(
                name: "LastActiveAt",
                table: "Members");
        }
    }
}
