using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenAlumni.Web.Data.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "TargetsSpaces",
                table: "Post",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "SpaceId",
                table: "Event",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Space",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<long>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    DescriptionEn = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Visibility = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ImagePath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CreatedByMemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Space", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Supporter",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<long>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    AppointedByMemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    AppointedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Supporter", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Supporter_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PostSpaceTarget",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<long>(type: "INTEGER", nullable: false),
                    PostId = table.Column<long>(type: "INTEGER", nullable: false),
                    SpaceId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PostSpaceTarget", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PostSpaceTarget_Post_PostId",
                        column: x => x.PostId,
                        principalTable: "Post",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PostSpaceTarget_Space_SpaceId",
                        column: x => x.SpaceId,
                        principalTable: "Space",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SpaceMember",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<long>(type: "INTEGER", nullable: false),
                    SpaceId = table.Column<long>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Notify = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    JoinedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpaceMember", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SpaceMember_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SpaceMember_Space_SpaceId",
                        column: x => x.SpaceId,
                        principalTable: "Space",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Post_SpaceId",
                table: "Post",
                column: "SpaceId");

            migrationBuilder.CreateIndex(
                name: "IX_Post_TenantId_SpaceId_Status_Pinned_PublishedAt_Id",
                table: "Post",
                columns: new[] { "TenantId", "SpaceId", "Status", "Pinned", "PublishedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Event_SpaceId",
                table: "Event",
                column: "SpaceId");

            migrationBuilder.CreateIndex(
                name: "IX_Event_TenantId_SpaceId_StartsAt",
                table: "Event",
                columns: new[] { "TenantId", "SpaceId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PostSpaceTarget_PostId",
                table: "PostSpaceTarget",
                column: "PostId");

            migrationBuilder.CreateIndex(
                name: "IX_PostSpaceTarget_SpaceId",
                table: "PostSpaceTarget",
                column: "SpaceId");

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
                name: "IX_SpaceMember_MemberId",
                table: "SpaceMember",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_SpaceMember_SpaceId",
                table: "SpaceMember",
                column: "SpaceId");

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
                name: "IX_Supporter_MemberId",
                table: "Supporter",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_Supporter_TenantId_MemberId",
                table: "Supporter",
                columns: new[] { "TenantId", "MemberId" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Event_Space_SpaceId",
                table: "Event",
                column: "SpaceId",
                principalTable: "Space",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Post_Space_SpaceId",
                table: "Post",
                column: "SpaceId",
                principalTable: "Space",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Event_Space_SpaceId",
                table: "Event");

            migrationBuilder.DropForeignKey(
                name: "FK_Post_Space_SpaceId",
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
                name: "IX_Post_SpaceId",
                table: "Post");

            migrationBuilder.DropIndex(
                name: "IX_Post_TenantId_SpaceId_Status_Pinned_PublishedAt_Id",
                table: "Post");

            migrationBuilder.DropIndex(
                name: "IX_Event_SpaceId",
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
