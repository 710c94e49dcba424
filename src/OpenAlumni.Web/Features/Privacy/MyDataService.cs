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

/// <summary>What happens to my posts and comments when I delete myself.</summary>
public enum PostsOnDelete { Anonymize, Delete }

public sealed record DeleteMeRequest(string? Posts, string? Confirm = null);
public sealed record DeleteMeDto(bool Deleted, bool LoginDeleted);

/// <summary>
/// A member's rights over their data (APPI): a copy of everything the network holds on them, and erasure.
/// Other features' tables are read here (an export must be complete); when a feature adds a table that
/// holds a member's data, it belongs in <see cref="CollectAsync"/> and in <see cref="DeleteMeAsync"/>.
/// </summary>
public sealed class MyDataService(AlumniDb db, CurrentMember current, ITenantContext tenant, TimeProvider clock, FileStore files,
    UserManager<AppUser> users, Audit.AuditLog audit)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A zip: data.json (everything held on me, in this network) and my files (photo, post images).</summary>
    public async Task<(byte[] Zip, string FileName)> ExportAsync(CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        var (data, fileList) = await CollectAsync(me.MemberId, ct);
        // A copy of personal data leaving the network is worth a line in the log (the member's id, nothing more).
        await audit.AddAsync("member.export_self", "member", me.MemberId.ToString(), null, null, ct);
        await db.SaveChangesAsync(ct);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var entry = zip.CreateEntry("data.json");
            await using (var s = entry.Open()) await JsonSerializer.SerializeAsync(s, data, Json, ct);
            foreach (var (path, name) in fileList)
            {
                await using var source = files.Open(path);
                if (source is null) continue;
                await using var target = zip.CreateEntry("files/" + name).Open();
                await source.CopyToAsync(target, ct);
            }
        }
        return (buffer.ToArray(), $"my-data-{tenant.Tenant!.Slug}-{clock.GetUtcNow():yyyyMMdd}.zip");
    }

    /// <summary>The JSON part of the export, as the API answers it.</summary>
    public async Task<object> ExportJsonAsync(CancellationToken ct) =>
        (await CollectAsync((await current.RequireAsync(ct)).MemberId, ct)).Data;

    async Task<(object Data, List<(string Path, string Name)> Files)> CollectAsync(long id, CancellationToken ct)
    {
        var t = tenant.Tenant!;
        var m = await db.Members.AsNoTracking().AsSplitQuery().Include(x => x.Career).Include(x => x.Tags).Include(x => x.User).FirstAsync(x => x.Id == id, ct);
        var posts = await db.Set<Post>().AsNoTracking().Where(p => p.AuthorMemberId == id).OrderBy(p => p.Id)
            .Select(p => new { p.Id, Room = p.Room.ToString(), Category = p.Category.ToString(), p.Title, p.Body, Status = p.Status.ToString(), p.CreatedAt, p.PublishedAt, p.EditedAt, p.JobRole, p.JobPlace, p.JobHowToApply, p.JobUntil })
            .ToListAsync(ct);
        var comments = await db.Set<Comment>().AsNoTracking().Where(c => c.AuthorMemberId == id).OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.PostId, c.ParentCommentId, c.Body, c.CreatedAt, c.EditedAt }).ToListAsync(ct);
        var reactions = await db.Set<Reaction>().AsNoTracking().Where(r => r.MemberId == id).OrderBy(r => r.Id)
            .Select(r => new { r.PostId, Kind = r.Kind.ToString(), r.CreatedAt }).ToListAsync(ct);
        var interests = await db.Set<PostInterest>().AsNoTracking().Where(r => r.MemberId == id)
            .Select(r => new { r.PostId, r.CreatedAt }).ToListAsync(ct);
        var reports = await db.Set<Report>().AsNoTracking().Where(r => r.ReporterMemberId == id)
            .Select(r => new { Target = r.TargetType.ToString(), r.TargetId, r.Reason, Status = r.Status.ToString(), r.CreatedAt }).ToListAsync(ct);
        var rsvps = await db.Set<Rsvp>().AsNoTracking().Where(r => r.MemberId == id).OrderBy(r => r.Id)
            .Join(db.Set<Event>(), r => r.EventId, e => e.Id, (r, e) => new { r.EventId, Event = e.Title, e.StartsAt, Mode = r.Mode.ToString(), Status = r.Status.ToString(), r.CreatedAt, r.CheckedInAt })
            .ToListAsync(ct);
        var pitches = await db.Set<Pitch>().AsNoTracking().Where(p => p.MemberId == id)
            .Select(p => new { p.EventId, p.Title, p.Summary, Seeking = p.Seeking.ToString(), Status = p.Status.ToString(), p.CreatedAt }).ToListAsync(ct);
        var pitchInterests = await db.Set<PitchInterest>().AsNoTracking().Where(p => p.MemberId == id).Select(p => new { p.PitchId, p.CreatedAt }).ToListAsync(ct);
        var feedback = await db.Set<EventFeedback>().AsNoTracking().Where(f => f.MemberId == id).Select(f => new { f.EventId, f.Rating, f.Comment, f.CreatedAt }).ToListAsync(ct);
        var notifications = await db.Set<Notification>().AsNoTracking().Where(n => n.MemberId == id).OrderBy(n => n.Id)
            .Select(n => new { Type = n.Type.ToString(), n.PostId, n.Subject, n.CreatedAt, n.ReadAt }).ToListAsync(ct);
        var preferences = await db.Set<NotificationPreference>().AsNoTracking().Where(p => p.MemberId == id)
            .Select(p => new { Type = p.Type.ToString(), Delivery = p.Delivery.ToString() }).ToListAsync(ct);
        var consents = await db.Set<ConsentRecord>().AsNoTracking().Where(c => c.MemberId == id).OrderBy(c => c.Id)
            .Select(c => new { c.Purpose, c.Granted, c.PolicyVersion, c.At }).ToListAsync(ct);
        var activity = await db.Set<MemberActivity>().AsNoTracking().Where(a => a.MemberId == id).OrderBy(a => a.Day).Select(a => a.Day).ToListAsync(ct);
        var attachments = await db.Set<Attachment>().AsNoTracking().Where(a => a.UploaderMemberId == id).OrderBy(a => a.Id).Select(a => new { a.Id, a.Path, a.CreatedAt }).ToListAsync(ct);

        var more = await CollectConnectionsAsync(id, m.User?.Email, ct);

        var fileList = new List<(string, string)>();
        if (m.PhotoPath is not null) fileList.Add((m.PhotoPath, "photo.jpg"));
        fileList.AddRange(attachments.Select(a => (a.Path, $"post-images/{a.Id}.jpg")));

        var data = new
        {
            network = t.Name,
            exportedAt = t.ToLocal(clock.GetUtcNow()),
            account = new { email = m.User?.Email, preferredLanguage = m.User?.PreferredCulture, twoFactorEnabled = m.User?.TwoFactorEnabled },
            membership = new { m.Id, Kind = m.Kind.ToString(), Role = m.Role.ToString(), Status = m.Status.ToString(), m.CreatedAt, m.DecidedAt, m.ConfirmedAt,
                m.ConfirmRequestedAt, m.LastActiveAt, m.UpdatedAt, m.IsRecruiter },
            profile = new
            {
                m.FamilyName, m.GivenName, m.FamilyNameKana, m.GivenNameKana, m.RomanizedName, m.Organization, m.Title, m.Location, m.Bio,
                Links = MemberService.SplitLinks(m.Links), OpenTo = MemberService.OpenToNames(m.OpenTo), HasPhoto = m.PhotoPath is not null,
                Visibility = new { Photo = m.PhotoVisibility.ToString(), Organization = m.OrganizationVisibility.ToString(), Career = m.CareerVisibility.ToString(),
                    Tags = m.TagsVisibility.ToString(), Location = m.LocationVisibility.ToString(), Bio = m.BioVisibility.ToString(),
                    Links = m.LinksVisibility.ToString(), OpenTo = m.OpenToVisibility.ToString(), Email = m.EmailVisibility.ToString() },
            },
            career = m.Career.OrderBy(c => c.FromYear).Select(c => new { c.Department, c.FromYear, c.ToYear }),
            tags = m.Tags.OrderBy(x => x.Id).Select(x => new { Kind = x.Kind.ToString(), x.Name }),
            consents = new
            {
                current = Consents.All.ToDictionary(Consents.WireName, p => m.Has(p)),
                history = consents.Select(c => new { Purpose = Consents.WireName(c.Purpose), c.Granted, c.PolicyVersion, c.At }),
            },
            posts, comments, reactions, interests, reports, rsvps, pitches, pitchInterests, eventFeedback = feedback,
            notifications, notificationSettings = preferences, activityDays = activity,
            more.Conversations, more.Blocks, more.MessageReports, more.Consultations,
            more.JobsPosted, more.JobInterests, more.JobReferrals, more.Collaborations, more.CollaborationStageChanges,
            more.FeaturedStory, more.Roster, more.Invitations,
            files = fileList.Select(f => f.Item2),
        };
        return (data, fileList);
    }

    sealed record Connections(object Conversations, object Blocks, object MessageReports, object Consultations, object JobsPosted,
        object JobInterests, object JobReferrals, object Collaborations, object CollaborationStageChanges, object? FeaturedStory,
        object Roster, object Invitations);

    /// <summary>
    /// What the messaging, consultation, jobs, collaboration, community and roster features hold on me. Only what I
    /// could see anyway: my own messages (not the others'), the names of the people I talk to and blocked, requests I
    /// sent or received; never who blocked me or who else showed interest.
    /// </summary>
    async Task<Connections> CollectConnectionsAsync(long id, string? email, CancellationToken ct)
    {
        var names = db.Members.AsNoTracking();
        var conversationIds = await db.Set<ConversationParticipant>().AsNoTracking().Where(p => p.MemberId == id).Select(p => p.ConversationId).ToListAsync(ct);
        var others = await db.Set<ConversationParticipant>().AsNoTracking().Where(p => conversationIds.Contains(p.ConversationId) && p.MemberId != id)
            .Join(names, p => p.MemberId, m => m.Id, (p, m) => new { p.ConversationId, m.Status, m.FamilyName, m.GivenName }).ToListAsync(ct);
        var myMessages = await db.Set<Message>().AsNoTracking().Where(x => x.SenderMemberId == id).OrderBy(x => x.Id)
            .Select(x => new { x.Id, x.ConversationId, x.Body, x.CreatedAt }).ToListAsync(ct);
        var conversations = await db.Set<Conversation>().AsNoTracking().Where(c => conversationIds.Contains(c.Id)).OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.CreatedAt, c.LastMessageAt, StartedByMe = c.StartedByMemberId == id }).ToListAsync(ct);
        var blocks = await db.Set<MemberBlock>().AsNoTracking().Where(b => b.BlockerMemberId == id).OrderBy(b => b.Id)
            .Join(names, b => b.BlockedMemberId, m => m.Id, (b, m) => new { b.BlockedMemberId, m.FamilyName, m.GivenName, b.CreatedAt }).ToListAsync(ct);
        var messageReports = await db.Set<MessageReport>().AsNoTracking().Where(r => r.ReporterMemberId == id).OrderBy(r => r.Id)
            .Select(r => new { r.MessageId, r.Reason, Status = r.Status.ToString(), r.CreatedAt, r.ClosedAt }).ToListAsync(ct);
        var consultations = await db.Set<ConsultationRequest>().AsNoTracking().Where(r => r.RequesterMemberId == id || r.RecipientMemberId == id).OrderBy(r => r.Id)
            .Select(r => new
            {
                r.Id, Sent = r.RequesterMemberId == id, Other = r.RequesterMemberId == id ? r.RecipientMemberId : r.RequesterMemberId, r.Topic, r.Goal,
                Format = r.Format.ToString(), r.PreferredTimes, State = r.Status.ToString(), r.CreatedAt, r.ProposedTimes, r.DeclineMessage, r.DecidedAt, r.ConversationId,
            }).ToListAsync(ct);
        var otherIds = consultations.Select(r => r.Other).Distinct().ToList();
        var consultationPeople = await names.Where(m => otherIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => Name(m.Status, m.FamilyName, m.GivenName), ct);
        var jobsPosted = await db.Set<JobOpening>().AsNoTracking().Where(j => j.PostedByMemberId == id).OrderBy(j => j.Id)
            .Select(j => new { j.Id, j.Title, j.Department, Status = j.Status.ToString(), j.CreatedAt, j.ClosesAt }).ToListAsync(ct);
        var jobInterests = await db.Set<JobInterest>().AsNoTracking().Where(i => i.MemberId == id).OrderBy(i => i.Id)
            .Join(db.Set<JobOpening>(), i => i.OpeningId, j => j.Id, (i, j) => new { i.OpeningId, Opening = j.Title, i.ConsentToShare, i.CreatedAt }).ToListAsync(ct);
        // The person I referred was typed in by me: their name and address are part of what I gave the network.
        var jobReferrals = await db.Set<JobReferral>().AsNoTracking().Where(r => r.ReferrerMemberId == id).OrderBy(r => r.Id)
            .Join(db.Set<JobOpening>(), r => r.OpeningId, j => j.Id, (r, j) => new { r.OpeningId, Opening = j.Title, r.Name, r.Email, r.Note, r.CreatedAt }).ToListAsync(ct);
        var collaborations = await db.Set<Collaboration>().AsNoTracking()
            .Where(c => c.ProposedByMemberId == id || db.Set<CollaborationMember>().Any(x => x.CollaborationId == c.Id && x.MemberId == id)).OrderBy(c => c.Id)
            .Select(c => new
            {
                c.Id, c.Title, Stage = c.Stage.ToString(), Status = c.Status.ToString(), ProposedByMe = c.ProposedByMemberId == id,
                Involved = db.Set<CollaborationMember>().Any(x => x.CollaborationId == c.Id && x.MemberId == id), c.CreatedAt,
            }).ToListAsync(ct);
        var stageChanges = await db.Set<CollaborationStageChange>().AsNoTracking().Where(x => x.ByMemberId == id).OrderBy(x => x.Id)
            .Select(x => new { x.CollaborationId, From = x.From == null ? null : x.From.ToString(), To = x.To.ToString(), x.At, x.Reason }).ToListAsync(ct);
        var story = await db.Set<FeaturedStory>().AsNoTracking().Where(x => x.MemberId == id).Select(x => new { x.Story, x.CreatedAt }).FirstOrDefaultAsync(ct);
        var key = email?.ToLowerInvariant();
        var roster = await db.Set<RosterEntry>().AsNoTracking().Where(r => r.MemberId == id || (key != null && r.EmailKey == key)).OrderBy(r => r.Id)
            .Select(r => new { r.FamilyName, r.GivenName, r.FamilyNameKana, r.GivenNameKana, r.Email, r.Department, r.JoinedYear, r.LeftYear, r.EmployeeNumber, r.Language, r.CreatedAt, r.UpdatedAt })
            .ToListAsync(ct);
        var invitations = await db.Set<Invitation>().AsNoTracking().Where(i => i.MemberId == id || (key != null && i.EmailKey == key)).OrderBy(i => i.Id)
            .Select(i => new { i.Email, i.Language, i.CreatedAt, i.SentAt, i.SendCount, i.ExpiresAt, i.UsedAt, i.RevokedAt }).ToListAsync(ct);

        static string Name(MemberStatus status, string family, string given) => status == MemberStatus.Former ? "" : PersonName.Display(family, given);
        return new Connections(
            conversations.Select(c => new
            {
                c.Id, c.CreatedAt, c.LastMessageAt, c.StartedByMe,
                With = others.Where(o => o.ConversationId == c.Id && o.Status != MemberStatus.Former).Select(o => Name(o.Status, o.FamilyName, o.GivenName)),
                MyMessages = myMessages.Where(x => x.ConversationId == c.Id).Select(x => new { x.Id, x.Body, x.CreatedAt }),
            }).ToList(),
            blocks.Select(b => new { MemberId = b.BlockedMemberId, Name = PersonName.Display(b.FamilyName, b.GivenName), b.CreatedAt }).ToList(),
            messageReports,
            consultations.Select(r => new
            {
                r.Id, Direction = r.Sent ? "sent" : "received", With = consultationPeople.GetValueOrDefault(r.Other, ""), r.Topic, r.Goal, r.Format, r.PreferredTimes,
                Status = r.State, r.CreatedAt, r.ProposedTimes, r.DeclineMessage, r.DecidedAt, r.ConversationId,
            }).ToList(),
            jobsPosted, jobInterests, jobReferrals, collaborations, stageChanges, story, roster, invitations);
    }

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

        await using var tx = await db.Database.BeginTransactionAsync(ct);
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
            filesToDelete.AddRange(await db.Set<Attachment>().Where(a => a.UploaderMemberId == id).Select(a => a.Path).ToListAsync(ct));
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
            filesToDelete.AddRange(mine.Where(a => !shown.Contains(a.Id)).Select(a => a.Path));
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
        foreach (var name in new[] { PersonName.Display(member.FamilyName, member.GivenName), member.FamilyName + " " + member.GivenName }.Distinct())
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
        }
        foreach (var name in new[] { PersonName.Display(member.FamilyName, member.GivenName), member.FamilyName + " " + member.GivenName }.Distinct())
            await db.Set<OutboxMessage>().Where(o => o.TenantId == t.Id && (o.Subject.Contains(name) || o.Body.Contains(name))).ExecuteDeleteAsync(ct);
        // The rest (career, tags, consents, reactions, interests, reports, RSVPs, pitches, feedback, notifications, activity) cascades.
        await db.Members.Where(m => m.Id == id).ExecuteDeleteAsync(ct);

        await audit.AddAsync("member.delete_self", "member", id.ToString(), null, new { posts = WireNames.Of(choice!.Value) }, ct);
        await db.SaveChangesAsync(ct);

        var loginDeleted = false;
        if (user is not null)
        {
            // IgnoreQueryFilters: whether this login belongs to any other network decides whether it may be deleted.
            var elsewhere = await db.Members.IgnoreQueryFilters().AnyAsync(m => m.UserId == user.Id && m.Id != id, ct);
            if (elsewhere) await users.UpdateSecurityStampAsync(user);
            else
            {
                if (key is not null) await db.Set<OutboxMessage>().IgnoreQueryFilters().Where(o => o.To.ToLower() == key).ExecuteDeleteAsync(ct);
                loginDeleted = (await users.DeleteAsync(user)).Succeeded;
            }
        }
        await tx.CommitAsync(ct);
        foreach (var f in filesToDelete) files.Delete(f);
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
