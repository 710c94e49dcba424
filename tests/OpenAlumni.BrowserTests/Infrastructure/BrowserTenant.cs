using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Accounts;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.BrowserTests.Infrastructure;

public sealed record Person(long Id, string Email, string Password, string DisplayName);

/// <summary>A tenant made for one test: its address, people made directly in the database, and browsers for them.</summary>
public sealed class BrowserTenant(BrowserApp app, TenantInfo info, string host, string culture)
{
    public const string Password = "correct-horse-42";

    public TenantInfo Info => info;
    public string Host => host;
    /// <summary>"ja" or "en": the language of this tenant's people and of the browsers opened for them.</summary>
    public string Culture => culture;
    public string BaseUrl => $"http://{host}:{app.Port}";

    /// <summary>
    /// A fresh browser profile (cookies, storage) with the test's language: Locale sets navigator.language
    /// and the Accept-Language header, so the app picks the language as it would for a real visitor.
    /// </summary>
    public Task<IBrowserContext> NewContextAsync() => app.Browser.NewContextAsync(new BrowserNewContextOptions
    {
        BaseURL = BaseUrl,
        Locale = culture == "ja" ? "ja-JP" : "en-US",
        TimezoneId = "Asia/Tokyo",
        ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
    });

    /// <summary>An approved admin (the secretariat), email confirmed, who prefers the test's language.</summary>
    public async Task<Person> AdminAsync(string family = "事務局", string given = "太郎")
    {
        var email = $"admin-{Guid.NewGuid():N}@example.com";
        var id = await app.InTenantAsync(info, async sp =>
        {
            var result = await sp.GetRequiredService<AccountService>().CreateAdminAsync(email, Password, family, given, CancellationToken.None);
            Assert.True(result.IsOk, "The admin could not be created.");
            // The sign-in applies the user's saved language; the operator command saves Japanese.
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            user.PreferredCulture = culture;
            await users.UpdateAsync(user);
            return result.Value!.Id;
        });
        return new Person(id, email, Password, family + " " + given);
    }

    /// <summary>An approved member with a confirmed email, shaped by <paramref name="edit"/>.</summary>
    public async Task<Person> MemberAsync(MemberKind kind, string family, string given, string? familyKana = null, string? givenKana = null,
        string department = "営業本部", Action<Member>? edit = null)
    {
        var email = $"m-{Guid.NewGuid():N}@example.com";
        var id = await app.InTenantAsync(info, async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, PreferredCulture = culture };
            var created = await users.CreateAsync(user, Password);
            Assert.True(created.Succeeded, string.Join(",", created.Errors.Select(e => e.Code)));
            var members = sp.GetRequiredService<MemberService>();
            var m = members.NewMember(user.Id, kind, MemberStatus.Approved,
                new ProfileDraft(family, given, familyKana, givenKana, department, 2005, kind == MemberKind.Alumni ? 2016 : null));
            edit?.Invoke(m);
            MemberSearchIndex.Update(m);
            var db = sp.GetRequiredService<AlumniDb>();
            db.Members.Add(m);
            await db.SaveChangesAsync();
            return m.Id;
        });
        return new Person(id, email, Password, family + " " + given);
    }

    /// <summary>Skills and interests as the profile form would save them.</summary>
    public static void Tags(Member m, params string[] skills)
    {
        foreach (var s in skills)
            m.Tags.Add(new ProfileTag { Kind = TagKind.Skill, Name = s, Key = OpenAlumni.Web.Infrastructure.Search.SearchText.Normalize(s) });
    }
}
