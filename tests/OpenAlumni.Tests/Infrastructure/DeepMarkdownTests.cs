using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Events;
using OpenAlumni.Web.Features.Jobs;
using OpenAlumni.Web.Features.Messages;
using OpenAlumni.Web.Features.Posts;
using OpenAlumni.Web.Infrastructure.Markdown;

namespace OpenAlumni.Tests.Infrastructure;

/// <summary>
/// Markdown nested deeper than the renderer can take (Markdig gives up at 128 levels) is refused where it is
/// written, by the field, in the writer's language, on every feature that takes Markdown; nothing is saved.
/// </summary>
public abstract class DeepMarkdownTests(AlumniApp app) : AppTest(app)
{
    public static TheoryData<string> Hostile => new()
    {
        new string('[', 128),
        new string('>', 128) + " quoted",
        // A list 140 deep, each item opening the next on its line (indented lines would pass the posts' length limit).
        string.Concat(Enumerable.Repeat("- ", 140)) + "item",
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task DeeplyNestedMarkdown_IsRefusedByItsField_OnEveryFeature_AndNothingIsWritten(string markdown)
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync(), "ja");
        var alice = await tenant.ApiAsync(await tenant.MemberAsync());
        var bob = await tenant.MemberAsync(family: "佐藤", given: "次郎");
        var post = await IdAsync(await alice.PostAsJsonAsync("/api/v1/posts", new { room = "updates", title = "近況", body = "こんにちは" }, Ct));
        var conversation = await IdAsync(await alice.PostAsJsonAsync("/api/v1/conversations", new { memberIds = new[] { bob.Id }, body = "はじめまして" }, Ct));
        var before = await CountsAsync(tenant);
        var start = DateTimeOffset.UtcNow.AddDays(10);

        var responses = new (string Field, HttpResponseMessage Response)[]
        {
            ("body", await alice.PostAsJsonAsync("/api/v1/posts", new { room = "updates", title = "近況", body = markdown }, Ct)),
            ("body", await alice.PostAsJsonAsync($"/api/v1/posts/{post}/comments", new { body = markdown }, Ct)),
            ("body", await alice.PostAsJsonAsync("/api/v1/conversations", new { memberIds = new[] { bob.Id }, body = markdown }, Ct)),
            ("body", await alice.PostAsJsonAsync($"/api/v1/conversations/{conversation}/messages", new { body = markdown }, Ct)),
            ("description", await admin.PostAsJsonAsync("/api/v1/events", new
            {
                title = "交流会", description = markdown, kind = "meetup", format = "offline", startsAt = start.ToString("o"),
                endsAt = start.AddHours(2).ToString("o"), capacity = 10, venue = "本社", publish = true,
            }, Ct)),
            ("description", await admin.PostAsJsonAsync("/api/v1/jobs", new
            {
                title = "営業", department = "営業部", location = "東京", remote = "hybrid", description = markdown,
                howToApply = "人事部まで", closesAt = DateTimeOffset.UtcNow.AddDays(30).ToString("yyyy-MM-dd"),
            }, Ct)),
        };

        var errors = new List<Dictionary<string, string[]>>();
        foreach (var (field, response) in responses)
            errors.Add(await AssertValidationProblemAsync(response, field));
        Assert.Contains("nested", errors[0]["body"][0]);
        Assert.Contains("入れ子", errors[4]["description"][0]);
        Assert.Equal(before, await CountsAsync(tenant));
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Renderer_GivenTooDeepMarkdownAlreadyStored_ShowsItAsPlainText_InsteadOfFailing(string markdown)
    {
        var html = new MarkdownRenderer().ToHtml(markdown + "\n<script>x</script>");

        Assert.DoesNotContain("<script", html);
        Assert.Contains("&lt;script&gt;", html);
    }

    [Fact]
    public void Renderer_OrdinaryNesting_IsRenderedAsMarkdown()
    {
        var list = string.Concat(Enumerable.Range(0, 10).Select(i => new string(' ', i * 2) + "- item\n"));

        var html = new MarkdownRenderer().ToHtml(list + "\n" + new string('>', 10) + " quote\n\n[a [b [c]]](/x) **bold _it_**");

        Assert.Equal(10, html.Split("<ul>").Length - 1);
        Assert.Equal(10, html.Split("<blockquote>").Length - 1);
        Assert.Contains("<strong>bold <em>it</em></strong>", html);
    }

    static async Task<long> IdAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await JsonAsync(response)).GetProperty("id").GetInt64();
    }

    static Task<(int, int, int, int, int, int)> CountsAsync(TestTenant tenant) => tenant.DbAsync(async (AlumniDb db) => (
        await db.Set<Post>().CountAsync(), await db.Set<Comment>().CountAsync(), await db.Set<Conversation>().CountAsync(),
        await db.Set<Message>().CountAsync(), await db.Set<Event>().CountAsync(), await db.Set<JobOpening>().CountAsync()));
}

[Collection(SqliteCollection.Name)]
public sealed class DeepMarkdownTestsOnSqlite(SqliteApp app) : DeepMarkdownTests(app);

[Collection(PostgresCollection.Name)]
public sealed class DeepMarkdownTestsOnPostgres(PostgresApp app) : DeepMarkdownTests(app);
