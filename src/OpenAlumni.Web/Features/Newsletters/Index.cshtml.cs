using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OpenAlumni.Web.Features.Newsletters;

/// <summary>The secretariat's newsletters, newest first, with status and counts. Same service as GET /api/v1/admin/newsletters.</summary>
public sealed class IndexModel(NewsletterService newsletters) : PageModel
{
    public IReadOnlyList<NewsletterDto> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Items = (await newsletters.ListAsync(1, ct)).Value?.Items ?? [];
}
