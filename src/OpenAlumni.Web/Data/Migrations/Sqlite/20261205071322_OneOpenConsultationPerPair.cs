using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenAlumni.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OneOpenConsultationPerPair : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_ConsultationRequests_OneOpenPerPair",
                table: "ConsultationRequest",
                columns: new[] { "TenantId", "RequesterMemberId", "RecipientMemberId" },
                unique: true,
                filter: "\"Status\" IN ('Pending', 'Proposed')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ConsultationRequests_OneOpenPerPair",
                table: "ConsultationRequest");
        }
    }
}
