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

    [Fact]
    public async Task DeleteMe_LeavesNoGramOfMyNameInTheDirectorysSearchIndex()
    {
        var tenant = await App.CreateTenantAsync();
        // A name no one else has: its grams are in the index only for this member.
        var member = await tenant.MemberAsync(family: "鰐淵", given: "鶯子");
        await tenant.MemberAsync(family: "佐藤", given: "花子");
        var api = await tenant.ApiAsync(member);
        Assert.Equal(["n鰐淵", "n鶯子"], await TermsAsync("n鰐淵", "n鶯子"));

        Assert.Equal(HttpStatusCode.OK, (await api.DeleteAsync("/api/v1/me?posts=delete", Ct)).StatusCode);

        Assert.Empty(await TermsAsync("n鰐淵", "n鶯子", "a鰐淵"));
        Assert.Equal(["n佐藤"], await TermsAsync("n佐藤"));
    }

    /// <summary>Which of these terms the FTS5 index still holds (its vocabulary, read through fts5vocab).</summary>
    async Task<List<string>> TermsAsync(params string[] terms)
    {
        await using var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(App.Root, "alumni.db")}");
        await db.OpenAsync(Ct);
        await using var vocab = db.CreateCommand();
        vocab.CommandText = """CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab USING fts5vocab(main, 'MemberSearchFts', 'row');""";
        await vocab.ExecuteNonQueryAsync(Ct);
        var found = new List<string>();
        foreach (var term in terms)
        {
            await using var select = db.CreateCommand();
            select.CommandText = "SELECT term FROM temp.vocab WHERE term = $t";
            select.Parameters.AddWithValue("$t", term);
            if (await select.ExecuteScalarAsync(Ct) is string t) found.Add(t);
        }
        return found;
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
