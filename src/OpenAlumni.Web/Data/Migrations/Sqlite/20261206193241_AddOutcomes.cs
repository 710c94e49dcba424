using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenAlumni.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddOutcomes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Outcome",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ValueYen = table.Column<long>(type: "INTEGER", nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SourceId = table.Column<long>(type: "INTEGER", nullable: true),
                    Departments = table.Column<string>(type: "TEXT", maxLength: 2020, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RecordedByMemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Outcome", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OutcomeKindValue",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ValueYen = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutcomeKindValue", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OutcomeMember",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<long>(type: "INTEGER", nullable: false),
                    OutcomeId = table.Column<long>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    HideName = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutcomeMember", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutcomeMember_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OutcomeMember_Outcome_OutcomeId",
                        column: x => x.OutcomeId,
                        principalTable: "Outcome",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Outcome_TenantId_Date",
                table: "Outcome",
                columns: new[] { "TenantId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_Outcome_TenantId_Source_SourceId",
                table: "Outcome",
                columns: new[] { "TenantId", "Source", "SourceId" });

            migrationBuilder.CreateIndex(
                name: "IX_OutcomeKindValue_TenantId_Kind",
                table: "OutcomeKindValue",
                columns: new[] { "TenantId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutcomeMember_MemberId",
                table: "OutcomeMember",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_OutcomeMember_OutcomeId",
                table: "OutcomeMember",
                column: "OutcomeId");

            migrationBuilder.CreateIndex(
                name: "IX_OutcomeMember_TenantId_OutcomeId_MemberId",
                table: "OutcomeMember",
                columns: new[] { "TenantId", "OutcomeId", "MemberId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OutcomeKindValue");

            migrationBuilder.DropTable(
                name: "OutcomeMember");

            migrationBuilder.DropTable(
                name: "Outcome");
        }
    }
}
