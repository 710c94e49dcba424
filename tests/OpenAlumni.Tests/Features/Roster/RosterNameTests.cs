using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OpenAlumni.Tests.Infrastructure;
using OpenAlumni.Web.Features.Roster;

namespace OpenAlumni.Tests.Features.Roster;

/// <summary>A name is one line: a quoted CSV cell may hold a line break, but a roster name may not (nor may a member's).</summary>
public abstract class RosterNameTests(AlumniApp app) : AppTest(app)
{
    const string Header = "family_name,given_name,family_name_kana,given_name_kana,email,department,joined_year,left_year,employee_number";

    static MultipartFormDataContent File(string csv)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        return new MultipartFormDataContent { { content, "file", "roster.csv" } };
    }

    /// <remarks>Around a name a line break is only whitespace and is trimmed; within it, it is refused.</remarks>
    [Theory]
    [InlineData("\r\n")]
    [InlineData("\n")]
    [InlineData("\r")]
    [InlineData("\t")]
    public async Task Import_QuotedNameWithALineBreakOrControlCharacter_IsRefusedForThatRowAndField(string control)
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync(), "ja");
        var csv = $"{Header}\r\n佐藤,花子,,,hanako@example.com,営業部,2005,2015,\r\n\"山{control}田\",\"太{control}郎\",\"やま{control}だ\",,taro@example.com,\"営業{control}部\",2005,2015,\r\n";

        var response = await admin.PostAsync("/api/v1/admin/roster/import", File(csv), Ct);

        var errors = await AssertValidationProblemAsync(response, "rows[3].family_name", "rows[3].given_name", "rows[3].family_name_kana", "rows[3].department");
        Assert.DoesNotContain("rows[2].family_name", errors.Keys);
        Assert.Matches("[ぁ-んァ-ン一-龥]", errors["rows[3].family_name"][0]);
        Assert.Equal(0, await tenant.DbAsync(db => db.Set<RosterEntry>().CountAsync(Ct)));
    }

    [Fact]
    public async Task Profile_NameWithALineBreak_IsRefused()
    {
        var tenant = await App.CreateTenantAsync();
        var member = await tenant.MemberAsync();
        var api = await tenant.ApiAsync(member);

        var response = await api.PatchAsJsonAsync("/api/v1/members/me", new { familyName = "山田\r\n様", givenNameKana = "はな\nこ" }, Ct);

        await AssertValidationProblemAsync(response, "familyName", "givenNameKana");
        Assert.Equal("山田", (await tenant.LoadMemberAsync(member.Id)).FamilyName);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class RosterNameTestsOnSqlite(SqliteApp app) : RosterNameTests(app);

[Collection(PostgresCollection.Name)]
public sealed class RosterNameTestsOnPostgres(PostgresApp app) : RosterNameTests(app);
