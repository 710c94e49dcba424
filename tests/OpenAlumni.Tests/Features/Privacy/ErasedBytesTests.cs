using System.Net;
using System.Net.Http.Json;
using System.Text;
using OpenAlumni.Tests.Infrastructure;

namespace OpenAlumni.Tests.Features.Privacy;

/// <summary>
/// "Delete me" on SQLite leaves no copy of the address in the database files: deleted rows are overwritten
/// (secure_delete), and the write-ahead log that still held them is checkpointed and emptied.
/// </summary>
[Collection(SqliteCollection.Name)]
public sealed class ErasedBytesTests(SqliteApp app) : AppTest(app)
{
    [Fact]
    public async Task DeleteMe_LeavesTheAddressNowhereInTheSqliteFiles()
    {
        var tenant = await App.CreateTenantAsync();
        var mark = Guid.NewGuid().ToString("N");
        var member = await tenant.MemberAsync(email: $"erase-{mark}@example.com");
        var api = await tenant.ApiAsync(member);
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("/api/v1/posts", new { room = "updates", title = "近況", body = "退職しました" }, Ct)).StatusCode);
        Assert.True(Occurrences(mark) > 0, "The address should be in the files before the erasure.");

        var response = await api.DeleteAsync("/api/v1/me?posts=delete", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, Occurrences(mark));
    }

    /// <summary>How often the text (as written, or upper-cased as Identity normalises it) is in the database file and its WAL.</summary>
    int Occurrences(string text)
    {
        var count = 0;
        foreach (var file in new[] { "alumni.db", "alumni.db-wal" }.Select(f => Path.Combine(App.Root, f)).Where(File.Exists))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var bytes = copy.ToArray();
            foreach (var form in new[] { text, text.ToUpperInvariant() })
                count += Count(bytes, Encoding.UTF8.GetBytes(form));
        }
        return count;
    }

    static int Count(byte[] haystack, byte[] needle)
    {
        var n = 0;
        for (var i = haystack.AsSpan().IndexOf(needle); i >= 0;)
        {
            n++;
            var next = haystack.AsSpan(i + 1).IndexOf(needle);
            i = next < 0 ? -1 : i + 1 + next;
        }
        return n;
    }
}
