using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OpenAlumni.Web.Data.Migrations.Postgres
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    ValueYen = table.Column<long>(type: "bigint", nullable: true),
                    Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SourceId = table.Column<long>(type: "bigint", nullable: true),
                    Departments = table.Column<string>(type: "character varying(2020)", maxLength: 2020, nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    RecordedByMemberId = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Outcome", x => new { x.Id, x.TenantId });
                });

            migrationBuilder.CreateTable(
                name: "OutcomeKindValue",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ValueYen = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutcomeKindValue", x => new { x.Id, x.TenantId });
                });

            migrationBuilder.CreateTable(
                name: "OutcomeMember",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<long>(type: "bigint", nullable: false),
                    OutcomeId = table.Column<long>(type: "bigint", nullable: false),
                    MemberId = table.Column<long>(type: "bigint", nullable: false),
                    HideName = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutcomeMember", x => new { x.Id, x.TenantId });
                    table.ForeignKey(
                        name: "FK_OutcomeMember_Members_MemberId_TenantId",
                        columns: x => new { x.MemberId, x.TenantId },
                        principalTable: "Members",
                        principalColumns: new[] { "Id", "TenantId" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OutcomeMember_Outcome_OutcomeId_TenantId",
                        columns: x => new { x.OutcomeId, x.TenantId },
                        principalTable: "Outcome",
                        principalColumns: new[] { "Id", "TenantId" },
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
                name: "IX_OutcomeMember_MemberId_TenantId",
                table: "OutcomeMember",
                columns: new[] { "MemberId", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_OutcomeMember_OutcomeId_TenantId",
                table: "OutcomeMember",
                columns: new[] { "OutcomeId", "TenantId" });

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
