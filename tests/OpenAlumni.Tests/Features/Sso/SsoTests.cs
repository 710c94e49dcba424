using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenAlumni.Tests.Infrastructure;
using OpenAlumni.Web.Features.Accounts;
using OpenAlumni.Web.Features.Audit;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Features.Sso;

namespace OpenAlumni.Tests.Features.Sso;

/// <summary>
/// Company sign-in as a network's secretariat and its employees meet it, end to end against a real OpenID Connect provider
/// (<see cref="OidcProvider"/>): authorization code with PKCE; a new employee joins approved, an existing account is linked by
/// its address; a domain the provider does not vouch for, an ID token for another client and an expired one are refused;
/// a required company sign-in refuses passwords for its domains; the settings' bad input, their secret, and who may see them.
/// </summary>
public abstract class SsoTests(AlumniApp app) : AppTest(app)
{
    const string Domain = "corp.example";

    sealed record Network(TestTenant Tenant, HttpClient Admin, string ClientId, string Secret, OidcProvider Provider);

    async Task<Network> ConfiguredAsync(bool required = false)
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var provider = await OidcProvider.SharedAsync();
        var clientId = "oa-" + tenant.Info.Slug;
        var secret = "S3cret-" + Guid.NewGuid().ToString("N");
        await provider.RegisterClientAsync(clientId, secret, $"http://{tenant.Host}{SsoScheme.CallbackPath}");
        var saved = await admin.PutAsJsonAsync("/api/v1/admin/sso", new { authority = provider.Authority.ToString(), clientId, clientSecret = secret, domains = new[] { Domain }, required }, Ct);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        return new Network(tenant, admin, clientId, secret, provider);
    }

    /// <summary>
    /// Clicks "sign in with your company account" and follows every redirect by hand, the provider signing in <paramref name="user"/>:
    /// returns where the app finally sends the browser, and the authorization request the app made.
    /// </summary>
    static async Task<(Uri Final, Uri Authorize)> SignInAsync(Network n, HttpClient browser, OidcUser user, string? returnUrl = null)
    {
        n.Provider.SignInNext(n.ClientId, user);
        using var providerClient = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        var start = await browser.GetAsync("/accounts/sso" + (returnUrl is null ? "" : "?returnUrl=" + Uri.EscapeDataString(returnUrl)), Ct);
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var authorize = start.Headers.Location!;
        var answer = await providerClient.GetAsync(authorize, Ct);
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        var callback = answer.Headers.Location!;
        Assert.Equal(SsoScheme.CallbackPath, callback.AbsolutePath);
        var location = (await browser.GetAsync(callback.PathAndQuery, Ct)).Headers.Location!;
        // The handler sends the browser on to complete the sign-in here, or straight back to the login page when it refused.
        if (location.OriginalString.StartsWith("/accounts/sso", StringComparison.Ordinal))
        {
            var done = await browser.GetAsync(location, Ct);
            Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
            location = done.Headers.Location!;
        }
        return (location, authorize);
    }

    static Task<AppUser?> UserAsync(TestTenant t, string email) => t.DbAsync(db => db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedEmail == email.ToUpperInvariant(), Ct));

    static Task<Member?> MembershipAsync(TestTenant t, string userId) => t.DbAsync(db => db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.UserId == userId, Ct));

    [Fact]
    public async Task NewEmployee_SignsInWithCodeAndPkce_JoinsAsApprovedEmployee()
    {
        var n = await ConfiguredAsync();
        var browser = n.Tenant.Client();
        var email = $"taro-{Guid.NewGuid():N}@{Domain}";

        var (final, authorize) = await SignInAsync(n, browser, new OidcUser(email, "山田 太郎"), returnUrl: "/events");
        var me = await browser.GetAsync("/api/v1/members/me", Ct);
        var user = await UserAsync(n.Tenant, email);
        var member = await MembershipAsync(n.Tenant, user!.Id);
        var settings = await n.Admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/sso", Ct);
        var audit = await n.Tenant.DbAsync(db => db.Set<AuditEntry>().Where(a => a.Action == "sso.signin").ToListAsync(Ct));

        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(authorize.Query);
        Assert.StartsWith(n.Provider.Authority + "connect/authorize", authorize.ToString());
        Assert.Equal("code", query["response_type"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.NotEmpty(query["code_challenge"].ToString());
        Assert.NotEmpty(query["nonce"].ToString());
        Assert.NotEmpty(query["state"].ToString());
        Assert.Equal(n.ClientId, query["client_id"]);
        Assert.Equal($"http://{n.Tenant.Host}{SsoScheme.CallbackPath}", query["redirect_uri"]);
        Assert.Equal("/events", final.OriginalString);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.True(user.EmailConfirmed);
        Assert.Null(user.PasswordHash);
        Assert.Equal(MemberKind.Employee, member!.Kind);
        Assert.Equal(MemberStatus.Approved, member.Status);
        Assert.Equal(("山田", "太郎"), (member.FamilyName, member.GivenName));
        Assert.NotEqual(JsonValueKind.Null, settings.GetProperty("lastSignInAt").ValueKind);
        var entry = Assert.Single(audit);
        Assert.Equal(member.Id.ToString(), entry.TargetId);
        Assert.DoesNotContain(email, entry.After);
    }

    [Fact]
    public async Task ExistingAccount_IsLinkedByItsEmail_AndAnAlumnusBecomesAnEmployee()
    {
        var n = await ConfiguredAsync();
        var email = $"hanako-{Guid.NewGuid():N}@{Domain}";
        var existing = await n.Tenant.MemberAsync(MemberKind.Alumni, email: email);
        var before = await UserAsync(n.Tenant, email);
        var browser = n.Tenant.Client();

        var (final, _) = await SignInAsync(n, browser, new OidcUser(email.ToUpperInvariant(), "Hanako Yamada"));
        var me = await browser.GetFromJsonAsync<JsonElement>("/api/v1/members/me", Ct);
        var users = await n.Tenant.DbAsync(db => db.Users.CountAsync(u => u.NormalizedEmail == email.ToUpperInvariant(), Ct));
        var member = await n.Tenant.LoadMemberAsync(existing.Id);
        var passwordStillWorks = await n.Tenant.Client().PostAsJsonAsync("/api/v1/auth/login", new { email, password = existing.Password }, Ct);

        Assert.Equal("/", final.OriginalString);
        Assert.Equal(existing.Id, me.GetProperty("id").GetInt64());
        Assert.Equal(1, users);
        Assert.Equal(before!.Id, member.UserId);
        Assert.Equal(MemberKind.Employee, member.Kind);
        Assert.Equal(MemberStatus.Approved, member.Status);
        Assert.Equal(("山田", "花子"), (member.FamilyName, member.GivenName));
        Assert.Equal(HttpStatusCode.OK, passwordStillWorks.StatusCode);
    }

    [Fact]
    public async Task ALoginOfAnotherNetwork_IsNotLinked_SoOneNetworksProviderCannotTakeItOver()
    {
        var n = await ConfiguredAsync();
        var elsewhere = await App.CreateTenantAsync();
        var email = $"ceo-{Guid.NewGuid():N}@{Domain}";
        var there = await elsewhere.MemberAsync(MemberKind.Employee, email: email);
        var before = await UserAsync(n.Tenant, email);
        var browser = n.Tenant.Client("ja");

        var (final, _) = await SignInAsync(n, browser, new OidcUser(email, "社長 一郎"));
        var page = await browser.GetStringAsync(final, Ct);
        var me = await browser.GetAsync("/api/v1/members/me", Ct);
        var after = await UserAsync(n.Tenant, email);
        var membershipHere = await MembershipAsync(n.Tenant, before!.Id);
        var passwordStillWorks = await elsewhere.Client().PostAsJsonAsync("/api/v1/auth/login", new { email, password = there.Password }, Ct);

        Assert.StartsWith("/accounts/login", final.OriginalString);
        Assert.Contains("他のネットワークでも使われている", page);
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        Assert.Null(membershipHere);
        Assert.Equal(before.SecurityStamp, after!.SecurityStamp);
        Assert.Equal(before.PasswordHash, after.PasswordHash);
        Assert.Equal(HttpStatusCode.OK, passwordStillWorks.StatusCode);
    }

    [Fact]
    public async Task DomainNotVouchedFor_IsRefusedOnTheLoginPage_AndNothingIsCreated()
    {
        var n = await ConfiguredAsync();
        var email = $"guest-{Guid.NewGuid():N}@elsewhere.example";
        var browser = n.Tenant.Client("ja");

        var (final, _) = await SignInAsync(n, browser, new OidcUser(email, "Guest"));
        var page = await browser.GetStringAsync(final, Ct);
        var me = await browser.GetAsync("/api/v1/members/me", Ct);

        Assert.Equal("/accounts/login?sso=domain", final.OriginalString);
        Assert.Contains("会社アカウントでのログインの対象ではありません", page);
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        Assert.Null(await UserAsync(n.Tenant, email));
    }

    [Fact]
    public async Task UnverifiedEmail_IsRefused_AndNothingIsCreated()
    {
        var n = await ConfiguredAsync();
        var email = $"unverified-{Guid.NewGuid():N}@{Domain}";
        var browser = n.Tenant.Client();

        var (final, _) = await SignInAsync(n, browser, new OidcUser(email, "Someone", EmailVerified: false));

        Assert.Equal("/accounts/login?sso=unverified", final.OriginalString);
        Assert.Null(await UserAsync(n.Tenant, email));
    }

    [Theory]
    [InlineData(OidcQuirk.WrongAudience)]
    [InlineData(OidcQuirk.ExpiredIdToken)]
    public async Task IdTokenForAnotherClientOrExpired_IsRefused_AndNothingIsCreated(OidcQuirk quirk)
    {
        var n = await ConfiguredAsync();
        var email = $"quirk-{Guid.NewGuid():N}@{Domain}";
        var browser = n.Tenant.Client("en");

        var (final, _) = await SignInAsync(n, browser, new OidcUser(email, "Someone", Quirk: quirk));
        var page = await browser.GetStringAsync(final, Ct);
        var me = await browser.GetAsync("/api/v1/members/me", Ct);

        Assert.Equal("/accounts/login?sso=failed", final.OriginalString);
        Assert.Contains("Sign-in with your company account did not succeed", page);
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        Assert.Null(await UserAsync(n.Tenant, email));
        // Why it failed is logged for the operator; who tried, and the network's secret, are not.
        Assert.DoesNotContain(App.Logs.Lines, l => l.Contains(email, StringComparison.OrdinalIgnoreCase) || l.Contains(n.Secret));
    }

    [Fact]
    public async Task SuspendedMember_StaysRefused()
    {
        var n = await ConfiguredAsync();
        var email = $"suspended-{Guid.NewGuid():N}@{Domain}";
        var suspended = await n.Tenant.MemberAsync(MemberKind.Employee, email: email, status: MemberStatus.Suspended);
        var browser = n.Tenant.Client();

        var (final, _) = await SignInAsync(n, browser, new OidcUser(email, "Someone"));

        Assert.Equal("/accounts/login?sso=refused", final.OriginalString);
        Assert.Equal(MemberStatus.Suspended, (await n.Tenant.LoadMemberAsync(suspended.Id)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/v1/members/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task Required_RefusesPasswordSignInAndRegistrationForTheDomain_ButNotOtherDomainsNorAdmins()
    {
        var n = await ConfiguredAsync(required: true);
        var employee = await n.Tenant.MemberAsync(MemberKind.Employee, email: $"emp-{Guid.NewGuid():N}@{Domain}");
        var alumnus = await n.Tenant.MemberAsync(MemberKind.Alumni, email: $"alum-{Guid.NewGuid():N}@private.example");
        var admin = await n.Tenant.MemberAsync(MemberKind.Employee, email: $"adm-{Guid.NewGuid():N}@{Domain}", edit: m => m.Role = MemberRole.Admin);
        var client = n.Tenant.Client("en");

        var employeeApi = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = employee.Email, password = employee.Password }, Ct);
        var employeeApiJa = await n.Tenant.Client("ja").PostAsJsonAsync("/api/v1/auth/login", new { email = employee.Email, password = employee.Password }, Ct);
        var alumnusApi = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = alumnus.Email, password = alumnus.Password }, Ct);
        var adminApi = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = admin.Email, password = admin.Password }, Ct);
        var adminWrong = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = admin.Email, password = "wrong-password-1" }, Ct);
        var nobody = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = $"nobody-{Guid.NewGuid():N}@{Domain}", password = "wrong-password-1" }, Ct);
        var page = await Forms.PostAsync(client, "/accounts/login", new Dictionary<string, string> { ["Input.Email"] = employee.Email, ["Input.Password"] = employee.Password });
        var register = await client.PostAsJsonAsync("/api/v1/registrations",
            new { email = $"new-{Guid.NewGuid():N}@{Domain}", password = "a-long-pass-9876", displayName = "New Person", kind = "Employee" }, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, employeeApi.StatusCode);
        Assert.Contains("company account", (await JsonAsync(employeeApi)).GetProperty("detail").GetString());
        Assert.Contains("会社のアカウントでログイン", (await JsonAsync(employeeApiJa)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, alumnusApi.StatusCode);
        Assert.Equal(HttpStatusCode.OK, adminApi.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, adminWrong.StatusCode);
        var adminWrongDetail = (await JsonAsync(adminWrong)).GetProperty("detail").GetString();
        Assert.Contains("company account", adminWrongDetail);
        // An address without a login is told the same, so the answer does not say which addresses have one.
        Assert.Equal(HttpStatusCode.Unauthorized, nobody.StatusCode);
        Assert.Equal(adminWrongDetail, (await JsonAsync(nobody)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync(Ct);
        Assert.Contains("use &quot;Sign in with your company account&quot;", html);
        Assert.Contains("href=\"/accounts/sso\"", html);
        var errors = await AssertValidationProblemAsync(register, "email");
        Assert.Contains("company account", errors["email"][0]);
    }

    [Fact]
    public async Task LoginPage_OffersCompanySignIn_OnlyWhereConfigured()
    {
        var n = await ConfiguredAsync();
        var plain = await App.CreateTenantAsync();

        var withSso = await n.Tenant.Client("ja").GetStringAsync("/accounts/login?returnUrl=%2Fevents", Ct);
        var without = await plain.Client("ja").GetStringAsync("/accounts/login", Ct);
        var startWithout = await plain.Client().GetAsync("/accounts/sso", Ct);
        var callbackWithout = await plain.Client().GetAsync(SsoScheme.CallbackPath + "?code=x&state=y", Ct);

        Assert.Contains("会社のアカウントでログイン", withSso);
        Assert.Contains("href=\"/accounts/sso?returnUrl=%2Fevents\"", withSso);
        Assert.DoesNotContain("会社のアカウントでログイン", without);
        Assert.Equal("/accounts/login", startWithout.Headers.Location?.OriginalString);
        Assert.Equal("/accounts/login?sso=failed", callbackWithout.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Settings_AreSavedNormalised_TheSecretNeverReturnedNorAudited_AndStoredEncrypted()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        const string secret = "TopSecretValue-123";

        var empty = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/sso", Ct);
        var put = await admin.PutAsJsonAsync("/api/v1/admin/sso",
            new { authority = "https://login.example.com/tenant/v2.0/", clientId = " app-1 ", clientSecret = secret, domains = new[] { "Corp.Example", "@corp.example", "sub.corp.example." }, required = true }, Ct);
        var body = await put.Content.ReadAsStringAsync(Ct);
        var keep = await admin.PutAsJsonAsync("/api/v1/admin/sso", new { authority = "https://login.example.com/tenant/v2.0", clientId = "app-1", domains = new[] { "corp.example" } }, Ct);
        var got = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/sso", Ct);
        var stored = await tenant.DbAsync(db => db.Set<SsoSettings>().SingleAsync(Ct));
        var audit = await tenant.DbAsync(db => db.Set<AuditEntry>().Where(a => a.Action == "sso.update").ToListAsync(Ct));

        Assert.False(empty.GetProperty("configured").GetBoolean());
        Assert.EndsWith(SsoScheme.CallbackPath, empty.GetProperty("callbackUrl").GetString());
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var saved = JsonDocument.Parse(body).RootElement;
        Assert.Equal("https://login.example.com/tenant/v2.0", saved.GetProperty("authority").GetString());
        Assert.Equal("app-1", saved.GetProperty("clientId").GetString());
        Assert.Equal(["corp.example", "sub.corp.example"], saved.GetProperty("domains").EnumerateArray().Select(d => d.GetString()!).ToArray());
        Assert.True(saved.GetProperty("required").GetBoolean());
        Assert.True(saved.GetProperty("clientSecretSet").GetBoolean());
        Assert.DoesNotContain(secret, body);
        Assert.Equal(HttpStatusCode.OK, keep.StatusCode);
        Assert.True(got.GetProperty("clientSecretSet").GetBoolean());
        Assert.False(got.GetProperty("required").GetBoolean());
        Assert.DoesNotContain(secret, got.GetRawText());
        Assert.DoesNotContain(secret, stored.ProtectedClientSecret);
        Assert.Equal(secret, await App.InTenantAsync(tenant, sp => Task.FromResult(
            Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<SsoSecrets>(sp).Unprotect(stored.ProtectedClientSecret!))));
        Assert.Equal(2, audit.Count);
        Assert.All(audit, a => Assert.DoesNotContain(secret, (a.Before ?? "") + a.After));
        Assert.DoesNotContain(App.Logs.Lines, l => l.Contains(secret));
    }

    [Fact]
    public async Task Put_WithBadInput_AnswersPerFieldInTheUsersLanguage_AndChangesNothing()
    {
        var n = await ConfiguredAsync();
        var ja = await n.Tenant.ApiAsync(await n.Tenant.AdminAsync(), "ja");

        var nothing = await n.Admin.PutAsJsonAsync("/api/v1/admin/sso", new { }, Ct);
        var bad = await ja.PutAsJsonAsync("/api/v1/admin/sso",
            new { authority = "not a url", clientId = new string('x', 300), clientSecret = new string('s', 600), domains = new[] { "corp example" } }, Ct);
        var ftp = await n.Admin.PutAsJsonAsync("/api/v1/admin/sso", new { authority = "ftp://idp.example.com", clientId = "a", domains = new[] { "-bad-.example", } }, Ct);
        var noDomains = await n.Admin.PutAsJsonAsync("/api/v1/admin/sso", new { authority = "https://idp.example.com?x=1", clientId = "a", domains = new[] { " ", "" } }, Ct);
        var tooMany = await n.Admin.PutAsJsonAsync("/api/v1/admin/sso", new { authority = "https://idp.example.com", clientId = "a", domains = Enumerable.Range(0, 21).Select(i => $"d{i}.example").ToArray() }, Ct);
        var notJson = await n.Admin.PutAsync("/api/v1/admin/sso", new StringContent("{\"required\": \"yes\"", System.Text.Encoding.UTF8, "application/json"), Ct);
        var after = await n.Admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/sso", Ct);

        await AssertValidationProblemAsync(nothing, "authority", "clientId", "domains");
        var errors = await AssertValidationProblemAsync(bad, "authority", "clientId", "clientSecret", "domains");
        Assert.Contains("URL", errors["authority"][0]);
        Assert.Contains("メールドメインではありません", errors["domains"][0]);
        await AssertValidationProblemAsync(ftp, "authority", "domains");
        await AssertValidationProblemAsync(noDomains, "authority", "domains");
        await AssertValidationProblemAsync(tooMany, "domains");
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal(n.Provider.Authority.ToString().TrimEnd('/'), after.GetProperty("authority").GetString());
        Assert.Equal(n.ClientId, after.GetProperty("clientId").GetString());
        Assert.Equal([Domain], after.GetProperty("domains").EnumerateArray().Select(d => d.GetString()!).ToArray());
    }

    [Fact]
    public async Task Settings_AreTheSecretariats_AndOtherNetworksNeverSeeThem()
    {
        var n = await ConfiguredAsync();
        var other = await App.CreateTenantAsync();
        var member = await n.Tenant.ApiAsync(await n.Tenant.MemberAsync(MemberKind.Employee));
        var otherAdmin = await other.ApiAsync(await other.AdminAsync());
        var anonymous = n.Tenant.Client();

        var memberCalls = new[]
        {
            await member.GetAsync("/api/v1/admin/sso", Ct),
            await member.PutAsJsonAsync("/api/v1/admin/sso", new { authority = "https://evil.example", clientId = "x", domains = new[] { "evil.example" } }, Ct),
            await member.DeleteAsync("/api/v1/admin/sso", Ct),
        };
        var anonymousCalls = new[]
        {
            await anonymous.GetAsync("/api/v1/admin/sso", Ct),
            await anonymous.PutAsJsonAsync("/api/v1/admin/sso", new { authority = "https://evil.example", clientId = "x", domains = new[] { "evil.example" } }, Ct),
        };
        var otherView = await otherAdmin.GetFromJsonAsync<JsonElement>("/api/v1/admin/sso", Ct);
        var otherDelete = await otherAdmin.DeleteAsync("/api/v1/admin/sso", Ct);
        var page = await n.Tenant.Client().GetAsync("/admin/sso", Ct);
        var still = await n.Admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/sso", Ct);

        Assert.All(memberCalls, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.All(anonymousCalls, r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        Assert.False(otherView.GetProperty("configured").GetBoolean());
        Assert.Equal(JsonValueKind.Null, otherView.GetProperty("clientId").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, otherDelete.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal(n.ClientId, still.GetProperty("clientId").GetString());
    }

    [Fact]
    public async Task ProviderThatDoesNotAnswer_EndsOnTheLoginPageWithAMessage()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        await admin.PutAsJsonAsync("/api/v1/admin/sso", new { authority = "http://127.0.0.1:9/down", clientId = "x", domains = new[] { Domain } }, Ct);
        var browser = tenant.Client("en");

        var start = await browser.GetAsync("/accounts/sso", Ct);
        var page = await browser.GetStringAsync(start.Headers.Location!, Ct);

        Assert.Equal("/accounts/login?sso=failed", start.Headers.Location?.OriginalString);
        Assert.Contains("Sign-in with your company account did not succeed", page);
        Assert.Contains("href=\"/accounts/sso\"", page);
    }

    [Fact]
    public async Task SwitchedOff_PasswordSignInWorksAgain_AndTheCompanySignInIsGone()
    {
        var n = await ConfiguredAsync(required: true);
        var employee = await n.Tenant.MemberAsync(MemberKind.Employee, email: $"emp-{Guid.NewGuid():N}@{Domain}");

        var deleted = await n.Admin.DeleteAsync("/api/v1/admin/sso", Ct);
        var login = await n.Tenant.Client().PostAsJsonAsync("/api/v1/auth/login", new { email = employee.Email, password = employee.Password }, Ct);
        var start = await n.Tenant.Client().GetAsync("/accounts/sso", Ct);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal("/accounts/login", start.Headers.Location?.OriginalString);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SsoTestsOnSqlite(SqliteApp app) : SsoTests(app);

[Collection(PostgresCollection.Name)]
public sealed class SsoTestsOnPostgres(PostgresApp app) : SsoTests(app);
