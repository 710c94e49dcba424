using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OpenAlumni.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddSpaces : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "SpaceId",
                table: "Post",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "TargetsSpaces",
                table: "Post",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "SpaceId",
                table: "Event",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Space",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<long>(type: "bigint", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    DescriptionEn = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Visibility = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ImagePath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CreatedByMemberId = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Space", x => new { x.Id, x.TenantId });
                });

            migrationBuilder.CreateTable(
                name: "Supporter",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<long>(type: "bigint", nullable: false),
                    MemberId = table.Column<long>(type: "bigint", nullable: false),
                    AppointedByMemberId = table.Column<long>(type: "bigint", nullable: false),
                    AppointedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Supporter", x => new { x.Id, x.TenantId });
                    table.ForeignKey(
                        name: "FK_Supporter_Members_MemberId_TenantId",
                        columns: x => new { x.MemberId, x.TenantId },
                        principalTable: "Members",
                        principalColumns: new[] { "Id", "TenantId" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PostSpaceTarget",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<long>(type: "bigint", nullable: false),
                    PostId = table.Column<long>(type: "bigint", nullable: false),
                    SpaceId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PostSpaceTarget", x => new { x.Id, x.TenantId });
                    table.ForeignKey(
                        name: "FK_PostSpaceTarget_Post_PostId_TenantId",
                        columns: x => new { x.PostId, x.TenantId },
                        principalTable: "Post",
                        principalColumns: new[] { "Id", "TenantId" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PostSpaceTarget_Space_SpaceId_TenantId",
                        columns: x => new { x.SpaceId, x.TenantId },
                        principalTable: "Space",
                        principalColumns: new[] { "Id", "TenantId" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SpaceMember",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<long>(type: "bigint", nullable: false),
                    SpaceId = table.Column<long>(type: "bigint", nullable: false),
                    MemberId = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Role = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Notify = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    JoinedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpaceMember", x => new { x.Id, x.TenantId });
                    table.ForeignKey(
                        name: "FK_SpaceMember_Members_MemberId_TenantId",
                        columns: x => new { x.MemberId, x.TenantId },
                        principalTable: "Members",
                        principalColumns: new[] { "Id", "TenantId" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SpaceMember_Space_SpaceId_TenantId",
                        columns: x => new { x.SpaceId, x.TenantId },
                        principalTable: "Space",
                        principalColumns: new[] { "Id", "TenantId" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Post_SpaceId_TenantId",
                table: "Post",
                columns: new[] { "SpaceId", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_Post_TenantId_SpaceId_Status_Pinned_PublishedAt_Id",
                table: "Post",
                columns: new[] { "TenantId", "SpaceId", "Status", "Pinned", "PublishedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Event_SpaceId_TenantId",
                table: "Event",
                columns: new[] { "SpaceId", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_Event_TenantId_SpaceId_StartsAt",
                table: "Event",
                columns: new[] { "TenantId", "SpaceId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PostSpaceTarget_PostId_TenantId",
                table: "PostSpaceTarget",
                columns: new[] { "PostId", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_PostSpaceTarget_SpaceId_TenantId",
                table: "PostSpaceTarget",
                columns: new[] { "SpaceId", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_PostSpaceTarget_TenantId_PostId_SpaceId",
                table: "PostSpaceTarget",
                columns: new[] { "TenantId", "PostId", "SpaceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Space_TenantId_Visibility",
                table: "Space",
                columns: new[] { "TenantId", "Visibility" });

            migrationBuilder.CreateIndex(
                name: "IX_SpaceMember_MemberId_TenantId",
                table: "SpaceMember",
                columns: new[] { "MemberId", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_SpaceMember_SpaceId_TenantId",
                table: "SpaceMember",
                columns: new[] { "SpaceId", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_SpaceMember_TenantId_MemberId_Status",
                table: "SpaceMember",
                columns: new[] { "TenantId", "MemberId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_SpaceMember_TenantId_SpaceId_MemberId",
                table: "SpaceMember",
                columns: new[] { "TenantId", "SpaceId", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Supporter_MemberId_TenantId",
                table: "Supporter",
                columns: new[] { "MemberId", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_Supporter_TenantId_MemberId",
                table: "Supporter",
                columns: new[] { "TenantId", "MemberId" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Event_Space_SpaceId_TenantId",
                table: "Event",
                columns: new[] { "SpaceId", "TenantId" },
                principalTable: "Space",
                principalColumns: new[] { "Id", "TenantId" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Post_Space_SpaceId_TenantId",
                table: "Post",
                columns: new[] { "SpaceId", "TenantId" },
                principalTable: "Space",
                principalColumns: new[] { "Id", "TenantId" },
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Event_Space_SpaceId_TenantId",
                table: "Event");

            migrationBuilder.DropForeignKey(
                name: "FK_Post_Space_SpaceId_TenantId",
                table: "Post");

            migrationBuilder.DropTable(
                name: "PostSpaceTarget");

            migrationBuilder.DropTable(
                name: "SpaceMember");

            migrationBuilder.DropTable(
                name: "Supporter");

            migrationBuilder.DropTable(
                name: "Space");

            migrationBuilder.DropIndex(
                name: "IX_Post_SpaceId_TenantId",
                table: "Post");

            migrationBuilder.DropIndex(
                name: "IX_Post_TenantId_SpaceId_Status_Pinned_PublishedAt_Id",
                table: "Post");

            migrationBuilder.DropIndex(
                name: "IX_Event_SpaceId_TenantId",
                table: "Event");

            migrationBuilder.DropIndex(
                name: "IX_Event_TenantId_SpaceId_StartsAt",
                table: "Event");

            migrationBuilder.DropColumn(
                name: "SpaceId",
                table: "Post");

            migrationBuilder.DropColumn(
                name: "TargetsSpaces",
                table: "Post");

            migrationBuilder.DropColumn(
                name: "SpaceId",
                table: "Event");
        }
    }
}
