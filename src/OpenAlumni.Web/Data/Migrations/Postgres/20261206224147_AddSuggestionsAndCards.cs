using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OpenAlumni.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddSuggestionsAndCards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CardCode",
                table: "Rsvp",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CardExchange",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<long>(type: "bigint", nullable: false),
                    EventId = table.Column<long>(type: "bigint", nullable: false),
                    MemberId = table.Column<long>(type: "bigint", nullable: false),
                    OtherMemberId = table.Column<long>(type: "bigint", nullable: false),
                    ExchangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Scanned = table.Column<bool>(type: "boolean", nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CardExchange", x => new { x.Id, x.TenantId });
                    table.ForeignKey(
                        name: "FK_CardExchange_Event_EventId_TenantId",
                        columns: x => new { x.EventId, x.TenantId },
                        principalTable: "Event",
                        principalColumns: new[] { "Id", "TenantId" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CardExchange_Members_MemberId_TenantId",
                        columns: x => new { x.MemberId, x.TenantId },
                        principalTable: "Members",
                        principalColumns: new[] { "Id", "TenantId" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CardExchange_Members_OtherMemberId_TenantId",
                        columns: x => new { x.OtherMemberId, x.TenantId },
                        principalTable: "Members",
                        principalColumns: new[] { "Id", "TenantId" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Suggestion",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<long>(type: "bigint", nullable: false),
                    MemberId = table.Column<long>(type: "bigint", nullable: false),
                    SuggestedMemberId = table.Column<long>(type: "bigint", nullable: false),
                    Week = table.Column<DateOnly>(type: "date", nullable: false),
                    Rank = table.Column<int>(type: "integer", nullable: false),
                    Score = table.Column<int>(type: "integer", nullable: false),
                    Reasons = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FollowUpBy = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Feedback = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    FeedbackAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Suggestion", x => new { x.Id, x.TenantId });
                    table.ForeignKey(
                        name: "FK_Suggestion_Members_MemberId_TenantId",
                        columns: x => new { x.MemberId, x.TenantId },
                        principalTable: "Members",
                        principalColumns: new[] { "Id", "TenantId" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Suggestion_Members_SuggestedMemberId_TenantId",
                        columns: x => new { x.SuggestedMemberId, x.TenantId },
                        principalTable: "Members",
                        principalColumns: new[] { "Id", "TenantId" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SuggestionWeight",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<long>(type: "bigint", nullable: false),
                    Signal = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Weight = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SuggestionWeight", x => new { x.Id, x.TenantId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_Rsvp_TenantId_CardCode",
                table: "Rsvp",
                columns: new[] { "TenantId", "CardCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CardExchange_EventId_TenantId",
                table: "CardExchange",
                columns: new[] { "EventId", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_CardExchange_MemberId_TenantId",
                table: "CardExchange",
                columns: new[] { "MemberId", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_CardExchange_OtherMemberId_TenantId",
                table: "CardExchange",
                columns: new[] { "OtherMemberId", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_CardExchange_TenantId_EventId_MemberId_OtherMemberId",
                table: "CardExchange",
                columns: new[] { "TenantId", "EventId", "MemberId", "OtherMemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CardExchange_TenantId_ExchangedAt",
                table: "CardExchange",
                columns: new[] { "TenantId", "ExchangedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CardExchange_TenantId_MemberId_OtherMemberId",
                table: "CardExchange",
                columns: new[] { "TenantId", "MemberId", "OtherMemberId" });

            migrationBuilder.CreateIndex(
                name: "IX_Suggestion_MemberId_TenantId",
                table: "Suggestion",
                columns: new[] { "MemberId", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_Suggestion_SuggestedMemberId_TenantId",
                table: "Suggestion",
                columns: new[] { "SuggestedMemberId", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_Suggestion_TenantId_CreatedAt",
                table: "Suggestion",
                columns: new[] { "TenantId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Suggestion_TenantId_MemberId_SuggestedMemberId",
                table: "Suggestion",
                columns: new[] { "TenantId", "MemberId", "SuggestedMemberId" });

            migrationBuilder.CreateIndex(
                name: "IX_Suggestion_TenantId_MemberId_Week_SuggestedMemberId",
                table: "Suggestion",
                columns: new[] { "TenantId", "MemberId", "Week", "SuggestedMemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SuggestionWeight_TenantId_Signal",
                table: "SuggestionWeight",
                columns: new[] { "TenantId", "Signal" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CardExchange");

            migrationBuilder.DropTable(
                name: "Suggestion");

            migrationBuilder.DropTable(
                name: "SuggestionWeight");

            migrationBuilder.DropIndex(
                name: "IX_Rsvp_TenantId_CardCode",
                table: "Rsvp");

            migrationBuilder.DropColumn(
                name: "CardCode",
                table: "Rsvp");
        }
    }
}
