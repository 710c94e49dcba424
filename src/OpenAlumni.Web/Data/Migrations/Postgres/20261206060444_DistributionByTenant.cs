using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenAlumni.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    /// <summary>Keys, unique indexes and foreign keys of tenant-owned tables include TenantId (Data/DistributionByTenant.cs).</summary>
    public partial class DistributionByTenant : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Attachment_Members_UploaderMemberId",
                table: "Attachment");

            migrationBuilder.DropForeignKey(
                name: "FK_CalendarFeed_Members_MemberId",
                table: "CalendarFeed");

            migrationBuilder.DropForeignKey(
                name: "FK_CareerEntry_Members_MemberId",
                table: "CareerEntry");

            migrationBuilder.DropForeignKey(
                name: "FK_CollaborationMember_Collaboration_CollaborationId",
                table: "CollaborationMember");

            migrationBuilder.DropForeignKey(
                name: "FK_CollaborationMember_Members_MemberId",
                table: "CollaborationMember");

            migrationBuilder.DropForeignKey(
                name: "FK_CollaborationStageChange_Collaboration_CollaborationId",
                table: "CollaborationStageChange");

            migrationBuilder.DropForeignKey(
                name: "FK_Comment_Members_AuthorMemberId",
                table: "Comment");

            migrationBuilder.DropForeignKey(
                name: "FK_Comment_Post_PostId",
                table: "Comment");

            migrationBuilder.DropForeignKey(
                name: "FK_ConsentRecord_Members_MemberId",
                table: "ConsentRecord");

            migrationBuilder.DropForeignKey(
                name: "FK_ConsultationRequest_Members_RecipientMemberId",
                table: "ConsultationRequest");

            migrationBuilder.DropForeignKey(
                name: "FK_ConsultationRequest_Members_RequesterMemberId",
                table: "ConsultationRequest");

            migrationBuilder.DropForeignKey(
                name: "FK_ConversationParticipant_Conversation_ConversationId",
                table: "ConversationParticipant");

            migrationBuilder.DropForeignKey(
                name: "FK_ConversationParticipant_Members_MemberId",
                table: "ConversationParticipant");

            migrationBuilder.DropForeignKey(
                name: "FK_EventFeedback_Event_EventId",
                table: "EventFeedback");

            migrationBuilder.DropForeignKey(
                name: "FK_EventFeedback_Members_MemberId",
                table: "EventFeedback");

            migrationBuilder.DropForeignKey(
                name: "FK_FeaturedStory_Members_MemberId",
                table: "FeaturedStory");

            migrationBuilder.DropForeignKey(
                name: "FK_Invitation_Members_MemberId",
                table: "Invitation");

            migrationBuilder.DropForeignKey(
                name: "FK_Invitation_RosterEntry_RosterEntryId",
                table: "Invitation");

            migrationBuilder.DropForeignKey(
                name: "FK_JobInterest_JobOpening_OpeningId",
                table: "JobInterest");

            migrationBuilder.DropForeignKey(
                name: "FK_JobInterest_Members_MemberId",
                table: "JobInterest");

            migrationBuilder.DropForeignKey(
                name: "FK_JobReferral_JobOpening_OpeningId",
                table: "JobReferral");

            migrationBuilder.DropForeignKey(
                name: "FK_MemberActivity_Members_MemberId",
                table: "MemberActivity");

            migrationBuilder.DropForeignKey(
                name: "FK_MemberBlock_Members_BlockedMemberId",
                table: "MemberBlock");

            migrationBuilder.DropForeignKey(
                name: "FK_MemberBlock_Members_BlockerMemberId",
                table: "MemberBlock");

            migrationBuilder.DropForeignKey(
                name: "FK_Message_Conversation_ConversationId",
                table: "Message");

            migrationBuilder.DropForeignKey(
                name: "FK_Message_Members_SenderMemberId",
                table: "Message");

            migrationBuilder.DropForeignKey(
                name: "FK_MessageReport_Message_MessageId",
                table: "MessageReport");

            migrationBuilder.DropForeignKey(
                name: "FK_Notification_Members_MemberId",
                table: "Notification");

            migrationBuilder.DropForeignKey(
                name: "FK_NotificationPreference_Members_MemberId",
                table: "NotificationPreference");

            migrationBuilder.DropForeignKey(
                name: "FK_Pitch_Event_EventId",
                table: "Pitch");

            migrationBuilder.DropForeignKey(
                name: "FK_Pitch_Members_MemberId",
                table: "Pitch");

            migrationBuilder.DropForeignKey(
                name: "FK_PitchInterest_Members_MemberId",
                table: "PitchInterest");

            migrationBuilder.DropForeignKey(
                name: "FK_PitchInterest_Pitch_PitchId",
                table: "PitchInterest");

            migrationBuilder.DropForeignKey(
                name: "FK_Post_Members_AuthorMemberId",
                table: "Post");

            migrationBuilder.DropForeignKey(
                name: "FK_PostInterest_Members_MemberId",
                table: "PostInterest");

            migrationBuilder.DropForeignKey(
                name: "FK_PostInterest_Post_PostId",
                table: "PostInterest");

            migrationBuilder.DropForeignKey(
                name: "FK_ProfileTag_Members_MemberId",
                table: "ProfileTag");

            migrationBuilder.DropForeignKey(
                name: "FK_PushSubscription_Members_MemberId",
                table: "PushSubscription");

            migrationBuilder.DropForeignKey(
                name: "FK_Reaction_Members_MemberId",
                table: "Reaction");

            migrationBuilder.DropForeignKey(
                name: "FK_Reaction_Post_PostId",
                table: "Reaction");

            migrationBuilder.DropForeignKey(
                name: "FK_Report_Members_ReporterMemberId",
                table: "Report");

            migrationBuilder.DropForeignKey(
                name: "FK_RosterEntry_Members_MemberId",
                table: "RosterEntry");

            migrationBuilder.DropForeignKey(
                name: "FK_Rsvp_Event_EventId",
                table: "Rsvp");

            migrationBuilder.DropForeignKey(
                name: "FK_Rsvp_Members_MemberId",
                table: "Rsvp");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Rsvp",
                table: "Rsvp");

            migrationBuilder.DropIndex(
                name: "IX_Rsvp_EventId",
                table: "Rsvp");

            migrationBuilder.DropIndex(
                name: "IX_Rsvp_MemberId",
                table: "Rsvp");

            migrationBuilder.DropIndex(
                name: "IX_Rsvp_TicketCode",
                table: "Rsvp");

            migrationBuilder.DropPrimaryKey(
                name: "PK_RosterEntry",
                table: "RosterEntry");

            migrationBuilder.DropIndex(
                name: "IX_RosterEntry_MemberId",
                table: "RosterEntry");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Report",
                table: "Report");

            migrationBuilder.DropIndex(
                name: "IX_Report_ReporterMemberId",
                table: "Report");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Reaction",
                table: "Reaction");

            migrationBuilder.DropIndex(
                name: "IX_Reaction_MemberId",
                table: "Reaction");

            migrationBuilder.DropIndex(
                name: "IX_Reaction_PostId",
                table: "Reaction");

            migrationBuilder.DropPrimaryKey(
                name: "PK_PushSubscription",
                table: "PushSubscription");

            migrationBuilder.DropIndex(
                name: "IX_PushSubscription_MemberId",
                table: "PushSubscription");

            migrationBuilder.DropPrimaryKey(
                name: "PK_ProfileTag",
                table: "ProfileTag");

            migrationBuilder.DropPrimaryKey(
                name: "PK_PrivacyPolicy",
                table: "PrivacyPolicy");

            migrationBuilder.DropPrimaryKey(
                name: "PK_PostInterest",
                table: "PostInterest");

            migrationBuilder.DropIndex(
                name: "IX_PostInterest_MemberId",
                table: "PostInterest");

            migrationBuilder.DropIndex(
                name: "IX_PostInterest_PostId",
                table: "PostInterest");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Post",
                table: "Post");

            migrationBuilder.DropIndex(
                name: "IX_Post_AuthorMemberId",
                table: "Post");

            migrationBuilder.DropPrimaryKey(
                name: "PK_PitchInterest",
                table: "PitchInterest");

            migrationBuilder.DropIndex(
                name: "IX_PitchInterest_MemberId",
                table: "PitchInterest");

            migrationBuilder.DropIndex(
                name: "IX_PitchInterest_PitchId",
                table: "PitchInterest");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Pitch",
                table: "Pitch");

            migrationBuilder.DropIndex(
                name: "IX_Pitch_EventId",
                table: "Pitch");

            migrationBuilder.DropIndex(
                name: "IX_Pitch_MemberId",
                table: "Pitch");

            migrationBuilder.DropPrimaryKey(
                name: "PK_OutboxMessage",
                table: "OutboxMessage");

            migrationBuilder.DropIndex(
                name: "IX_OutboxMessage_Key",
                table: "OutboxMessage");

            migrationBuilder.DropPrimaryKey(
                name: "PK_NotificationPreference",
                table: "NotificationPreference");

            migrationBuilder.DropIndex(
                name: "IX_NotificationPreference_MemberId",
                table: "NotificationPreference");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Notification",
                table: "Notification");

            migrationBuilder.DropIndex(
                name: "IX_Notification_MemberId",
                table: "Notification");

            migrationBuilder.DropPrimaryKey(
                name: "PK_ModerationAction",
                table: "ModerationAction");

            migrationBuilder.DropPrimaryKey(
                name: "PK_MessageReport",
                table: "MessageReport");

            migrationBuilder.DropIndex(
                name: "IX_MessageReport_MessageId",
                table: "MessageReport");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Message",
                table: "Message");

            migrationBuilder.DropIndex(
                name: "IX_Message_ConversationId",
                table: "Message");

            migrationBuilder.DropIndex(
                name: "IX_Message_SenderMemberId",
                table: "Message");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Members",
                table: "Members");

            migrationBuilder.DropPrimaryKey(
                name: "PK_MemberBlock",
                table: "MemberBlock");

            migrationBuilder.DropIndex(
                name: "IX_MemberBlock_BlockedMemberId",
                table: "MemberBlock");

            migrationBuilder.DropIndex(
                name: "IX_MemberBlock_BlockerMemberId",
                table: "MemberBlock");

            migrationBuilder.DropPrimaryKey(
                name: "PK_MemberActivity",
                table: "MemberActivity");

            migrationBuilder.DropIndex(
                name: "IX_MemberActivity_MemberId",
                table: "MemberActivity");

            migrationBuilder.DropPrimaryKey(
                name: "PK_JobReferral",
                table: "JobReferral");

            migrationBuilder.DropIndex(
                name: "IX_JobReferral_OpeningId",
                table: "JobReferral");

            migrationBuilder.DropPrimaryKey(
                name: "PK_JobOpening",
                table: "JobOpening");

            migrationBuilder.DropPrimaryKey(
                name: "PK_JobInterest",
                table: "JobInterest");

            migrationBuilder.DropIndex(
                name: "IX_JobInterest_MemberId",
                table: "JobInterest");

            migrationBuilder.DropIndex(
                name: "IX_JobInterest_OpeningId",
                table: "JobInterest");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Invitation",
                table: "Invitation");

            migrationBuilder.DropIndex(
                name: "IX_Invitation_MemberId",
                table: "Invitation");

            migrationBuilder.DropIndex(
                name: "IX_Invitation_RosterEntryId",
                table: "Invitation");

            migrationBuilder.DropIndex(
                name: "IX_Invitation_TokenHash",
                table: "Invitation");

            migrationBuilder.DropPrimaryKey(
                name: "PK_FeaturedStory",
                table: "FeaturedStory");

            migrationBuilder.DropIndex(
                name: "IX_FeaturedStory_MemberId",
                table: "FeaturedStory");

            migrationBuilder.DropPrimaryKey(
                name: "PK_EventFeedback",
                table: "EventFeedback");

            migrationBuilder.DropIndex(
                name: "IX_EventFeedback_EventId",
                table: "EventFeedback");

            migrationBuilder.DropIndex(
                name: "IX_EventFeedback_MemberId",
                table: "EventFeedback");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Event",
                table: "Event");

            migrationBuilder.DropPrimaryKey(
                name: "PK_ConversationParticipant",
                table: "ConversationParticipant");

            migrationBuilder.DropIndex(
                name: "IX_ConversationParticipant_ConversationId",
                table: "ConversationParticipant");

            migrationBuilder.DropIndex(
                name: "IX_ConversationParticipant_MemberId",
                table: "ConversationParticipant");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Conversation",
                table: "Conversation");

            migrationBuilder.DropPrimaryKey(
                name: "PK_ConsultationRequest",
                table: "ConsultationRequest");

            migrationBuilder.DropIndex(
                name: "IX_ConsultationRequest_RecipientMemberId",
                table: "ConsultationRequest");

            migrationBuilder.DropIndex(
                name: "IX_ConsultationRequest_RequesterMemberId",
                table: "ConsultationRequest");

            migrationBuilder.DropPrimaryKey(
                name: "PK_ConsentRecord",
                table: "ConsentRecord");

            migrationBuilder.DropIndex(
                name: "IX_ConsentRecord_MemberId",
                table: "ConsentRecord");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Comment",
                table: "Comment");

            migrationBuilder.DropIndex(
                name: "IX_Comment_AuthorMemberId",
                table: "Comment");

            migrationBuilder.DropIndex(
                name: "IX_Comment_PostId",
                table: "Comment");

            migrationBuilder.DropPrimaryKey(
                name: "PK_CollaborationStageChange",
                table: "CollaborationStageChange");

            migrationBuilder.DropIndex(
                name: "IX_CollaborationStageChange_CollaborationId",
                table: "CollaborationStageChange");

            migrationBuilder.DropPrimaryKey(
                name: "PK_CollaborationMember",
                table: "CollaborationMember");

            migrationBuilder.DropIndex(
                name: "IX_CollaborationMember_CollaborationId",
                table: "CollaborationMember");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Collaboration",
                table: "Collaboration");

            migrationBuilder.DropPrimaryKey(
                name: "PK_CareerEntry",
                table: "CareerEntry");

            migrationBuilder.DropPrimaryKey(
                name: "PK_CalendarFeed",
                table: "CalendarFeed");

            migrationBuilder.DropIndex(
                name: "IX_CalendarFeed_MemberId",
                table: "CalendarFeed");

            migrationBuilder.DropIndex(
                name: "IX_CalendarFeed_Token",
                table: "CalendarFeed");

            migrationBuilder.DropPrimaryKey(
                name: "PK_AuditEntries",
                table: "AuditEntries");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Attachment",
                table: "Attachment");

            migrationBuilder.DropIndex(
                name: "IX_Attachment_UploaderMemberId",
                table: "Attachment");

            migrationBuilder.AddPrimaryKey(
                name: "PK_Rsvp",
                table: "Rsvp",
                columns: new[] { "Id", "TenantId" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_RosterEntry",
                table: "RosterEntry",
                columns: new[] { "Id", "TenantId" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_Report",
                table: "Report",
                columns: new[] { "Id", "TenantId" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_Reaction",
                table: "Reaction",
                columns: new[] { "Id", "TenantId" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_PushSubscription",
                table: "PushSubscription",
                columns: new[] { "Id", "TenantId" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_ProfileTag",
                table: "ProfileTag",
                columns: new[] { "Id", "TenantId" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_PrivacyPolicy",
                table: "PrivacyPolicy",
                columns: new[] { "Id", "TenantId" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_PostInterest",
                table: "PostInterest",
                columns: new[] { "Id", "TenantId" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_Post",
                table: "Post",
                columns: new[] { "Id", "TenantId" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_PitchInterest",
                table: "PitchInterest",
                columns: new[] { "Id", "TenantId" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_Pitch",
                table: "Pitch",
                columns: new[] { "Id", "TenantId" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_OutboxMessage",
                table: "OutboxMessage",
                columns: new[] { "Id", "TenantId" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_NotificationPreference",
                table: "NotificationPreference",
                columns: new[] { "Id", "TenantId" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_Notification",
                table: "Notification",
                columns: new[] { "Id", "TenantId" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_ModerationAction",
                table: "ModerationAction",
                columns: new[] { "Id", "TenantId" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_MessageReport",
                table: "MessageReport",
                columns: new[] { "Id", "TenantId" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_Message",
                table: "Message",
                columns: new[] { "Id", "TenantId" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_Members",
                table: "Members",
                columns: new[] { "Id", "TenantId" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_MemberBlock",
                table: "MemberBlock",
                columns: new[] { "Id", "TenantId" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_MemberActivity",
                table: "MemberActivity",
                columns: new[] { "Id", "TenantId" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_JobReferral",
                table: "JobReferral",
                columns: new[] { "Id", "TenantId" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_JobOpening",
                table: "JobOpening",
                columns: new[] { "Id", "TenantId" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_JobInterest",
                table: "JobInterest",
                columns: new[] { "Id", "TenantId" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_Invitation",
                table: "Invitation",
                columns: new[] { "Id", "TenantId" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_FeaturedStory",
                table: "FeaturedStory",
                columns: new[] { "Id", "TenantId" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_EventFeedback",
                table: "EventFeedback",
                columns: new[] { "Id", "TenantId" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_Event",
                table: "Event",
                columns: new[] { "Id", "TenantId" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_ConversationParticipant",
                table: "ConversationParticipant",
                columns: new[] { "Id", "TenantId" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_Conversation",
                table: "Conversation",
                columns: new[] { "Id", "TenantId" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_ConsultationRequest",
                table: "ConsultationRequest",
                columns: new[] { "Id", "TenantId" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_ConsentRecord",
                table: "ConsentRecord",
                columns: new[] { "Id", "TenantId" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_Comment",
                table: "Comment",
                columns: new[] { "Id", "TenantId" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_CollaborationStageChange",
                table: "CollaborationStageChange",
                columns: new[] { "Id", "TenantId" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_CollaborationMember",
                table: "CollaborationMember",
                columns: new[] { "Id", "TenantId" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_Collaboration",
                table: "Collaboration",
                columns: new[] { "Id", "TenantId" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_CareerEntry",
                table: "CareerEntry",
                columns: new[] { "Id", "TenantId" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_CalendarFeed",
                table: "CalendarFeed",
                columns: new[] { "Id", "TenantId" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_AuditEntries",
                table: "AuditEntries",
                columns: new[] { "Id", "TenantId" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_Attachment",
                table: "Attachment",
                columns: new[] { "Id", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_Rsvp_EventId_TenantId",
                table: "Rsvp",
                columns: new[] { "EventId", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_Rsvp_MemberId_TenantId",
                table: "Rsvp",
                columns: new[] { "MemberId", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_Rsvp_TicketCode",
                table: "Rsvp",
                columns: new[] { "TenantId", "TicketCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RosterEntry_MemberId_TenantId",
                table: "RosterEntry",
                columns: new[] { "MemberId", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_Report_ReporterMemberId_TenantId",
                table: "Report",
                columns: new[] { "ReporterMemberId", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_Reaction_MemberId_TenantId",
                table: "Reaction",
                columns: new[] { "MemberId", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_Reaction_PostId_TenantId",
                table: "Reaction",
                columns: new[] { "PostId", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_PushSubscription_MemberId_TenantId",
                table: "PushSubscription",
                columns: new[] { "MemberId", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_ProfileTag_MemberId_TenantId",
                table: "ProfileTag",
                columns: new[] { "MemberId", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_PostInterest_MemberId_TenantId",
                table: "PostInterest",
                columns: new[] { "MemberId", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_PostInterest_PostId_TenantId",
                table: "PostInterest",
                columns: new[] { "PostId", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_Post_AuthorMemberId_TenantId",
                table: "Post",
                columns: new[] { "AuthorMemberId", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_PitchInterest_MemberId_TenantId",
                table: "PitchInterest",
                columns: new[] { "MemberId", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_PitchInterest_PitchId_TenantId",
                table: "PitchInterest",
                columns: new[] { "PitchId", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_Pitch_EventId_TenantId",
                table: "Pitch",
                columns: new[] { "EventId", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_Pitch_MemberId_TenantId",
                table: "Pitch",
                columns: new[] { "MemberId", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessage_Key",
                table: "OutboxMessage",
                columns: new[] { "TenantId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NotificationPreference_MemberId_TenantId",
                table: "NotificationPreference",
                columns: new[] { "MemberId", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_Notification_MemberId_TenantId",
                table: "Notification",
                columns: new[] { "MemberId", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_MessageReport_MessageId_TenantId",
                table: "MessageReport",
                columns: new[] { "MessageId", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_Message_ConversationId_TenantId",
                table: "Message",
                columns: new[] { "ConversationId", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_Message_SenderMemberId_TenantId",
                table: "Message",
                columns: new[] { "SenderMemberId", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_MemberBlock_BlockedMemberId_TenantId",
                table: "MemberBlock",
                columns: new[] { "BlockedMemberId", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_MemberBlock_BlockerMemberId_TenantId",
                table: "MemberBlock",
                columns: new[] { "BlockerMemberId", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_MemberActivity_MemberId_TenantId",
                table: "MemberActivity",
                columns: new[] { "MemberId", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_JobReferral_OpeningId_TenantId",
                table: "JobReferral",
                columns: new[] { "OpeningId", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_JobInterest_MemberId_TenantId",
                table: "JobInterest",
                columns: new[] { "MemberId", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_JobInterest_OpeningId_TenantId",
                table: "JobInterest",
                columns: new[] { "OpeningId", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_Invitation_MemberId_TenantId",
                table: "Invitation",
                columns: new[] { "MemberId", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_Invitation_RosterEntryId_TenantId",
                table: "Invitation",
                columns: new[] { "RosterEntryId", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_Invitation_TokenHash",
                table: "Invitation",
                columns: new[] { "TenantId", "TokenHash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FeaturedStory_MemberId_TenantId",
                table: "FeaturedStory",
                columns: new[] { "MemberId", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_EventFeedback_EventId_TenantId",
                table: "EventFeedback",
                columns: new[] { "EventId", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_EventFeedback_MemberId_TenantId",
                table: "EventFeedback",
                columns: new[] { "MemberId", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_ConversationParticipant_ConversationId_TenantId",
                table: "ConversationParticipant",
                columns: new[] { "ConversationId", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_ConversationParticipant_MemberId_TenantId",
                table: "ConversationParticipant",
                columns: new[] { "MemberId", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationRequest_RecipientMemberId_TenantId",
                table: "ConsultationRequest",
                columns: new[] { "RecipientMemberId", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationRequest_RequesterMemberId_TenantId",
                table: "ConsultationRequest",
                columns: new[] { "RequesterMemberId", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_ConsentRecord_MemberId_TenantId",
                table: "ConsentRecord",
                columns: new[] { "MemberId", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_Comment_AuthorMemberId_TenantId",
                table: "Comment",
                columns: new[] { "AuthorMemberId", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_Comment_PostId_TenantId",
                table: "Comment",
                columns: new[] { "PostId", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_CollaborationStageChange_CollaborationId_TenantId",
                table: "CollaborationStageChange",
                columns: new[] { "CollaborationId", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_CollaborationMember_CollaborationId_TenantId",
                table: "CollaborationMember",
                columns: new[] { "CollaborationId", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_CollaborationMember_MemberId_TenantId",
                table: "CollaborationMember",
                columns: new[] { "MemberId", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_CareerEntry_MemberId_TenantId",
                table: "CareerEntry",
                columns: new[] { "MemberId", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_CalendarFeed_MemberId_TenantId",
                table: "CalendarFeed",
                columns: new[] { "MemberId", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_CalendarFeed_Token",
                table: "CalendarFeed",
                columns: new[] { "TenantId", "Token" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Attachment_UploaderMemberId_TenantId",
                table: "Attachment",
                columns: new[] { "UploaderMemberId", "TenantId" });

            migrationBuilder.AddForeignKey(
                name: "FK_Attachment_Members_UploaderMemberId_TenantId",
                table: "Attachment",
                columns: new[] { "UploaderMemberId", "TenantId" },
                principalTable: "Members",
                principalColumns: new[] { "Id", "TenantId" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_CalendarFeed_Members_MemberId_TenantId",
                table: "CalendarFeed",
                columns: new[] { "MemberId", "TenantId" },
                principalTable: "Members",
                principalColumns: new[] { "Id", "TenantId" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_CareerEntry_Members_MemberId_TenantId",
                table: "CareerEntry",
                columns: new[] { "MemberId", "TenantId" },
                principalTable: "Members",
                principalColumns: new[] { "Id", "TenantId" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_CollaborationMember_Collaboration_CollaborationId_TenantId",
                table: "CollaborationMember",
                columns: new[] { "CollaborationId", "TenantId" },
                principalTable: "Collaboration",
                principalColumns: new[] { "Id", "TenantId" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_CollaborationMember_Members_MemberId_TenantId",
                table: "CollaborationMember",
                columns: new[] { "MemberId", "TenantId" },
                principalTable: "Members",
                principalColumns: new[] { "Id", "TenantId" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_CollaborationStageChange_Collaboration_CollaborationId_Tena~",
                table: "CollaborationStageChange",
                columns: new[] { "CollaborationId", "TenantId" },
                principalTable: "Collaboration",
                principalColumns: new[] { "Id", "TenantId" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Comment_Members_AuthorMemberId_TenantId",
                table: "Comment",
                columns: new[] { "AuthorMemberId", "TenantId" },
                principalTable: "Members",
                principalColumns: new[] { "Id", "TenantId" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Comment_Post_PostId_TenantId",
                table: "Comment",
                columns: new[] { "PostId", "TenantId" },
                principalTable: "Post",
                principalColumns: new[] { "Id", "TenantId" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_ConsentRecord_Members_MemberId_TenantId",
                table: "ConsentRecord",
                columns: new[] { "MemberId", "TenantId" },
                principalTable: "Members",
                principalColumns: new[] { "Id", "TenantId" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_ConsultationRequest_Members_RecipientMemberId_TenantId",
                table: "ConsultationRequest",
                columns: new[] { "RecipientMemberId", "TenantId" },
                principalTable: "Members",
                principalColumns: new[] { "Id", "TenantId" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_ConsultationRequest_Members_RequesterMemberId_TenantId",
                table: "ConsultationRequest",
                columns: new[] { "RequesterMemberId", "TenantId" },
                principalTable: "Members",
                principalColumns: new[] { "Id", "TenantId" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_ConversationParticipant_Conversation_ConversationId_TenantId",
                table: "ConversationParticipant",
                columns: new[] { "ConversationId", "TenantId" },
                principalTable: "Conversation",
                principalColumns: new[] { "Id", "TenantId" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_ConversationParticipant_Members_MemberId_TenantId",
                table: "ConversationParticipant",
                columns: new[] { "MemberId", "TenantId" },
                principalTable: "Members",
                principalColumns: new[] { "Id", "TenantId" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_EventFeedback_Event_EventId_TenantId",
                table: "EventFeedback",
                columns: new[] { "EventId", "TenantId" },
                principalTable: "Event",
                principalColumns: new[] { "Id", "TenantId" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_EventFeedback_Members_MemberId_TenantId",
                table: "EventFeedback",
                columns: new[] { "MemberId", "TenantId" },
                principalTable: "Members",
                principalColumns: new[] { "Id", "TenantId" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_FeaturedStory_Members_MemberId_TenantId",
                table: "FeaturedStory",
                columns: new[] { "MemberId", "TenantId" },
                principalTable: "Members",
                principalColumns: new[] { "Id", "TenantId" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Invitation_Members_MemberId_TenantId",
                table: "Invitation",
                columns: new[] { "MemberId", "TenantId" },
                principalTable: "Members",
                principalColumns: new[] { "Id", "TenantId" },
                onDelete: ReferentialAction.Cascade);

            // SET NULL of the reference alone (PostgreSQL 15): the row keeps its TenantId, which the key shares.
            migrationBuilder.Sql("ALTER TABLE \"Invitation\" ADD CONSTRAINT \"FK_Invitation_RosterEntry_RosterEntryId_TenantId\" FOREIGN KEY (\"RosterEntryId\", \"TenantId\") REFERENCES \"RosterEntry\" (\"Id\", \"TenantId\") ON DELETE SET NULL (\"RosterEntryId\");");

            migrationBuilder.AddForeignKey(
                name: "FK_JobInterest_JobOpening_OpeningId_TenantId",
                table: "JobInterest",
                columns: new[] { "OpeningId", "TenantId" },
                principalTable: "JobOpening",
                principalColumns: new[] { "Id", "TenantId" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_JobInterest_Members_MemberId_TenantId",
                table: "JobInterest",
                columns: new[] { "MemberId", "TenantId" },
                principalTable: "Members",
                principalColumns: new[] { "Id", "TenantId" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_JobReferral_JobOpening_OpeningId_TenantId",
                table: "JobReferral",
                columns: new[] { "OpeningId", "TenantId" },
                principalTable: "JobOpening",
                principalColumns: new[] { "Id", "TenantId" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_MemberActivity_Members_MemberId_TenantId",
                table: "MemberActivity",
                columns: new[] { "MemberId", "TenantId" },
                principalTable: "Members",
                principalColumns: new[] { "Id", "TenantId" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_MemberBlock_Members_BlockedMemberId_TenantId",
                table: "MemberBlock",
                columns: new[] { "BlockedMemberId", "TenantId" },
                principalTable: "Members",
                principalColumns: new[] { "Id", "TenantId" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_MemberBlock_Members_BlockerMemberId_TenantId",
                table: "MemberBlock",
                columns: new[] { "BlockerMemberId", "TenantId" },
                principalTable: "Members",
                principalColumns: new[] { "Id", "TenantId" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Message_Conversation_ConversationId_TenantId",
                table: "Message",
                columns: new[] { "ConversationId", "TenantId" },
                principalTable: "Conversation",
                principalColumns: new[] { "Id", "TenantId" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Message_Members_SenderMemberId_TenantId",
                table: "Message",
                columns: new[] { "SenderMemberId", "TenantId" },
                principalTable: "Members",
                principalColumns: new[] { "Id", "TenantId" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_MessageReport_Message_MessageId_TenantId",
                table: "MessageReport",
                columns: new[] { "MessageId", "TenantId" },
                principalTable: "Message",
                principalColumns: new[] { "Id", "TenantId" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Notification_Members_MemberId_TenantId",
                table: "Notification",
                columns: new[] { "MemberId", "TenantId" },
                principalTable: "Members",
                principalColumns: new[] { "Id", "TenantId" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_NotificationPreference_Members_MemberId_TenantId",
                table: "NotificationPreference",
                columns: new[] { "MemberId", "TenantId" },
                principalTable: "Members",
                principalColumns: new[] { "Id", "TenantId" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Pitch_Event_EventId_TenantId",
                table: "Pitch",
                columns: new[] { "EventId", "TenantId" },
                principalTable: "Event",
                principalColumns: new[] { "Id", "TenantId" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Pitch_Members_MemberId_TenantId",
                table: "Pitch",
                columns: new[] { "MemberId", "TenantId" },
                principalTable: "Members",
                principalColumns: new[] { "Id", "TenantId" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_PitchInterest_Members_MemberId_TenantId",
                table: "PitchInterest",
                columns: new[] { "MemberId", "TenantId" },
                principalTable: "Members",
                principalColumns: new[] { "Id", "TenantId" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_PitchInterest_Pitch_PitchId_TenantId",
                table: "PitchInterest",
                columns: new[] { "PitchId", "TenantId" },
                principalTable: "Pitch",
                principalColumns: new[] { "Id", "TenantId" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Post_Members_AuthorMemberId_TenantId",
                table: "Post",
                columns: new[] { "AuthorMemberId", "TenantId" },
                principalTable: "Members",
                principalColumns: new[] { "Id", "TenantId" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_PostInterest_Members_MemberId_TenantId",
                table: "PostInterest",
                columns: new[] { "MemberId", "TenantId" },
                principalTable: "Members",
                principalColumns: new[] { "Id", "TenantId" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_PostInterest_Post_PostId_TenantId",
                table: "PostInterest",
                columns: new[] { "PostId", "TenantId" },
                principalTable: "Post",
                principalColumns: new[] { "Id", "TenantId" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_ProfileTag_Members_MemberId_TenantId",
                table: "ProfileTag",
                columns: new[] { "MemberId", "TenantId" },
                principalTable: "Members",
                principalColumns: new[] { "Id", "TenantId" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_PushSubscription_Members_MemberId_TenantId",
                table: "PushSubscription",
                columns: new[] { "MemberId", "TenantId" },
                principalTable: "Members",
                principalColumns: new[] { "Id", "TenantId" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Reaction_Members_MemberId_TenantId",
                table: "Reaction",
                columns: new[] { "MemberId", "TenantId" },
                principalTable: "Members",
                principalColumns: new[] { "Id", "TenantId" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Reaction_Post_PostId_TenantId",
                table: "Reaction",
                columns: new[] { "PostId", "TenantId" },
                principalTable: "Post",
                principalColumns: new[] { "Id", "TenantId" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Report_Members_ReporterMemberId_TenantId",
                table: "Report",
                columns: new[] { "ReporterMemberId", "TenantId" },
                principalTable: "Members",
                principalColumns: new[] { "Id", "TenantId" },
                onDelete: ReferentialAction.Cascade);

            // SET NULL of the reference alone (PostgreSQL 15): the row keeps its TenantId, which the key shares.
            migrationBuilder.Sql("ALTER TABLE \"RosterEntry\" ADD CONSTRAINT \"FK_RosterEntry_Members_MemberId_TenantId\" FOREIGN KEY (\"MemberId\", \"TenantId\") REFERENCES \"Members\" (\"Id\", \"TenantId\") ON DELETE SET NULL (\"MemberId\");");

            migrationBuilder.AddForeignKey(
                name: "FK_Rsvp_Event_EventId_TenantId",
                table: "Rsvp",
                columns: new[] { "EventId", "TenantId" },
                principalTable: "Event",
                principalColumns: new[] { "Id", "TenantId" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Rsvp_Members_MemberId_TenantId",
                table: "Rsvp",
                columns: new[] { "MemberId", "TenantId" },
                principalTable: "Members",
                principalColumns: new[] { "Id", "TenantId" },
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Attachment_Members_UploaderMemberId_TenantId",
                table: "Attachment");

            migrationBuilder.DropForeignKey(
                name: "FK_CalendarFeed_Members_MemberId_TenantId",
                table: "CalendarFeed");

            migrationBuilder.DropForeignKey(
                name: "FK_CareerEntry_Members_MemberId_TenantId",
                table: "CareerEntry");

            migrationBuilder.DropForeignKey(
                name: "FK_CollaborationMember_Collaboration_CollaborationId_TenantId",
                table: "CollaborationMember");

            migrationBuilder.DropForeignKey(
                name: "FK_CollaborationMember_Members_MemberId_TenantId",
                table: "CollaborationMember");

            migrationBuilder.DropForeignKey(
                name: "FK_CollaborationStageChange_Collaboration_CollaborationId_Tena~",
                table: "CollaborationStageChange");

            migrationBuilder.DropForeignKey(
                name: "FK_Comment_Members_AuthorMemberId_TenantId",
                table: "Comment");

            migrationBuilder.DropForeignKey(
                name: "FK_Comment_Post_PostId_TenantId",
                table: "Comment");

            migrationBuilder.DropForeignKey(
                name: "FK_ConsentRecord_Members_MemberId_TenantId",
                table: "ConsentRecord");

            migrationBuilder.DropForeignKey(
                name: "FK_ConsultationRequest_Members_RecipientMemberId_TenantId",
                table: "ConsultationRequest");

            migrationBuilder.DropForeignKey(
                name: "FK_ConsultationRequest_Members_RequesterMemberId_TenantId",
                table: "ConsultationRequest");

            migrationBuilder.DropForeignKey(
                name: "FK_ConversationParticipant_Conversation_ConversationId_TenantId",
                table: "ConversationParticipant");

            migrationBuilder.DropForeignKey(
                name: "FK_ConversationParticipant_Members_MemberId_TenantId",
                table: "ConversationParticipant");

            migrationBuilder.DropForeignKey(
                name: "FK_EventFeedback_Event_EventId_TenantId",
                table: "EventFeedback");

            migrationBuilder.DropForeignKey(
                name: "FK_EventFeedback_Members_MemberId_TenantId",
                table: "EventFeedback");

            migrationBuilder.DropForeignKey(
                name: "FK_FeaturedStory_Members_MemberId_TenantId",
                table: "FeaturedStory");

            migrationBuilder.DropForeignKey(
                name: "FK_Invitation_Members_MemberId_TenantId",
                table: "Invitation");

            migrationBuilder.DropForeignKey(
                name: "FK_Invitation_RosterEntry_RosterEntryId_TenantId",
                table: "Invitation");

            migrationBuilder.DropForeignKey(
                name: "FK_JobInterest_JobOpening_OpeningId_TenantId",
                table: "JobInterest");

            migrationBuilder.DropForeignKey(
                name: "FK_JobInterest_Members_MemberId_TenantId",
                table: "JobInterest");

            migrationBuilder.DropForeignKey(
                name: "FK_JobReferral_JobOpening_OpeningId_TenantId",
                table: "JobReferral");

            migrationBuilder.DropForeignKey(
                name: "FK_MemberActivity_Members_MemberId_TenantId",
                table: "MemberActivity");

            migrationBuilder.DropForeignKey(
                name: "FK_MemberBlock_Members_BlockedMemberId_TenantId",
                table: "MemberBlock");

            migrationBuilder.DropForeignKey(
                name: "FK_MemberBlock_Members_BlockerMemberId_TenantId",
                table: "MemberBlock");

            migrationBuilder.DropForeignKey(
                name: "FK_Message_Conversation_ConversationId_TenantId",
                table: "Message");

            migrationBuilder.DropForeignKey(
                name: "FK_Message_Members_SenderMemberId_TenantId",
                table: "Message");

            migrationBuilder.DropForeignKey(
                name: "FK_MessageReport_Message_MessageId_TenantId",
                table: "MessageReport");

            migrationBuilder.DropForeignKey(
                name: "FK_Notification_Members_MemberId_TenantId",
                table: "Notification");

            migrationBuilder.DropForeignKey(
                name: "FK_NotificationPreference_Members_MemberId_TenantId",
                table: "NotificationPreference");

            migrationBuilder.DropForeignKey(
                name: "FK_Pitch_Event_EventId_TenantId",
                table: "Pitch");

            migrationBuilder.DropForeignKey(
                name: "FK_Pitch_Members_MemberId_TenantId",
                table: "Pitch");

            migrationBuilder.DropForeignKey(
                name: "FK_PitchInterest_Members_MemberId_TenantId",
                table: "PitchInterest");

            migrationBuilder.DropForeignKey(
                name: "FK_PitchInterest_Pitch_PitchId_TenantId",
                table: "PitchInterest");

            migrationBuilder.DropForeignKey(
                name: "FK_Post_Members_AuthorMemberId_TenantId",
                table: "Post");

            migrationBuilder.DropForeignKey(
                name: "FK_PostInterest_Members_MemberId_TenantId",
                table: "PostInterest");

            migrationBuilder.DropForeignKey(
                name: "FK_PostInterest_Post_PostId_TenantId",
                table: "PostInterest");

            migrationBuilder.DropForeignKey(
                name: "FK_ProfileTag_Members_MemberId_TenantId",
                table: "ProfileTag");

            migrationBuilder.DropForeignKey(
                name: "FK_PushSubscription_Members_MemberId_TenantId",
                table: "PushSubscription");

            migrationBuilder.DropForeignKey(
                name: "FK_Reaction_Members_MemberId_TenantId",
                table: "Reaction");

            migrationBuilder.DropForeignKey(
                name: "FK_Reaction_Post_PostId_TenantId",
                table: "Reaction");

            migrationBuilder.DropForeignKey(
                name: "FK_Report_Members_ReporterMemberId_TenantId",
                table: "Report");

            migrationBuilder.DropForeignKey(
                name: "FK_RosterEntry_Members_MemberId_TenantId",
                table: "RosterEntry");

            migrationBuilder.DropForeignKey(
                name: "FK_Rsvp_Event_EventId_TenantId",
                table: "Rsvp");

            migrationBuilder.DropForeignKey(
                name: "FK_Rsvp_Members_MemberId_TenantId",
                table: "Rsvp");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Rsvp",
                table: "Rsvp");

            migrationBuilder.DropIndex(
                name: "IX_Rsvp_EventId_TenantId",
                table: "Rsvp");

            migrationBuilder.DropIndex(
                name: "IX_Rsvp_MemberId_TenantId",
                table: "Rsvp");

            migrationBuilder.DropIndex(
                name: "IX_Rsvp_TicketCode",
                table: "Rsvp");

            migrationBuilder.DropPrimaryKey(
                name: "PK_RosterEntry",
                table: "RosterEntry");

            migrationBuilder.DropIndex(
                name: "IX_RosterEntry_MemberId_TenantId",
                table: "RosterEntry");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Report",
                table: "Report");

            migrationBuilder.DropIndex(
                name: "IX_Report_ReporterMemberId_TenantId",
                table: "Report");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Reaction",
                table: "Reaction");

            migrationBuilder.DropIndex(
                name: "IX_Reaction_MemberId_TenantId",
                table: "Reaction");

            migrationBuilder.DropIndex(
                name: "IX_Reaction_PostId_TenantId",
                table: "Reaction");

            migrationBuilder.DropPrimaryKey(
                name: "PK_PushSubscription",
                table: "PushSubscription");

            migrationBuilder.DropIndex(
                name: "IX_PushSubscription_MemberId_TenantId",
                table: "PushSubscription");

            migrationBuilder.DropPrimaryKey(
                name: "PK_ProfileTag",
                table: "ProfileTag");

            migrationBuilder.DropIndex(
                name: "IX_ProfileTag_MemberId_TenantId",
                table: "ProfileTag");

            migrationBuilder.DropPrimaryKey(
                name: "PK_PrivacyPolicy",
                table: "PrivacyPolicy");

            migrationBuilder.DropPrimaryKey(
                name: "PK_PostInterest",
                table: "PostInterest");

            migrationBuilder.DropIndex(
                name: "IX_PostInterest_MemberId_TenantId",
                table: "PostInterest");

            migrationBuilder.DropIndex(
                name: "IX_PostInterest_PostId_TenantId",
                table: "PostInterest");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Post",
                table: "Post");

            migrationBuilder.DropIndex(
                name: "IX_Post_AuthorMemberId_TenantId",
                table: "Post");

            migrationBuilder.DropPrimaryKey(
                name: "PK_PitchInterest",
                table: "PitchInterest");

            migrationBuilder.DropIndex(
                name: "IX_PitchInterest_MemberId_TenantId",
                table: "PitchInterest");

            migrationBuilder.DropIndex(
                name: "IX_PitchInterest_PitchId_TenantId",
                table: "PitchInterest");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Pitch",
                table: "Pitch");

            migrationBuilder.DropIndex(
                name: "IX_Pitch_EventId_TenantId",
                table: "Pitch");

            migrationBuilder.DropIndex(
                name: "IX_Pitch_MemberId_TenantId",
                table: "Pitch");

            migrationBuilder.DropPrimaryKey(
                name: "PK_OutboxMessage",
                table: "OutboxMessage");

            migrationBuilder.DropIndex(
                name: "IX_OutboxMessage_Key",
                table: "OutboxMessage");

            migrationBuilder.DropPrimaryKey(
                name: "PK_NotificationPreference",
                table: "NotificationPreference");

            migrationBuilder.DropIndex(
                name: "IX_NotificationPreference_MemberId_TenantId",
                table: "NotificationPreference");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Notification",
                table: "Notification");

            migrationBuilder.DropIndex(
                name: "IX_Notification_MemberId_TenantId",
                table: "Notification");

            migrationBuilder.DropPrimaryKey(
                name: "PK_ModerationAction",
                table: "ModerationAction");

            migrationBuilder.DropPrimaryKey(
                name: "PK_MessageReport",
                table: "MessageReport");

            migrationBuilder.DropIndex(
                name: "IX_MessageReport_MessageId_TenantId",
                table: "MessageReport");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Message",
                table: "Message");

            migrationBuilder.DropIndex(
                name: "IX_Message_ConversationId_TenantId",
                table: "Message");

            migrationBuilder.DropIndex(
                name: "IX_Message_SenderMemberId_TenantId",
                table: "Message");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Members",
                table: "Members");

            migrationBuilder.DropPrimaryKey(
                name: "PK_MemberBlock",
                table: "MemberBlock");

            migrationBuilder.DropIndex(
                name: "IX_MemberBlock_BlockedMemberId_TenantId",
                table: "MemberBlock");

            migrationBuilder.DropIndex(
                name: "IX_MemberBlock_BlockerMemberId_TenantId",
                table: "MemberBlock");

            migrationBuilder.DropPrimaryKey(
                name: "PK_MemberActivity",
                table: "MemberActivity");

            migrationBuilder.DropIndex(
                name: "IX_MemberActivity_MemberId_TenantId",
                table: "MemberActivity");

            migrationBuilder.DropPrimaryKey(
                name: "PK_JobReferral",
                table: "JobReferral");

            migrationBuilder.DropIndex(
                name: "IX_JobReferral_OpeningId_TenantId",
                table: "JobReferral");

            migrationBuilder.DropPrimaryKey(
                name: "PK_JobOpening",
                table: "JobOpening");

            migrationBuilder.DropPrimaryKey(
                name: "PK_JobInterest",
                table: "JobInterest");

            migrationBuilder.DropIndex(
                name: "IX_JobInterest_MemberId_TenantId",
                table: "JobInterest");

            migrationBuilder.DropIndex(
                name: "IX_JobInterest_OpeningId_TenantId",
                table: "JobInterest");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Invitation",
                table: "Invitation");

            migrationBuilder.DropIndex(
                name: "IX_Invitation_MemberId_TenantId",
                table: "Invitation");

            migrationBuilder.DropIndex(
                name: "IX_Invitation_RosterEntryId_TenantId",
                table: "Invitation");

            migrationBuilder.DropIndex(
                name: "IX_Invitation_TokenHash",
                table: "Invitation");

            migrationBuilder.DropPrimaryKey(
                name: "PK_FeaturedStory",
                table: "FeaturedStory");

            migrationBuilder.DropIndex(
                name: "IX_FeaturedStory_MemberId_TenantId",
                table: "FeaturedStory");

            migrationBuilder.DropPrimaryKey(
                name: "PK_EventFeedback",
                table: "EventFeedback");

            migrationBuilder.DropIndex(
                name: "IX_EventFeedback_EventId_TenantId",
                table: "EventFeedback");

            migrationBuilder.DropIndex(
                name: "IX_EventFeedback_MemberId_TenantId",
                table: "EventFeedback");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Event",
                table: "Event");

            migrationBuilder.DropPrimaryKey(
                name: "PK_ConversationParticipant",
                table: "ConversationParticipant");

            migrationBuilder.DropIndex(
                name: "IX_ConversationParticipant_ConversationId_TenantId",
                table: "ConversationParticipant");

            migrationBuilder.DropIndex(
                name: "IX_ConversationParticipant_MemberId_TenantId",
                table: "ConversationParticipant");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Conversation",
                table: "Conversation");

            migrationBuilder.DropPrimaryKey(
                name: "PK_ConsultationRequest",
                table: "ConsultationRequest");

            migrationBuilder.DropIndex(
                name: "IX_ConsultationRequest_RecipientMemberId_TenantId",
                table: "ConsultationRequest");

            migrationBuilder.DropIndex(
                name: "IX_ConsultationRequest_RequesterMemberId_TenantId",
                table: "ConsultationRequest");

            migrationBuilder.DropPrimaryKey(
                name: "PK_ConsentRecord",
                table: "ConsentRecord");

            migrationBuilder.DropIndex(
                name: "IX_ConsentRecord_MemberId_TenantId",
                table: "ConsentRecord");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Comment",
                table: "Comment");

            migrationBuilder.DropIndex(
                name: "IX_Comment_AuthorMemberId_TenantId",
                table: "Comment");

            migrationBuilder.DropIndex(
                name: "IX_Comment_PostId_TenantId",
                table: "Comment");

            migrationBuilder.DropPrimaryKey(
                name: "PK_CollaborationStageChange",
                table: "CollaborationStageChange");

            migrationBuilder.DropIndex(
                name: "IX_CollaborationStageChange_CollaborationId_TenantId",
                table: "CollaborationStageChange");

            migrationBuilder.DropPrimaryKey(
                name: "PK_CollaborationMember",
                table: "CollaborationMember");

            migrationBuilder.DropIndex(
                name: "IX_CollaborationMember_CollaborationId_TenantId",
                table: "CollaborationMember");

            migrationBuilder.DropIndex(
                name: "IX_CollaborationMember_MemberId_TenantId",
                table: "CollaborationMember");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Collaboration",
                table: "Collaboration");

            migrationBuilder.DropPrimaryKey(
                name: "PK_CareerEntry",
                table: "CareerEntry");

            migrationBuilder.DropIndex(
                name: "IX_CareerEntry_MemberId_TenantId",
                table: "CareerEntry");

            migrationBuilder.DropPrimaryKey(
                name: "PK_CalendarFeed",
                table: "CalendarFeed");

            migrationBuilder.DropIndex(
                name: "IX_CalendarFeed_MemberId_TenantId",
                table: "CalendarFeed");

            migrationBuilder.DropIndex(
                name: "IX_CalendarFeed_Token",
                table: "CalendarFeed");

            migrationBuilder.DropPrimaryKey(
                name: "PK_AuditEntries",
                table: "AuditEntries");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Attachment",
                table: "Attachment");

            migrationBuilder.DropIndex(
                name: "IX_Attachment_UploaderMemberId_TenantId",
                table: "Attachment");

            migrationBuilder.AddPrimaryKey(
                name: "PK_Rsvp",
                table: "Rsvp",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_RosterEntry",
                table: "RosterEntry",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_Report",
                table: "Report",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_Reaction",
                table: "Reaction",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_PushSubscription",
                table: "PushSubscription",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_ProfileTag",
                table: "ProfileTag",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_PrivacyPolicy",
                table: "PrivacyPolicy",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_PostInterest",
                table: "PostInterest",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_Post",
                table: "Post",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_PitchInterest",
                table: "PitchInterest",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_Pitch",
                table: "Pitch",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_OutboxMessage",
                table: "OutboxMessage",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_NotificationPreference",
                table: "NotificationPreference",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_Notification",
                table: "Notification",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_ModerationAction",
                table: "ModerationAction",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_MessageReport",
                table: "MessageReport",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_Message",
                table: "Message",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_Members",
                table: "Members",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_MemberBlock",
                table: "MemberBlock",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_MemberActivity",
                table: "MemberActivity",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_JobReferral",
                table: "JobReferral",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_JobOpening",
                table: "JobOpening",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_JobInterest",
                table: "JobInterest",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_Invitation",
                table: "Invitation",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_FeaturedStory",
                table: "FeaturedStory",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_EventFeedback",
                table: "EventFeedback",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_Event",
                table: "Event",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_ConversationParticipant",
                table: "ConversationParticipant",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_Conversation",
                table: "Conversation",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_ConsultationRequest",
                table: "ConsultationRequest",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_ConsentRecord",
                table: "ConsentRecord",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_Comment",
                table: "Comment",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_CollaborationStageChange",
                table: "CollaborationStageChange",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_CollaborationMember",
                table: "CollaborationMember",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_Collaboration",
                table: "Collaboration",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_CareerEntry",
                table: "CareerEntry",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_CalendarFeed",
                table: "CalendarFeed",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_AuditEntries",
                table: "AuditEntries",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_Attachment",
                table: "Attachment",
                column: "Id");

            migrationBuilder.CreateIndex(
                name: "IX_Rsvp_EventId",
                table: "Rsvp",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_Rsvp_MemberId",
                table: "Rsvp",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_Rsvp_TicketCode",
                table: "Rsvp",
                column: "TicketCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RosterEntry_MemberId",
                table: "RosterEntry",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_Report_ReporterMemberId",
                table: "Report",
                column: "ReporterMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_Reaction_MemberId",
                table: "Reaction",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_Reaction_PostId",
                table: "Reaction",
                column: "PostId");

            migrationBuilder.CreateIndex(
                name: "IX_PushSubscription_MemberId",
                table: "PushSubscription",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_PostInterest_MemberId",
                table: "PostInterest",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_PostInterest_PostId",
                table: "PostInterest",
                column: "PostId");

            migrationBuilder.CreateIndex(
                name: "IX_Post_AuthorMemberId",
                table: "Post",
                column: "AuthorMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_PitchInterest_MemberId",
                table: "PitchInterest",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_PitchInterest_PitchId",
                table: "PitchInterest",
                column: "PitchId");

            migrationBuilder.CreateIndex(
                name: "IX_Pitch_EventId",
                table: "Pitch",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_Pitch_MemberId",
                table: "Pitch",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessage_Key",
                table: "OutboxMessage",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NotificationPreference_MemberId",
                table: "NotificationPreference",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_Notification_MemberId",
                table: "Notification",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_MessageReport_MessageId",
                table: "MessageReport",
                column: "MessageId");

            migrationBuilder.CreateIndex(
                name: "IX_Message_ConversationId",
                table: "Message",
                column: "ConversationId");

            migrationBuilder.CreateIndex(
                name: "IX_Message_SenderMemberId",
                table: "Message",
                column: "SenderMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_MemberBlock_BlockedMemberId",
                table: "MemberBlock",
                column: "BlockedMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_MemberBlock_BlockerMemberId",
                table: "MemberBlock",
                column: "BlockerMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_MemberActivity_MemberId",
                table: "MemberActivity",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_JobReferral_OpeningId",
                table: "JobReferral",
                column: "OpeningId");

            migrationBuilder.CreateIndex(
                name: "IX_JobInterest_MemberId",
                table: "JobInterest",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_JobInterest_OpeningId",
                table: "JobInterest",
                column: "OpeningId");

            migrationBuilder.CreateIndex(
                name: "IX_Invitation_MemberId",
                table: "Invitation",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_Invitation_RosterEntryId",
                table: "Invitation",
                column: "RosterEntryId");

            migrationBuilder.CreateIndex(
                name: "IX_Invitation_TokenHash",
                table: "Invitation",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FeaturedStory_MemberId",
                table: "FeaturedStory",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_EventFeedback_EventId",
                table: "EventFeedback",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_EventFeedback_MemberId",
                table: "EventFeedback",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_ConversationParticipant_ConversationId",
                table: "ConversationParticipant",
                column: "ConversationId");

            migrationBuilder.CreateIndex(
                name: "IX_ConversationParticipant_MemberId",
                table: "ConversationParticipant",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationRequest_RecipientMemberId",
                table: "ConsultationRequest",
                column: "RecipientMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationRequest_RequesterMemberId",
                table: "ConsultationRequest",
                column: "RequesterMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_ConsentRecord_MemberId",
                table: "ConsentRecord",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_Comment_AuthorMemberId",
                table: "Comment",
                column: "AuthorMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_Comment_PostId",
                table: "Comment",
                column: "PostId");

            migrationBuilder.CreateIndex(
                name: "IX_CollaborationStageChange_CollaborationId",
                table: "CollaborationStageChange",
                column: "CollaborationId");

            migrationBuilder.CreateIndex(
                name: "IX_CollaborationMember_CollaborationId",
                table: "CollaborationMember",
                column: "CollaborationId");

            migrationBuilder.CreateIndex(
                name: "IX_CalendarFeed_MemberId",
                table: "CalendarFeed",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_CalendarFeed_Token",
                table: "CalendarFeed",
                column: "Token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Attachment_UploaderMemberId",
                table: "Attachment",
                column: "UploaderMemberId");

            migrationBuilder.AddForeignKey(
                name: "FK_Attachment_Members_UploaderMemberId",
                table: "Attachment",
                column: "UploaderMemberId",
                principalTable: "Members",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_CalendarFeed_Members_MemberId",
                table: "CalendarFeed",
                column: "MemberId",
                principalTable: "Members",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_CareerEntry_Members_MemberId",
                table: "CareerEntry",
                column: "MemberId",
                principalTable: "Members",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_CollaborationMember_Collaboration_CollaborationId",
                table: "CollaborationMember",
                column: "CollaborationId",
                principalTable: "Collaboration",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_CollaborationMember_Members_MemberId",
                table: "CollaborationMember",
                column: "MemberId",
                principalTable: "Members",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_CollaborationStageChange_Collaboration_CollaborationId",
                table: "CollaborationStageChange",
                column: "CollaborationId",
                principalTable: "Collaboration",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Comment_Members_AuthorMemberId",
                table: "Comment",
                column: "AuthorMemberId",
                principalTable: "Members",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Comment_Post_PostId",
                table: "Comment",
                column: "PostId",
                principalTable: "Post",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_ConsentRecord_Members_MemberId",
                table: "ConsentRecord",
                column: "MemberId",
                principalTable: "Members",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_ConsultationRequest_Members_RecipientMemberId",
                table: "ConsultationRequest",
                column: "RecipientMemberId",
                principalTable: "Members",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_ConsultationRequest_Members_RequesterMemberId",
                table: "ConsultationRequest",
                column: "RequesterMemberId",
                principalTable: "Members",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_ConversationParticipant_Conversation_ConversationId",
                table: "ConversationParticipant",
                column: "ConversationId",
                principalTable: "Conversation",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_ConversationParticipant_Members_MemberId",
                table: "ConversationParticipant",
                column: "MemberId",
                principalTable: "Members",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_EventFeedback_Event_EventId",
                table: "EventFeedback",
                column: "EventId",
                principalTable: "Event",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_EventFeedback_Members_MemberId",
                table: "EventFeedback",
                column: "MemberId",
                principalTable: "Members",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_FeaturedStory_Members_MemberId",
                table: "FeaturedStory",
                column: "MemberId",
                principalTable: "Members",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Invitation_Members_MemberId",
                table: "Invitation",
                column: "MemberId",
                principalTable: "Members",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Invitation_RosterEntry_RosterEntryId",
                table: "Invitation",
                column: "RosterEntryId",
                principalTable: "RosterEntry",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_JobInterest_JobOpening_OpeningId",
                table: "JobInterest",
                column: "OpeningId",
                principalTable: "JobOpening",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_JobInterest_Members_MemberId",
                table: "JobInterest",
                column: "MemberId",
                principalTable: "Members",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_JobReferral_JobOpening_OpeningId",
                table: "JobReferral",
                column: "OpeningId",
                principalTable: "JobOpening",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_MemberActivity_Members_MemberId",
                table: "MemberActivity",
                column: "MemberId",
                principalTable: "Members",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_MemberBlock_Members_BlockedMemberId",
                table: "MemberBlock",
                column: "BlockedMemberId",
                principalTable: "Members",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_MemberBlock_Members_BlockerMemberId",
                table: "MemberBlock",
                column: "BlockerMemberId",
                principalTable: "Members",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Message_Conversation_ConversationId",
                table: "Message",
                column: "ConversationId",
                principalTable: "Conversation",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Message_Members_SenderMemberId",
                table: "Message",
                column: "SenderMemberId",
                principalTable: "Members",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_MessageReport_Message_MessageId",
                table: "MessageReport",
                column: "MessageId",
                principalTable: "Message",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Notification_Members_MemberId",
                table: "Notification",
                column: "MemberId",
                principalTable: "Members",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_NotificationPreference_Members_MemberId",
                table: "NotificationPreference",
                column: "MemberId",
                principalTable: "Members",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Pitch_Event_EventId",
                table: "Pitch",
                column: "EventId",
                principalTable: "Event",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Pitch_Members_MemberId",
                table: "Pitch",
                column: "MemberId",
                principalTable: "Members",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_PitchInterest_Members_MemberId",
                table: "PitchInterest",
                column: "MemberId",
                principalTable: "Members",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_PitchInterest_Pitch_PitchId",
                table: "PitchInterest",
                column: "PitchId",
                principalTable: "Pitch",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Post_Members_AuthorMemberId",
                table: "Post",
                column: "AuthorMemberId",
                principalTable: "Members",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_PostInterest_Members_MemberId",
                table: "PostInterest",
                column: "MemberId",
                principalTable: "Members",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_PostInterest_Post_PostId",
                table: "PostInterest",
                column: "PostId",
                principalTable: "Post",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_ProfileTag_Members_MemberId",
                table: "ProfileTag",
                column: "MemberId",
                principalTable: "Members",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_PushSubscription_Members_MemberId",
                table: "PushSubscription",
                column: "MemberId",
                principalTable: "Members",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Reaction_Members_MemberId",
                table: "Reaction",
                column: "MemberId",
                principalTable: "Members",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Reaction_Post_PostId",
                table: "Reaction",
                column: "PostId",
                principalTable: "Post",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Report_Members_ReporterMemberId",
                table: "Report",
                column: "ReporterMemberId",
                principalTable: "Members",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_RosterEntry_Members_MemberId",
                table: "RosterEntry",
                column: "MemberId",
                principalTable: "Members",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_Rsvp_Event_EventId",
                table: "Rsvp",
                column: "EventId",
                principalTable: "Event",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Rsvp_Members_MemberId",
                table: "Rsvp",
                column: "MemberId",
                principalTable: "Members",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
