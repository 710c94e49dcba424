using System.IO.Compression;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Accounts;
using OpenAlumni.Web.Features.Analytics;
using OpenAlumni.Web.Features.Collaborations;
using OpenAlumni.Web.Features.Community;
using OpenAlumni.Web.Features.Consultations;
using OpenAlumni.Web.Features.Events;
using OpenAlumni.Web.Features.Jobs;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Features.Messages;
using OpenAlumni.Web.Features.Notifications;
using OpenAlumni.Web.Features.Posts;
using OpenAlumni.Web.Features.Roster;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;
using OpenAlumni.Web.Infrastructure.Outbox;
using OpenAlumni.Web.Infrastructure.Storage;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Privacy;

// Delete me: every feature's personal data of a member, erased or handed to the former-member placeholder.
public sealed partial class MyDataService
{
    /// <summary>
    /// Erases me from this network: profile, career, tags, consents, reactions, sign-ups, notifications,
    /// files; my posts and comments are kept as "former member" or deleted, as I choose. The login goes too
    /// unless it belongs to another network (then only this membership). Either way its security stamp
    /// changes, which ends sessions and tokens. Audited as member.delete_self with no personal data.
    /// </summary>
    public async Task<Result<DeleteMeDto>> DeleteMeAsync(DeleteMeRequest r, CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        var errors = new FieldErrors();
        var choice = Check.Enum<PostsOnDelete>(errors, "posts", r.Posts, required: true);
        if (errors.Any) return errors;
        var t = tenant.Tenant!;
        var id = me.MemberId;
        var member = await db.Members.AsNoTracking().FirstAsync(m => m.Id == id, ct);
        if (member.Role == MemberRole.Admin && member.Status == MemberStatus.Approved
            && !await db.Members.AnyAsync(m => m.Id != id && m.Role == MemberRole.Admin && m.Status == MemberStatus.Approved, ct))
            return Result<DeleteMeDto>.Conflict("id", "Privacy.LastAdmin");
        var user = await users.FindByIdAsync(member.UserId);
        var email = user?.Email;
        var filesToDelete = new List<string>();
        if (member.PhotoPath is not null) filesToDelete.Add(member.PhotoPath);

        var (loginDeleted, erasedFiles) = await db.InTransactionAsync(async tx =>
        {
            var erased = new List<string>(filesToDelete);
            // Seats I hold on upcoming events go back to the event (the waitlist moves up at the next cancellation or capacity change).
            var seats = await db.Set<Rsvp>().Where(x => x.MemberId == id && x.Status == RsvpStatus.Confirmed)
                .GroupBy(x => new { x.EventId, x.Mode }).Select(g => new { g.Key.EventId, g.Key.Mode, Count = g.Count() }).ToListAsync(ct);
            foreach (var s in seats)
            {
                if (s.Mode == AttendanceMode.Online)
                    await db.Set<Event>().Where(e => e.Id == s.EventId).ExecuteUpdateAsync(u => u.SetProperty(e => e.ConfirmedOnline, e => e.ConfirmedOnline - s.Count), ct);
                else
                    await db.Set<Event>().Where(e => e.Id == s.EventId).ExecuteUpdateAsync(u => u.SetProperty(e => e.ConfirmedInPerson, e => e.ConfirmedInPerson - s.Count), ct);
            }

            var touchedPosts = await db.Set<Comment>().Where(c => c.AuthorMemberId == id).Select(c => c.PostId).Distinct().ToListAsync(ct);
            if (choice == PostsOnDelete.Delete)
            {
                erased.AddRange(await db.Set<Attachment>().Where(a => a.UploaderMemberId == id).Select(a => a.Path).ToListAsync(ct));
                await db.Set<Attachment>().Where(a => a.UploaderMemberId == id).ExecuteDeleteAsync(ct);
                await db.Set<Comment>().Where(c => c.AuthorMemberId == id).ExecuteDeleteAsync(ct);
                await db.Set<Post>().Where(p => p.AuthorMemberId == id).ExecuteDeleteAsync(ct);
            }
            else
            {
                var former = await FormerMemberIdAsync(ct);
                // Images shown in a kept post stay with it; any other image I uploaded goes.
                var bodies = await db.Set<Post>().Where(p => p.AuthorMemberId == id).Select(p => p.Body).ToListAsync(ct);
                var mine = await db.Set<Attachment>().Where(a => a.UploaderMemberId == id).Select(a => new { a.Id, a.Path }).ToListAsync(ct);
                var shown = mine.Where(a => bodies.Any(b => b.Contains($"/posts/attachments/{a.Id}/", StringComparison.Ordinal))).Select(a => a.Id).ToList();
                erased.AddRange(mine.Where(a => !shown.Contains(a.Id)).Select(a => a.Path));
                await db.Set<Attachment>().Where(a => a.UploaderMemberId == id && !shown.Contains(a.Id)).ExecuteDeleteAsync(ct);
                await db.Set<Attachment>().Where(a => shown.Contains(a.Id)).ExecuteUpdateAsync(u => u.SetProperty(a => a.UploaderMemberId, former), ct);
                await db.Set<Comment>().Where(c => c.AuthorMemberId == id).ExecuteUpdateAsync(u => u.SetProperty(c => c.AuthorMemberId, former), ct);
                // The search text of a post holds its author's name: indexed again without it.
                var posts = await db.Set<Post>().Where(p => p.AuthorMemberId == id).ToListAsync(ct);
                foreach (var p in posts)
                {
                    p.AuthorMemberId = former;
                    PostAudience.IndexForSearch(p, "");
                }
                await db.SaveChangesAsync(ct);
            }
            foreach (var postId in touchedPosts)
                await db.Set<Post>().Where(p => p.Id == postId)
                    .ExecuteUpdateAsync(u => u.SetProperty(p => p.CommentCount, p => db.Set<Comment>().Count(c => c.PostId == p.Id && c.HiddenAt == null)), ct);
            await EraseConnectionsAsync(id, email, choice == PostsOnDelete.Delete, ct);
            // Others' notifications of my messages (their subject is my name) and of consultation requests (now deleted) go, as does
            // any whose subject holds my name; the rest keep their subject but no longer point at me.
            NotificationType[] gone = [NotificationType.Message, NotificationType.ConsultationRequest, NotificationType.ConsultationAccepted,
                NotificationType.ConsultationProposed, NotificationType.ConsultationDeclined];
            await db.Set<Notification>().Where(n => n.ActorMemberId == id && gone.Contains(n.Type)).ExecuteDeleteAsync(ct);
            // Every form my name is written in: as written, family-first, and romanised (what English readers saw).
            var names = new[] { PersonName.Display(member.FamilyName, member.GivenName), member.FamilyName + " " + member.GivenName, member.RomanizedName?.Trim() }
                .Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!).Distinct().ToList();
            foreach (var name in names)
                await db.Set<Notification>().Where(n => n.ActorMemberId == id && n.Subject.Contains(name)).ExecuteDeleteAsync(ct);
            // Others' notifications keep their subject but no longer point at me.
            await db.Set<Notification>().Where(n => n.ActorMemberId == id).ExecuteUpdateAsync(u => u.SetProperty(n => n.ActorMemberId, (long?)null), ct);
            await db.Set<Post>().Where(p => p.HiddenByMemberId == id).ExecuteUpdateAsync(u => u.SetProperty(p => p.HiddenByMemberId, (long?)null), ct);
            // Mail still queued to me (or kept as sent) holds my address; mail to others about me ("X replied") holds my name.
            // The address in any letter case (the roster may have spelt it "Taro.Yamada@Example.com"); a referral
            // another member made of me holds it too.
            var key = email?.ToLowerInvariant();
            if (key is not null)
            {
                await db.Set<OutboxMessage>().Where(o => o.TenantId == t.Id && o.To.ToLower() == key).ExecuteDeleteAsync(ct);
                await db.Set<JobReferral>().Where(r => r.Email.ToLower() == key).ExecuteDeleteAsync(ct);
                // A bounce mark is my address too. (My newsletter copies, unsubscribes and mail counts cascade with me.)
                await db.Set<Newsletters.UndeliverableAddress>().Where(a => a.Email == key).ExecuteDeleteAsync(ct);
            }
            // Pushes queued for my browsers are addressed by their subscription id, not by my address.
            var devices = (await db.Set<PushSubscription>().Where(s => s.MemberId == id).Select(s => s.Id).ToListAsync(ct))
                .Select(d => d.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
            await db.Set<OutboxMessage>().Where(o => o.TenantId == t.Id && o.Channel == OutboxChannel.Push && devices.Contains(o.To)).ExecuteDeleteAsync(ct);
            // A push's body is JSON with the name written as is (PushPayload), so the same match finds it.
            foreach (var name in names)
                await db.Set<OutboxMessage>().Where(o => o.TenantId == t.Id && (o.Subject.Contains(name) || o.Body.Contains(name))).ExecuteDeleteAsync(ct);
            // The rest (career, tags, consents, reactions, interests, reports, RSVPs, pitches, feedback, notifications, activity) cascades.
            await db.Members.Where(m => m.Id == id).ExecuteDeleteAsync(ct);

            await audit.AddAsync("member.delete_self", "member", id.ToString(), null, new { posts = WireNames.Of(choice!.Value) }, ct);
            await db.SaveChangesAsync(ct);

            var loginDeleted = false;
            // Loaded again here: on a retry the login read before is no longer tracked (the first try returns that one).
            if (user is not null && await users.FindByIdAsync(user.Id) is { } login)
            {
                // IgnoreQueryFilters: whether this login belongs to any other network decides whether it may be deleted.
                var elsewhere = await db.Members.IgnoreQueryFilters().AnyAsync(m => m.UserId == login.Id && m.Id != id, ct);
                if (elsewhere) await users.UpdateSecurityStampAsync(login);
                else
                {
                    if (key is not null) await db.Set<OutboxMessage>().IgnoreQueryFilters().Where(o => o.To.ToLower() == key).ExecuteDeleteAsync(ct);
                    loginDeleted = (await users.DeleteAsync(login)).Succeeded;
                }
            }
            await tx.CommitAsync(ct);
            return (loginDeleted, erased);
        }, ct);
        await DatabaseSetup.FlushErasedAsync(db, ct);
        // Not cancelled with the request: an erasure leaves none of the files behind.
        foreach (var f in erasedFiles) await files.DeleteAsync(f, CancellationToken.None);
        return new DeleteMeDto(true, loginDeleted);
    }

