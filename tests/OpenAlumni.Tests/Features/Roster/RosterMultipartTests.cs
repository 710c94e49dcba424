using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OpenAlumni.Tests.Infrastructure;
using OpenAlumni.Web.Features.Roster;

namespace OpenAlumni.Tests.Features.Roster;

/// <summary>An upload whose multipart body does not match its header is a bad request (400), as for photos; never a 500.</summary>
public abstract class RosterMultipartTests(AlumniApp app) : AppTest(app)
{
    const string Csv = "family_name,given_name,family_name_kana,given_name_kana,email,department,joined_year,left_year,employee_number\r\n"
        + "山田,太郎,,,taro@example.com,営業部,2005,2015,\r\n";

    /// <summary>A multipart body written with one boundary, sent under a header that names another.</summary>
    static ByteArrayContent Mismatched(string field, string? token = null)
    {
        var body = (token is null ? "" : $"--AAAA\r\nContent-Disposition: form-data; name=\"__RequestVerificationToken\"\r\n\r\n{token}\r\n")
            + $"--AAAA\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"roster.csv\"\r\nContent-Type: text/csv\r\n\r\n{Csv}\r\n--AAAA--\r\n";
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=BBBB");
        return content;
    }

    [Fact]
    public async Task ImportApi_MultipartBoundaryNotMatchingItsHeader_Is400ForTheFile_LikeThePhotoUpload()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync(), "ja");

        var import = await admin.PostAsync("/api/v1/admin/roster/import", Mismatched("file"), Ct);
        var photo = await admin.PutAsync("/api/v1/members/me/photo", Mismatched("photo"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, photo.StatusCode);
        var errors = await AssertValidationProblemAsync(import, "file");
        Assert.Matches("[ぁ-んァ-ン一-龥]", errors["file"][0]);
        Assert.Equal(0, await tenant.DbAsync(db => db.Set<RosterEntry>().CountAsync(Ct)));
    }

    [Fact]
    public async Task ImportPage_MultipartBoundaryNotMatchingItsHeader_Is400()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.AdminAsync();
        var browser = tenant.Client();
        await Forms.SignInAsync(browser, admin.Email, admin.Password);
        var token = await Forms.GetTokenAsync(browser, "/admin/roster");

        var withHeaderToken = new HttpRequestMessage(HttpMethod.Post, "/admin/roster?handler=Preview") { Content = Mismatched("file") };
        withHeaderToken.Headers.Add("X-CSRF-TOKEN", token);
        var headerResponse = await browser.SendAsync(withHeaderToken, Ct);
        var formResponse = await browser.PostAsync("/admin/roster?handler=Preview", Mismatched("file", token), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, headerResponse.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, formResponse.StatusCode);
        Assert.Equal(0, await tenant.DbAsync(db => db.Set<RosterEntry>().CountAsync(Ct)));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class RosterMultipartTestsOnSqlite(SqliteApp app) : RosterMultipartTests(app);

[Collection(PostgresCollection.Name)]
public sealed class RosterMultipartTestsOnPostgres(PostgresApp app) : RosterMultipartTests(app);
