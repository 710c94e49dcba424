using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenAlumni.Tests.Infrastructure;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Features.Notifications;
using OpenAlumni.Web.Features.Posts;
using OpenAlumni.Web.Infrastructure.Tenancy;
using static OpenAlumni.Tests.Features.Posts.PostTestData;

namespace OpenAlumni.Tests.Features.Posts;

public abstract class PostsApiTests(AlumniApp app) : AppTest(app)
{
    [Fact]
    public async Task Update_ByAMember_IsPublishedWithSafeHtml()
    {
        var tenant = await App.CreateTenantAsync();
        var member = await tenant.ApiAsync(await tenant.MemberAsync());

        var response = await member.PostAsJsonAsync("/api/v1/posts", Update(), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var post = await JsonAsync(response);
        Assert.Equal("updates", post.GetProperty("room").GetString());
        Assert.Equal("山田 花子", post.GetProperty("author").GetProperty("displayName").GetString());
        var html = post.GetProperty("bodyHtml").GetString()!;
        Assert.Contains("<strong>Hello</strong>", html);
        Assert.DoesNotContain("<script", html);
        Assert.Contains("noopener", html);
        Assert.Equal(0, post.GetProperty("commentCount").GetInt32());
    }

    [Fact]
    public async Task Announcements_AreWrittenByAdminsOnly()
    {
        var tenant = await App.CreateTenantAsync();
        var member = await tenant.ApiAsync(await tenant.MemberAsync());
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());

        var byMember = await member.PostAsJsonAsync("/api/v1/posts", new { room = "announcements", title = "t", body = "b" }, Ct);
        var byAdmin = await admin.PostAsJsonAsync("/api/v1/posts", new { room = "announcements", title = "年次総会のご案内", body = "b", pinned = true }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, byMember.StatusCode);
        Assert.Equal(HttpStatusCode.Created, byAdmin.StatusCode);
        Assert.True((await JsonAsync(byAdmin)).GetProperty("pinned").GetBoolean());
    }

    [Theory]
    [InlineData("room", "{\"room\":\"kitchen\",\"title\":\"t\",\"body\":\"b\"}")]
    [InlineData("category", "{\"room\":\"notices\",\"title\":\"t\",\"body\":\"b\"}")]
    [InlineData("category", "{\"room\":\"notices\",\"category\":\"gossip\",\"title\":\"t\",\"body\":\"b\"}")]
    [InlineData("title", "{\"room\":\"updates\",\"title\":\"\",\"body\":\"b\"}")]
    [InlineData("jobRole", "{\"room\":\"notices\",\"category\":\"job\",\"title\":\"t\",\"body\":\"b\",\"jobPlace\":\"Tokyo\",\"jobHowToApply\":\"mail\",\"jobUntil\":\"2099-01-01\"}")]
    [InlineData("jobUntil", "{\"room\":\"notices\",\"category\":\"job\",\"title\":\"t\",\"body\":\"b\",\"jobRole\":\"PM\",\"jobPlace\":\"Tokyo\",\"jobHowToApply\":\"mail\",\"jobUntil\":\"2001-01-01\"}")]
    [InlineData("segment", "{\"room\":\"updates\",\"title\":\"t\",\"body\":\"b\",\"segment\":{\"kind\":\"Alumni\"}}")]
    public async Task Create_WithBadInput_Is400AndWritesNothing(string field, string json)
    {
        var tenant = await App.CreateTenantAsync();
        var member = await tenant.ApiAsync(await tenant.MemberAsync());

        var response = await member.PostAsync("/api/v1/posts", new StringContent(json, System.Text.Encoding.UTF8, "application/json"), Ct);

        await AssertValidationProblemAsync(response, field);
        Assert.Equal(0, await tenant.DbAsync(db => db.Set<Post>().CountAsync(Ct)));
    }

    [Fact]
    public async Task Create_WithAnOversizedBody_Is400()
    {
        var tenant = await App.CreateTenantAsync();
        var member = await tenant.ApiAsync(await tenant.MemberAsync(), "ja");

        var response = await member.PostAsJsonAsync("/api/v1/posts", Update(body: new string('あ', 20_001)), Ct);

        var errors = await AssertValidationProblemAsync(response, "body");
        Assert.Contains("20000文字以内", errors["body"][0]);
    }

