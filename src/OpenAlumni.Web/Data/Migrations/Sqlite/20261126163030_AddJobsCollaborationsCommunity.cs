using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenAlumni.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddJobsCollaborationsCommunity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "CommunityPageEnabled",
                table: "Tenants",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "FeatureOnCommunity",
                table: "Members",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "IsRecruiter",
                table: "Members",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "Collaboration",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<long>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: false),
                    Departments = table.Column<string>(type: "TEXT", maxLength: 2020, nullable: false),
                    OriginKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    OriginId = table.Column<long>(type: "INTEGER", nullable: true),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ProposedByMemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    StageChangedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AcceptedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Collaboration", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FeaturedStory",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<long>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    Story = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ChosenByMemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeaturedStory", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FeaturedStory_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "JobOpening",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<long>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Department = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Location = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Remote = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    DescriptionHtml = table.Column<string>(type: "TEXT", nullable: false),
                    HowToApply = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Keywords = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ClosesAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PostedByMemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AnnouncedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobOpening", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CollaborationMember",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<long>(type: "INTEGER", nullable: false),
                    CollaborationId = table.Column<long>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CollaborationMember", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CollaborationMember_Collaboration_CollaborationId",
                        column: x => x.CollaborationId,
                        principalTable: "Collaboration",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CollaborationMember_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CollaborationStageChange",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<long>(type: "INTEGER", nullable: false),
                    CollaborationId = table.Column<long>(type: "INTEGER", nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    To = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ByMemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CollaborationStageChange", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CollaborationStageChange_Collaboration_CollaborationId",
                        column: x => x.CollaborationId,
                        principalTable: "Collaboration",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "JobInterest",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<long>(type: "INTEGER", nullable: false),
                    OpeningId = table.Column<long>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    ConsentToShare = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobInterest", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JobInterest_JobOpening_OpeningId",
                        column: x => x.OpeningId,
                        principalTable: "JobOpening",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_JobInterest_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "JobReferral",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<long>(type: "INTEGER", nullable: false),
                    OpeningId = table.Column<long>(type: "INTEGER", nullable: false),
                    ReferrerMemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobReferral", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JobReferral_JobOpening_OpeningId",
                        column: x => x.OpeningId,
                        principalTable: "JobOpening",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Collaboration_TenantId_Status_Stage",
                table: "Collaboration",
                columns: new[] { "TenantId", "Status", "Stage" });

            migrationBuilder.CreateIndex(
                name: "IX_CollaborationMember_CollaborationId",
                table: "CollaborationMember",
                column: "CollaborationId");

            migrationBuilder.CreateIndex(
                name: "IX_CollaborationMember_MemberId",
                table: "CollaborationMember",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_CollaborationMember_TenantId_CollaborationId_MemberId",
                table: "CollaborationMember",
                columns: new[] { "TenantId", "CollaborationId", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CollaborationStageChange_CollaborationId",
                table: "CollaborationStageChange",
                column: "CollaborationId");

            migrationBuilder.CreateIndex(
                name: "IX_CollaborationStageChange_TenantId_CollaborationId_At",
                table: "CollaborationStageChange",
                columns: new[] { "TenantId", "CollaborationId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_FeaturedStory_MemberId",
                table: "FeaturedStory",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_FeaturedStory_TenantId_MemberId",
                table: "FeaturedStory",
                columns: new[] { "TenantId", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_JobInterest_MemberId",
                table: "JobInterest",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_JobInterest_OpeningId",
                table: "JobInterest",
                column: "OpeningId");

            migrationBuilder.CreateIndex(
                name: "IX_JobInterest_TenantId_OpeningId_MemberId",
                table: "JobInterest",
                columns: new[] { "TenantId", "OpeningId", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_JobOpening_TenantId_Status_ClosesAt",
                table: "JobOpening",
                columns: new[] { "TenantId", "Status", "ClosesAt" });

            migrationBuilder.CreateIndex(
                name: "IX_JobReferral_OpeningId",
                table: "JobReferral",
                column: "OpeningId");

            migrationBuilder.CreateIndex(
                name: "IX_JobReferral_TenantId_OpeningId",
                table: "JobReferral",
                columns: new[] { "TenantId", "OpeningId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CollaborationMember");

            migrationBuilder.DropTable(
                name: "CollaborationStageChange");

            migrationBuilder.DropTable(
                name: "FeaturedStory");

            migrationBuilder.DropTable(
                name: "JobInterest");

            migrationBuilder.DropTable(
                name: "JobReferral");

            migrationBuilder.DropTable(
                name: "Collaboration");

            migrationBuilder.DropTable(
                name: "JobOpening");

            migrationBuilder.DropColumn(
                name: "CommunityPageEnabled",
                table: "Tenants");

            migrationBuilder.DropColumn(
                name: "FeatureOnCommunity",
                table: "Members");

            migrationBuilder.DropColumn(
                name: "IsRecruiter",
                table: "Members");
        }
    }
}
