using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OpenAlumni.Web.Features.Messages;

/// <summary>My conversations, newest first, with what I have not read.</summary>
public sealed class IndexModel(MessageService messages) : PageModel
{
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    public ConversationListDto List { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) =>
        List = (await messages.ListAsync(Math.Clamp(PageNumber, 1, 100_000), ct)).Value!;
}
