using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenAlumni.Web.Data.Migrations.Sqlite
{
    /// <summary>
    /// SQLite's twin of PostgreSQL's INCLUDE index for the directory (SQLite has no INCLUDE: the columns go at the end
    /// of the key). Counting and skipping members in reading order then reads the index alone, not the 1.6 KB rows.
    /// Outside the EF model, like the FTS triggers: a migration that rebuilds Members must create it again.
    /// </summary>
    public partial class DirectoryCoveringIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE INDEX IF NOT EXISTS "IX_Members_Directory" ON "Members" ("TenantId", "Status", "SortKey", "Id",
                    "WithheldPurposes", "Kind", "OpenTo", "OpenToVisibility", "TagsVisibility", "CareerVisibility");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_Members_Directory";""");
        }
    }
}
