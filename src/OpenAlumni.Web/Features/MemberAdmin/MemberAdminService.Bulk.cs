using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Features.Registrations;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Localization;

namespace OpenAlumni.Web.Features.MemberAdmin;

/// <summary>One action for several members: <c>approve</c> (pending ones) or <c>suspend</c> (with one reason for all).</summary>
public sealed record BulkMembersRequest(string? Action, long[]? MemberIds, string? Reason);

/// <summary>What became of one member: done, or refused with a stable code (the ValidationTexts key) and why in the user's language.</summary>
public sealed record BulkMemberOutcomeDto(long Id, bool Done, string? Code = null, string? Reason = null);

public sealed record BulkMembersResultDto(string Action, int Done, int Refused, IReadOnlyList<BulkMemberOutcomeDto> Results);

public sealed partial class MemberAdminService
{
    /// <summary>At most one page of the list (its largest size) per bulk action.</summary>
    public const int BulkMax = 100;

    /// <summary>
    /// Runs the single action for each member in turn, through the same rules, transaction and audit entry as when
    /// an admin does it to one member: a refusal (the last admin, oneself, not pending, another network's id) leaves
    /// that member unchanged and does not stop the others.
    /// </summary>
    public async Task<Result<BulkMembersResultDto>> BulkAsync(BulkMembersRequest r, IStringLocalizer<ValidationTexts> texts, CancellationToken ct)
    {
        if (await AdminAsync(ct) is null) return Result<BulkMembersResultDto>.Forbidden();
        var errors = new FieldErrors();
        var action = r.Action?.Trim().ToLowerInvariant();
        if (action is not ("approve" or "suspend")) errors.Add("action", "Validation.OneOf", "approve, suspend");
        var ids = (r.MemberIds ?? []).Distinct().ToList();
        if (ids.Count == 0) errors.Add("memberIds", "Validation.Required");
        else if (ids.Count > BulkMax) errors.Add("memberIds", "Validation.TooMany", BulkMax);
        var reason = Check.Text(errors, "reason", r.Reason, 1000, required: action == "suspend");
        if (errors.Any) return errors;

        var results = new List<BulkMemberOutcomeDto>(ids.Count);
        foreach (var id in ids)
        {
            var (status, fieldErrors) = action == "approve"
                ? Of(await registrations.ApproveAsync(id, null, ct))
                : Of(await SuspendAsync(id, reason, ct));
            results.Add(status == ResultStatus.Ok ? new BulkMemberOutcomeDto(id, true)
                : new BulkMemberOutcomeDto(id, false, fieldErrors?.Items.FirstOrDefault()?.Key ?? "Validation." + status,
                    FormErrors.Message(status, fieldErrors, texts)));
        }
        var done = results.Count(x => x.Done);
        return new BulkMembersResultDto(action!, done, results.Count - done, results);
    }

    /// <summary>The shown names of these members of the network, in one query (the refused ones of a bulk action).</summary>
    public async Task<Dictionary<long, string>> NamesAsync(IReadOnlyCollection<long> ids, CancellationToken ct) =>
        (await db.Members.AsNoTracking().Where(m => ids.Contains(m.Id))
            .Select(m => new { m.Id, m.FamilyName, m.GivenName, m.RomanizedName }).ToListAsync(ct))
        .ToDictionary(m => m.Id, m => PersonName.Display(m.FamilyName, m.GivenName, m.RomanizedName));

    static (ResultStatus, FieldErrors?) Of<T>(Result<T> r) => (r.Status, r.Errors);
}
