using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenAlumni.Web.Data.Migrations.Postgres
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
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "MemberActivity",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "ActivityRollup",
                columns: table => new
                {
                    TenantId = table.Column<long>(type: "bigint", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Gap = table.Column<int>(type: "integer", nullable: false),
                    Members = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActivityRollup", x => new { x.TenantId, x.Day, x.Kind, x.Gap });
                });

            // The rollup is kept by triggers, whatever writes MemberActivity (the app, the demo seeder, a bulk load):
            // each row knows its gap to the member's previous active day and the member's kind, and the rollup counts
            // rows per (tenant, day, kind, gap capped at 32). See docs/DEVELOPMENT.md "Analytics".
            migrationBuilder.Sql("""
                CREATE FUNCTION activity_rollup_add(t bigint, d date, k text, g integer, n integer) RETURNS void LANGUAGE sql AS $$
                    INSERT INTO "ActivityRollup" ("TenantId", "Day", "Kind", "Gap", "Members")
                    VALUES (t, d, k, CASE WHEN g IS NULL OR g > 31 THEN 32 ELSE g END, n)
                    ON CONFLICT ("TenantId", "Day", "Kind", "Gap") DO UPDATE SET "Members" = "ActivityRollup"."Members" + excluded."Members";
                $$;

                CREATE FUNCTION member_activity_before_insert() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    NEW."Kind" := COALESCE((SELECT "Kind" FROM "Members" WHERE "Id" = NEW."MemberId"), NEW."Kind");
                    NEW."Gap" := NEW."Day" - (SELECT MAX("Day") FROM "MemberActivity"
                        WHERE "TenantId" = NEW."TenantId" AND "MemberId" = NEW."MemberId" AND "Day" < NEW."Day");
                    RETURN NEW;
                END $$;

                -- After the insert (an ON CONFLICT DO NOTHING that did nothing fires nothing): count the row, and the
                -- member's next active day, if any, now has a shorter gap.
                CREATE FUNCTION member_activity_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE next_day date; next_gap integer;
                BEGIN
                    PERFORM activity_rollup_add(NEW."TenantId", NEW."Day", NEW."Kind", NEW."Gap", 1);
                    SELECT "Day", "Gap" INTO next_day, next_gap FROM "MemberActivity"
                        WHERE "TenantId" = NEW."TenantId" AND "MemberId" = NEW."MemberId" AND "Day" > NEW."Day" ORDER BY "Day" LIMIT 1;
                    IF FOUND THEN
                        PERFORM activity_rollup_add(NEW."TenantId", next_day, NEW."Kind", next_gap, -1);
                        PERFORM activity_rollup_add(NEW."TenantId", next_day, NEW."Kind", next_day - NEW."Day", 1);
                        UPDATE "MemberActivity" SET "Gap" = next_day - NEW."Day"
                            WHERE "TenantId" = NEW."TenantId" AND "MemberId" = NEW."MemberId" AND "Day" = next_day;
                    END IF;
                    RETURN NULL;
                END $$;

                -- A deleted row (the cascade when a member is erased, too) leaves the rollup; the member's next active
                -- day, if it remains, now reaches back to the deleted row's previous day.
                CREATE FUNCTION member_activity_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE next_day date; next_gap integer;
                BEGIN
                    PERFORM activity_rollup_add(OLD."TenantId", OLD."Day", OLD."Kind", OLD."Gap", -1);
                    SELECT "Day", "Gap" INTO next_day, next_gap FROM "MemberActivity"
                        WHERE "TenantId" = OLD."TenantId" AND "MemberId" = OLD."MemberId" AND "Day" > OLD."Day" ORDER BY "Day" LIMIT 1;
                    IF FOUND THEN
                        PERFORM activity_rollup_add(OLD."TenantId", next_day, OLD."Kind", next_gap, -1);
                        PERFORM activity_rollup_add(OLD."TenantId", next_day, OLD."Kind", next_gap + OLD."Gap", 1);
                        UPDATE "MemberActivity" SET "Gap" = next_gap + OLD."Gap"
                            WHERE "TenantId" = OLD."TenantId" AND "MemberId" = OLD."MemberId" AND "Day" = next_day;
                    END IF;
                    RETURN NULL;
                END $$;

                -- A member whose kind changes moves all their days to the other kind.
                CREATE FUNCTION members_kind_activity() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM activity_rollup_add(a."TenantId", a."Day", OLD."Kind", a."Gap", -1) FROM "MemberActivity" a
                        WHERE a."TenantId" = NEW."TenantId" AND a."MemberId" = NEW."Id";
                    PERFORM activity_rollup_add(a."TenantId", a."Day", NEW."Kind", a."Gap", 1) FROM "MemberActivity" a
                        WHERE a."TenantId" = NEW."TenantId" AND a."MemberId" = NEW."Id";
                    UPDATE "MemberActivity" SET "Kind" = NEW."Kind" WHERE "TenantId" = NEW."TenantId" AND "MemberId" = NEW."Id";
                    RETURN NULL;
                END $$;

                -- Backfill: each existing row's kind and gap, then the rollup.
                UPDATE "MemberActivity" a SET "Kind" = m."Kind" FROM "Members" m WHERE m."Id" = a."MemberId";
                UPDATE "MemberActivity" a SET "Gap" = x."Gap" FROM (
                    SELECT "Id", "Day" - LAG("Day") OVER (PARTITION BY "TenantId", "MemberId" ORDER BY "Day") AS "Gap" FROM "MemberActivity"
                ) x WHERE x."Id" = a."Id" AND x."Gap" IS NOT NULL;
                INSERT INTO "ActivityRollup" ("TenantId", "Day", "Kind", "Gap", "Members")
                SELECT "TenantId", "Day", "Kind", CASE WHEN "Gap" IS NULL OR "Gap" > 31 THEN 32 ELSE "Gap" END AS g, COUNT(*)
                FROM "MemberActivity" GROUP BY "TenantId", "Day", "Kind", g;

                CREATE TRIGGER member_activity_before_insert BEFORE INSERT ON "MemberActivity"
                    FOR EACH ROW EXECUTE FUNCTION member_activity_before_insert();
                CREATE TRIGGER member_activity_after_insert AFTER INSERT ON "MemberActivity"
                    FOR EACH ROW EXECUTE FUNCTION member_activity_after_insert();
                CREATE TRIGGER member_activity_after_delete AFTER DELETE ON "MemberActivity"
                    FOR EACH ROW EXECUTE FUNCTION member_activity_after_delete();
                CREATE TRIGGER members_kind_activity AFTER UPDATE OF "Kind" ON "Members"
                    FOR EACH ROW WHEN (OLD."Kind" IS DISTINCT FROM NEW."Kind") EXECUTE FUNCTION members_kind_activity();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS member_activity_before_insert ON "MemberActivity";
                DROP TRIGGER IF EXISTS member_activity_after_insert ON "MemberActivity";
                DROP TRIGGER IF EXISTS member_activity_after_delete ON "MemberActivity";
                DROP TRIGGER IF EXISTS members_kind_activity ON "Members";
                DROP FUNCTION IF EXISTS member_activity_before_insert();
                DROP FUNCTION IF EXISTS member_activity_after_insert();
                DROP FUNCTION IF EXISTS member_activity_after_delete();
                DROP FUNCTION IF EXISTS members_kind_activity();
                DROP FUNCTION IF EXISTS activity_rollup_add(bigint, date, text, integer, integer);
                """);

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
