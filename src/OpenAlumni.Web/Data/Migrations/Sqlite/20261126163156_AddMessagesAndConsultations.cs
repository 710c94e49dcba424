using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenAlumni.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddMessagesAndConsultations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Link",
                table: "Notification",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ConsultationRequest",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<long>(type: "INTEGER", nullable: false),
                    RequesterMemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    RecipientMemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Goal = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PreferredTimes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    WaitingSince = table.Column<long>(type: "INTEGER", nullable: false),
                    ProposedTimes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DeclineMessage = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ConversationId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsultationRequest", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConsultationRequest_Members_RecipientMemberId",
                        column: x => x.RecipientMemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ConsultationRequest_Members_RequesterMemberId",
                        column: x => x.RequesterMemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Conversation",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<long>(type: "INTEGER", nullable: false),
                    StartedByMemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastMessageAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Conversation", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MemberBlock",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<long>(type: "INTEGER", nullable: false),
                    BlockerMemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    BlockedMemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MemberBlock", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MemberBlock_Members_BlockedMemberId",
                        column: x => x.BlockedMemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MemberBlock_Members_BlockerMemberId",
                        column: x => x.BlockerMemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConversationParticipant",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<long>(type: "INTEGER", nullable: false),
                    ConversationId = table.Column<long>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    LastReadMessageId = table.Column<long>(type: "INTEGER", nullable: false),
                    NotifiedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConversationParticipant", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConversationParticipant_Conversation_ConversationId",
                        column: x => x.ConversationId,
                        principalTable: "Conversation",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ConversationParticipant_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Message",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<long>(type: "INTEGER", nullable: false),
                    ConversationId = table.Column<long>(type: "INTEGER", nullable: false),
                    SenderMemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    BodyHtml = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Message", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Message_Conversation_ConversationId",
                        column: x => x.ConversationId,
                        principalTable: "Conversation",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Message_Members_SenderMemberId",
                        column: x => x.SenderMemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MessageReport",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<long>(type: "INTEGER", nullable: false),
                    MessageId = table.Column<long>(type: "INTEGER", nullable: false),
                    ReporterMemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedByMemberId = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosingNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MessageReport", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MessageReport_Message_MessageId",
                        column: x => x.MessageId,
                        principalTable: "Message",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationRequest_RecipientMemberId",
                table: "ConsultationRequest",
                column: "RecipientMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationRequest_RequesterMemberId",
                table: "ConsultationRequest",
                column: "RequesterMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationRequest_TenantId_RecipientMemberId_Id",
                table: "ConsultationRequest",
                columns: new[] { "TenantId", "RecipientMemberId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationRequest_TenantId_RequesterMemberId_Id",
                table: "ConsultationRequest",
                columns: new[] { "TenantId", "RequesterMemberId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationRequest_TenantId_Status_WaitingSince",
                table: "ConsultationRequest",
                columns: new[] { "TenantId", "Status", "WaitingSince" });

            migrationBuilder.CreateIndex(
                name: "IX_Conversation_TenantId_LastMessageAt",
                table: "Conversation",
                columns: new[] { "TenantId", "LastMessageAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ConversationParticipant_ConversationId",
                table: "ConversationParticipant",
                column: "ConversationId");

            migrationBuilder.CreateIndex(
                name: "IX_ConversationParticipant_MemberId",
                table: "ConversationParticipant",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_ConversationParticipant_TenantId_ConversationId_MemberId",
                table: "ConversationParticipant",
                columns: new[] { "TenantId", "ConversationId", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConversationParticipant_TenantId_MemberId",
                table: "ConversationParticipant",
                columns: new[] { "TenantId", "MemberId" });

            migrationBuilder.CreateIndex(
                name: "IX_MemberBlock_BlockedMemberId",
                table: "MemberBlock",
                column: "BlockedMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_MemberBlock_BlockerMemberId",
                table: "MemberBlock",
                column: "BlockerMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_MemberBlock_TenantId_BlockedMemberId",
                table: "MemberBlock",
                columns: new[] { "TenantId", "BlockedMemberId" });

            migrationBuilder.CreateIndex(
                name: "IX_MemberBlock_TenantId_BlockerMemberId_BlockedMemberId",
                table: "MemberBlock",
                columns: new[] { "TenantId", "BlockerMemberId", "BlockedMemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Message_ConversationId",
                table: "Message",
                column: "ConversationId");

            migrationBuilder.CreateIndex(
                name: "IX_Message_SenderMemberId",
                table: "Message",
                column: "SenderMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_Message_TenantId_ConversationId_Id",
                table: "Message",
                columns: new[] { "TenantId", "ConversationId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_MessageReport_MessageId",
                table: "MessageReport",
                column: "MessageId");

            migrationBuilder.CreateIndex(
                name: "IX_MessageReport_TenantId_MessageId_ReporterMemberId",
                table: "MessageReport",
                columns: new[] { "TenantId", "MessageId", "ReporterMemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MessageReport_TenantId_Status_Id",
                table: "MessageReport",
                columns: new[] { "TenantId", "Status", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConsultationRequest");

            migrationBuilder.DropTable(
                name: "ConversationParticipant");

            migrationBuilder.DropTable(
                name: "MemberBlock");

            migrationBuilder.DropTable(
                name: "MessageReport");

            migrationBuilder.DropTable(
                name: "Message");

            migrationBuilder.DropTable(
                name: "Conversation");

            migrationBuilder.DropColumn(
                name: "Link",
                table: "Notification");
        }
    }
}
