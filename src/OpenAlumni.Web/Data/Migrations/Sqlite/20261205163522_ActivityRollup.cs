using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenAlumni.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ActivityRollup : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Gap",
                table: "MemberActivity",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "MemberActivity",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "ActivityRollup",
                columns: table => new
                {
                    TenantId = table.Column<long>(type: "INTEGER", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Gap = table.Column<int>(type: "INTEGER", nullable: false),
                    Members = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActivityRollup", x => new { x.TenantId, x.Day, x.Kind, x.Gap });
                });

            // The rollup is kept by triggers, whatever writes MemberActivity (the app, the demo seeder, a bulk load):
            // each row knows its gap to the member's previous active day and the member's kind, and the rollup counts
            // rows per (tenant, day, kind, gap capped at 32). See docs/DEVELOPMENT.md "Analytics".
            // The gap is read through the (TenantId, MemberId, Day) index: an UPDATE ... FROM a LAG window, as on
            // PostgreSQL, has no index on the derived table in SQLite and scans it once per row (minutes at 900,000 rows).
            migrationBuilder.Sql("""
                UPDATE "MemberActivity" SET "Kind" = COALESCE((SELECT m."Kind" FROM "Members" m WHERE m."Id" = "MemberActivity"."MemberId"), '');
                UPDATE "MemberActivity" SET "Gap" = CAST(julianday("Day") - julianday((SELECT MAX(p."Day") FROM "MemberActivity" p
                    WHERE p."TenantId" = "MemberActivity"."TenantId" AND p."MemberId" = "MemberActivity"."MemberId" AND p."Day" < "MemberActivity"."Day")) AS INTEGER);
                INSERT INTO "ActivityRollup" ("TenantId", "Day", "Kind", "Gap", "Members")
                SELECT "TenantId", "Day", "Kind", CASE WHEN "Gap" IS NULL OR "Gap" > 31 THEN 32 ELSE "Gap" END, COUNT(*)
                FROM "MemberActivity" WHERE 1 GROUP BY "TenantId", "Day", "Kind", 4;
                """);
            // After the insert (an INSERT OR IGNORE that ignored fires nothing): the row's kind and gap, its count, and the
            // member's next active day, if any, now has a shorter gap.
            migrationBuilder.Sql("""
                CREATE TRIGGER member_activity_after_insert AFTER INSERT ON "MemberActivity"
                BEGIN
                    UPDATE "MemberActivity" SET
                        "Kind" = COALESCE((SELECT "Kind" FROM "Members" WHERE "Id" = NEW."MemberId"), NEW."Kind"),
                        "Gap" = CAST(julianday(NEW."Day") - julianday((SELECT MAX("Day") FROM "MemberActivity"
                            WHERE "TenantId" = NEW."TenantId" AND "MemberId" = NEW."MemberId" AND "Day" < NEW."Day")) AS INTEGER)
                    WHERE "Id" = NEW."Id";
                    INSERT INTO "ActivityRollup" ("TenantId", "Day", "Kind", "Gap", "Members") SELECT "TenantId", "Day", "Kind", CASE WHEN "Gap" IS NULL OR "Gap" > 31 THEN 32 ELSE "Gap" END, 1 FROM "MemberActivity" WHERE "Id" = NEW."Id"
                        ON CONFLICT ("TenantId", "Day", "Kind", "Gap") DO UPDATE SET "Members" = "Members" + excluded."Members";
                    INSERT INTO "ActivityRollup" ("TenantId", "Day", "Kind", "Gap", "Members") SELECT "TenantId", "Day", "Kind", CASE WHEN "Gap" IS NULL OR "Gap" > 31 THEN 32 ELSE "Gap" END, -1 FROM "MemberActivity" WHERE "TenantId" = NEW."TenantId" AND "MemberId" = NEW."MemberId" AND "Day" = (SELECT MIN("Day") FROM "MemberActivity" WHERE "TenantId" = NEW."TenantId" AND "MemberId" = NEW."MemberId" AND "Day" > NEW."Day")
                        ON CONFLICT ("TenantId", "Day", "Kind", "Gap") DO UPDATE SET "Members" = "Members" + excluded."Members";
                    UPDATE "MemberActivity" SET "Gap" = CAST(julianday("Day") - julianday(NEW."Day") AS INTEGER) WHERE "TenantId" = NEW."TenantId" AND "MemberId" = NEW."MemberId" AND "Day" = (SELECT MIN("Day") FROM "MemberActivity" WHERE "TenantId" = NEW."TenantId" AND "MemberId" = NEW."MemberId" AND "Day" > NEW."Day");
                    INSERT INTO "ActivityRollup" ("TenantId", "Day", "Kind", "Gap", "Members") SELECT "TenantId", "Day", "Kind", CASE WHEN "Gap" IS NULL OR "Gap" > 31 THEN 32 ELSE "Gap" END, 1 FROM "MemberActivity" WHERE "TenantId" = NEW."TenantId" AND "MemberId" = NEW."MemberId" AND "Day" = (SELECT MIN("Day") FROM "MemberActivity" WHERE "TenantId" = NEW."TenantId" AND "MemberId" = NEW."MemberId" AND "Day" > NEW."Day")
                        ON CONFLICT ("TenantId", "Day", "Kind", "Gap") DO UPDATE SET "Members" = "Members" + excluded."Members";
                END;
                """);
            // A deleted row (the cascade when a member is erased, too) leaves the rollup; the member's next active day, if
            // it remains, now reaches back to the deleted row's previous day.
            migrationBuilder.Sql("""
                CREATE TRIGGER member_activity_after_delete AFTER DELETE ON "MemberActivity"
                BEGIN
                    INSERT INTO "ActivityRollup" ("TenantId", "Day", "Kind", "Gap", "Members") SELECT OLD."TenantId", OLD."Day", OLD."Kind", CASE WHEN OLD."Gap" IS NULL OR OLD."Gap" > 31 THEN 32 ELSE OLD."Gap" END, -1 WHERE 1
                        ON CONFLICT ("TenantId", "Day", "Kind", "Gap") DO UPDATE SET "Members" = "Members" + excluded."Members";
                    INSERT INTO "ActivityRollup" ("TenantId", "Day", "Kind", "Gap", "Members") SELECT "TenantId", "Day", "Kind", CASE WHEN "Gap" IS NULL OR "Gap" > 31 THEN 32 ELSE "Gap" END, -1 FROM "MemberActivity" WHERE "TenantId" = OLD."TenantId" AND "MemberId" = OLD."MemberId" AND "Day" = (SELECT MIN("Day") FROM "MemberActivity" WHERE "TenantId" = OLD."TenantId" AND "MemberId" = OLD."MemberId" AND "Day" > OLD."Day")
                        ON CONFLICT ("TenantId", "Day", "Kind", "Gap") DO UPDATE SET "Members" = "Members" + excluded."Members";
                    UPDATE "MemberActivity" SET "Gap" = "Gap" + OLD."Gap" WHERE "TenantId" = OLD."TenantId" AND "MemberId" = OLD."MemberId" AND "Day" = (SELECT MIN("Day") FROM "MemberActivity" WHERE "TenantId" = OLD."TenantId" AND "MemberId" = OLD."MemberId" AND "Day" > OLD."Day");
                    INSERT INTO "ActivityRollup" ("TenantId", "Day", "Kind", "Gap", "Members") SELECT "TenantId", "Day", "Kind", CASE WHEN "Gap" IS NULL OR "Gap" > 31 THEN 32 ELSE "Gap" END, 1 FROM "MemberActivity" WHERE "TenantId" = OLD."TenantId" AND "MemberId" = OLD."MemberId" AND "Day" = (SELECT MIN("Day") FROM "MemberActivity" WHERE "TenantId" = OLD."TenantId" AND "MemberId" = OLD."MemberId" AND "Day" > OLD."Day")
                        ON CONFLICT ("TenantId", "Day", "Kind", "Gap") DO UPDATE SET "Members" = "Members" + excluded."Members";
                END;
                """);
            // A member whose kind changes moves all their days to the other kind.
            migrationBuilder.Sql("""
                CREATE TRIGGER members_kind_activity AFTER UPDATE OF "Kind" ON "Members" WHEN OLD."Kind" <> NEW."Kind"
                BEGIN
                    INSERT INTO "ActivityRollup" ("TenantId", "Day", "Kind", "Gap", "Members") SELECT "TenantId", "Day", OLD."Kind", CASE WHEN "Gap" IS NULL OR "Gap" > 31 THEN 32 ELSE "Gap" END, -1 FROM "MemberActivity" WHERE "TenantId" = NEW."TenantId" AND "MemberId" = NEW."Id"
                        ON CONFLICT ("TenantId", "Day", "Kind", "Gap") DO UPDATE SET "Members" = "Members" + excluded."Members";
                    INSERT INTO "ActivityRollup" ("TenantId", "Day", "Kind", "Gap", "Members") SELECT "TenantId", "Day", NEW."Kind", CASE WHEN "Gap" IS NULL OR "Gap" > 31 THEN 32 ELSE "Gap" END, 1 FROM "MemberActivity" WHERE "TenantId" = NEW."TenantId" AND "MemberId" = NEW."Id"
                        ON CONFLICT ("TenantId", "Day", "Kind", "Gap") DO UPDATE SET "Members" = "Members" + excluded."Members";
                    UPDATE "MemberActivity" SET "Kind" = NEW."Kind" WHERE "TenantId" = NEW."TenantId" AND "MemberId" = NEW."Id";
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS member_activity_after_insert;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS member_activity_after_delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS members_kind_activity;");

            migrationBuilder.DropTable(
                name: "ActivityRollup");

            migrationBuilder.DropColumn(
                name: "Gap",
                table: "MemberActivity");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "MemberActivity");
        }
    }
}
