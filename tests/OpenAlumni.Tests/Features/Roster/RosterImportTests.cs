using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OpenAlumni.Tests.Infrastructure;
using OpenAlumni.Web.Features.Roster;
using static OpenAlumni.Tests.Infrastructure.DeskTestData;

namespace OpenAlumni.Tests.Features.Roster;

public abstract class RosterImportTests(AlumniApp app) : AppTest(app)
{
    [Theory]
    [InlineData("utf8-bom")]
    [InlineData("utf8")]
    [InlineData("shift_jis")]
    public async Task Import_ReadsJapaneseNamesInEveryEncodingExcelSaves(string encoding)
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var text = Csv(Row("髙橋", "一郎", "ichiro@example.com", "経理部", familyKana: "たかはし", givenKana: "いちろう", number: "E001"),
            Row("渡邊", "美咲", "misaki@example.com", "人事部・採用課"));
        var bytes = encoding switch { "utf8-bom" => Utf8(text, bom: true), "utf8" => Utf8(text, bom: false), _ => ShiftJis(text) };

        var response = await ImportAsync(admin, bytes);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await JsonAsync(response)).GetProperty("imported").GetInt32());
        var rows = await tenant.DbAsync(db => db.Set<RosterEntry>().OrderBy(r => r.Id).ToListAsync());
        Assert.Equal(["髙橋", "渡邊"], rows.Select(r => r.FamilyName));
        Assert.Equal("たかはし", rows[0].FamilyNameKana);
        Assert.Equal("人事部・採用課", rows[1].Department);
        Assert.Equal("E001", rows[0].EmployeeNumber);
    }

    [Fact]
    public async Task Import_SameFileTwice_ChangesNothingTheSecondTime_AndAuditsCountsOnly()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var file = Utf8(Csv(Row("山田", "太郎", "taro@example.com", number: "A1"), Row("佐藤", "花子", "hanako@example.com")), bom: true);

        var first = await JsonAsync(await ImportAsync(admin, file));
        var second = await JsonAsync(await ImportAsync(admin, file));

        Assert.Equal(2, first.GetProperty("imported").GetInt32());
        Assert.Equal(0, second.GetProperty("imported").GetInt32());
        Assert.Equal(0, second.GetProperty("updated").GetInt32());
        Assert.Equal(2, second.GetProperty("unchanged").GetInt32());
        Assert.Equal(2, await tenant.DbAsync(db => db.Set<RosterEntry>().CountAsync()));
        var audit = Assert.Single(await AuditAsync(tenant, "roster.import"));
        Assert.Contains("\"imported\":2", audit.After);
        Assert.DoesNotContain("example.com", audit.After);
        Assert.DoesNotContain("山田", audit.After);
    }

    [Fact]
    public async Task Import_KeysOnEmployeeNumber_SoAChangedAddressUpdatesThePerson()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        await ImportAsync(admin, Utf8(Csv(Row("山田", "太郎", "old@example.com", number: "A1")), false));

        var body = await JsonAsync(await ImportAsync(admin, Utf8(Csv(Row("山田", "太郎", "new@example.com", number: "A1")), false)));

        Assert.Equal(1, body.GetProperty("updated").GetInt32());
        var row = Assert.Single(await tenant.DbAsync(db => db.Set<RosterEntry>().ToListAsync()));
        Assert.Equal("new@example.com", row.Email);
    }

    [Fact]
    public async Task Import_BadEmailOnRow417_ReportsThatRowAndImportsNothing()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        // The header is row 1, so the 416th person is on row 417 as Excel shows it.
        var rows = Enumerable.Range(1, 500).Select(i => Row("社員", $"{i}号", i == 416 ? "not-an-email" : $"p{i}@example.com")).ToArray();

        var response = await ImportAsync(admin, Utf8(Csv(rows), bom: true));

        var errors = await AssertValidationProblemAsync(response, "rows[417].email");
        Assert.Single(errors);
        Assert.Equal(0, await tenant.DbAsync(db => db.Set<RosterEntry>().CountAsync()));
    }

    [Fact]
    public async Task Import_WrongHeader_DuplicateRow_AndFormulaCell_AreRefusedPerRow()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());

        var header = await ImportAsync(admin, Utf8("name,mail\r\n山田,a@example.com\r\n", false));
        var problems = await ImportAsync(admin, Utf8(Csv(
            Row("山田", "太郎", "taro@example.com"),
            Row("山田", "太郎", "TARO@example.com"),
            Row("=cmd|' /C calc'!A0", "x", "calc@example.com"),
            Row("佐藤", "@SUM(1+1)", "sum@example.com"),
            Row("鈴木", "一", "ichi@example.com", department: "+営業")), false));

        await AssertValidationProblemAsync(header, "file");
        var errors = await AssertValidationProblemAsync(problems, "rows[3].email", "rows[4].family_name", "rows[5].given_name", "rows[6].department");
        Assert.Contains("2", errors["rows[3].email"][0]);
        Assert.Equal(0, await tenant.DbAsync(db => db.Set<RosterEntry>().CountAsync()));
        Assert.Empty(await AuditAsync(tenant, "roster.import"));
    }

    [Fact]
    public async Task Import_A50MegabyteFile_IsRefusedWithoutBeingRead()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var content = new StreamContent(new EndlessCsv(50L * 1024 * 1024));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        var form = new MultipartFormDataContent { { content, "file", "huge.csv" } };

        var response = await admin.PostAsync("/api/v1/admin/roster/import", form, Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("file", (await JsonAsync(response)).GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Equal(0, await tenant.DbAsync(db => db.Set<RosterEntry>().CountAsync()));
    }

    [Fact]
    public async Task Import_AFileJustOverTheLimit_IsRefusedPerField()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var big = new byte[RosterLimits.FileBytes + 1];

        await AssertValidationProblemAsync(await ImportAsync(admin, big), "file");
    }

    [Fact]
    public async Task DryRun_PreviewsWithoutImporting()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());

        var body = await JsonAsync(await ImportAsync(admin, Utf8(Csv(Row("山田", "太郎", "taro@example.com")), false), dryRun: true));

        Assert.Equal(1, body.GetProperty("imported").GetInt32());
        Assert.Equal("new", body.GetProperty("preview")[0].GetProperty("action").GetString());
        Assert.Equal(0, await tenant.DbAsync(db => db.Set<RosterEntry>().CountAsync()));
    }

    [Fact]
    public async Task Roster_IsForAdminsOfItsOwnNetworkOnly()
    {
        var tenant = await App.CreateTenantAsync();
        var other = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var member = await tenant.ApiAsync(await tenant.MemberAsync());
        var otherAdmin = await other.ApiAsync(await other.AdminAsync());
        await ImportAsync(admin, Utf8(Csv(Row("山田", "太郎", "taro@example.com")), false));

        var asMember = await ImportAsync(member, Utf8(Csv(Row("佐藤", "次郎", "jiro@example.com")), false));
        var memberList = await member.GetAsync("/api/v1/admin/roster", Ct);
        var otherList = await JsonAsync(await otherAdmin.GetAsync("/api/v1/admin/roster", Ct));
        var anonymous = await tenant.Client().GetAsync("/api/v1/admin/roster", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, asMember.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, memberList.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(0, otherList.GetProperty("total").GetInt32());
        Assert.Equal(1, await tenant.DbAsync(db => db.Set<RosterEntry>().CountAsync()));
    }

    /// <summary>A CSV body of a given length, produced as it is read (the test never holds 50 MB).</summary>
    sealed class EndlessCsv(long length) : Stream
    {
        static readonly byte[] Line = Encoding.UTF8.GetBytes("山田,太郎,,,taro@example.com,営業部,2000,2010,\r\n");
        long position;
        public override bool CanRead => true;
        public override bool CanSeek => true;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => position; set => position = value; }
        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - position);
            for (var i = 0; i < n; i++) buffer[offset + i] = Line[(position + i) % Line.Length];
            position += n;
            return n;
        }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => position = origin == SeekOrigin.Begin ? offset : origin == SeekOrigin.Current ? position + offset : length + offset;
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class RosterImportTestsOnSqlite(SqliteApp app) : RosterImportTests(app);

[Collection(PostgresCollection.Name)]
public sealed class RosterImportTestsOnPostgres(PostgresApp app) : RosterImportTests(app);
