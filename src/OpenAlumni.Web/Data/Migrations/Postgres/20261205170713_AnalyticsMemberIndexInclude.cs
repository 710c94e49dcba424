using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenAlumni.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AnalyticsMemberIndexInclude : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Members_TenantId_Status_CreatedAt",
                table: "Members");

            migrationBuilder.CreateIndex(
                name: "IX_Members_TenantId_Status_CreatedAt",
                table: "Members",
                columns: new[] { "TenantId", "Status", "CreatedAt" })
                .Annotation("Npgsql:IndexInclude", new[] { "Kind", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Members_TenantId_Status_CreatedAt",
                table: "Members");

            migrationBuilder.CreateIndex(
                name: "IX_Members_TenantId_Status_CreatedAt",
                table: "Members",
                columns: new[] { "TenantId", "Status", "CreatedAt" });
        }
    }
}
