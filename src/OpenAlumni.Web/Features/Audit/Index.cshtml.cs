using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Localization;

namespace OpenAlumni.Web.Features.Audit;

/// <summary>The audit log for admins (by the folder's policy): filter and read; there is nothing to edit.</summary>
public sealed class IndexModel(AuditLog audit, IStringLocalizer<ValidationTexts> texts) : PageModel
{
    [FromQuery(Name = "action")] public string? ActionFilter { get; set; }
    [FromQuery(Name = "actor")] public long? Actor { get; set; }
    [FromQuery(Name = "targetType")] public string? TargetType { get; set; }
    [FromQuery(Name = "targetId")] public string? TargetId { get; set; }
    [FromQuery(Name = "from")] public DateOnly? From { get; set; }
    [FromQuery(Name = "to")] public DateOnly? To { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    public PageDto<AuditEntryDto> Items { get; private set; } = new([], 1, AuditLog.PageSize, 0);
    public string? Error { get; private set; }
    public IReadOnlyList<AuditActorDto> Actors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var result = await audit.ListAsync(new AuditQuery(ActionFilter, Actor, TargetType, TargetId, From, To, Math.Clamp(PageNumber, 1, 100_000)), ct);
        if (result.IsOk) Items = result.Value!;
        else Error = result.Message(texts);
        if (await audit.ActorsAsync(ct) is { IsOk: true } actors) Actors = actors.Value!;
    }

    public string PageLink(int page) => QueryString.Create(new Dictionary<string, string?>
    {
        ["action"] = ActionFilter, ["actor"] = Actor?.ToString(), ["targetType"] = TargetType, ["targetId"] = TargetId,
        ["from"] = From?.ToString("yyyy-MM-dd"), ["to"] = To?.ToString("yyyy-MM-dd"), ["page"] = page.ToString(),
    }.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent() is var q ? "/admin/audit" + q : "";
}
