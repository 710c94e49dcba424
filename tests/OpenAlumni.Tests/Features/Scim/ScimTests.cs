using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenAlumni.Tests.Infrastructure;
using OpenAlumni.Web.Features.Audit;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Features.Roster;
using OpenAlumni.Web.Features.Scim;
using OpenAlumni.Web.Infrastructure.Outbox;

namespace OpenAlumni.Tests.Features.Scim;

/// <summary>
/// Leavers from the HR system as Entra ID and Okta report them over SCIM 2.0 (their documented request bodies): the roster row
/// each becomes, the filter probes, PATCH active=false as a string and without a path, PUT; bad input answered in SCIM's error
/// shape with nothing written; tokens shown once, revoked, and bound to their network; and the invitation on the last day.
/// </summary>
public abstract class ScimTests(AlumniApp app) : AppTest(app)
{
    const string Scim = "application/scim+json";

    static async Task<string> TokenAsync(HttpClient admin, string name = "Entra ID")
    {
        var response = await admin.PostAsJsonAsync("/api/v1/admin/scim-tokens", new { name }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await JsonAsync(response)).GetProperty("token").GetString()!;
    }

    static HttpClient ScimClient(TestTenant tenant, string? token, string culture = "en")
    {
        var client = tenant.Client(culture);
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    async Task<(TestTenant Tenant, HttpClient Admin, HttpClient Scim)> NetworkAsync(string culture = "en")
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        return (tenant, admin, ScimClient(tenant, await TokenAsync(admin), culture));
    }

    static StringContent Body(string json, string type = Scim) => new(json, Encoding.UTF8, type);

    static Task<HttpResponseMessage> SendAsync(HttpClient scim, HttpMethod method, string path, string json) =>
        scim.SendAsync(new HttpRequestMessage(method, path) { Content = Body(json) }, Ct);

