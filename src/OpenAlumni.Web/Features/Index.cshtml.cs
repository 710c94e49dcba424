using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Features.Posts;
using OpenAlumni.Web.Infrastructure.Auth;

namespace OpenAlumni.Web.Features;

/// <summary>Home: a welcome for visitors, a status for applicants, the network at a glance for members.</summary>
public sealed class IndexModel(CurrentMember current, DirectoryService directory, PostService posts, Suggestions.SuggestionService suggestions,
    Infrastructure.Tenancy.TenantFeatures features) : PageModel
{
    public MemberSession? Member { get; private set; }
    public NetworkStats? Stats { get; private set; }
    public IReadOnlyList<MemberCardDto> OpenToConsultation { get; private set; } = [];
    public IReadOnlyList<PostDto> LatestPosts { get; private set; } = [];
    /// <summary>This week's people worth meeting (the first three; the rest on /suggestions); null where the network switched them off.</summary>
    public IReadOnlyList<Suggestions.SuggestionCard>? PeopleToMeet { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Member = await current.GetAsync(ct);
        if (Member?.IsApproved != true) return;
        Stats = await directory.StatsAsync(ct);
        OpenToConsultation = (await directory.SearchAsync(new DirectoryQuery(OpenTo: "Consultation", Kind: "Alumni", PageSize: 6), ct)).Value?.Items ?? [];
        LatestPosts = (await posts.ListAsync(null, null, null, null, 1, 3, ct)).Value?.Items ?? [];
        if (features.IsOn(Infrastructure.Tenancy.TenantFeature.Suggestions))
        {
            var week = (await suggestions.MineAsync(ct)).Value ?? [];
            PeopleToMeet = Suggestions.IndexModel.Cards(features, week.Take(3).ToList(), "/");
        }
    }
}
