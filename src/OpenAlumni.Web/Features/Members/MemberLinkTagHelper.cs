using Microsoft.AspNetCore.Razor.TagHelpers;

namespace OpenAlumni.Web.Features.Members;

/// <summary>
/// A member's name that links to their profile only when the viewer may open it (<c>&lt;a member-href="@id"&gt;</c>):
/// members hidden from the directory keep their name on posts, comments and lists, but without a link that would
/// give a 404. The decision is <see cref="MemberService.ProfilesShownAsync"/>, the profile page's own rule.
/// </summary>
[HtmlTargetElement("a", Attributes = Attribute)]
public sealed class MemberLinkTagHelper(ProfileLinks links) : TagHelper
{
    const string Attribute = "member-href";

    [HtmlAttributeName(Attribute)]
    public long? MemberId { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        if (MemberId is { } id && await links.CanOpenAsync(id))
        {
            output.Attributes.SetAttribute("href", $"/members/{id}");
            return;
        }
        output.TagName = "span";
        output.Attributes.RemoveAll("href");
        output.Attributes.SetAttribute("data-member-unlinked", "");
    }
}

/// <summary>The viewer's answer per member, asked once per request and member.</summary>
public sealed class ProfileLinks(MemberService members)
{
    readonly Dictionary<long, bool> known = [];

    public async Task<bool> CanOpenAsync(long id)
    {
        if (known.TryGetValue(id, out var yes)) return yes;
        var shown = await members.ProfilesShownAsync([id], CancellationToken.None);
        return known[id] = shown.Contains(id);
    }
}
