using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenAlumni.Tests.Infrastructure;
using OpenAlumni.Web.Features.Members;

namespace OpenAlumni.Tests.Features.Members;

public abstract class MembersApiTests(AlumniApp app) : AppTest(app)
{
    static void Founder(Member m)
    {
        m.FamilyNameKana = "やまだ";
        m.GivenNameKana = "はなこ";
        m.RomanizedName = "Hanako Yamada";
        m.Organization = "株式会社ミライ物流";
        m.Location = "福岡県";
        m.LocationVisibility = Visibility.Employees;
        m.Bio = "secret plans";
        m.BioVisibility = Visibility.Admins;
        m.OpenTo = OpenTo.Consultation;
        m.Tags.Add(new ProfileTag { Kind = TagKind.Skill, Name = "物流", Key = "物流" });
        m.Career[0].Department = "営業本部";
    }

    [Fact]
    public async Task Profile_ShowsEachFieldOnlyToWhoItsOwnerAllows()
    {
        var tenant = await App.CreateTenantAsync();
        var founder = await tenant.MemberAsync(edit: Founder);
        var alumnus = await tenant.ApiAsync(await tenant.MemberAsync(family: "佐藤"));
        var employee = await tenant.ApiAsync(await tenant.MemberAsync(MemberKind.Employee, family: "鈴木"));
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var self = await tenant.ApiAsync(founder);

        var seenByAlumnus = await JsonAsync(await alumnus.GetAsync($"/api/v1/members/{founder.Id}", Ct));
        var seenByEmployee = await JsonAsync(await employee.GetAsync($"/api/v1/members/{founder.Id}", Ct));
        var seenByAdmin = await JsonAsync(await admin.GetAsync($"/api/v1/members/{founder.Id}", Ct));
        var seenBySelf = await JsonAsync(await self.GetAsync("/api/v1/members/me", Ct));

        Assert.Equal("株式会社ミライ物流", seenByAlumnus.GetProperty("organization").GetString());
        Assert.Equal(JsonValueKind.Null, seenByAlumnus.GetProperty("location").ValueKind);
        Assert.Equal(JsonValueKind.Null, seenByAlumnus.GetProperty("bio").ValueKind);
        Assert.Equal(JsonValueKind.Null, seenByAlumnus.GetProperty("email").ValueKind);
        Assert.Equal(JsonValueKind.Null, seenByAlumnus.GetProperty("visibility").ValueKind);
        Assert.Equal("福岡県", seenByEmployee.GetProperty("location").GetString());
        Assert.Equal(JsonValueKind.Null, seenByEmployee.GetProperty("bio").ValueKind);
        Assert.Equal("secret plans", seenByAdmin.GetProperty("bio").GetString());
        Assert.Equal(founder.Email, seenByAdmin.GetProperty("email").GetString());
        Assert.Equal("secret plans", seenBySelf.GetProperty("bio").GetString());
        Assert.Equal("Employees", seenBySelf.GetProperty("visibility").GetProperty("location").GetString());
    }

    [Theory]
    [InlineData("山田")]
    [InlineData("花子")]
    [InlineData("山田 花子")]
    [InlineData("山田花子")]
    [InlineData("やまだ")]
    [InlineData("ヤマダ")]
    [InlineData("ﾔﾏﾀﾞ")]
    [InlineData("yamada")]
    [InlineData("HANAKO")]
    [InlineData("ミライ")]
    [InlineData("物流")]
    [InlineData("営業")]
    [InlineData("山")]
    public async Task Directory_FindsAMemberByNameInKanjiKanaOrRomaji_OrganisationDepartmentAndSkill(string q)
    {
        var tenant = await App.CreateTenantAsync();
        var founder = await tenant.MemberAsync(edit: Founder);
        await tenant.MemberAsync(family: "佐藤", given: "健一");
        var viewer = await tenant.ApiAsync(await tenant.MemberAsync(family: "高橋", given: "誠"));

        var body = await JsonAsync(await viewer.GetAsync($"/api/v1/members?q={Uri.EscapeDataString(q)}", Ct));

        var ids = body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToList();
        Assert.Equal([founder.Id], ids);
    }

