using OpenAlumni.Web.Infrastructure.Search;

namespace OpenAlumni.Web.Features.Members;

/// <summary>
/// Writes a member's search columns from their profile. Each viewer level gets its own text, holding only
/// the fields visible at that level, so that a hidden field is not findable (not only not shown).
/// Called whenever the profile changes.
/// </summary>
public static class MemberSearchIndex
{
    public static readonly string[] Prefixes = ["n", "e", "a"];

    public static string PrefixFor(Visibility viewer) => Prefixes[(int)viewer];

    public static void Update(Member m)
    {
        var texts = new string[3];
        for (var level = 0; level < 3; level++)
        {
            var viewer = (Visibility)level;
            var parts = new List<string?> { m.FamilyName, m.GivenName, m.FamilyName + m.GivenName, m.FamilyNameKana, m.GivenNameKana, (m.FamilyNameKana ?? "") + (m.GivenNameKana ?? ""), m.RomanizedName };
            if (m.OrganizationVisibility <= viewer) { parts.Add(m.Organization); parts.Add(m.Title); }
            if (m.CareerVisibility <= viewer) parts.AddRange(m.Career.Select(c => c.Department));
            if (m.TagsVisibility <= viewer) parts.AddRange(m.Tags.Select(t => t.Name));
            if (m.LocationVisibility <= viewer) parts.Add(m.Location);
            texts[level] = string.Join(" | ", parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(SearchText.Normalize));
        }
        m.SearchNetwork = texts[0];
        m.SearchEmployees = texts[1];
        m.SearchAdmins = texts[2];
        m.SearchTokens = string.Join(' ', Enumerable.Range(0, 3).SelectMany(l => SearchText.Grams(texts[l], Prefixes[l])).Distinct());
        m.SortKey = SearchText.Normalize(
            (string.IsNullOrEmpty(m.FamilyNameKana) ? m.FamilyName : m.FamilyNameKana) + " " +
            (string.IsNullOrEmpty(m.GivenNameKana) ? m.GivenName : m.GivenNameKana));
        if (m.SortKey.Length > 400) m.SortKey = m.SortKey[..400];
    }
}
