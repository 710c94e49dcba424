using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenAlumni.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddFeedIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Post_TenantId_Room_Status_PublishedAt",
                table: "Post");

            migrationBuilder.CreateIndex(
                name: "IX_Post_TenantId_Room_Status_Pinned_PublishedAt_Id",
                table: "Post",
                columns: new[] { "TenantId", "Room", "Status", "Pinned", "PublishedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Post_TenantId_Status_Pinned_PublishedAt_Id",
                table: "Post",
                columns: new[] { "TenantId", "Status", "Pinned", "PublishedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Post_TenantId_Room_Status_Pinned_PublishedAt_Id",
                table: "Post");

            migrationBuilder.DropIndex(
                name: "IX_Post_TenantId_Status_Pinned_PublishedAt_Id",
                table: "Post");

            migrationBuilder.CreateIndex(
                name: "IX_Post_TenantId_Room_Status_PublishedAt",
                table: "Post",
                columns: new[] { "TenantId", "Room", "Status", "PublishedAt" });
        }
    }
}
