using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OpenAlumni.Web.Data.Migrations.Postgres
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
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "FeatureOnCommunity",
                table: "Members",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "IsRecruiter",
                table: "Members",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "Collaboration",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<long>(type: "bigint", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    Departments = table.Column<string>(type: "character varying(2020)", maxLength: 2020, nullable: false),
                    OriginKind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    OriginId = table.Column<long>(type: "bigint", nullable: true),
                    Stage = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ProposedByMemberId = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    StageChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AcceptedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Collaboration", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FeaturedStory",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<long>(type: "bigint", nullable: false),
                    MemberId = table.Column<long>(type: "bigint", nullable: false),
                    Story = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ChosenByMemberId = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<long>(type: "bigint", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Department = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Location = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Remote = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Description = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    DescriptionHtml = table.Column<string>(type: "text", nullable: false),
                    HowToApply = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Keywords = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ClosesAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    PostedByMemberId = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AnnouncedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobOpening", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CollaborationMember",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<long>(type: "bigint", nullable: false),
                    CollaborationId = table.Column<long>(type: "bigint", nullable: false),
                    MemberId = table.Column<long>(type: "bigint", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<long>(type: "bigint", nullable: false),
                    CollaborationId = table.Column<long>(type: "bigint", nullable: false),
                    From = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    To = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ByMemberId = table.Column<long>(type: "bigint", nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<long>(type: "bigint", nullable: false),
                    OpeningId = table.Column<long>(type: "bigint", nullable: false),
                    MemberId = table.Column<long>(type: "bigint", nullable: false),
                    ConsentToShare = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<long>(type: "bigint", nullable: false),
                    OpeningId = table.Column<long>(type: "bigint", nullable: false),
                    ReferrerMemberId = table.Column<long>(type: "bigint", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
