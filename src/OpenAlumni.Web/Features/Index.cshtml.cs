using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Features.Posts;
using OpenAlumni.Web.Infrastructure.Auth;

namespace OpenAlumni.Web.Features;

/// <summary>Home: a welcome for visitors, a status for applicants, the network at a glance for members.</summary>
public sealed class IndexModel(CurrentMember current, DirectoryService directory, PostService posts) : PageModel
{
    public MemberSession? Member { get; private set; }
    public NetworkStats? Stats { get; private set; }
    public IReadOnlyList<MemberCardDto> OpenToConsultation { get; private set; } = [];
    public IReadOnlyList<PostDto> LatestPosts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Member = await current.GetAsync(ct);
        if (Member?.IsApproved != true) return;
        Stats = await directory.StatsAsync(ct);
        OpenToConsultation = (await directory.SearchAsync(new DirectoryQuery(OpenTo: "Consultation", Kind: "Alumni", PageSize: 6), ct)).Value?.Items ?? [];
        LatestPosts = (await posts.ListAsync(null, null, null, null, 1, 3, ct)).Value?.Items ?? [];
    }
}
