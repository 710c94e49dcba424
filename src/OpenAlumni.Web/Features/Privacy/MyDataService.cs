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
/// The export is here; the erasure in MyDataService.Erase.cs.
/// </summary>
public sealed partial class MyDataService(AlumniDb db, CurrentMember current, ITenantContext tenant, TimeProvider clock, FileStore files,
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
                await using var source = await files.OpenAsync(path, ct);
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
        // Business cards: the people I met at events, when, and my own notes (theirs on me are theirs).
        var cardExchanges = await db.Set<CardExchange>().AsNoTracking().Where(x => x.MemberId == id).OrderBy(x => x.Id)
            .Join(db.Members, x => x.OtherMemberId, o => o.Id, (x, o) => new { x.EventId, x.OtherMemberId, o.FamilyName, o.GivenName, x.ExchangedAt, x.Scanned, x.Note })
            .Join(db.Set<Event>(), x => x.EventId, e => e.Id, (x, e) => new
            {
                x.EventId, Event = e.Title, Met = PersonName.Display(x.FamilyName, x.GivenName), x.OtherMemberId, x.ExchangedAt, x.Scanned, x.Note,
            })
            .ToListAsync(ct);
        var notifications = await db.Set<Notification>().AsNoTracking().Where(n => n.MemberId == id).OrderBy(n => n.Id)
            .Select(n => new { Type = n.Type.ToString(), n.PostId, n.Subject, n.CreatedAt, n.ReadAt }).ToListAsync(ct);
        var preferences = await db.Set<NotificationPreference>().AsNoTracking().Where(p => p.MemberId == id)
            .Select(p => new { Type = p.Type.ToString(), Delivery = p.Delivery.ToString() }).ToListAsync(ct);
        var consents = await db.Set<ConsentRecord>().AsNoTracking().Where(c => c.MemberId == id).OrderBy(c => c.Id)
            .Select(c => new { c.Purpose, c.Granted, c.PolicyVersion, c.At }).ToListAsync(ct);
        var activity = await db.Set<MemberActivity>().AsNoTracking().Where(a => a.MemberId == id).OrderBy(a => a.Day).Select(a => a.Day).ToListAsync(ct);
        var spaces = await db.Set<Spaces.SpaceMember>().AsNoTracking().Where(s => s.MemberId == id).OrderBy(s => s.Id)
            .Join(db.Set<Spaces.Space>(), s => s.SpaceId, x => x.Id, (s, x) => new { s.SpaceId, Space = x.Name, Status = s.Status.ToString(), Role = s.Role.ToString(), Notify = s.Notify.ToString(), s.CreatedAt, s.JoinedAt })
            .ToListAsync(ct);
        // The outcomes I am part of: what, when and whether I hid my name; the secretariat's note and value are theirs.
        var outcomes = await db.Set<Outcomes.OutcomeMember>().AsNoTracking().Where(x => x.MemberId == id).OrderBy(x => x.OutcomeId)
            .Join(db.Set<Outcomes.Outcome>(), x => x.OutcomeId, o => o.Id, (x, o) => new { x.OutcomeId, Kind = o.Kind.ToString(), o.Date, x.HideName })
            .ToListAsync(ct);
        // Side projects I posted and my applications (my notes and the answers I got; not the other applicants).
        var projectsPosted = await db.Set<Projects.Project>().AsNoTracking().Where(x => x.PostedByMemberId == id).OrderBy(x => x.Id)
            .Select(x => new { x.Id, x.Title, x.Description, x.Skills, x.Department, Status = x.Status.ToString(), x.CreatedAt, x.ClosesAt }).ToListAsync(ct);
        var projectApplications = await db.Set<Projects.ProjectApplication>().AsNoTracking().Where(x => x.MemberId == id).OrderBy(x => x.Id)
            .Join(db.Set<Projects.Project>(), x => x.ProjectId, p => p.Id, (x, p) => new { x.ProjectId, Project = p.Title, x.Note, Status = x.Status.ToString(), x.Answer, x.CreatedAt, x.DecidedAt })
            .ToListAsync(ct);
        // The people suggested to me, week by week, with the reasons as written and my feedback (not to whom I was suggested).
        var suggestions = await db.Set<Suggestions.Suggestion>().AsNoTracking().Where(x => x.MemberId == id).OrderBy(x => x.Id)
            .Join(db.Members, x => x.SuggestedMemberId, o => o.Id, (x, o) => new { x.Week, o.FamilyName, o.GivenName, x.Reasons, Feedback = x.Feedback.ToString(), x.FeedbackAt })
            .ToListAsync(ct);
        var supporter = await db.Set<Spaces.Supporter>().AsNoTracking().Where(s => s.MemberId == id).Select(s => new { s.AppointedAt }).FirstOrDefaultAsync(ct);
        var attachments = await db.Set<Attachment>().AsNoTracking().Where(a => a.UploaderMemberId == id).OrderBy(a => a.Id).Select(a => new { a.Id, a.Path, a.CreatedAt }).ToListAsync(ct);

        // Network mail: the newsletters sent to me and what became of each, what I unsubscribed from, my weekly counts, a bounce mark.
        var newsletters = await db.Set<Newsletters.NewsletterDelivery>().AsNoTracking().Where(x => x.MemberId == id).OrderBy(x => x.Id)
            .Join(db.Set<Newsletters.Newsletter>(), x => x.NewsletterId, n => n.Id, (x, n) => new { x.NewsletterId, n.Subject, Outcome = x.Outcome.ToString(), x.At })
            .ToListAsync(ct);
        var mailOptOuts = await db.Set<Newsletters.MailOptOut>().AsNoTracking().Where(x => x.MemberId == id).Select(x => new { Kind = x.Kind.ToString(), x.At }).ToListAsync(ct);
        var mailWeeks = await db.Set<Newsletters.MemberMailWeek>().AsNoTracking().Where(x => x.MemberId == id).OrderBy(x => x.Week).Select(x => new { x.Week, x.Count }).ToListAsync(ct);
        var myAddress = m.User?.Email?.ToLower();
        var bounce = myAddress is null ? null : await db.Set<Newsletters.UndeliverableAddress>().AsNoTracking().Where(x => x.Email == myAddress)
            .Select(x => new { x.Email, x.MarkedAt, x.Reason }).FirstOrDefaultAsync(ct);
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
                Links = MemberService.SplitLinks(m.Links), OpenTo = MemberService.OpenToNames(m.OpenTo), m.Availability, HasPhoto = m.PhotoPath is not null,
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
            posts, comments, reactions, interests, reports, rsvps, pitches, pitchInterests, eventFeedback = feedback, cardExchanges,
            notifications, notificationSettings = preferences, activityDays = activity, spaces, networkSupporter = supporter, outcomes, projectsPosted, projectApplications,
            suggestions = suggestions.Select(x => new { x.Week, person = PersonName.Display(x.FamilyName, x.GivenName), reasons = Suggestions.SuggestionReason.Read(x.Reasons), x.Feedback, x.FeedbackAt }),
            more.Conversations, more.Blocks, more.MessageReports, more.Consultations,
            more.JobsPosted, more.JobInterests, more.JobReferrals, more.Collaborations, more.CollaborationStageChanges,
            more.FeaturedStory, more.Roster, more.Invitations,
            newsletters, mailUnsubscribes = mailOptOuts, networkMailPerWeek = mailWeeks, undeliverableAddress = bounce,
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
            .Select(r => new
            {
                r.FamilyName, r.GivenName, r.FamilyNameKana, r.GivenNameKana, r.Email, r.Department, r.JoinedYear, r.LeftYear, r.EmployeeNumber, r.Language, r.CreatedAt, r.UpdatedAt,
                // What the HR system reported (SCIM), when it did.
                HrUserName = r.ScimUserName, r.WorkEmail, r.LastDay, LeaverInvitationQueuedAt = r.LeaverInvitedAt,
            })
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
}
