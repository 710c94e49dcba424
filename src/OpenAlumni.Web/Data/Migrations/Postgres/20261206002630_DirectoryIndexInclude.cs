using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenAlumni.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DirectoryIndexInclude : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Members_TenantId_Status_SortKey",
                table: "Members");

            migrationBuilder.CreateIndex(
                name: "IX_Members_TenantId_Status_SortKey",
                table: "Members",
                columns: new[] { "TenantId", "Status", "SortKey" })
                .Annotation("Npgsql:IndexInclude", new[] { "Id", "WithheldPurposes", "Kind", "OpenTo", "OpenToVisibility", "TagsVisibility", "CareerVisibility" });

            // The planner guesses 0.5% for any "(column & bit) = 0" and so walks every member in a nested loop for the
            // skill and department filters; statistics on the consent bit itself give it the real share (most consent).
            migrationBuilder.Sql("""CREATE STATISTICS IF NOT EXISTS "ST_Members_DirectoryConsent" ON (("WithheldPurposes" & 1)) FROM "Members";""");
            migrationBuilder.Sql("""ANALYZE "Members";""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP STATISTICS IF EXISTS "ST_Members_DirectoryConsent";""");

            migrationBuilder.DropIndex(
                name: "IX_Members_TenantId_Status_SortKey",
                table: "Members");

            migrationBuilder.CreateIndex(
                name: "IX_Members_TenantId_Status_SortKey",
                table: "Members",
                columns: new[] { "TenantId", "Status", "SortKey" });
        }
    }
}