    [Fact]
    public async Task TargetedAnnouncement_IsSeenAndNotifiedOnlyInsideItsSegment()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var insider = await tenant.MemberAsync(MemberKind.Alumni, family: "中", edit: m => { m.Career[0].Department = "金属本部"; m.Career[0].ToYear = 2018; });
        var outsider = await tenant.MemberAsync(MemberKind.Alumni, family: "外", edit: m => m.Career[0].Department = "食料本部");
        var employee = await tenant.MemberAsync(MemberKind.Employee, family: "社", edit: m => m.Career[0].Department = "金属本部");
        var segment = new { kind = "Alumni", department = "金属本部", leftFrom = 2015 };

        var audience = await JsonAsync(await admin.PostAsJsonAsync("/api/v1/admin/posts/audience", segment, Ct));
        var id = await PostAsync(admin, new { room = "announcements", title = "金属本部OB・OG会のご案内", body = "限定のお知らせです", segment });
        await App.SendQueuedMailAsync();
        var inside = await tenant.ApiAsync(insider);
        var outside = await tenant.ApiAsync(outsider);
        var emp = await tenant.ApiAsync(employee);

        Assert.Equal(1, audience.GetProperty("members").GetInt32());
        Assert.Contains(id, await FeedIdsAsync(inside));
        Assert.DoesNotContain(id, await FeedIdsAsync(outside));
        Assert.DoesNotContain(id, await FeedIdsAsync(emp));
        Assert.DoesNotContain(id, await FeedIdsAsync(outside, "&q=" + Uri.EscapeDataString("金属本部OB")));
        Assert.Equal(HttpStatusCode.NotFound, (await outside.GetAsync($"/api/v1/posts/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outside.PostAsJsonAsync($"/api/v1/posts/{id}/comments", new { body = "x" }, Ct)).StatusCode);
        Assert.Equal(1, (await inside.GetFromJsonAsync<JsonElement>("/api/v1/notifications", Ct)).GetProperty("unreadCount").GetInt32());
        Assert.Equal(0, (await outside.GetFromJsonAsync<JsonElement>("/api/v1/notifications", Ct)).GetProperty("unreadCount").GetInt32());
        Assert.Contains("金属本部OB・OG会", Mailbox.Last(App, insider.Email).Subject);
        Assert.Empty(Mailbox.For(App, outsider.Email));
    }

    [Fact]
    public async Task Drafts_AreTheAuthorsUntilPublished()
    {
        var tenant = await App.CreateTenantAsync();
        var author = await tenant.ApiAsync(await tenant.MemberAsync());
        var reader = await tenant.ApiAsync(await tenant.MemberAsync(family: "読者"));
        var id = await PostAsync(author, new { room = "updates", title = "下書き", body = "まだ", draft = true });

        var beforeFeed = await FeedIdsAsync(reader);
        var byId = await reader.GetAsync($"/api/v1/posts/{id}", Ct);
        var drafts = await FeedIdsAsync(author, "&mine=drafts");
        var publish = await author.PostAsync($"/api/v1/posts/{id}/publish", null, Ct);

        Assert.DoesNotContain(id, beforeFeed);
        Assert.Equal(HttpStatusCode.NotFound, byId.StatusCode);
        Assert.Equal([id], drafts);
        Assert.Equal(HttpStatusCode.OK, publish.StatusCode);
        Assert.Contains(id, await FeedIdsAsync(reader));
    }

    [Fact]
    public async Task EditAndDelete_AreTheAuthors_EditsAreMarked()
    {
        var tenant = await App.CreateTenantAsync();
        var author = await tenant.ApiAsync(await tenant.MemberAsync());
        var other = await tenant.ApiAsync(await tenant.MemberAsync(family: "他人"));
        var id = await PostAsync(author, Update());

        var byOther = await other.PatchAsJsonAsync($"/api/v1/posts/{id}", new { title = "hijacked" }, Ct);
        var edit = await author.PatchAsJsonAsync($"/api/v1/posts/{id}", new { title = "訂正しました" }, Ct);
        var deleteByOther = await other.DeleteAsync($"/api/v1/posts/{id}", Ct);
        var delete = await author.DeleteAsync($"/api/v1/posts/{id}", Ct);

        Assert.Equal(HttpStatusCode.NotFound, byOther.StatusCode);
        var edited = await JsonAsync(edit);
        Assert.Equal("訂正しました", edited.GetProperty("title").GetString());
        Assert.NotEqual(JsonValueKind.Null, edited.GetProperty("editedAt").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, deleteByOther.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await author.GetAsync($"/api/v1/posts/{id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Search_FindsJapaneseWordsOfTwoCharacters_InVisiblePostsOnly()
    {
        var tenant = await App.CreateTenantAsync();
        var author = await tenant.ApiAsync(await tenant.MemberAsync());
        var reader = await tenant.ApiAsync(await tenant.MemberAsync(family: "検索"));
        var hit = await PostAsync(author, new { room = "notices", category = "consultation", title = "営業の相談", body = "海外営業の経験者を探しています" });
        await PostAsync(author, new { room = "updates", title = "近況", body = "転職しました" });

        var byWord = await FeedIdsAsync(reader, "&q=" + Uri.EscapeDataString("営業"));
        var byKatakana = await FeedIdsAsync(reader, "&q=" + Uri.EscapeDataString("カイガイ"));
        var byAuthor = await FeedIdsAsync(reader, "&q=" + Uri.EscapeDataString("山田"));
        var inRoom = await FeedIdsAsync(reader, "&room=notices&category=consultation");

        Assert.Equal([hit], byWord);
        Assert.Empty(byKatakana);
        Assert.Equal(2, byAuthor.Count);
        Assert.Equal([hit], inRoom);
    }

    [Fact]
    public async Task Search_ForALongerTerm_WantsItsLettersTogether_NotJustItsPairsApart()
    {
        var tenant = await App.CreateTenantAsync();
        var author = await tenant.ApiAsync(await tenant.MemberAsync(family: "投稿"));
        var together = await PostAsync(author, new { room = "updates", title = "営業部に戻りました", body = "よろしく" });
        // 営業 and 業部 are both here, never 営業部.
        var apart = await PostAsync(author, new { room = "updates", title = "業部という字と営業", body = "別の話" });

        Assert.Equal([together], await FeedIdsAsync(author, "&q=" + Uri.EscapeDataString("営業部")));
        Assert.Equal([apart, together], await FeedIdsAsync(author, "&q=" + Uri.EscapeDataString("営業")));
    }

    [Fact]
    public async Task Search_ForACommonWord_CountsAThousandHits_ThenSaysAtLeast()
    {
        var tenant = await App.CreateTenantAsync();
        var author = await tenant.MemberAsync(family: "多作");
        var reader = await tenant.ApiAsync(await tenant.MemberAsync(family: "読者"));
        await tenant.DbAsync(async db =>
        {
            var at = DateTimeOffset.UtcNow.AddDays(-1);
            for (var i = 0; i < PostService.SearchCountLimit + 5; i++)
            {
                var post = new Post { Room = Room.Updates, Title = $"営業の近況 {i}", Body = "本文", BodyHtml = "<p>本文</p>", AuthorMemberId = author.Id, Status = PostStatus.Published, CreatedAt = at, PublishedAt = at.AddSeconds(i) };
                PostAudience.IndexForSearch(post, "多作 太郎");
                db.Add(post);
            }
            return await db.SaveChangesAsync();
        });

        var common = await JsonAsync(await reader.GetAsync("/api/v1/posts?pageSize=20&q=" + Uri.EscapeDataString("営業"), Ct));
        var commonPair = await JsonAsync(await reader.GetAsync("/api/v1/posts?pageSize=20&page=2&q=" + Uri.EscapeDataString("近況 営業"), Ct));
        var rare = await JsonAsync(await reader.GetAsync("/api/v1/posts?pageSize=20&q=" + Uri.EscapeDataString("近況 1004"), Ct));
        var all = await JsonAsync(await reader.GetAsync("/api/v1/posts?pageSize=20", Ct));

        Assert.Equal(PostService.SearchCountLimit, common.GetProperty("total").GetInt32());
        Assert.True(common.GetProperty("totalIsLowerBound").GetBoolean());
        Assert.Equal($"営業の近況 {PostService.SearchCountLimit + 4}", common.GetProperty("items")[0].GetProperty("title").GetString());
        Assert.Equal(PostService.SearchCountLimit, commonPair.GetProperty("total").GetInt32());
        Assert.True(commonPair.GetProperty("totalIsLowerBound").GetBoolean());
        Assert.Equal($"営業の近況 {PostService.SearchCountLimit + 4 - 20}", commonPair.GetProperty("items")[0].GetProperty("title").GetString());
        Assert.Equal(1, rare.GetProperty("total").GetInt32());
        Assert.False(rare.GetProperty("totalIsLowerBound").GetBoolean());
        // Without a search the feed still counts exactly to its own, larger limit.
        Assert.Equal(PostService.SearchCountLimit + 5, all.GetProperty("total").GetInt32());
        Assert.False(all.GetProperty("totalIsLowerBound").GetBoolean());
    }

    [Fact]
    public async Task FeedPage_RunsAFixedNumberOfQueries_WhateverItsSize()
    {
        var tenant = await App.CreateTenantAsync();
        var author = await tenant.ApiAsync(await tenant.MemberAsync());
        var fan = await tenant.ApiAsync(await tenant.MemberAsync(family: "応援"));
        for (var i = 0; i < 30; i++)
        {
            var id = await PostAsync(author, Update(title: $"post {i}"));
            if (i % 3 == 0) await fan.PostAsJsonAsync($"/api/v1/posts/{id}/reactions", new { kind = "like" }, Ct);
            if (i % 4 == 0) await fan.PostAsJsonAsync($"/api/v1/posts/{id}/comments", new { body = "👍" }, Ct);
        }

        var small = await CommandCounter.CountAsync(() => fan.GetAsync("/api/v1/posts?pageSize=5", Ct));
        var large = await CommandCounter.CountAsync(() => fan.GetAsync("/api/v1/posts?pageSize=30", Ct));

        Assert.True(small > 0);
        Assert.Equal(small, large);
        Assert.InRange(large, 1, 8);
    }

    [Fact]
    public async Task AnotherTenantsPost_Is404_ForEveryPostEndpoint()
    {
        var mine = await App.CreateTenantAsync();
        var theirs = await App.CreateTenantAsync();
        var id = await PostAsync(await theirs.ApiAsync(await theirs.MemberAsync()), Update());
        var admin = await mine.ApiAsync(await mine.AdminAsync());

        var responses = new[]
        {
            await admin.GetAsync($"/api/v1/posts/{id}", Ct),
            await admin.PatchAsJsonAsync($"/api/v1/posts/{id}", new { title = "x" }, Ct),
            await admin.DeleteAsync($"/api/v1/posts/{id}", Ct),
            await admin.PostAsJsonAsync($"/api/v1/posts/{id}/comments", new { body = "x" }, Ct),
            await admin.PostAsJsonAsync($"/api/v1/posts/{id}/reactions", new { kind = "like" }, Ct),
            await admin.PostAsync($"/api/v1/posts/{id}/interest", null, Ct),
            await admin.PostAsJsonAsync($"/api/v1/posts/{id}/reports", new { reason = "x" }, Ct),
            await admin.PostAsync($"/api/v1/admin/posts/{id}/hide", null, Ct),
        };

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.DoesNotContain(id, await FeedIdsAsync(admin));
        Assert.Null(await theirs.DbAsync(db => db.Set<Post>().Where(p => p.Id == id).Select(p => p.HiddenAt).FirstAsync(Ct)));
    }

    [Fact]
    public async Task Images_AreValidatedAndServedToMembers()
    {
        var tenant = await App.CreateTenantAsync();
        var member = await tenant.ApiAsync(await tenant.MemberAsync());

        var fake = await member.PostAsync("/api/v1/posts/images", new MultipartFormDataContent { { new ByteArrayContent("not an image"u8.ToArray()), "image", "x.png" } }, Ct);
        var good = await member.PostAsync("/api/v1/posts/images", new MultipartFormDataContent { { new ByteArrayContent(TestImages.Png(800, 600)), "image", "x.png" } }, Ct);
        var markdown = (await JsonAsync(good)).GetProperty("markdown").GetString()!;
        var url = markdown[4..^1];
        var image = await member.GetAsync(url, Ct);
        var anonymous = await tenant.Client().GetAsync(url, Ct);

        await AssertValidationProblemAsync(fake, "image");
        Assert.Equal("image/jpeg", image.Content.Headers.ContentType?.MediaType);
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class PostsApiTestsOnSqlite(SqliteApp app) : PostsApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PostsApiTestsOnPostgres(PostgresApp app) : PostsApiTests(app);
