using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenAlumni.Web.Data.Migrations.Sqlite
{
    /// <summary>
    /// SQLite's twin of PostgreSQL's GIN index over the members' bigram tokens: an FTS5 index over
    /// <c>Members.SearchTokens</c> (external content, so the tokens are stored once), kept by triggers whatever
    /// writes the table (the app, the demo seeder, an erasure). The directory narrows by it and confirms on the
    /// normalised text, as on PostgreSQL. The "ascii" tokenizer keeps every token whole: the grams are letters and
    /// digits only, already normalised and level-prefixed ("n山田"). A later migration that makes EF rebuild the
    /// Members table drops these triggers with it and must create them again.
    /// </summary>
    public partial class MemberSearchFts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "MemberSearchFts" USING fts5("SearchTokens", content='Members', content_rowid='Id', tokenize='ascii', detail='none');
                INSERT INTO "MemberSearchFts" ("MemberSearchFts") VALUES ('rebuild');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER members_search_fts_insert AFTER INSERT ON "Members"
                BEGIN
                    INSERT INTO "MemberSearchFts" (rowid, "SearchTokens") VALUES (NEW."Id", NEW."SearchTokens");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER members_search_fts_delete AFTER DELETE ON "Members"
                BEGIN
                    INSERT INTO "MemberSearchFts" ("MemberSearchFts", rowid, "SearchTokens") VALUES ('delete', OLD."Id", OLD."SearchTokens");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER members_search_fts_update AFTER UPDATE OF "SearchTokens" ON "Members"
                BEGIN
                    INSERT INTO "MemberSearchFts" ("MemberSearchFts", rowid, "SearchTokens") VALUES ('delete', OLD."Id", OLD."SearchTokens");
                    INSERT INTO "MemberSearchFts" (rowid, "SearchTokens") VALUES (NEW."Id", NEW."SearchTokens");
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS members_search_fts_insert;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS members_search_fts_delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS members_search_fts_update;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS \"MemberSearchFts\";");
        }
    }
}
