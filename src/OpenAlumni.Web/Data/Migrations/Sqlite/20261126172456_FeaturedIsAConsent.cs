using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenAlumni.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FeaturedIsAConsent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // "Feature me on the community page" becomes the consent to the purpose `featured` (8): one source of truth.
            migrationBuilder.Sql("""
                UPDATE "Members" SET "WithheldPurposes" = CASE WHEN "FeatureOnCommunity" THEN "WithheldPurposes" & ~8 ELSE "WithheldPurposes" | 8 END;
                """);
            migrationBuilder.DropColumn(
                name: "FeatureOnCommunity",
                table: "Members");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "FeatureOnCommunity",
                table: "Members",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }
    }
}