    /// <summary>
    /// My part in messages, consultations, jobs, collaborations, the community page and the roster. Shared records
    /// stay for the others: my messages follow my choice for posts (kept as "former member" or deleted) and a
    /// conversation stays for its other participants; a collaboration, an opening or a stage change I made stays,
    /// its "by" pointing at the former member. Consultation requests are correspondence between two people and go;
    /// a collaboration that grew from one keeps its origin kind but loses the link. Referrals (someone else's name
    /// and address that I typed), my interests, blocks, reports, featured story, roster rows and invitations under
    /// my address go.
    /// </summary>
    async Task EraseConnectionsAsync(long id, string? email, bool deleteMessages, CancellationToken ct)
    {
        long? formerId = null;
        async Task<long> Former() => formerId ??= await FormerMemberIdAsync(ct);

        // Messages and conversations.
        if (deleteMessages)
            await db.Set<Message>().Where(x => x.SenderMemberId == id).ExecuteDeleteAsync(ct);
        else if (await db.Set<Message>().AnyAsync(x => x.SenderMemberId == id, ct))
        {
            var former = await Former();
            await db.Set<Message>().Where(x => x.SenderMemberId == id).ExecuteUpdateAsync(u => u.SetProperty(x => x.SenderMemberId, former), ct);
        }
        var mine = await db.Set<ConversationParticipant>().Where(p => p.MemberId == id).Select(p => p.ConversationId).ToListAsync(ct);
        await db.Set<ConversationParticipant>().Where(p => p.MemberId == id).ExecuteDeleteAsync(ct);
        // A conversation nobody else is in, or with nothing left in it, goes.
        await db.Set<Conversation>().Where(c => mine.Contains(c.Id)
                && (!db.Set<ConversationParticipant>().Any(p => p.ConversationId == c.Id) || !db.Set<Message>().Any(x => x.ConversationId == c.Id)))
            .ExecuteDeleteAsync(ct);
        if (await db.Set<Conversation>().AnyAsync(c => c.StartedByMemberId == id, ct))
        {
            var former = await Former();
            await db.Set<Conversation>().Where(c => c.StartedByMemberId == id).ExecuteUpdateAsync(u => u.SetProperty(c => c.StartedByMemberId, former), ct);
        }
        await db.Set<MessageReport>().Where(r => r.ReporterMemberId == id).ExecuteDeleteAsync(ct);
        if (await db.Set<MessageReport>().AnyAsync(r => r.ClosedByMemberId == id, ct))
        {
            var former = await Former();
            await db.Set<MessageReport>().Where(r => r.ClosedByMemberId == id).ExecuteUpdateAsync(u => u.SetProperty(r => r.ClosedByMemberId, (long?)former), ct);
        }
        await db.Set<MemberBlock>().Where(b => b.BlockerMemberId == id || b.BlockedMemberId == id).ExecuteDeleteAsync(ct);
        // People worth meeting, suggested to me or me to others: their reasons name my tags and departments.
        await db.Set<Suggestions.Suggestion>().Where(x => x.MemberId == id || x.SuggestedMemberId == id).ExecuteDeleteAsync(ct);

        // Consultation requests, sent or received.
        var consultations = await db.Set<ConsultationRequest>().Where(r => r.RequesterMemberId == id || r.RecipientMemberId == id).Select(r => (long?)r.Id).ToListAsync(ct);
        await db.Set<Collaboration>().Where(c => c.OriginKind == CollaborationOrigin.Consultation && consultations.Contains(c.OriginId))
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.OriginId, (long?)null), ct);
        await db.Set<ConsultationRequest>().Where(r => r.RequesterMemberId == id || r.RecipientMemberId == id).ExecuteDeleteAsync(ct);

        // Jobs.
        await db.Set<JobReferral>().Where(r => r.ReferrerMemberId == id).ExecuteDeleteAsync(ct);
        await db.Set<JobInterest>().Where(i => i.MemberId == id).ExecuteDeleteAsync(ct);
        if (await db.Set<JobOpening>().AnyAsync(j => j.PostedByMemberId == id, ct))
        {
            var former = await Former();
            await db.Set<JobOpening>().Where(j => j.PostedByMemberId == id).ExecuteUpdateAsync(u => u.SetProperty(j => j.PostedByMemberId, former), ct);
        }

        // Spaces: memberships, requests, invitations and volunteer roles go with the person.
        await db.Set<Spaces.SpaceMember>().Where(x => x.MemberId == id).ExecuteDeleteAsync(ct);
        await db.Set<Spaces.Supporter>().Where(x => x.MemberId == id).ExecuteDeleteAsync(ct);
        if (await db.Set<Spaces.Space>().AnyAsync(x => x.CreatedByMemberId == id, ct) || await db.Set<Spaces.Supporter>().AnyAsync(x => x.AppointedByMemberId == id, ct))
        {
            var former = await Former();
            await db.Set<Spaces.Space>().Where(x => x.CreatedByMemberId == id).ExecuteUpdateAsync(u => u.SetProperty(x => x.CreatedByMemberId, former), ct);
            await db.Set<Spaces.Supporter>().Where(x => x.AppointedByMemberId == id).ExecuteUpdateAsync(u => u.SetProperty(x => x.AppointedByMemberId, former), ct);
        }

        // Outcomes stay in the ledger (what the network produced), without the person; what they recorded stays, by "former member".
        await db.Set<Outcomes.OutcomeMember>().Where(x => x.MemberId == id).ExecuteDeleteAsync(ct);
        if (await db.Set<Outcomes.Outcome>().AnyAsync(x => x.RecordedByMemberId == id, ct))
        {
            var former = await Former();
            await db.Set<Outcomes.Outcome>().Where(x => x.RecordedByMemberId == id).ExecuteUpdateAsync(u => u.SetProperty(x => x.RecordedByMemberId, former), ct);
        }

        // Business cards: both sides of every exchange I was in (the other's note on me may name me).
        await db.Set<CardExchange>().Where(x => x.MemberId == id || x.OtherMemberId == id).ExecuteDeleteAsync(ct);

        // Side projects: my applications go; projects I posted stay for their applicants, by "former member", and
        // those still open close (nobody would read a new application).
        await db.Set<Projects.ProjectApplication>().Where(x => x.MemberId == id).ExecuteDeleteAsync(ct);
        await db.Set<Projects.Project>().Where(x => x.PostedByMemberId == id && x.Status == Projects.ProjectStatus.Open)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.Status, Projects.ProjectStatus.Closed), ct);
        if (await db.Set<Projects.Project>().AnyAsync(x => x.PostedByMemberId == id, ct))
        {
            var former = await Former();
            await db.Set<Projects.Project>().Where(x => x.PostedByMemberId == id).ExecuteUpdateAsync(u => u.SetProperty(x => x.PostedByMemberId, former), ct);
        }

        // Collaborations.
        await db.Set<CollaborationMember>().Where(x => x.MemberId == id).ExecuteDeleteAsync(ct);
        if (await db.Set<Collaboration>().AnyAsync(c => c.ProposedByMemberId == id, ct))
        {
            var former = await Former();
            await db.Set<Collaboration>().Where(c => c.ProposedByMemberId == id).ExecuteUpdateAsync(u => u.SetProperty(c => c.ProposedByMemberId, former), ct);
        }
        if (await db.Set<CollaborationStageChange>().AnyAsync(x => x.ByMemberId == id, ct))
        {
            var former = await Former();
            await db.Set<CollaborationStageChange>().Where(x => x.ByMemberId == id).ExecuteUpdateAsync(u => u.SetProperty(x => x.ByMemberId, former), ct);
        }

        // Community page.
        await db.Set<FeaturedStory>().Where(x => x.MemberId == id).ExecuteDeleteAsync(ct);
        if (await db.Set<FeaturedStory>().AnyAsync(x => x.ChosenByMemberId == id, ct))
        {
            var former = await Former();
            await db.Set<FeaturedStory>().Where(x => x.ChosenByMemberId == id).ExecuteUpdateAsync(u => u.SetProperty(x => x.ChosenByMemberId, former), ct);
        }

        // Roster and invitations: my row (linked or under my address) and every invitation to me. A later roster import may add me again.
        var key = email?.ToLowerInvariant();
        await db.Set<Invitation>().Where(i => i.MemberId == id || (key != null && i.EmailKey == key)).ExecuteDeleteAsync(ct);
        await db.Set<RosterEntry>().Where(r => r.MemberId == id || (key != null && r.EmailKey == key)).ExecuteDeleteAsync(ct);
        if (await db.Set<Invitation>().AnyAsync(i => i.CreatedByMemberId == id, ct))
        {
            var former = await Former();
            await db.Set<Invitation>().Where(i => i.CreatedByMemberId == id).ExecuteUpdateAsync(u => u.SetProperty(i => i.CreatedByMemberId, former), ct);
        }
    }

    /// <summary>
    /// The network's one "former member": the author of posts kept after their author deleted themselves.
    /// It has a login with no email and no password, so nobody can sign in as it; its status keeps it out of every list.
    /// </summary>
    async Task<long> FormerMemberIdAsync(CancellationToken ct)
    {
        var existing = await db.Members.Where(m => m.Status == MemberStatus.Former).Select(m => (long?)m.Id).FirstOrDefaultAsync(ct);
        if (existing is { } found) return found;
        // Written directly: Identity's validation would demand an email, which is exactly what this login must not have.
        var name = $"former-member-{tenant.TenantId}-{Guid.NewGuid():N}";
        var user = new AppUser
        {
            UserName = name, NormalizedUserName = name.ToUpperInvariant(), SecurityStamp = Guid.NewGuid().ToString("N"),
            LockoutEnabled = true, LockoutEnd = DateTimeOffset.MaxValue, PreferredCulture = "ja",
        };
        db.Users.Add(user);
        var now = clock.GetUtcNow();
        var m = new Member
        {
            UserId = user.Id, Kind = MemberKind.Alumni, Role = MemberRole.Member, Status = MemberStatus.Former, CreatedAt = now, UpdatedAt = now,
            FamilyName = "", GivenName = "", PhotoVisibility = Visibility.Admins, OrganizationVisibility = Visibility.Admins, CareerVisibility = Visibility.Admins,
            TagsVisibility = Visibility.Admins, LocationVisibility = Visibility.Admins, BioVisibility = Visibility.Admins, LinksVisibility = Visibility.Admins,
            OpenToVisibility = Visibility.Admins, WithheldPurposes = Consents.All.Aggregate(Purpose.None, (a, p) => a | p),
        };
        db.Members.Add(m);
        await db.SaveChangesAsync(ct);
        return m.Id;
    }
}
