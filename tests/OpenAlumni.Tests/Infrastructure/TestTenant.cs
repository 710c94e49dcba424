using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Accounts;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Tests.Infrastructure;

public sealed record TestMember(long Id, string Email, string Password);

/// <summary>A tenant made for one test, with helpers to add members and to call it as they would.</summary>
public sealed class TestTenant(AlumniApp app, TenantInfo info, string host)
{
    public const string Password = "correct-horse-42";
    public AlumniApp App => app;
    public TenantInfo Info => info;
    public string Host => host;

    /// <summary>A client of this tenant's host; it keeps cookies like a browser.</summary>
    public HttpClient Client(string? culture = "en") => ClientOf(app, culture);

    HttpClient ClientOf(WebApplicationFactory<Program> factory, string? culture)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri($"http://{host}/"), AllowAutoRedirect = false });
        if (culture is not null) client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(culture);
        return client;
    }

    public async Task<TestMember> AdminAsync()
    {
        var email = $"admin-{Guid.NewGuid():N}@{host}";
        var result = await app.InTenantAsync(this, sp => sp.GetRequiredService<AccountService>()
            .CreateAdminAsync(email, Password, "事務局", "太郎", CancellationToken.None));
        Assert.True(result.IsOk);
        return new TestMember(result.Value!.Id, email, Password);
    }

    /// <summary>An approved member with a confirmed email, shaped by <paramref name="edit"/>.</summary>
    public async Task<TestMember> MemberAsync(MemberKind kind = MemberKind.Alumni, string family = "山田", string given = "花子",
        Action<Member>? edit = null, MemberStatus status = MemberStatus.Approved, string? email = null)
    {
        email ??= $"m-{Guid.NewGuid():N}@example.com";
        var id = await app.InTenantAsync(this, async sp =>
        {
            var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
            var user = await users.FindByEmailAsync(email);
            if (user is null)
            {
                user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, PreferredCulture = "en" };
                var created = await users.CreateAsync(user, Password);
                Assert.True(created.Succeeded, string.Join(",", created.Errors.Select(e => e.Code)));
            }
            var members = sp.GetRequiredService<MemberService>();
            var m = members.NewMember(user.Id, kind, status, new ProfileDraft(family, given, null, null, "総務部", 2005, kind == MemberKind.Alumni ? 2015 : null));
            edit?.Invoke(m);
            MemberSearchIndex.Update(m);
            var db = sp.GetRequiredService<AlumniDb>();
            db.Members.Add(m);
            await db.SaveChangesAsync();
            return m.Id;
        });
        return new TestMember(id, email, Password);
    }

    /// <summary>
    /// Many approved members at once (one insert, one shared password hash), for concurrency tests; they
    /// get their tokens from <see cref="TokenForAsync"/> rather than hundreds of logins.
    /// </summary>
    public async Task<IReadOnlyList<TestMember>> ManyMembersAsync(int count, MemberKind kind = MemberKind.Alumni)
    {
        return await app.InTenantAsync(this, async sp =>
        {
            var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
            var hash = users.PasswordHasher.HashPassword(new AppUser(), Password);
            var members = sp.GetRequiredService<MemberService>();
            var db = sp.GetRequiredService<AlumniDb>();
            var created = new List<(Member Member, string Email)>();
            for (var i = 0; i < count; i++)
            {
                var email = $"bulk{i}-{Guid.NewGuid():N}@example.com";
                var user = new AppUser
                {
                    UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                    EmailConfirmed = true, PasswordHash = hash, SecurityStamp = Guid.NewGuid().ToString("N"), PreferredCulture = "en",
                };
                db.Users.Add(user);
                var m = members.NewMember(user.Id, kind, MemberStatus.Approved, new ProfileDraft("会員", $"{i}", null, null, "総務部", 2005, kind == MemberKind.Alumni ? 2015 : null));
                db.Members.Add(m);
                created.Add((m, email));
            }
            await db.SaveChangesAsync();
            return (IReadOnlyList<TestMember>)created.Select(c => new TestMember(c.Member.Id, c.Email, Password)).ToList();
        });
    }

    /// <summary>A bearer token for a member, minted as the login endpoint would (no password check).</summary>
    public Task<string> TokenForAsync(TestMember member, TimeSpan? lifetime = null) => app.InTenantAsync(this, async sp =>
    {
        var signIn = sp.GetRequiredService<Microsoft.AspNetCore.Identity.SignInManager<AppUser>>();
        var user = (await signIn.UserManager.FindByEmailAsync(member.Email))!;
        var principal = await signIn.CreateUserPrincipalAsync(user);
        var options = sp.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<Microsoft.AspNetCore.Authentication.BearerToken.BearerTokenOptions>>()
            .Get(Microsoft.AspNetCore.Identity.IdentityConstants.BearerScheme);
        var properties = new Microsoft.AspNetCore.Authentication.AuthenticationProperties { ExpiresUtc = DateTimeOffset.UtcNow.Add(lifetime ?? TimeSpan.FromHours(1)) };
        return options.BearerTokenProtector.Protect(new Microsoft.AspNetCore.Authentication.AuthenticationTicket(principal, properties, Microsoft.AspNetCore.Identity.IdentityConstants.BearerScheme));
    });

    public async Task<HttpClient> ClientForAsync(TestMember member)
    {
        var client = Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenForAsync(member));
        return client;
    }

    /// <summary>
    /// A client of this tenant on another app of the same database, such as one with a fake clock
    /// (<see cref="AlumniApp.WithClock"/>), with a bearer token that stays valid for <paramref name="lifetime"/> of
    /// real time: long enough to cover the days a test moves the clock forward.
    /// </summary>
    public async Task<HttpClient> ClientForAsync(TestMember member, WebApplicationFactory<Program> on, TimeSpan lifetime)
    {
        var client = ClientOf(on, "en");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenForAsync(member, lifetime));
        return client;
    }

    /// <summary>A client carrying a bearer token of this member, from POST /api/v1/auth/login.</summary>
    public async Task<HttpClient> ApiAsync(TestMember member, string culture = "en")
    {
        var client = Client(culture);
        var token = await TokenAsync(member);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task<string> TokenAsync(TestMember member)
    {
        var response = await Client().PostAsJsonAsync("/api/v1/auth/login", new { email = member.Email, password = member.Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("accessToken").GetString()!;
    }

    public Task<T> DbAsync<T>(Func<AlumniDb, Task<T>> query) =>
        app.InTenantAsync(this, sp => query(sp.GetRequiredService<AlumniDb>()));

    public Task<Member> LoadMemberAsync(long id) =>
        DbAsync(db => db.Members.AsNoTracking().Include(m => m.Tags).Include(m => m.Career).FirstAsync(m => m.Id == id));
}
