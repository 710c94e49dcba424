namespace OpenAlumni.Web.Features.Jobs;

/// <summary>POST /jobs and PATCH /jobs/{id}. When editing, a field left out stays as it is. <c>closesAt</c>: a date (the end of that day in the network's time zone) or a date-time (without an offset, in the network's time zone).</summary>
public sealed record JobInput(string? Title = null, string? Department = null, string? Location = null, string? Remote = null,
    string? Description = null, string? HowToApply = null, string? ClosesAt = null, string? Status = null, string? Keywords = null);

public sealed record InterestInput(bool Consent = false);
public sealed record ReferralInput(string? Name, string? Email, string? Note);
public sealed record RecruiterInput(bool Recruiter);

/// <summary>An opening as the board shows it. <c>status</c> is <c>closed</c> once the closing date has passed.</summary>
public sealed record JobDto(long Id, string Title, string Department, string Location, string Remote, string Description, string DescriptionHtml,
    string HowToApply, string Keywords, DateTimeOffset ClosesAt, string Status, DateTimeOffset CreatedAt, bool IInterested, bool MyConsent, bool CanManage)
{
    /// <summary>May raise a hand now (JobRules.Interest: alumni, while open).</summary>
    public bool CanShowInterest { get; init; }
    /// <summary>May refer someone now (JobRules.Refer: while open).</summary>
    public bool CanRefer { get; init; }
}

public sealed record InterestedDto(long MemberId, string DisplayName, string ProfileUrl, string? Email, DateTimeOffset At);
public sealed record ReferralDto(long Id, string Name, string Email, string? Note, string ReferredBy, DateTimeOffset At);

/// <summary>
/// One opening; for admins and recruiters also who is interested: by name, profile and email only those who
/// consented to share their profile, the others as a count.
/// </summary>
public sealed record JobDetailDto(JobDto Job, int InterestCount, IReadOnlyList<InterestedDto>? Interested, int? WithoutConsentCount, IReadOnlyList<ReferralDto>? Referrals);

public sealed record JobListDto(IReadOnlyList<JobDto> Items, int Page, int PageSize, int Total);
public sealed record RecruiterDto(long MemberId, string DisplayName, bool Recruiter);
