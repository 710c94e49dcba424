using System.Text.Json;
using Npgsql;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure.Search;

/// <summary>
/// The raw baseline (TechEmpower's "Platform" shape): the same directory and feed pages as the app's API, each from
/// hand-written SQL sent with Npgsql and written out with Utf8JsonWriter, behind minimal routing and nothing else
/// (no tenant lookup by host, no authentication: the viewer's network, id and level come in the query string).
/// Runs in its own process (`--raw-server PORT CONNECTION`), like the app, so that neither shares the load
/// generator's CPU more than the other.
/// </summary>
static class RawServer
{
    public const int PageSize = 20;
    const int FeedCountLimit = OpenAlumni.Web.Features.Posts.PostService.CountLimit; // past it the total is "at least", as the app says
    const int CountLimit = DirectoryService.CountLimit;

    public static async Task RunAsync(int port, string connection)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        // An error says what went wrong in the body (the bench prints it): the baseline has no logging to look at.
        app.Use(async (http, next) =>
        {
            try { await next(http); }
            catch (Exception e) when (!http.Response.HasStarted)
            {
                http.Response.StatusCode = 500;
                await http.Response.WriteAsync(e.Message);
            }
        });
        await using var data = new NpgsqlDataSourceBuilder(new NpgsqlConnectionStringBuilder(connection) { MaxPoolSize = 100 }.ToString()).Build();
        app.MapGet("/health", () => "ok");
        app.MapGet("/raw/members", (HttpContext http) => DirectoryAsync(http, data));
        app.MapGet("/raw/posts", (HttpContext http) => FeedAsync(http, data));
        await app.RunAsync();
    }

    /// <summary>The directory page: approved members listed with consent, matching every term, ordered by reading; fields by visibility.</summary>
    static async Task DirectoryAsync(HttpContext http, NpgsqlDataSource data)
    {
        var q = http.Request.Query;
        long tenant = long.Parse(q["t"]!), me = long.Parse(q["me"]!);
        var level = int.Parse(q["level"]!);
        var page = int.TryParse(q["page"], out var p) ? p : 1;
        var where = new List<string> { "m.\"TenantId\" = @t", "m.\"Status\" = 'Approved'" };
        if (level < 2) where.Add("(m.\"WithheldPurposes\" & 1) = 0");
        await using var cmd = data.CreateCommand();
        cmd.Parameters.AddWithValue("t", tenant);
        cmd.Parameters.AddWithValue("me", me);
        cmd.Parameters.AddWithValue("lvl", level);
        var terms = SearchText.Terms(q["q"]);
        if (terms.Count > 0)
        {
            var prefix = MemberSearchIndex.Prefixes[level];
            var grams = string.Join(' ', terms.SelectMany(t => SearchText.QueryGrams(t, prefix)).Distinct());
            if (grams.Length > 0) { where.Add("m.\"SearchVector\" @@ plainto_tsquery('simple', @grams)"); cmd.Parameters.AddWithValue("grams", grams); }
            var column = level switch { 2 => "SearchAdmins", 1 => "SearchEmployees", _ => "SearchNetwork" };
            for (var i = 0; i < terms.Count; i++)
            {
                where.Add($"strpos(m.\"{column}\", @term{i}) > 0");
                cmd.Parameters.AddWithValue($"term{i}", terms[i]);
            }
        }
        if (q["skill"].ToString() is { Length: > 0 } skill)
        {
            where.Add("(m.\"TagsVisibility\" <= @lvl OR m.\"Id\" = @me) AND EXISTS (SELECT 1 FROM \"ProfileTag\" g WHERE g.\"TenantId\" = @t AND g.\"Kind\" = 'Skill' AND g.\"Key\" = @skill AND g.\"MemberId\" = m.\"Id\")");
            cmd.Parameters.AddWithValue("skill", SearchText.Normalize(skill));
        }
        if (q["openTo"].ToString() is { Length: > 0 } openTo)
        {
            where.Add("(m.\"OpenToVisibility\" <= @lvl OR m.\"Id\" = @me) AND (m.\"OpenTo\" & @open) = @open");
            cmd.Parameters.AddWithValue("open", (int)Enum.Parse<OpenTo>(openTo, ignoreCase: true));
        }
        if (q["department"].ToString() is { Length: > 0 } department)
        {
            where.Add("(m.\"CareerVisibility\" <= @lvl OR m.\"Id\" = @me) AND EXISTS (SELECT 1 FROM \"CareerEntry\" c WHERE c.\"MemberId\" = m.\"Id\" AND strpos(c.\"Department\", @dep) > 0)");
            cmd.Parameters.AddWithValue("dep", department.Trim());
        }
        if (q["kind"].ToString() is { Length: > 0 } kind)
        {
            where.Add("m.\"Kind\" = @kind");
            cmd.Parameters.AddWithValue("kind", kind);
        }
        var filter = string.Join(" AND ", where);
        // A deep page by keyset, as the app's cursor: start at the last card before it, never OFFSET.
        var window = "OFFSET @off";
        var pageFilter = filter;
        if (q["afterKey"].ToString() is { Length: > 0 } afterKey)
        {
            pageFilter += " AND m.\"SortKey\" >= @ak AND (m.\"SortKey\" > @ak OR m.\"Id\" > @ai)";
            cmd.Parameters.AddWithValue("ak", afterKey);
            cmd.Parameters.AddWithValue("ai", long.Parse(q["afterId"]!));
            window = "";
        }
        else cmd.Parameters.AddWithValue("off", (page - 1) * PageSize);
        cmd.CommandText = $"""
            SELECT count(*) FROM (SELECT 1 FROM "Members" m WHERE {filter} LIMIT {CountLimit + 1}) x;
            SELECT m."Id", m."Kind", m."FamilyName", m."GivenName", m."FamilyNameKana", m."GivenNameKana", m."RomanizedName", m."UpdatedAt",
                   (m."PhotoVisibility" <= @lvl OR m."Id" = @me) AND m."PhotoPath" IS NOT NULL,
                   CASE WHEN m."OrganizationVisibility" <= @lvl OR m."Id" = @me THEN m."Organization" END,
                   CASE WHEN m."OrganizationVisibility" <= @lvl OR m."Id" = @me THEN m."Title" END,
                   CASE WHEN m."CareerVisibility" <= @lvl OR m."Id" = @me
                        THEN ARRAY(SELECT c."Department" FROM "CareerEntry" c WHERE c."MemberId" = m."Id" ORDER BY c."FromYear") END,
                   CASE WHEN m."TagsVisibility" <= @lvl OR m."Id" = @me
                        THEN ARRAY(SELECT g."Name" FROM "ProfileTag" g WHERE g."MemberId" = m."Id" AND g."Kind" = 'Skill' ORDER BY g."Id" LIMIT 8) END,
                   CASE WHEN m."OpenToVisibility" <= @lvl OR m."Id" = @me THEN m."OpenTo" ELSE 0 END,
                   CASE WHEN m."LocationVisibility" <= @lvl OR m."Id" = @me THEN m."Location" END
            FROM "Members" m WHERE {pageFilter}
            ORDER BY m."SortKey", m."Id" LIMIT {PageSize} {window};
            """;
        await using var reader = await cmd.ExecuteReaderAsync(http.RequestAborted);
        await reader.ReadAsync();
        var total = reader.GetInt64(0);
        await reader.NextResultAsync();
        http.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(http.Response.BodyWriter.AsStream());
        json.WriteStartObject();
        json.WriteStartArray("items");
        while (await reader.ReadAsync())
        {
            var id = reader.GetInt64(0);
            string family = reader.GetString(2), given = reader.GetString(3);
            var romanized = reader.IsDBNull(6) ? null : reader.GetString(6);
            json.WriteStartObject();
            json.WriteNumber("id", id);
            json.WriteString("kind", reader.GetString(1));
            json.WriteString("displayName", PersonName.Display(family, given, romanized));
            json.WriteString("familyNameKana", reader.IsDBNull(4) ? null : reader.GetString(4));
            json.WriteString("givenNameKana", reader.IsDBNull(5) ? null : reader.GetString(5));
            json.WriteString("romanizedName", romanized);
            json.WriteString("photoUrl", reader.GetBoolean(8) ? $"/members/{id}/photo?v={reader.GetFieldValue<DateTimeOffset>(7).ToUnixTimeSeconds()}" : null);
            json.WriteString("organization", reader.IsDBNull(9) ? null : reader.GetString(9));
            json.WriteString("title", reader.IsDBNull(10) ? null : reader.GetString(10));
            WriteList(json, "departments", reader.IsDBNull(11) ? null : reader.GetFieldValue<string[]>(11));
            WriteList(json, "skills", reader.IsDBNull(12) ? null : reader.GetFieldValue<string[]>(12));
            WriteList(json, "openTo", MemberService.OpenToNames((OpenTo)reader.GetInt32(13)));
            json.WriteString("location", reader.IsDBNull(14) ? null : reader.GetString(14));
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteNumber("page", page);
        json.WriteNumber("pageSize", PageSize);
        json.WriteNumber("total", Math.Min(total, CountLimit));
        json.WriteBoolean("totalIsLowerBound", total > CountLimit);
        json.WriteEndObject();
    }

    /// <summary>The feed page a member reads: published, not hidden, and for a targeted post the reader in its segment (PostAudience).</summary>
    static async Task FeedAsync(HttpContext http, NpgsqlDataSource data)
    {
        var q = http.Request.Query;
        long tenant = long.Parse(q["t"]!), me = long.Parse(q["me"]!);
        var page = int.TryParse(q["page"], out var p) ? p : 1;
        await using var cmd = data.CreateCommand();
        cmd.Parameters.AddWithValue("t", tenant);
        cmd.Parameters.AddWithValue("me", me);
        cmd.Parameters.AddWithValue("off", (page - 1) * PageSize);
        var room = "";
        if (q["room"].ToString() is { Length: > 0 } r)
        {
            room = "AND p.\"Room\" = @room";
            cmd.Parameters.AddWithValue("room", char.ToUpperInvariant(r[0]) + r[1..]);
        }
        const string reader = """
            r AS (SELECT m."Kind", m."Location", m."OpenTo",
                         (SELECT max(c."ToYear") FROM "CareerEntry" c WHERE c."MemberId" = m."Id") AS left_year,
                         ARRAY(SELECT c."Department" FROM "CareerEntry" c WHERE c."MemberId" = m."Id") AS deps,
                         ARRAY(SELECT g."Key" FROM "ProfileTag" g WHERE g."MemberId" = m."Id") AS tags
                  FROM "Members" m WHERE m."Id" = @me AND m."TenantId" = @t)
            """;
        // The reader's facts are one row (r), each read as a scalar (an init plan), so the posts come in the index's order.
        var visible = $"""
            p."TenantId" = @t AND p."Status" = 'Published' {room}
              AND (p."AuthorMemberId" = @me OR (p."HiddenAt" IS NULL
                AND (p."SegmentKind" IS NULL OR p."SegmentKind" = (SELECT "Kind" FROM r))
                AND (p."SegmentDepartment" IS NULL OR p."SegmentDepartment" IN (SELECT unnest(deps) FROM r))
                AND (p."SegmentLeftFrom" IS NULL OR (SELECT left_year FROM r) >= p."SegmentLeftFrom")
                AND (p."SegmentLeftTo" IS NULL OR (SELECT left_year FROM r) <= p."SegmentLeftTo")
                AND (p."SegmentLocation" IS NULL OR p."SegmentLocation" = (SELECT "Location" FROM r))
                AND (p."SegmentOpenTo" = 0 OR (p."SegmentOpenTo" & (SELECT "OpenTo" FROM r)) = p."SegmentOpenTo")
                AND (p."SegmentTag" IS NULL OR p."SegmentTag" IN (SELECT unnest(tags) FROM r))))
            """;
        cmd.CommandText = $"""
            WITH {reader} SELECT count(*) FROM (SELECT 1 FROM "Post" p WHERE {visible} ORDER BY p."Id" LIMIT {FeedCountLimit + 1}) x; -- in id order as the app: an unordered LIMIT on a table
            -- larger than a quarter of shared_buffers joins another session's synchronized seq scan mid-table and can read it whole
            WITH {reader},
            page AS (SELECT p."Id", p."Room", p."Category", p."Title", p."Body", p."BodyHtml", p."AuthorMemberId", p."CreatedAt", p."PublishedAt",
                            p."EditedAt", p."Status", p."Pinned", p."HiddenAt", p."CommentCount", p."SegmentKind",
                            p."SegmentDepartment", p."SegmentLeftFrom", p."SegmentLeftTo", p."SegmentLocation", p."SegmentOpenTo", p."SegmentTag",
                            p."JobRole", p."JobPlace", p."JobHowToApply", p."JobUntil"
                     FROM "Post" p WHERE {visible}
                     ORDER BY p."Pinned" DESC, p."PublishedAt" DESC, p."Id" DESC LIMIT {PageSize} OFFSET @off)
            SELECT page.*, a."FamilyName", a."GivenName", a."RomanizedName", a."Kind",
                   (SELECT count(*) FROM "Reaction" x WHERE x."PostId" = page."Id" AND x."Kind" = 'Like'),
                   (SELECT count(*) FROM "Reaction" x WHERE x."PostId" = page."Id" AND x."Kind" = 'Thanks'),
                   (SELECT count(*) FROM "Reaction" x WHERE x."PostId" = page."Id" AND x."Kind" = 'Celebrate'),
                   (SELECT count(*) FROM "Reaction" x WHERE x."PostId" = page."Id" AND x."Kind" = 'Insightful'),
                   ARRAY(SELECT x."Kind" FROM "Reaction" x WHERE x."PostId" = page."Id" AND x."MemberId" = @me),
                   (SELECT count(*) FROM "PostInterest" i WHERE i."PostId" = page."Id"),
                   EXISTS (SELECT 1 FROM "PostInterest" i WHERE i."PostId" = page."Id" AND i."MemberId" = @me)
            FROM page LEFT JOIN "Members" a ON a."Id" = page."AuthorMemberId" AND a."Status" <> 'Former'
            ORDER BY page."Pinned" DESC, page."PublishedAt" DESC, page."Id" DESC;
            """;
        await using var rows = await cmd.ExecuteReaderAsync(http.RequestAborted);
        await rows.ReadAsync();
        var total = rows.GetInt64(0);
        await rows.NextResultAsync();
        http.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(http.Response.BodyWriter.AsStream());
        json.WriteStartObject();
        json.WriteStartArray("items");
        while (await rows.ReadAsync())
        {
            string? S(int i) => rows.IsDBNull(i) ? null : rows.GetString(i);
            json.WriteStartObject();
            json.WriteNumber("id", rows.GetInt64(0));
            json.WriteString("room", S(1)?.ToLowerInvariant());
            json.WriteString("category", S(2)?.ToLowerInvariant());
            json.WriteString("title", S(3));
            json.WriteString("body", S(4));
            json.WriteString("bodyHtml", S(5));
            json.WriteStartObject("author");
            json.WriteNumber("id", rows.GetInt64(6));
            json.WriteString("displayName", rows.IsDBNull(25) ? "" : PersonName.Display(rows.GetString(25), rows.GetString(26), S(27)));
            json.WriteString("kind", S(28) ?? "");
            json.WriteEndObject();
            json.WriteString("createdAt", rows.GetFieldValue<DateTimeOffset>(7));
            if (!rows.IsDBNull(8)) json.WriteString("publishedAt", rows.GetFieldValue<DateTimeOffset>(8)); else json.WriteNull("publishedAt");
            if (!rows.IsDBNull(9)) json.WriteString("editedAt", rows.GetFieldValue<DateTimeOffset>(9)); else json.WriteNull("editedAt");
            json.WriteString("status", S(10)?.ToLowerInvariant());
            json.WriteBoolean("pinned", rows.GetBoolean(11));
            json.WriteBoolean("hidden", !rows.IsDBNull(12));
            json.WriteNumber("commentCount", rows.GetInt32(13));
            json.WriteStartObject("reactions");
            json.WriteNumber("like", rows.GetInt64(29));
            json.WriteNumber("thanks", rows.GetInt64(30));
            json.WriteNumber("celebrate", rows.GetInt64(31));
            json.WriteNumber("insightful", rows.GetInt64(32));
            WriteList(json, "mine", rows.GetFieldValue<string[]>(33).Select(k => k.ToLowerInvariant()).ToList());
            json.WriteEndObject();
            json.WriteNumber("interestCount", rows.GetInt64(34));
            json.WriteBoolean("iInterested", rows.GetBoolean(35));
            if (S(2) == "Job")
            {
                json.WriteStartObject("job");
                json.WriteString("role", S(21));
                json.WriteString("place", S(22));
                json.WriteString("howToApply", S(23));
                if (!rows.IsDBNull(24)) json.WriteString("until", rows.GetFieldValue<DateTimeOffset>(24)); else json.WriteNull("until");
                json.WriteEndObject();
            }
            else json.WriteNull("job");
            json.WriteBoolean("targeted", !rows.IsDBNull(14) || !rows.IsDBNull(15) || !rows.IsDBNull(16) || !rows.IsDBNull(17) || !rows.IsDBNull(18) || rows.GetInt32(19) != 0 || !rows.IsDBNull(20));
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteNumber("page", page);
        json.WriteNumber("pageSize", PageSize);
        json.WriteNumber("total", Math.Min(total, FeedCountLimit));
        json.WriteEndObject();
    }

    static void WriteList(Utf8JsonWriter json, string name, IReadOnlyList<string>? items)
    {
        if (items is null) { json.WriteNull(name); return; }
        json.WriteStartArray(name);
        foreach (var i in items) json.WriteStringValue(i);
        json.WriteEndArray();
    }
}