    static async Task<JsonElement> ScimJsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(Scim, response.Content.Headers.ContentType?.MediaType);
        return await JsonAsync(response);
    }

    /// <summary>Asserts RFC 7644's error shape: schemas, status as a string, the scimType, a detail.</summary>
    static async Task<JsonElement> AssertScimErrorAsync(HttpResponseMessage response, HttpStatusCode status, string? scimType)
    {
        var body = await ScimJsonAsync(response, status);
        Assert.Equal("urn:ietf:params:scim:api:messages:2.0:Error", body.GetProperty("schemas")[0].GetString());
        Assert.Equal(((int)status).ToString(), body.GetProperty("status").GetString());
        if (scimType is not null) Assert.Equal(scimType, body.GetProperty("scimType").GetString());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("detail").GetString()));
        return body;
    }

    /// <summary>Entra ID's POST /Users (its provisioning docs), with a personal address and OpenAlumni's extension added by the mapping.</summary>
    static string EntraUser(string userName, string work, string? personal = null, string? lastDay = null, string? language = null, string? employeeNumber = "E1001") =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["schemas"] = new[] { "urn:ietf:params:scim:schemas:core:2.0:User", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User" },
            ["externalId"] = "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef",
            ["userName"] = userName,
            ["active"] = false,
            ["emails"] = personal is null
                ? new object[] { new { primary = true, type = "work", value = work } }
                : new object[] { new { primary = true, type = "work", value = work }, new { primary = false, type = "home", value = personal } },
            ["meta"] = new { resourceType = "User" },
            ["name"] = new { formatted = "山田 太郎", familyName = "山田", givenName = "太郎" },
            ["preferredLanguage"] = language,
            ["roles"] = Array.Empty<object>(),
            ["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"] = new { employeeNumber, department = "営業本部" },
            ["urn:ietf:params:scim:schemas:extension:openalumni:2.0:User"] = new { lastDay, familyNameKana = "やまだ", givenNameKana = "たろう", joinedYear = 2008 },
        });

    [Fact]
    public async Task Entra_ProbesByFilter_CreatesTheLeaverOnTheRoster_AndFindsThemAgain()
    {
        var (tenant, _, scim) = await NetworkAsync();
        var user = $"taro.yamada-{Guid.NewGuid():N}@contoso.example";
        var personal = $"taro-{Guid.NewGuid():N}@gmail.example";

        var probe = await scim.GetAsync($"/scim/v2/Users?filter={Uri.EscapeDataString($"userName eq \"{user}\"")}", Ct);
        var created = await scim.PostAsync("/scim/v2/Users", Body(EntraUser(user, user, personal, "2026-03-31")), Ct);
        var again = await scim.GetAsync($"/scim/v2/Users?filter={Uri.EscapeDataString($"userName eq \"{user.ToUpperInvariant()}\"")}", Ct);
        var byExternalId = await scim.GetAsync($"/scim/v2/Users?filter={Uri.EscapeDataString("externalId eq \"0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef\"")}", Ct);

        var empty = await ScimJsonAsync(probe, HttpStatusCode.OK);
        Assert.Equal("urn:ietf:params:scim:api:messages:2.0:ListResponse", empty.GetProperty("schemas")[0].GetString());
        Assert.Equal(0, empty.GetProperty("totalResults").GetInt32());
        Assert.Equal(0, empty.GetProperty("Resources").GetArrayLength());
        var body = await ScimJsonAsync(created, HttpStatusCode.Created);
        var id = body.GetProperty("id").GetString()!;
        Assert.EndsWith($"/scim/v2/Users/{id}", created.Headers.Location!.ToString());
        Assert.Equal(user.ToLowerInvariant(), body.GetProperty("userName").GetString());
        Assert.False(body.GetProperty("active").GetBoolean());
        Assert.Equal("User", body.GetProperty("meta").GetProperty("resourceType").GetString());
        Assert.Equal("E1001", body.GetProperty("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User").GetProperty("employeeNumber").GetString());
        var found = await ScimJsonAsync(again, HttpStatusCode.OK);
        Assert.Equal(1, found.GetProperty("totalResults").GetInt32());
        Assert.Equal(id, found.GetProperty("Resources")[0].GetProperty("id").GetString());
        Assert.Equal(1, (await ScimJsonAsync(byExternalId, HttpStatusCode.OK)).GetProperty("totalResults").GetInt32());
        var row = await tenant.DbAsync(db => db.Set<RosterEntry>().SingleAsync(Ct));
        Assert.Equal(("山田", "太郎", "やまだ", "たろう"), (row.FamilyName, row.GivenName, row.FamilyNameKana, row.GivenNameKana));
        Assert.Equal(personal, row.Email);
        Assert.Equal(user, row.WorkEmail);
        Assert.Equal(("営業本部", "E1001", 2008, 2026), (row.Department, row.EmployeeNumber, row.JoinedYear, row.LeftYear));
        Assert.Equal(new DateOnly(2026, 3, 31), row.LastDay);
        var audit = await tenant.DbAsync(db => db.Set<AuditEntry>().Where(a => a.Action == "scim.user.create").SingleAsync(Ct));
        Assert.DoesNotContain(personal, audit.After);
        Assert.DoesNotContain("山田", audit.After);
    }

    [Fact]
    public async Task Entra_PatchesActiveWithTheString_False_MakingAnEmployeeALeaverFromToday()
    {
        var (tenant, _, scim) = await NetworkAsync();
        var user = $"hanako-{Guid.NewGuid():N}@contoso.example";
        var employee = await tenant.MemberAsync(MemberKind.Employee, "佐藤", "花子", email: user);
        var active = EntraUser(user, user, $"hanako-{Guid.NewGuid():N}@home.example").Replace("\"active\":false", "\"active\":true");
        var id = (await ScimJsonAsync(await scim.PostAsync("/scim/v2/Users", Body(active), Ct), HttpStatusCode.Created)).GetProperty("id").GetString();
        var beforeLeaving = await tenant.LoadMemberAsync(employee.Id);

        var patched = await SendAsync(scim, HttpMethod.Patch, $"/scim/v2/Users/{id}",
            """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Replace","path":"active","value":"False"},{"op":"Replace","path":"name.familyName","value":"佐藤"}]}""");

        var body = await ScimJsonAsync(patched, HttpStatusCode.OK);
        Assert.False(body.GetProperty("active").GetBoolean());
        Assert.Equal("佐藤", body.GetProperty("name").GetProperty("familyName").GetString());
        var row = await tenant.DbAsync(db => db.Set<RosterEntry>().SingleAsync(Ct));
        var today = DateOnly.FromDateTime(tenant.Info.ToLocal(DateTimeOffset.UtcNow).DateTime);
        Assert.Equal(today, row.LastDay);
        Assert.Equal(today.Year, row.LeftYear);
        Assert.Equal(employee.Id, row.MemberId);
        Assert.Equal(MemberKind.Employee, beforeLeaving.Kind);
        var member = await tenant.DbAsync(db => db.Members.Include(m => m.Career).SingleAsync(m => m.Id == employee.Id, Ct));
        Assert.Equal(MemberKind.Alumni, member.Kind);
        Assert.Equal(MemberStatus.Approved, member.Status);
        Assert.Contains(member.Career, c => c.ToYear == today.Year);
    }

    [Fact]
    public async Task Okta_CreatesPutsAndDeactivatesWithoutAPath()
    {
        var (tenant, _, scim) = await NetworkAsync();
        var user = $"test.user-{Guid.NewGuid():N}@okta.example";
        var okta = $$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"{{user}}","name":{"givenName":"Test","familyName":"User"},
             "emails":[{"primary":true,"value":"{{user}}","type":"work"}],"displayName":"Test User","locale":"en-US","preferredLanguage":"en-US",
             "externalId":"00ujl29u0le5T6Aj10h7","groups":[],"password":"1mz050nq","active":true}
            """;

        var created = await ScimJsonAsync(await scim.PostAsync("/scim/v2/Users", Body(okta), Ct), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString();
        var probe = await scim.GetAsync($"/scim/v2/Users?filter={Uri.EscapeDataString($"userName eq \"{user}\"")}&startIndex=1&count=100", Ct);
        var put = await SendAsync(scim, HttpMethod.Put, $"/scim/v2/Users/{id}", $$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"{{id}}","userName":"{{user}}","name":{"givenName":"Test","familyName":"User"},
             "emails":[{"primary":true,"value":"{{user}}","type":"work"},{"value":"test.user@home.example","type":"other"}],"active":true,
             "preferredLanguage":"en-US","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"Finance"},
             "meta":{"resourceType":"User"} }
            """);
        var deactivated = await SendAsync(scim, HttpMethod.Patch, $"/scim/v2/Users/{id}",
            """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","value":{"active":false}}]}""");
        var got = await scim.GetAsync($"/scim/v2/Users/{id}", Ct);

        Assert.Equal(1, (await ScimJsonAsync(probe, HttpStatusCode.OK)).GetProperty("itemsPerPage").GetInt32());
        var afterPut = await ScimJsonAsync(put, HttpStatusCode.OK);
        Assert.Contains(afterPut.GetProperty("emails").EnumerateArray(), e => e.GetProperty("value").GetString() == "test.user@home.example");
        Assert.False((await ScimJsonAsync(deactivated, HttpStatusCode.OK)).GetProperty("active").GetBoolean());
        var final = await ScimJsonAsync(got, HttpStatusCode.OK);
        Assert.False(final.GetProperty("active").GetBoolean());
        Assert.Equal("Finance", final.GetProperty("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User").GetProperty("department").GetString());
        var row = await tenant.DbAsync(db => db.Set<RosterEntry>().SingleAsync(Ct));
        Assert.Equal(("User", "Test", "test.user@home.example", "en", "Finance"), (row.FamilyName, row.GivenName, row.Email, row.Language, row.Department));
        Assert.False(row.ScimActive);
        Assert.NotNull(row.LastDay);
    }

    [Fact]
    public async Task ALeaverAlreadyOnTheImportedRoster_IsThatRow_NotASecondOne()
    {
        var (tenant, admin, scim) = await NetworkAsync();
        var personal = $"jiro-{Guid.NewGuid():N}@example.com";
        var csv = "family_name,given_name,family_name_kana,given_name_kana,email,department,joined_year,left_year,employee_number\r\n"
            + $"鈴木,次郎,すずき,じろう,{personal},総務部,2001,,E7\r\n";
        var import = await admin.PostAsync("/api/v1/admin/roster/import",
            new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "roster.csv" } }, Ct);
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        var csvRow = await tenant.DbAsync(db => db.Set<RosterEntry>().SingleAsync(Ct));

        var created = await scim.PostAsync("/scim/v2/Users", Body(EntraUser($"jiro@{tenant.Host}", $"jiro@{tenant.Host}", personal, "2026-01-15", employeeNumber: "E7")), Ct);

        var body = await ScimJsonAsync(created, HttpStatusCode.Created);
        Assert.Equal(csvRow.Id.ToString(), body.GetProperty("id").GetString());
        var rows = await tenant.DbAsync(db => db.Set<RosterEntry>().ToListAsync(Ct));
        var row = Assert.Single(rows);
        Assert.Equal((2026, "E7", personal), (row.LeftYear, row.EmployeeNumber, row.Email));
    }

    [Fact]
    public async Task BadInput_GetsAScimError_AndWritesNothing()
    {
        var (tenant, _, scim) = await NetworkAsync("ja");
        var user = $"dup-{Guid.NewGuid():N}@contoso.example";
        var good = EntraUser(user, user, $"p-{Guid.NewGuid():N}@home.example");
        var id = (await ScimJsonAsync(await scim.PostAsync("/scim/v2/Users", Body(good), Ct), HttpStatusCode.Created)).GetProperty("id").GetString();
        var before = await tenant.DbAsync(db => db.Set<RosterEntry>().AsNoTracking().SingleAsync(Ct));
        string Without(string name) => JsonSerializer.Serialize(JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(EntraUser("x@contoso.example", "x@contoso.example"))!
            .Where(kv => kv.Key != name).ToDictionary());
        var other = $"other-{Guid.NewGuid():N}@contoso.example";

        var cases = new (Task<HttpResponseMessage> Call, HttpStatusCode Status, string? Type)[]
        {
            (scim.PostAsync("/scim/v2/Users", Body("{\"userName\": "), Ct), HttpStatusCode.BadRequest, "invalidSyntax"),
            (scim.PostAsync("/scim/v2/Users", Body("[1,2]"), Ct), HttpStatusCode.BadRequest, "invalidSyntax"),
            (scim.PostAsync("/scim/v2/Users", Body("{\"userName\":\"a@corp.example\",\"UserName\":\"b@corp.example\"}"), Ct), HttpStatusCode.BadRequest, "invalidSyntax"),
            (scim.PostAsync("/scim/v2/Users", Body(Without("userName")), Ct), HttpStatusCode.BadRequest, "invalidValue"),
            (scim.PostAsync("/scim/v2/Users", Body(Without("emails").Replace("x@contoso.example", "no-address")), Ct), HttpStatusCode.BadRequest, "invalidValue"),
            (scim.PostAsync("/scim/v2/Users", Body(EntraUser(other, "not an address")), Ct), HttpStatusCode.BadRequest, "invalidValue"),
            (scim.PostAsync("/scim/v2/Users", Body(EntraUser(other, other, lastDay: "31/03/2026")), Ct), HttpStatusCode.BadRequest, "invalidValue"),
            (scim.PostAsync("/scim/v2/Users", Body(EntraUser(other, other).Replace("\"active\":false", "\"active\":\"maybe\"")), Ct), HttpStatusCode.BadRequest, "invalidValue"),
            (scim.PostAsync("/scim/v2/Users", Body(EntraUser(other, other).Replace("\"active\":false", "\"active\":false,\"nickName\":\"a\\u0000b\"")), Ct), HttpStatusCode.BadRequest, "invalidValue"),
            (scim.PostAsync("/scim/v2/Users", Body(good.Replace("E1001", "E2002").Replace("\"value\":\"p-", "\"value\":\"q-")), Ct), HttpStatusCode.Conflict, "uniqueness"),
            (scim.PostAsync("/scim/v2/Users", Body(EntraUser(other, other), "text/plain"), Ct), HttpStatusCode.UnsupportedMediaType, null),
            (scim.GetAsync("/scim/v2/Users?filter=" + Uri.EscapeDataString("displayName co \"山田\""), Ct), HttpStatusCode.BadRequest, "invalidFilter"),
            (scim.GetAsync("/scim/v2/Users?filter=" + Uri.EscapeDataString($"userName eq \"{user}\" or userName eq \"x\""), Ct), HttpStatusCode.BadRequest, "invalidFilter"),
            (scim.GetAsync("/scim/v2/Users?startIndex=abc", Ct), HttpStatusCode.BadRequest, "invalidValue"),
            (SendAsync(scim, HttpMethod.Patch, $"/scim/v2/Users/{id}", """{"Operations":[{"op":"Move","path":"active","value":false}]}"""), HttpStatusCode.BadRequest, "invalidSyntax"),
            (SendAsync(scim, HttpMethod.Patch, $"/scim/v2/Users/{id}", """{"Operations":[]}"""), HttpStatusCode.BadRequest, "invalidSyntax"),
            (SendAsync(scim, HttpMethod.Patch, $"/scim/v2/Users/{id}", """{"Operations":[{"op":"replace","path":"department!","value":"x"}]}"""), HttpStatusCode.BadRequest, "invalidPath"),
            (SendAsync(scim, HttpMethod.Patch, $"/scim/v2/Users/{id}", """{"Operations":[{"op":"replace","path":"displayName","value":"別名"},{"op":"replace","path":"active","value":"nope"}]}"""), HttpStatusCode.BadRequest, "invalidValue"),
            (SendAsync(scim, HttpMethod.Patch, $"/scim/v2/Users/{id}", """{"Operations":[{"op":"remove","path":"userName"}]}"""), HttpStatusCode.BadRequest, "invalidValue"),
            (SendAsync(scim, HttpMethod.Put, $"/scim/v2/Users/{id}", Without("name").Replace("\"formatted\"", "\"x\"")), HttpStatusCode.BadRequest, "invalidValue"),
            (scim.GetAsync("/scim/v2/Users/999999999", Ct), HttpStatusCode.NotFound, null),
            (scim.GetAsync("/scim/v2/Users/not-a-number", Ct), HttpStatusCode.NotFound, null),
            (SendAsync(scim, HttpMethod.Patch, "/scim/v2/Users/999999999", """{"Operations":[{"op":"replace","path":"active","value":false}]}"""), HttpStatusCode.NotFound, null),
        };
        var answers = new List<(HttpResponseMessage, HttpStatusCode, string?)>();
        foreach (var (call, status, type) in cases) answers.Add((await call, status, type));

        var errors = new List<JsonElement>();
        foreach (var (response, status, type) in answers) errors.Add(await AssertScimErrorAsync(response, status, type));
        var missingName = errors[3];
        Assert.Contains("userName", missingName.GetProperty("detail").GetString());
        // Asked in Japanese, told in Japanese (the SCIM client's Accept-Language).
        Assert.Matches("[\\u3040-\\u30ff\\u4e00-\\u9fff]", missingName.GetProperty("detail").GetString());
        var after = await tenant.DbAsync(db => db.Set<RosterEntry>().AsNoTracking().ToListAsync(Ct));
        var row = Assert.Single(after);
        Assert.Equal((before.FamilyName, before.ScimActive, before.UpdatedAt, before.ScimUserName), (row.FamilyName, row.ScimActive, row.UpdatedAt, row.ScimUserName));
    }

    [Fact]
    public async Task Tokens_AreShownOnce_StoredHashed_Listed_AndRevoked_ByAdminsOnly()
    {
        var tenant = await App.CreateTenantAsync();
        var other = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var otherAdmin = await other.ApiAsync(await other.AdminAsync());
        var member = await tenant.ApiAsync(await tenant.MemberAsync());

        var response = await admin.PostAsJsonAsync("/api/v1/admin/scim-tokens", new { name = "Entra ID 本番" }, Ct);
        var created = await JsonAsync(response);
        var token = created.GetProperty("token").GetString()!;
        var id = created.GetProperty("id").GetInt64();
        var listed = await admin.GetStringAsync("/api/v1/admin/scim-tokens", Ct);
        var stored = await tenant.DbAsync(db => db.Set<ScimToken>().SingleAsync(Ct));
        var works = await ScimClient(tenant, token).GetAsync("/scim/v2/Users", Ct);
        var memberCalls = new[]
        {
            await member.GetAsync("/api/v1/admin/scim-tokens", Ct), await member.PostAsJsonAsync("/api/v1/admin/scim-tokens", new { name = "x" }, Ct),
            await member.DeleteAsync($"/api/v1/admin/scim-tokens/{id}", Ct),
        };
        var foreignRevoke = await otherAdmin.DeleteAsync($"/api/v1/admin/scim-tokens/{id}", Ct);
        var tooLong = await admin.PostAsJsonAsync("/api/v1/admin/scim-tokens", new { name = new string('x', 101) }, Ct);
        var revoked = await admin.DeleteAsync($"/api/v1/admin/scim-tokens/{id}", Ct);
        var afterRevoke = await ScimClient(tenant, token).GetAsync("/scim/v2/Users", Ct);
        var revokedAgain = await admin.DeleteAsync($"/api/v1/admin/scim-tokens/{id}", Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.StartsWith("oa_scim_", token);
        Assert.True(token.Length >= 50);
        Assert.EndsWith("/scim/v2", created.GetProperty("baseUrl").GetString());
        Assert.DoesNotContain(token, listed);
        Assert.Contains("Entra ID 本番", listed);
        Assert.Equal(ScimTokenService.Hash(token), stored.TokenHash);
        Assert.DoesNotContain(token, stored.TokenHash);
        Assert.Equal(HttpStatusCode.OK, works.StatusCode);
        Assert.All(memberCalls, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.Equal(HttpStatusCode.NotFound, foreignRevoke.StatusCode);
        await AssertValidationProblemAsync(tooLong, "name");
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        await AssertScimErrorAsync(afterRevoke, HttpStatusCode.Unauthorized, null);
        Assert.Equal(HttpStatusCode.NotFound, revokedAgain.StatusCode);
        var audit = await tenant.DbAsync(db => db.Set<AuditEntry>().Where(a => a.Action.StartsWith("scim.token.")).OrderBy(a => a.Id).ToListAsync(Ct));
        Assert.Equal(["scim.token.create", "scim.token.revoke"], audit.Select(a => a.Action).ToArray());
        Assert.All(audit, a => Assert.DoesNotContain(token, (a.Before ?? "") + (a.After ?? "")));
        Assert.Equal(1, await tenant.DbAsync(db => db.Set<ScimToken>().CountAsync(Ct)));
    }

    [Fact]
    public async Task WithoutAValidTokenOfThisNetwork_Scim_Is401_AndAnotherNetworksUsersAreInvisible()
    {
        var (tenant, _, scim) = await NetworkAsync();
        var (other, _, otherScim) = await NetworkAsync();
        var user = $"a-{Guid.NewGuid():N}@contoso.example";
        var id = (await ScimJsonAsync(await scim.PostAsync("/scim/v2/Users", Body(EntraUser(user, user)), Ct), HttpStatusCode.Created)).GetProperty("id").GetString();
        var otherToken = otherScim.DefaultRequestHeaders.Authorization!.Parameter!;

        var unauthorized = new[]
        {
            await ScimClient(tenant, null).GetAsync("/scim/v2/Users", Ct),
            await ScimClient(tenant, "oa_scim_made-up").GetAsync("/scim/v2/Users", Ct),
            await ScimClient(tenant, "not-even-ours").GetAsync("/scim/v2/ServiceProviderConfig", Ct),
            // Network B's token on network A's host.
            await ScimClient(tenant, otherToken).GetAsync($"/scim/v2/Users/{id}", Ct),
            await ScimClient(tenant, otherToken).PostAsync("/scim/v2/Users", Body(EntraUser("b@contoso.example", "b@contoso.example")), Ct),
        };
        var fromOther = await otherScim.GetAsync($"/scim/v2/Users/{id}", Ct);
        var otherList = await otherScim.GetAsync($"/scim/v2/Users?filter={Uri.EscapeDataString($"userName eq \"{user}\"")}", Ct);
        var otherPatch = await SendAsync(otherScim, HttpMethod.Patch, $"/scim/v2/Users/{id}", """{"Operations":[{"op":"replace","path":"active","value":true}]}""");

        foreach (var r in unauthorized) await AssertScimErrorAsync(r, HttpStatusCode.Unauthorized, null);
        Assert.Equal("Bearer", unauthorized[0].Headers.WwwAuthenticate.First().Scheme);
        await AssertScimErrorAsync(fromOther, HttpStatusCode.NotFound, null);
        Assert.Equal(0, (await ScimJsonAsync(otherList, HttpStatusCode.OK)).GetProperty("totalResults").GetInt32());
        await AssertScimErrorAsync(otherPatch, HttpStatusCode.NotFound, null);
        Assert.Equal(0, await other.DbAsync(db => db.Set<RosterEntry>().CountAsync(Ct)));
        Assert.Equal(1, await tenant.DbAsync(db => db.Set<RosterEntry>().CountAsync(Ct)));
        Assert.False((await tenant.DbAsync(db => db.Set<RosterEntry>().SingleAsync(Ct))).ScimActive);
    }

    [Fact]
    public async Task Delete_TakesTheUserOutOfScim_ButTheRosterRowStays_AsALeaver()
    {
        var (tenant, _, scim) = await NetworkAsync();
        var user = $"gone-{Guid.NewGuid():N}@contoso.example";
        var active = EntraUser(user, user, $"gone-{Guid.NewGuid():N}@home.example").Replace("\"active\":false", "\"active\":true");
        var id = (await ScimJsonAsync(await scim.PostAsync("/scim/v2/Users", Body(active), Ct), HttpStatusCode.Created)).GetProperty("id").GetString();

        var deleted = await scim.DeleteAsync($"/scim/v2/Users/{id}", Ct);
        var afterwards = await scim.GetAsync($"/scim/v2/Users/{id}", Ct);
        var again = await scim.DeleteAsync($"/scim/v2/Users/{id}", Ct);
        var recreated = await scim.PostAsync("/scim/v2/Users", Body(active), Ct);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await AssertScimErrorAsync(afterwards, HttpStatusCode.NotFound, null);
        await AssertScimErrorAsync(again, HttpStatusCode.NotFound, null);
        // The same person reported again takes the row over (by employee number), rather than a second row.
        Assert.Equal(id, (await ScimJsonAsync(recreated, HttpStatusCode.Created)).GetProperty("id").GetString());
        var row = await tenant.DbAsync(db => db.Set<RosterEntry>().SingleAsync(Ct));
        Assert.Equal(DateOnly.FromDateTime(tenant.Info.ToLocal(DateTimeOffset.UtcNow).DateTime).Year, row.LeftYear);
    }

    [Fact]
    public async Task ServiceProviderConfig_SaysWhatIsSupported()
    {
        var (_, _, scim) = await NetworkAsync();

        var config = await ScimJsonAsync(await scim.GetAsync("/scim/v2/ServiceProviderConfig", Ct), HttpStatusCode.OK);

        Assert.Equal("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig", config.GetProperty("schemas")[0].GetString());
        Assert.True(config.GetProperty("patch").GetProperty("supported").GetBoolean());
        Assert.True(config.GetProperty("filter").GetProperty("supported").GetBoolean());
        Assert.Equal(200, config.GetProperty("filter").GetProperty("maxResults").GetInt32());
        Assert.False(config.GetProperty("bulk").GetProperty("supported").GetBoolean());
        Assert.False(config.GetProperty("etag").GetProperty("supported").GetBoolean());
        Assert.Equal("oauthbearertoken", config.GetProperty("authenticationSchemes")[0].GetProperty("type").GetString());
    }

    Task<int> QueueAsync(TestTenant tenant, DateTimeOffset now) =>
        App.InTenantAsync(tenant, sp => sp.GetRequiredService<LeaverInvitations>().QueueDueAsync(now, Ct));

    static async Task InviteOnLastDayAsync(HttpClient admin, bool on) =>
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/v1/admin/settings", new { inviteLeaversOnLastDay = on }, Ct)).StatusCode);

    [Fact]
    public async Task TheInvitation_GoesOnTheLastDay_ExactlyOnce_ToThePersonalAddress()
    {
        var (tenant, admin, scim) = await NetworkAsync();
        await InviteOnLastDayAsync(admin, true);
        var user = $"leaver-{Guid.NewGuid():N}@contoso.example";
        var personal = $"leaver-{Guid.NewGuid():N}@home.example";
        var jst = TimeSpan.FromHours(9);
        var lastDay = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9)).AddDays(5);
        DateTimeOffset At(DateOnly day, int hour) => new(day.ToDateTime(new TimeOnly(hour, 0)), jst);
        await ScimJsonAsync(await scim.PostAsync("/scim/v2/Users", Body(EntraUser(user, user, personal, lastDay.ToString("yyyy-MM-dd"))), Ct), HttpStatusCode.Created);

        var dayBefore = await QueueAsync(tenant, At(lastDay.AddDays(-1), 17));
        var earlyMorning = await QueueAsync(tenant, At(lastDay, 9));
        // Two nodes run the job at the same moment.
        var nodes = await Task.WhenAll(QueueAsync(tenant, At(lastDay, 10)), QueueAsync(tenant, At(lastDay, 10)));
        var later = await QueueAsync(tenant, At(lastDay, 15));

        Assert.Equal((0, 0), (dayBefore, earlyMorning));
        Assert.Equal(1, nodes.Sum());
        Assert.Equal(0, later);
        var mail = await tenant.DbAsync(db => db.Set<OutboxMessage>().Where(m => m.TenantId == tenant.Info.Id && m.Key.StartsWith("invitation:")).ToListAsync(Ct));
        var message = Assert.Single(mail);
        Assert.Equal(personal, message.To);
        Assert.Contains("招待", message.Subject);
        var invitation = await tenant.DbAsync(db => db.Set<Invitation>().SingleAsync(Ct));
        Assert.Equal(personal, invitation.Email);
        Assert.Equal("ja", invitation.Language);
        Assert.NotNull(invitation.RosterEntryId);
    }

    [Fact]
    public async Task TheInvitation_IsInTheLeaversLanguage_AndLinksToJoin()
    {
        var (tenant, admin, scim) = await NetworkAsync();
        await InviteOnLastDayAsync(admin, true);
        var english = $"en-{Guid.NewGuid():N}@home.example";
        var japanese = $"ja-{Guid.NewGuid():N}@home.example";
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9)).AddDays(-1).ToString("yyyy-MM-dd");
        await scim.PostAsync("/scim/v2/Users", Body(EntraUser($"en-{Guid.NewGuid():N}@contoso.example", "en@contoso.example", english, yesterday, "en-US", "E1")), Ct);
        await scim.PostAsync("/scim/v2/Users", Body(EntraUser($"ja-{Guid.NewGuid():N}@contoso.example", "ja@contoso.example", japanese, yesterday, null, "E2")), Ct);

        var queued = await QueueAsync(tenant, DateTimeOffset.UtcNow);
        await App.SendQueuedMailAsync();

        Assert.Equal(2, queued);
        Assert.StartsWith("Invitation to", Mailbox.Last(App, english).Subject);
        Assert.Contains("ご招待", Mailbox.Last(App, japanese).Subject);
        Assert.Contains("/join/", Mailbox.Link(Mailbox.Last(App, english), "/join/"));
        var join = await tenant.Client().GetAsync(new Uri(Mailbox.Link(Mailbox.Last(App, english), "/join/")).PathAndQuery, Ct);
        Assert.True(join.IsSuccessStatusCode || join.StatusCode == HttpStatusCode.Redirect, join.StatusCode.ToString());
    }

    [Fact]
    public async Task NoInvitation_WhenTheNetworkDidNotChooseIt_OrTheLeaverHasNoPersonalAddress()
    {
        var (tenant, admin, scim) = await NetworkAsync();
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9)).AddDays(-1).ToString("yyyy-MM-dd");
        var withPersonal = $"p-{Guid.NewGuid():N}@home.example";
        var workOnly = $"w-{Guid.NewGuid():N}@contoso.example";
        await scim.PostAsync("/scim/v2/Users", Body(EntraUser($"u1-{Guid.NewGuid():N}@contoso.example", $"u1-{Guid.NewGuid():N}@contoso.example", withPersonal, yesterday, employeeNumber: "E1")), Ct);
        await scim.PostAsync("/scim/v2/Users", Body(EntraUser(workOnly, workOnly, null, yesterday, employeeNumber: "E2")), Ct);

        var whileOff = await QueueAsync(tenant, DateTimeOffset.UtcNow);
        await InviteOnLastDayAsync(admin, true);
        var whenOn = await QueueAsync(tenant, DateTimeOffset.UtcNow);

        Assert.Equal(0, whileOff);
        Assert.Equal(1, whenOn);
        var invitation = await tenant.DbAsync(db => db.Set<Invitation>().SingleAsync(Ct));
        Assert.Equal(withPersonal, invitation.Email);
    }

    [Fact]
    public async Task ThePage_ShowsTheAddress_MakesATokenShownOnce_RevokesIt_AndSwitchesTheInvitation()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.AdminAsync();
        var browser = tenant.Client("ja");
        await Forms.SignInAsync(browser, admin.Email, admin.Password);

        var page = await browser.GetStringAsync("/admin/scim", Ct);
        var created = await Forms.PostAsync(browser, "/admin/scim?handler=Create", new Dictionary<string, string> { ["Name"] = "Okta" }, "/admin/scim");
        var createdHtml = await created.Content.ReadAsStringAsync(Ct);
        var token = System.Text.RegularExpressions.Regex.Match(createdHtml, "oa_scim_[A-Za-z0-9_-]+").Value;
        var afterwards = await browser.GetStringAsync("/admin/scim", Ct);
        var works = await ScimClient(tenant, token).GetAsync("/scim/v2/ServiceProviderConfig", Ct);
        var tooLong = await Forms.PostAsync(browser, "/admin/scim?handler=Create", new Dictionary<string, string> { ["Name"] = new string('x', 101) }, "/admin/scim");
        var id = await tenant.DbAsync(db => db.Set<ScimToken>().Select(t => t.Id).SingleAsync(Ct));
        var switchedOn = await Forms.PostAsync(browser, "/admin/scim?handler=Settings", new Dictionary<string, string> { ["invite"] = "true" }, "/admin/scim");
        var on = await tenant.DbAsync(db => db.Tenants.Where(t => t.Id == tenant.Info.Id).Select(t => t.InviteLeaversOnLastDay).SingleAsync(Ct));
        var revoked = await Forms.PostAsync(browser, "/admin/scim?handler=Revoke", new Dictionary<string, string> { ["id"] = id.ToString() }, "/admin/scim");
        var refused = await ScimClient(tenant, token).GetAsync("/scim/v2/ServiceProviderConfig", Ct);
        var auditPage = WebUtility.HtmlDecode(await browser.GetStringAsync("/admin/audit", Ct));

        Assert.Contains($"http://{tenant.Host}/scim/v2", page);
        Assert.Contains("人事システム連携", page);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.StartsWith("oa_scim_", token);
        Assert.DoesNotContain(token, afterwards);
        Assert.Contains("Okta", afterwards);
        Assert.Equal(HttpStatusCode.OK, works.StatusCode);
        Assert.Contains("100", await tooLong.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Redirect, switchedOn.StatusCode);
        Assert.True(on);
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("SCIM トークン「Okta」", auditPage);
        Assert.DoesNotContain(token, auditPage);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ScimTestsOnSqlite(SqliteApp app) : ScimTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ScimTestsOnPostgres(PostgresApp app) : ScimTests(app);
