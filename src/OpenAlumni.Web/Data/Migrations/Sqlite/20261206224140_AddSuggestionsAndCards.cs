using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenAlumni.Web.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CardExchange",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<long>(type: "INTEGER", nullable: false),
                    EventId = table.Column<long>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    OtherMemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    ExchangedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Scanned = table.Column<bool>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CardExchange", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CardExchange_Event_EventId",
                        column: x => x.EventId,
                        principalTable: "Event",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CardExchange_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CardExchange_Members_OtherMemberId",
                        column: x => x.OtherMemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Suggestion",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<long>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    SuggestedMemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    Week = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Rank = table.Column<int>(type: "INTEGER", nullable: false),
                    Score = table.Column<int>(type: "INTEGER", nullable: false),
                    Reasons = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FollowUpBy = table.Column<long>(type: "INTEGER", nullable: false),
                    Feedback = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    FeedbackAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Suggestion", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Suggestion_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Suggestion_Members_SuggestedMemberId",
                        column: x => x.SuggestedMemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SuggestionWeight",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<long>(type: "INTEGER", nullable: false),
                    Signal = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Weight = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SuggestionWeight", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Rsvp_TenantId_CardCode",
                table: "Rsvp",
                columns: new[] { "TenantId", "CardCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CardExchange_EventId",
                table: "CardExchange",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_CardExchange_MemberId",
                table: "CardExchange",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_CardExchange_OtherMemberId",
                table: "CardExchange",
                column: "OtherMemberId");

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
                name: "IX_Suggestion_MemberId",
                table: "Suggestion",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_Suggestion_SuggestedMemberId",
                table: "Suggestion",
                column: "SuggestedMemberId");

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
