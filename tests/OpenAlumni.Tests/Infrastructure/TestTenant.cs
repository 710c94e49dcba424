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
    public HttpClient Client(string? culture = "en")
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri($"http://{host}/"), AllowAutoRedirect = false });
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
