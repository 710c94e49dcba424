using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenAlumni.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AnalyticsNetworkIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_JobReferral_TenantId_CreatedAt",
                table: "JobReferral",
                columns: new[] { "TenantId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_JobOpening_TenantId_AnnouncedAt",
                table: "JobOpening",
                columns: new[] { "TenantId", "AnnouncedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_JobInterest_TenantId_CreatedAt",
                table: "JobInterest",
                columns: new[] { "TenantId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Invitation_TenantId_CreatedAt",
                table: "Invitation",
                columns: new[] { "TenantId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationRequest_TenantId_CreatedAt",
                table: "ConsultationRequest",
                columns: new[] { "TenantId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationRequest_TenantId_Status_DecidedAt",
                table: "ConsultationRequest",
                columns: new[] { "TenantId", "Status", "DecidedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_JobReferral_TenantId_CreatedAt",
                table: "JobReferral");

            migrationBuilder.DropIndex(
                name: "IX_JobOpening_TenantId_AnnouncedAt",
                table: "JobOpening");

            migrationBuilder.DropIndex(
                name: "IX_JobInterest_TenantId_CreatedAt",
                table: "JobInterest");

            migrationBuilder.DropIndex(
                name: "IX_Invitation_TenantId_CreatedAt",
                table: "Invitation");

            migrationBuilder.DropIndex(
                name: "IX_ConsultationRequest_TenantId_CreatedAt",
                table: "ConsultationRequest");

            migrationBuilder.DropIndex(
                name: "IX_ConsultationRequest_TenantId_Status_DecidedAt",
                table: "ConsultationRequest");
        }
    }
}
