using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace OpenAlumni.Tests.Infrastructure;

/// <summary>
/// Input no feature can store is refused before a handler reads it (found by the fuzzer, FuzzTests): a charset no
/// one can decode gets 415 instead of a 500, and a NUL character (which PostgreSQL refuses in text) gets 400 by its
/// field, in the user's language; nothing is written.
/// </summary>
public abstract class UnreadableInputTests(AlumniApp app) : AppTest(app)
{
    [Theory]
    [InlineData("application/json; charset=klingon")]
    [InlineData("application/json; charset=\"\"")]
    public async Task JsonInAnUnknownCharset_Gets415_AndWritesNothing(string contentType)
    {
        var tenant = await App.CreateTenantAsync();
        var member = await tenant.ApiAsync(await tenant.MemberAsync(), "ja");
        var body = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"room\":\"updates\",\"title\":\"近況\",\"body\":\"こんにちは\"}"));
        body.Headers.TryAddWithoutValidation("Content-Type", contentType);

        var response = await member.PostAsync("/api/v1/posts", body, Ct);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("UTF-8", (await JsonAsync(response)).GetProperty("detail").GetString());
        Assert.Equal(0, await tenant.DbAsync(db => db.Set<OpenAlumni.Web.Features.Posts.Post>().CountAsync(Ct)));
    }

    [Fact]
    public async Task NulCharacterInAJsonString_IsRefusedByItsField_AndWritesNothing()
    {
        var tenant = await App.CreateTenantAsync();
        var member = await tenant.ApiAsync(await tenant.MemberAsync(), "ja");

        var response = await member.PostAsync("/api/v1/posts",
            new StringContent("{\"room\":\"updates\",\"title\":\"近\\u0000況\",\"body\":\"こんにちは\"}", Encoding.UTF8, "application/json"), Ct);

        var errors = await AssertValidationProblemAsync(response, "title");
        Assert.Contains("NUL", errors["title"][0]);
        Assert.Equal(0, await tenant.DbAsync(db => db.Set<OpenAlumni.Web.Features.Posts.Post>().CountAsync(Ct)));
    }

    [Fact]
    public async Task NulCharacterInASearch_IsRefusedByItsParameter()
    {
        var tenant = await App.CreateTenantAsync();
        var member = await tenant.ApiAsync(await tenant.MemberAsync());

        var response = await member.GetAsync("/api/v1/members?q=a%00b", Ct);

        var errors = await AssertValidationProblemAsync(response, "q");
        Assert.Contains("NUL", errors["q"][0]);
    }

    [Fact]
    public async Task AnEscapedBackslashBeforeU0000_IsOrdinaryText()
    {
        var tenant = await App.CreateTenantAsync();
        var member = await tenant.ApiAsync(await tenant.MemberAsync());

        var response = await member.PostAsync("/api/v1/posts",
            new StringContent("{\"room\":\"updates\",\"title\":\"C:\\\\u0000\",\"body\":\"path\"}", Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("C:\\u0000", (await JsonAsync(response)).GetProperty("title").GetString());
    }

    /// <summary>Ways around the NUL scan found in review: each reached PostgreSQL (a 500) or threw in the guard itself.</summary>
    [Fact]
    public async Task TheNulScan_CannotBeSidesteppedByABom_Utf16_ABigBody_OrAnHtmlAccept_AndWritesNothing()
    {
        var tenant = await App.CreateTenantAsync();
        var member = await tenant.ApiAsync(await tenant.MemberAsync());
        const string json = "{\"room\":\"updates\",\"title\":\"近\\u0000況\",\"body\":\"こんにちは\"}";
        ByteArrayContent Body(byte[] bytes, string type) { var c = new ByteArrayContent(bytes); c.Headers.TryAddWithoutValidation("Content-Type", type); return c; }

        var bom = await member.PostAsync("/api/v1/posts", Body([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(json)], "application/json"), Ct);
        var utf16 = await member.PostAsync("/api/v1/posts", Body(Encoding.Unicode.GetBytes(json), "application/json; charset=utf-16"), Ct);
        var padded = await member.PostAsync("/api/v1/posts", Body(Encoding.UTF8.GetBytes(json + new string(' ', 5 << 20)), "application/json"), Ct);
        using var html = new HttpRequestMessage(HttpMethod.Get, "/api/v1/members?q=a%00b");
        html.Headers.Accept.ParseAdd("text/html");
        var htmlAccept = await member.SendAsync(html, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, bom.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, utf16.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, padded.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, htmlAccept.StatusCode);
        Assert.Equal(0, await tenant.DbAsync(db => db.Set<OpenAlumni.Web.Features.Posts.Post>().CountAsync(Ct)));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class UnreadableInputTestsOnSqlite(SqliteApp app) : UnreadableInputTests(app);

[Collection(PostgresCollection.Name)]
public sealed class UnreadableInputTestsOnPostgres(PostgresApp app) : UnreadableInputTests(app);
