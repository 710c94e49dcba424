using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Events;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Features.Notifications;
using OpenAlumni.Web.Features.Posts;
using OpenAlumni.Web.Features.Roster;
using OpenAlumni.Web.Infrastructure;

namespace OpenAlumni.Web.Features.MemberAdmin;

public sealed partial class MemberAdminService
{
    /// <summary>
    /// Merges a duplicate account into the kept one: the duplicate's posts, comments, reactions, RSVPs,
    /// pitches, feedback, business cards, reports, notifications, job openings and interest, collaborations, conversations and
    /// messages, blocks, consultation requests and roster link move to the kept member (where both
    /// have one, the kept member's stays); then the duplicate membership is removed, and its login
    /// too when it belongs to no other network. One transaction.
    /// </summary>
    public async Task<Result<AdminMemberDto>> MergeAsync(long keepId, long duplicateId, CancellationToken ct)
    {
        if (await AdminAsync(ct) is not { } admin) return Result<AdminMemberDto>.Forbidden();
        if (keepId == duplicateId) return FieldErrors.Of("duplicateId", "Validation.MergeSame");
        // The "former member" placeholder holds deleted members' kept posts: it is nobody's duplicate.
        var keep = await db.Members.FirstOrDefaultAsync(m => m.Id == keepId && m.Status != MemberStatus.Former, ct);
        var dup = await db.Members.FirstOrDefaultAsync(m => m.Id == duplicateId && m.Status != MemberStatus.Former, ct);
        if (keep is null) return Result<AdminMemberDto>.NotFound();
        if (dup is null) return FieldErrors.Of("duplicateId", "Validation.NotFound");
        if (dup.Id == admin.MemberId) return Result<AdminMemberDto>.Conflict("duplicateId", "Validation.NotYourself");
        if (dup.Role == MemberRole.Admin && keep.Role != MemberRole.Admin && !await OtherAdminsAsync(dup.Id, ct))
            return Result<AdminMemberDto>.Conflict("duplicateId", "Validation.LastAdmin");

        var (k, d) = (keep.Id, dup.Id);
        var photo = await db.InTransactionAsync(async tx =>
        {
            // Rows unique per member: the kept member's one wins, the duplicate's is dropped.
            await db.Set<Reaction>().Where(x => x.MemberId == d && db.Set<Reaction>().Any(y => y.MemberId == k && y.PostId == x.PostId && y.Kind == x.Kind)).ExecuteDeleteAsync(ct);
            await db.Set<PostInterest>().Where(x => x.MemberId == d && db.Set<PostInterest>().Any(y => y.MemberId == k && y.PostId == x.PostId)).ExecuteDeleteAsync(ct);
            await db.Set<PitchInterest>().Where(x => x.MemberId == d && db.Set<PitchInterest>().Any(y => y.MemberId == k && y.PitchId == x.PitchId)).ExecuteDeleteAsync(ct);
            await db.Set<EventFeedback>().Where(x => x.MemberId == d && db.Set<EventFeedback>().Any(y => y.MemberId == k && y.EventId == x.EventId)).ExecuteDeleteAsync(ct);
            await db.Set<Pitch>().Where(x => x.MemberId == d && db.Set<Pitch>().Any(y => y.MemberId == k && y.EventId == x.EventId)).ExecuteDeleteAsync(ct);
            await db.Set<NotificationPreference>().Where(x => x.MemberId == d).ExecuteDeleteAsync(ct);
            await db.Set<Spaces.SpaceMember>().Where(x => x.MemberId == d && db.Set<Spaces.SpaceMember>().Any(y => y.MemberId == k && y.SpaceId == x.SpaceId)).ExecuteDeleteAsync(ct);
            await db.Set<Spaces.Supporter>().Where(x => x.MemberId == d && db.Set<Spaces.Supporter>().Any(y => y.MemberId == k)).ExecuteDeleteAsync(ct);
            await db.Set<Jobs.JobInterest>().Where(x => x.MemberId == d && db.Set<Jobs.JobInterest>().Any(y => y.MemberId == k && y.OpeningId == x.OpeningId)).ExecuteDeleteAsync(ct);
            await db.Set<Collaborations.CollaborationMember>().Where(x => x.MemberId == d && db.Set<Collaborations.CollaborationMember>().Any(y => y.MemberId == k && y.CollaborationId == x.CollaborationId)).ExecuteDeleteAsync(ct);
            await db.Set<Outcomes.OutcomeMember>().Where(x => x.MemberId == d && db.Set<Outcomes.OutcomeMember>().Any(y => y.MemberId == k && y.OutcomeId == x.OutcomeId)).ExecuteDeleteAsync(ct);
            await db.Set<Projects.ProjectApplication>().Where(x => x.MemberId == d && db.Set<Projects.ProjectApplication>().Any(y => y.MemberId == k && y.ProjectId == x.ProjectId)).ExecuteDeleteAsync(ct);
            // Once one person, nobody applies to their own project.
            await db.Set<Projects.ProjectApplication>().Where(x => (x.MemberId == d && db.Set<Projects.Project>().Any(p => p.Id == x.ProjectId && p.PostedByMemberId == k))
                || (x.MemberId == k && db.Set<Projects.Project>().Any(p => p.Id == x.ProjectId && p.PostedByMemberId == d))).ExecuteDeleteAsync(ct);
            await db.Set<Community.FeaturedStory>().Where(x => x.MemberId == d && db.Set<Community.FeaturedStory>().Any(y => y.MemberId == k)).ExecuteDeleteAsync(ct);
            // Business cards: an exchange between the two accounts would be one with oneself; where both met the same person at
            // the same event, the kept member's side stays (and so does the other person's side about the kept one).
            await db.Set<CardExchange>().Where(x => (x.MemberId == d && x.OtherMemberId == k) || (x.MemberId == k && x.OtherMemberId == d)).ExecuteDeleteAsync(ct);
            await db.Set<CardExchange>().Where(x => x.MemberId == d && db.Set<CardExchange>().Any(y => y.MemberId == k && y.EventId == x.EventId && y.OtherMemberId == x.OtherMemberId)).ExecuteDeleteAsync(ct);
            await db.Set<CardExchange>().Where(x => x.OtherMemberId == d && db.Set<CardExchange>().Any(y => y.OtherMemberId == k && y.EventId == x.EventId && y.MemberId == x.MemberId)).ExecuteDeleteAsync(ct);
            await db.Set<Messages.ConversationParticipant>().Where(x => x.MemberId == d && db.Set<Messages.ConversationParticipant>().Any(y => y.MemberId == k && y.ConversationId == x.ConversationId)).ExecuteDeleteAsync(ct);
            await db.Set<Messages.MessageReport>().Where(x => x.ReporterMemberId == d && db.Set<Messages.MessageReport>().Any(y => y.ReporterMemberId == k && y.MessageId == x.MessageId)).ExecuteDeleteAsync(ct);
            // A week's suggestions to or of the duplicate are dropped (lists of a week; the kept account gets its own next week).
            await db.Set<Suggestions.Suggestion>().Where(x => x.MemberId == d || x.SuggestedMemberId == d).ExecuteDeleteAsync(ct);
            // Blocks between the two accounts make no sense once they are one; the kept member's own blocks win.
            await db.Set<Messages.MemberBlock>().Where(x => (x.BlockerMemberId == d && x.BlockedMemberId == k) || (x.BlockerMemberId == k && x.BlockedMemberId == d)).ExecuteDeleteAsync(ct);
            await db.Set<Messages.MemberBlock>().Where(x => x.BlockerMemberId == d && db.Set<Messages.MemberBlock>().Any(y => y.BlockerMemberId == k && y.BlockedMemberId == x.BlockedMemberId)).ExecuteDeleteAsync(ct);
            await db.Set<Messages.MemberBlock>().Where(x => x.BlockedMemberId == d && db.Set<Messages.MemberBlock>().Any(y => y.BlockedMemberId == k && y.BlockerMemberId == x.BlockerMemberId)).ExecuteDeleteAsync(ct);
            // Two RSVPs for one event: the duplicate's seat is given back (the seat counters stay true).
            var doubled = await db.Set<Rsvp>().Where(x => x.MemberId == d && db.Set<Rsvp>().Any(y => y.MemberId == k && y.EventId == x.EventId)).ToListAsync(ct);
            foreach (var r in doubled)
            {
                if (r.Status == RsvpStatus.Confirmed && r.Mode == AttendanceMode.InPerson)
                    await db.Set<Event>().Where(e => e.Id == r.EventId).ExecuteUpdateAsync(s => s.SetProperty(e => e.ConfirmedInPerson, e => e.ConfirmedInPerson - 1), ct);
                else if (r.Status == RsvpStatus.Confirmed)
                    await db.Set<Event>().Where(e => e.Id == r.EventId).ExecuteUpdateAsync(s => s.SetProperty(e => e.ConfirmedOnline, e => e.ConfirmedOnline - 1), ct);
                db.Remove(r);
            }
            await db.SaveChangesAsync(ct);

            // Network mail: an unsubscribe made from either account holds for the person; a newsletter copy the kept account got
            // wins over the duplicate's; a week's mail count moves where the kept account has none for that week.
            await db.Set<Newsletters.MailOptOut>().Where(x => x.MemberId == d && db.Set<Newsletters.MailOptOut>().Any(y => y.MemberId == k && y.Kind == x.Kind)).ExecuteDeleteAsync(ct);
            await db.Set<Newsletters.MailOptOut>().Where(x => x.MemberId == d).ExecuteUpdateAsync(s => s.SetProperty(x => x.MemberId, k), ct);
            await db.Set<Newsletters.NewsletterDelivery>().Where(x => x.MemberId == d && db.Set<Newsletters.NewsletterDelivery>().Any(y => y.MemberId == k && y.NewsletterId == x.NewsletterId)).ExecuteDeleteAsync(ct);
            await db.Set<Newsletters.NewsletterDelivery>().Where(x => x.MemberId == d).ExecuteUpdateAsync(s => s.SetProperty(x => x.MemberId, k), ct);
            await db.Set<Newsletters.MemberMailWeek>().Where(x => x.MemberId == d && db.Set<Newsletters.MemberMailWeek>().Any(y => y.MemberId == k && y.Week == x.Week)).ExecuteDeleteAsync(ct);
            await db.Set<Newsletters.MemberMailWeek>().Where(x => x.MemberId == d).ExecuteUpdateAsync(s => s.SetProperty(x => x.MemberId, k), ct);
            await db.Set<Post>().Where(x => x.AuthorMemberId == d).ExecuteUpdateAsync(s => s.SetProperty(x => x.AuthorMemberId, k), ct);
            await db.Set<Post>().Where(x => x.HiddenByMemberId == d).ExecuteUpdateAsync(s => s.SetProperty(x => x.HiddenByMemberId, k), ct);
            await db.Set<Comment>().Where(x => x.AuthorMemberId == d).ExecuteUpdateAsync(s => s.SetProperty(x => x.AuthorMemberId, k), ct);
            await db.Set<Reaction>().Where(x => x.MemberId == d).ExecuteUpdateAsync(s => s.SetProperty(x => x.MemberId, k), ct);
            await db.Set<PostInterest>().Where(x => x.MemberId == d).ExecuteUpdateAsync(s => s.SetProperty(x => x.MemberId, k), ct);
            await db.Set<Report>().Where(x => x.ReporterMemberId == d).ExecuteUpdateAsync(s => s.SetProperty(x => x.ReporterMemberId, k), ct);
            await db.Set<Report>().Where(x => x.DecidedByMemberId == d).ExecuteUpdateAsync(s => s.SetProperty(x => x.DecidedByMemberId, k), ct);
            await db.Set<ModerationAction>().Where(x => x.ByMemberId == d).ExecuteUpdateAsync(s => s.SetProperty(x => x.ByMemberId, k), ct);
            await db.Set<Attachment>().Where(x => x.UploaderMemberId == d).ExecuteUpdateAsync(s => s.SetProperty(x => x.UploaderMemberId, k), ct);
            await db.Set<Event>().Where(x => x.CreatedByMemberId == d).ExecuteUpdateAsync(s => s.SetProperty(x => x.CreatedByMemberId, k), ct);
            await db.Set<Spaces.SpaceMember>().Where(x => x.MemberId == d).ExecuteUpdateAsync(s => s.SetProperty(x => x.MemberId, k), ct);
            await db.Set<Spaces.Supporter>().Where(x => x.MemberId == d).ExecuteUpdateAsync(s => s.SetProperty(x => x.MemberId, k), ct);
            await db.Set<Spaces.Supporter>().Where(x => x.AppointedByMemberId == d).ExecuteUpdateAsync(s => s.SetProperty(x => x.AppointedByMemberId, k), ct);
            await db.Set<Spaces.Space>().Where(x => x.CreatedByMemberId == d).ExecuteUpdateAsync(s => s.SetProperty(x => x.CreatedByMemberId, k), ct);
            await db.Set<Rsvp>().Where(x => x.MemberId == d).ExecuteUpdateAsync(s => s.SetProperty(x => x.MemberId, k), ct);
            await db.Set<Rsvp>().Where(x => x.CheckedInByMemberId == d).ExecuteUpdateAsync(s => s.SetProperty(x => x.CheckedInByMemberId, k), ct);
            await db.Set<Pitch>().Where(x => x.MemberId == d).ExecuteUpdateAsync(s => s.SetProperty(x => x.MemberId, k), ct);
            await db.Set<PitchInterest>().Where(x => x.MemberId == d).ExecuteUpdateAsync(s => s.SetProperty(x => x.MemberId, k), ct);
            await db.Set<EventFeedback>().Where(x => x.MemberId == d).ExecuteUpdateAsync(s => s.SetProperty(x => x.MemberId, k), ct);
            await db.Set<CardExchange>().Where(x => x.MemberId == d).ExecuteUpdateAsync(s => s.SetProperty(x => x.MemberId, k), ct);
            await db.Set<CardExchange>().Where(x => x.OtherMemberId == d).ExecuteUpdateAsync(s => s.SetProperty(x => x.OtherMemberId, k), ct);
            await db.Set<Notification>().Where(x => x.MemberId == d).ExecuteUpdateAsync(s => s.SetProperty(x => x.MemberId, k), ct);
            await db.Set<Notification>().Where(x => x.ActorMemberId == d).ExecuteUpdateAsync(s => s.SetProperty(x => x.ActorMemberId, k), ct);
            await db.Set<RosterEntry>().Where(x => x.MemberId == d).ExecuteUpdateAsync(s => s.SetProperty(x => x.MemberId, k), ct);
            await db.Set<Invitation>().Where(x => x.MemberId == d).ExecuteUpdateAsync(s => s.SetProperty(x => x.MemberId, k), ct);
            await db.Set<Jobs.JobOpening>().Where(x => x.PostedByMemberId == d).ExecuteUpdateAsync(s => s.SetProperty(x => x.PostedByMemberId, k), ct);
            await db.Set<Jobs.JobInterest>().Where(x => x.MemberId == d).ExecuteUpdateAsync(s => s.SetProperty(x => x.MemberId, k), ct);
            await db.Set<Jobs.JobReferral>().Where(x => x.ReferrerMemberId == d).ExecuteUpdateAsync(s => s.SetProperty(x => x.ReferrerMemberId, k), ct);
            await db.Set<Collaborations.Collaboration>().Where(x => x.ProposedByMemberId == d).ExecuteUpdateAsync(s => s.SetProperty(x => x.ProposedByMemberId, k), ct);
            await db.Set<Collaborations.CollaborationMember>().Where(x => x.MemberId == d).ExecuteUpdateAsync(s => s.SetProperty(x => x.MemberId, k), ct);
            await db.Set<Collaborations.CollaborationStageChange>().Where(x => x.ByMemberId == d).ExecuteUpdateAsync(s => s.SetProperty(x => x.ByMemberId, k), ct);
            await db.Set<Outcomes.OutcomeMember>().Where(x => x.MemberId == d).ExecuteUpdateAsync(s => s.SetProperty(x => x.MemberId, k), ct);
            await db.Set<Outcomes.Outcome>().Where(x => x.RecordedByMemberId == d).ExecuteUpdateAsync(s => s.SetProperty(x => x.RecordedByMemberId, k), ct);
            await db.Set<Projects.ProjectApplication>().Where(x => x.MemberId == d).ExecuteUpdateAsync(s => s.SetProperty(x => x.MemberId, k), ct);
            await db.Set<Projects.Project>().Where(x => x.PostedByMemberId == d).ExecuteUpdateAsync(s => s.SetProperty(x => x.PostedByMemberId, k), ct);
            await db.Set<Community.FeaturedStory>().Where(x => x.MemberId == d).ExecuteUpdateAsync(s => s.SetProperty(x => x.MemberId, k), ct);
            await db.Set<Community.FeaturedStory>().Where(x => x.ChosenByMemberId == d).ExecuteUpdateAsync(s => s.SetProperty(x => x.ChosenByMemberId, k), ct);
            await db.Set<Messages.Conversation>().Where(x => x.StartedByMemberId == d).ExecuteUpdateAsync(s => s.SetProperty(x => x.StartedByMemberId, k), ct);
            await db.Set<Messages.ConversationParticipant>().Where(x => x.MemberId == d).ExecuteUpdateAsync(s => s.SetProperty(x => x.MemberId, k), ct);
            await db.Set<Messages.Message>().Where(x => x.SenderMemberId == d).ExecuteUpdateAsync(s => s.SetProperty(x => x.SenderMemberId, k), ct);
            await db.Set<Messages.MemberBlock>().Where(x => x.BlockerMemberId == d).ExecuteUpdateAsync(s => s.SetProperty(x => x.BlockerMemberId, k), ct);
            await db.Set<Messages.MemberBlock>().Where(x => x.BlockedMemberId == d).ExecuteUpdateAsync(s => s.SetProperty(x => x.BlockedMemberId, k), ct);
            await db.Set<Messages.MessageReport>().Where(x => x.ReporterMemberId == d).ExecuteUpdateAsync(s => s.SetProperty(x => x.ReporterMemberId, k), ct);
            await db.Set<Messages.MessageReport>().Where(x => x.ClosedByMemberId == d).ExecuteUpdateAsync(s => s.SetProperty(x => x.ClosedByMemberId, k), ct);
            await db.Set<Consultations.ConsultationRequest>().Where(x => x.RequesterMemberId == d).ExecuteUpdateAsync(s => s.SetProperty(x => x.RequesterMemberId, k), ct);
            await db.Set<Consultations.ConsultationRequest>().Where(x => x.RecipientMemberId == d).ExecuteUpdateAsync(s => s.SetProperty(x => x.RecipientMemberId, k), ct);

            // Read again: on a retry the rows read before are no longer tracked (the first try gets those back).
            var kept = await db.Members.FirstAsync(m => m.Id == k, ct);
            var duplicate = await db.Members.FirstAsync(m => m.Id == d, ct);
            if (duplicate.Role == MemberRole.Admin) kept.Role = MemberRole.Admin;
            var photo = duplicate.PhotoPath;
            var userId = duplicate.UserId;
            db.Members.Remove(duplicate);
            await audit.AddAsync("member.merge", "member", k.ToString(), new { duplicateId = d }, new { keptId = k }, ct);
            await db.SaveChangesAsync(ct);
            // The login goes too, unless it is a member of another network (Identity users are global).
            if (!await db.Members.IgnoreQueryFilters().AnyAsync(m => m.UserId == userId, ct) && await users.FindByIdAsync(userId) is { } login)
                await users.DeleteAsync(login);
            await tx.CommitAsync(ct);
            return photo;
        }, ct);
        await files.DeleteAsync(photo, CancellationToken.None);
        return (await GetAsync(k, ct)).Value!;
    }
}
