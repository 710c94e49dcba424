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
            // SQLite drops a plain column in place since 3.35; EF would rebuild the whole Members table instead
            // (outside a transaction, with foreign keys off) to do the same.
            migrationBuilder.Sql("""ALTER TABLE "Members" DROP COLUMN "FeatureOnCommunity";""");
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
