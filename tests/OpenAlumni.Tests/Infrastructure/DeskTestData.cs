using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Features.Audit;

namespace OpenAlumni.Tests.Infrastructure;

/// <summary>Roster files and uploads for the secretariat's desk tests.</summary>
public static class DeskTestData
{
    public const string Header = "family_name,given_name,family_name_kana,given_name_kana,email,department,joined_year,left_year,employee_number";

    static DeskTestData() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Row(string family, string given, string email, string department = "営業部", int? joined = 2005, int? left = 2015, string number = "",
        string familyKana = "", string givenKana = "") =>
        $"{family},{given},{familyKana},{givenKana},{email},{department},{joined},{left},{number}";

    public static string Csv(params string[] rows) => Header + "\r\n" + string.Join("\r\n", rows) + "\r\n";

    public static byte[] Utf8(string text, bool bom) => (bom ? [0xEF, 0xBB, 0xBF] : Array.Empty<byte>()).Concat(Encoding.UTF8.GetBytes(text)).ToArray();

    public static byte[] ShiftJis(string text) => Encoding.GetEncoding(932).GetBytes(text);

    public static MultipartFormDataContent File(byte[] bytes, string name = "roster.csv")
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return new MultipartFormDataContent { { content, "file", name } };
    }

    public static Task<HttpResponseMessage> ImportAsync(HttpClient admin, byte[] bytes, bool dryRun = false) =>
        admin.PostAsync($"/api/v1/admin/roster/import?dryRun={dryRun.ToString().ToLowerInvariant()}", File(bytes), TestContext.Current.CancellationToken);

    public static Task<List<AuditEntry>> AuditAsync(TestTenant tenant, string action) =>
        tenant.DbAsync(db => db.Set<AuditEntry>().AsNoTracking().Where(a => a.Action == action).OrderBy(a => a.Id).ToListAsync());
}
