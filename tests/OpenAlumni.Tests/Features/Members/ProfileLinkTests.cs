using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenAlumni.Tests.Infrastructure;
using OpenAlumni.Web.Features.Privacy;

namespace OpenAlumni.Tests.Features.Members;

/// <summary>
/// A name links to a profile only where the viewer may open that profile: a member hidden from the directory keeps
/// their name on their post, without a link that would give other members a 404; the secretariat keeps the link.
/// </summary>
public abstract class ProfileLinkTests(AlumniApp app) : AppTest(app)
{
    [Fact]
    public async Task HiddenMembersName_IsShownWithoutALink_ToThoseWhoCannotOpenTheProfile()
    {
        var tenant = await App.CreateTenantAsync();
        var hidden = await tenant.MemberAsync(family: "隠田", edit: m => m.WithheldPurposes = Purpose.Directory);
        var visible = await tenant.MemberAsync(family: "見野");
        var readerMember = await tenant.MemberAsync(family: "読者");
        var adminMember = await tenant.AdminAsync();
        var hiddenPost = await PostAsync(await tenant.ApiAsync(hidden), "隠田の近況");
        var visiblePost = await PostAsync(await tenant.ApiAsync(visible), "見野の近況");

        var reader = await BrowserAsync(tenant, readerMember);
        var admin = await BrowserAsync(tenant, adminMember);
        var readerOnHidden = await reader.GetStringAsync($"/posts/{hiddenPost}", Ct);
        var readerOnVisible = await reader.GetStringAsync($"/posts/{visiblePost}", Ct);
        var readerFeed = await reader.GetStringAsync("/posts", Ct);
        var adminOnHidden = await admin.GetStringAsync($"/posts/{hiddenPost}", Ct);
        var readerOpensHidden = await reader.GetAsync($"/members/{hidden.Id}", Ct);
        var adminOpensHidden = await admin.GetAsync($"/members/{hidden.Id}", Ct);

        Assert.Equal(HttpStatusCode.NotFound, readerOpensHidden.StatusCode);
        Assert.Contains("隠田", readerOnHidden);
        Assert.DoesNotContain($"href=\"/members/{hidden.Id}\"", readerOnHidden);
        Assert.Contains("隠田", readerFeed);
        Assert.DoesNotContain($"href=\"/members/{hidden.Id}\"", readerFeed);
        Assert.Contains($"href=\"/members/{visible.Id}\"", readerOnVisible);
        Assert.Contains($"href=\"/members/{visible.Id}\"", readerFeed);
        Assert.Equal(HttpStatusCode.OK, adminOpensHidden.StatusCode);
        Assert.Contains($"href=\"/members/{hidden.Id}\"", adminOnHidden);
    }

    static async Task<long> PostAsync(HttpClient client, string title)
    {
        var response = await client.PostAsJsonAsync("/api/v1/posts", new { room = "updates", title, body = "元気です" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    static async Task<HttpClient> BrowserAsync(TestTenant tenant, TestMember member)
    {
        var browser = tenant.Client();
        await Forms.SignInAsync(browser, member.Email, member.Password);
        return browser;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ProfileLinkTestsOnSqlite(SqliteApp app) : ProfileLinkTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ProfileLinkTestsOnPostgres(PostgresApp app) : ProfileLinkTests(app);
