using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Features.Privacy;
using OpenAlumni.Web.Infrastructure.Search;

namespace OpenAlumni.Web.Features.Jobs;

/// <summary>
/// Who is mailed when an opening is published. The rule, kept simple so an alumnus can predict it: an
/// approved alumnus whose "open to" includes rehire, and whose profile either lists the opening's department
/// in their career, or has a skill or interest equal to one of the opening's keywords. Both sides are
/// compared normalised (NFKC, kana folded, lower case), whole words, not substrings ("営業" does not match "営業企画部").
/// </summary>
public static class JobMatching
{
    public static IReadOnlyList<string> KeywordKeys(string keywords) =>
        keywords.Split([',', '、', '，', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(SearchText.Normalize).Where(k => k.Length > 0).Distinct().ToList();

    public static bool Matches(JobOpening job, IEnumerable<string> careerDepartments, IEnumerable<string> tagKeys)
    {
        var department = SearchText.Normalize(job.Department);
        if (careerDepartments.Any(d => SearchText.Normalize(d) == department)) return true;
        var keys = KeywordKeys(job.Keywords);
        return tagKeys.Any(keys.Contains);
    }

    /// <summary>
    /// The candidates before the profile test: the part of the rule SQL can do. Being open to rehire on the
    /// profile is not enough: the member must also consent to the purpose of use "rehire contact" (APPI).
    /// </summary>
    public static IQueryable<Member> OpenToRehire(this IQueryable<Member> members) =>
        members.Approved().Where(m => m.Kind == MemberKind.Alumni && (m.OpenTo & OpenTo.Rehire) == OpenTo.Rehire)
            .Consenting(Privacy.Purpose.RehireContact);
}
