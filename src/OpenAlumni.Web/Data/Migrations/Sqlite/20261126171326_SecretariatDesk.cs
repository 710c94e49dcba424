using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenAlumni.Web.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 400,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "LogoPath",
                table: "Tenants",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RegistrationDepartments",
                table: "Tenants",
                type: "TEXT",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "RegistrationYearFrom",
                table: "Tenants",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RosterMatch",
                table: "Tenants",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "Email");

            migrationBuilder.AddColumn<long>(
                name: "LastActiveAt",
                table: "Members",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "RosterEntry",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<long>(type: "INTEGER", nullable: false),
                    FamilyName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    GivenName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    FamilyNameKana = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    GivenNameKana = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    EmailKey = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Department = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    JoinedYear = table.Column<int>(type: "INTEGER", nullable: true),
                    LeftYear = table.Column<int>(type: "INTEGER", nullable: true),
                    EmployeeNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    MemberId = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<long>(type: "INTEGER", nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    EmailKey = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    RosterEntryId = table.Column<long>(type: "INTEGER", nullable: true),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SendCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UsedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    MemberId = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedByMemberId = table.Column<long>(type: "INTEGER", nullable: false)
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
