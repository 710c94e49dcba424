using System.Text.Json;
using OpenAlumni.Tests.Infrastructure;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure.Search;

namespace OpenAlumni.Tests.Features.Members;

/// <summary>
/// The department and skill filters go through the gram index first: they must still answer exactly what the
/// careers and skills say, at the viewer's level, and always include the viewer's own career and skills.
/// </summary>
public abstract class DirectoryFilterTests(AlumniApp app) : AppTest(app)
{
    [Fact]
    public async Task DepartmentFilter_MatchesCareersTheViewerMaySee_NotNamesThatHoldTheSameWord()
    {
        var tenant = await App.CreateTenantAsync();
        var metals = await tenant.MemberAsync(family: "鈴木", edit: m => m.Career[0].Department = "金属本部");
        var both = await tenant.MemberAsync(family: "佐藤", edit: m => m.Career.Add(new CareerEntry { Department = "機械・インフラ本部", FromYear = 2016, ToYear = 2020 }));
        // 金属 in the name and the organisation, never in a department.
        await tenant.MemberAsync(family: "金属", edit: m => m.Organization = "金属リサイクル株式会社");
        var hidden = await tenant.MemberAsync(family: "高橋", edit: m => { m.Career[0].Department = "金属本部"; m.CareerVisibility = Visibility.Admins; });
        var viewer = await tenant.MemberAsync(family: "森", edit: m => { m.Career[0].Department = "金属本部"; m.CareerVisibility = Visibility.Admins; });
        var member = await tenant.ApiAsync(viewer);
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());

        Assert.Equal(Sorted(metals.Id, viewer.Id), await IdsAsync(member, "department=" + Uri.EscapeDataString("金属")));
        Assert.Equal(Sorted(metals.Id, hidden.Id, viewer.Id), await IdsAsync(admin, "department=" + Uri.EscapeDataString("金属")));
        // Katakana and a middle dot inside the department, a later career entry.
        Assert.Equal([both.Id], await IdsAsync(member, "department=" + Uri.EscapeDataString("インフラ")));
        Assert.Empty(await IdsAsync(member, "department=" + Uri.EscapeDataString("金属リサイクル")));
    }

    [Fact]
    public async Task SkillFilter_MatchesSkills_NotInterestsOrHiddenTags_AndAlwaysMyOwn()
    {
        var tenant = await App.CreateTenantAsync();
        static ProfileTag Tag(TagKind kind, string name) => new() { Kind = kind, Name = name, Key = SearchText.Normalize(name) };
        var skilled = await tenant.MemberAsync(family: "鈴木", edit: m => m.Tags.Add(Tag(TagKind.Skill, "物流")));
        await tenant.MemberAsync(family: "佐藤", edit: m => m.Tags.Add(Tag(TagKind.Interest, "物流")));
        await tenant.MemberAsync(family: "高橋", edit: m => { m.Tags.Add(Tag(TagKind.Skill, "物流")); m.TagsVisibility = Visibility.Admins; });
        var viewer = await tenant.MemberAsync(family: "森", edit: m => { m.Tags.Add(Tag(TagKind.Skill, "物流")); m.TagsVisibility = Visibility.Admins; });
        var member = await tenant.ApiAsync(viewer);

        Assert.Equal(Sorted(skilled.Id, viewer.Id), await IdsAsync(member, "skill=" + Uri.EscapeDataString("物流")));
        Assert.Empty(await IdsAsync(member, "skill=" + Uri.EscapeDataString("物")));
    }

    static List<long> Sorted(params long[] ids) => ids.Order().ToList();

    async Task<List<long>> IdsAsync(HttpClient client, string query)
    {
        var body = await JsonAsync(await client.GetAsync("/api/v1/members?pageSize=50&" + query, Ct));
        var ids = body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).Order().ToList();
        Assert.Equal(ids.Count, body.GetProperty("total").GetInt32());
        return ids;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class DirectoryFilterTestsOnSqlite(SqliteApp app) : DirectoryFilterTests(app);

[Collection(PostgresCollection.Name)]
public sealed class DirectoryFilterTestsOnPostgres(PostgresApp app) : DirectoryFilterTests(app);