    [Fact]
    public async Task Directory_DoesNotFindAMemberByAFieldHiddenFromTheViewer()
    {
        var tenant = await App.CreateTenantAsync();
        await tenant.MemberAsync(edit: Founder);
        var alumnus = await tenant.ApiAsync(await tenant.MemberAsync(family: "佐藤"));
        var employee = await tenant.ApiAsync(await tenant.MemberAsync(MemberKind.Employee, family: "鈴木"));

        var byAlumnus = await JsonAsync(await alumnus.GetAsync("/api/v1/members?q=" + Uri.EscapeDataString("福岡"), Ct));
        var byEmployee = await JsonAsync(await employee.GetAsync("/api/v1/members?q=" + Uri.EscapeDataString("福岡"), Ct));

        Assert.Equal(0, byAlumnus.GetProperty("total").GetInt32());
        Assert.Equal(1, byEmployee.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Directory_FiltersBySkillKindAndOpenTo_AndHidesWhatTheViewerMayNotSee()
    {
        var tenant = await App.CreateTenantAsync();
        var founder = await tenant.MemberAsync(edit: Founder);
        await tenant.MemberAsync(edit: m => { m.OpenTo = OpenTo.Consultation; m.OpenToVisibility = Visibility.Admins; }, family: "隠田");
        var viewer = await tenant.ApiAsync(await tenant.MemberAsync(MemberKind.Employee, family: "鈴木"));

        var bySkill = await JsonAsync(await viewer.GetAsync("/api/v1/members?skill=" + Uri.EscapeDataString("物流"), Ct));
        var byOpenTo = await JsonAsync(await viewer.GetAsync("/api/v1/members?openTo=Consultation", Ct));
        var employees = await JsonAsync(await viewer.GetAsync("/api/v1/members?kind=Employee", Ct));

        Assert.Equal(founder.Id, bySkill.GetProperty("items")[0].GetProperty("id").GetInt64());
        Assert.Equal(1, bySkill.GetProperty("total").GetInt32());
        Assert.Equal([founder.Id], byOpenTo.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()));
        Assert.Equal(1, employees.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Directory_ListsApprovedMembersOnly_InReadingOrder_Paginated()
    {
        var tenant = await App.CreateTenantAsync();
        await tenant.MemberAsync(family: "渡辺", edit: m => m.FamilyNameKana = "わたなべ");
        await tenant.MemberAsync(family: "青木", edit: m => m.FamilyNameKana = "あおき");
        await tenant.MemberAsync(family: "加藤", edit: m => m.FamilyNameKana = "かとう");
        await tenant.MemberAsync(family: "保留", status: MemberStatus.Pending);
        await tenant.MemberAsync(family: "停止", status: MemberStatus.Suspended);
        var viewer = await tenant.ApiAsync(await tenant.MemberAsync(family: "森", edit: m => m.FamilyNameKana = "もり"));

        var page1 = await JsonAsync(await viewer.GetAsync("/api/v1/members?pageSize=2", Ct));
        var page2 = await JsonAsync(await viewer.GetAsync("/api/v1/members?pageSize=2&page=2", Ct));

        Assert.Equal(4, page1.GetProperty("total").GetInt32());
        Assert.Equal(["青木 花子", "加藤 花子"], page1.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("displayName").GetString()));
        Assert.Equal(["森 花子", "渡辺 花子"], page2.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("displayName").GetString()));
    }

    [Theory]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=1000", "pageSize")]
    [InlineData("page=0", "page")]
    [InlineData("kind=Robot", "kind")]
    [InlineData("openTo=Everything", "openTo")]
    public async Task Directory_WithBadParameters_Is400(string query, string field)
    {
        var tenant = await App.CreateTenantAsync();
        var viewer = await tenant.ApiAsync(await tenant.MemberAsync());

        await AssertValidationProblemAsync(await viewer.GetAsync("/api/v1/members?" + query, Ct), field);
    }

    [Fact]
    public async Task PatchMe_UpdatesTheProfileAndMakesItFindable()
    {
        var tenant = await App.CreateTenantAsync();
        var me = await tenant.MemberAsync();
        var api = await tenant.ApiAsync(me);
        var other = await tenant.ApiAsync(await tenant.MemberAsync(family: "佐藤"));

        var response = await api.PatchAsJsonAsync("/api/v1/members/me", new
        {
            organization = "Blue Harbor Capital", title = "Partner", skills = new[] { "M&A", "資金調達" }, interests = new[] { "登山" },
            links = new[] { "https://example.com/me" }, openTo = new[] { "Mentoring", "Rehire" },
            career = new[] { new { department = "金属本部", fromYear = 2003, toYear = 2012 } },
            visibility = new { organization = "Network", tags = "Network" },
        }, Ct);
        var found = await JsonAsync(await other.GetAsync("/api/v1/members?q=" + Uri.EscapeDataString("資金調達"), Ct));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal(["M&A", "資金調達"], body.GetProperty("skills").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(["Rehire", "Mentoring"], body.GetProperty("openTo").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(me.Id, found.GetProperty("items")[0].GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task PatchMe_HidingAFieldAlsoRemovesItFromSearch()
    {
        var tenant = await App.CreateTenantAsync();
        var me = await tenant.MemberAsync(edit: m => m.Organization = "ひみつ商会");
        var other = await tenant.ApiAsync(await tenant.MemberAsync(family: "佐藤"));
        var before = await JsonAsync(await other.GetAsync("/api/v1/members?q=" + Uri.EscapeDataString("ひみつ"), Ct));

        await (await tenant.ApiAsync(me)).PatchAsJsonAsync("/api/v1/members/me", new { visibility = new { organization = "Admins" } }, Ct);
        var after = await JsonAsync(await other.GetAsync("/api/v1/members?q=" + Uri.EscapeDataString("ひみつ"), Ct));

        Assert.Equal(1, before.GetProperty("total").GetInt32());
        Assert.Equal(0, after.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task PatchMe_WithAnyInvalidField_ChangesNothing()
    {
        var tenant = await App.CreateTenantAsync();
        var me = await tenant.MemberAsync(edit: m => m.Organization = "Before");
        var api = await tenant.ApiAsync(me, "ja");

        var response = await api.PatchAsJsonAsync("/api/v1/members/me", new
        {
            organization = "After", links = new[] { "javascript:alert(1)" }, visibility = new { bio = "Everyone" },
            career = new[] { new { department = "金属本部", fromYear = 2012, toYear = 2003 } }, familyName = "",
        }, Ct);

        var errors = await AssertValidationProblemAsync(response, "links", "visibility.bio", "career[0].toYear", "familyName");
        Assert.Contains("http", errors["links"][0]);
        Assert.Equal("Before", (await tenant.LoadMemberAsync(me.Id)).Organization);
    }

    [Fact]
    public async Task Photo_ValidImageIsReencoded_FakeOrOversizedIsRefused()
    {
        var tenant = await App.CreateTenantAsync();
        var me = await tenant.MemberAsync();
        var api = await tenant.ApiAsync(me);

        var fake = await api.PutAsync("/api/v1/members/me/photo", Upload(System.Text.Encoding.UTF8.GetBytes("GIF89a<script>alert(1)</script>"), "x.gif"), Ct);
        var huge = await api.PutAsync("/api/v1/members/me/photo", Upload(new byte[6 * 1024 * 1024], "big.jpg"), Ct);
        var good = await api.PutAsync("/api/v1/members/me/photo", Upload(TestImages.Png(64, 48), "me.png"), Ct);
        var photoUrl = (await JsonAsync(good)).GetProperty("photoUrl").GetString();
        var photo = await api.GetAsync(photoUrl, Ct);

        await AssertValidationProblemAsync(fake, "photo");
        await AssertValidationProblemAsync(huge, "photo");
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal("image/jpeg", photo.Content.Headers.ContentType?.MediaType);
        var bytes = await photo.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(new byte[] { 0xFF, 0xD8 }, bytes[..2]);
    }

    [Fact]
    public async Task Photo_HiddenFromTheNetwork_IsNotServedToAnAlumnus()
    {
        var tenant = await App.CreateTenantAsync();
        var me = await tenant.MemberAsync(edit: m => m.PhotoVisibility = Visibility.Employees);
        await (await tenant.ApiAsync(me)).PutAsync("/api/v1/members/me/photo", Upload(TestImages.Png(32, 32), "me.png"), Ct);
        var alumnus = await tenant.ApiAsync(await tenant.MemberAsync(family: "佐藤"));
        var employee = await tenant.ApiAsync(await tenant.MemberAsync(MemberKind.Employee, family: "鈴木"));

        Assert.Equal(HttpStatusCode.NotFound, (await alumnus.GetAsync($"/members/{me.Id}/photo", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await employee.GetAsync($"/members/{me.Id}/photo", Ct)).StatusCode);
    }

    static MultipartFormDataContent Upload(byte[] bytes, string name) =>
        new() { { new ByteArrayContent(bytes), "photo", name } };
}

[Collection(SqliteCollection.Name)]
public sealed class MembersApiTestsOnSqlite(SqliteApp app) : MembersApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class MembersApiTestsOnPostgres(PostgresApp app) : MembersApiTests(app);
