using OpenAlumni.Web.Features.Members;

namespace OpenAlumni.Web.Features.Newsletters;

/// <summary>A block chosen from a list: <c>kind</c> event, job, project or story, and the item's id.</summary>
public sealed record NewsletterBlockInput(string? Kind = null, long? Id = null);

/// <summary>
/// Whom it goes to. <c>kind</c>: everyone, segment (with <c>segment</c>, as an announcement's) or spaces (with <c>spaceIds</c>,
/// their members who still hear of them).
/// </summary>
public sealed record NewsletterAudienceInput(string? Kind = null, SegmentInput? Segment = null, IReadOnlyList<long>? SpaceIds = null);

/// <summary>
/// POST /admin/newsletters and PATCH /admin/newsletters/{id} (a draft only; a field left out stays as it is). <c>sendAt</c>: ISO 8601
/// with offset (the form's local time is read in the network's time zone); it must lie ahead.
/// </summary>
public sealed record NewsletterInput(string? Subject = null, string? Body = null, IReadOnlyList<NewsletterBlockInput>? Blocks = null,
    NewsletterAudienceInput? Audience = null, string? SendAt = null);

public sealed record NewsletterBlockDto(string Kind, long Id, string? Title);

public sealed record NewsletterAudienceDto(string Kind, SegmentInput? Segment, IReadOnlyList<long> SpaceIds);

/// <summary>
/// A newsletter with how it went: <c>recipients</c> (copies queued), <c>delivered</c> (taken by the mail server), <c>bounced</c>,
/// <c>capped</c> (over the member's weekly cap, not sent), <c>withheld</c> (in the audience but withdrew company news, unsubscribed
/// or with an undeliverable address).
/// </summary>
public sealed record NewsletterDto(long Id, string Subject, string Body, IReadOnlyList<NewsletterBlockDto> Blocks, NewsletterAudienceDto Audience,
    DateTimeOffset? SendAt, string Status, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? SentAt,
    int Recipients, int Delivered, int Bounced, int Capped, int Withheld);

public sealed record NewsletterListDto(IReadOnlyList<NewsletterDto> Items, int Page, int PageSize, int Total);

/// <summary>POST .../{id}/preview: as this member (null: the first member of the audience who would get it).</summary>
public sealed record PreviewInput(long? MemberId = null);

/// <summary>What <c>memberId</c> would get; <c>inAudience</c> false when they would get nothing (not in the audience, or withheld).</summary>
public sealed record NewsletterPreviewDto(long? MemberId, string? MemberName, bool InAudience, string Subject, string Html, string Text);

public sealed record NewsletterTestDto(string SentTo);

/// <summary>An item a block may show, offered on the edit page.</summary>
public sealed record BlockChoiceDto(string Kind, long Id, string Title, string? Detail);

/// <summary>POST /api/v1/mail/bounces: the mail provider reports that <c>address</c> bounced the message <c>messageId</c>.</summary>
public sealed record BounceInput(string? Address = null, string? MessageId = null, string? Reason = null);
