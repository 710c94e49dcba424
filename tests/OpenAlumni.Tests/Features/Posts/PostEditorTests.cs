using System.Net;
using System.Net.Http.Json;
using OpenAlumni.Tests.Infrastructure;
using static OpenAlumni.Tests.Features.Posts.PostTestData;

namespace OpenAlumni.Tests.Features.Posts;

/// <summary>The post editor's preview and image alt text (issue 12, point 4).</summary>
public abstract class PostEditorTests(AlumniApp app) : AppTest(app)
{
    [Fact]
    public async Task Preview_IsThePostsOwnSanitizedHtml_ForMembersOnly()
    {
        var tenant = await App.CreateTenantAsync();
        var member = await tenant.ApiAsync(await tenant.MemberAsync());
        const string body = "**x** <script>alert('x')</script> <img src=x onerror=alert(1)> [a](javascript:alert(1)) [@山田 花子](/members/1)";

        var preview = await member.PostAsJsonAsync("/api/v1/posts/preview", new { body }, Ct);
        var posted = await JsonAsync(await member.PostAsJsonAsync("/api/v1/posts", Update(body: body), Ct));
        var anonymous = await tenant.Client().PostAsJsonAsync("/api/v1/posts/preview", new { body }, Ct);
        var tooLong = await member.PostAsJsonAsync("/api/v1/posts/preview", new { body = new string('a', 20_001) }, Ct);

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var html = (await JsonAsync(preview)).GetProperty("html").GetString()!;
        Assert.Contains("<strong>x</strong>", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<img", html); // the raw tag stays text, its onerror with it
        Assert.DoesNotContain("javascript:", html);
        Assert.Equal(posted.GetProperty("bodyHtml").GetString(), html);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        await AssertValidationProblemAsync(tooLong, "body");
    }

    [Fact]
    public async Task ImageAltText_IsTheImagesAltInThePost_AndTooLongIsRefusedInTheUsersLanguage()
    {
        var tenant = await App.CreateTenantAsync();
        var member = await tenant.ApiAsync(await tenant.MemberAsync());
        member.DefaultRequestHeaders.AcceptLanguage.Clear();
        member.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ja");

        var upload = await member.PostAsync("/api/v1/posts/images", new MultipartFormDataContent
        {
            { new ByteArrayContent(TestImages.Png(80, 60)), "image", "x.png" }, { new StringContent("同期会の集合写真 [2024]"), "alt" },
        }, Ct);
        var markdown = (await JsonAsync(upload)).GetProperty("markdown").GetString()!;
        var post = await JsonAsync(await member.PostAsJsonAsync("/api/v1/posts", Update(body: "写真です\n\n" + markdown), Ct));
        var tooLong = await member.PostAsync("/api/v1/posts/images", new MultipartFormDataContent
        {
            { new ByteArrayContent(TestImages.Png(80, 60)), "image", "x.png" }, { new StringContent(new string('長', 251)), "alt" },
        }, Ct);
        var without = await member.PostAsync("/api/v1/posts/images", new MultipartFormDataContent { { new ByteArrayContent(TestImages.Png(80, 60)), "image", "x.png" } }, Ct);

        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        Assert.Contains("alt=\"同期会の集合写真 [2024]\"", post.GetProperty("bodyHtml").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        var problem = await tooLong.Content.ReadAsStringAsync(Ct);
        Assert.Contains("\"alt\"", problem);
        Assert.Contains("250文字以内", problem);
        Assert.Equal(HttpStatusCode.Created, without.StatusCode);
        Assert.StartsWith("![](", (await JsonAsync(without)).GetProperty("markdown").GetString());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class PostEditorTestsOnSqlite(SqliteApp app) : PostEditorTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PostEditorTestsOnPostgres(PostgresApp app) : PostEditorTests(app);
