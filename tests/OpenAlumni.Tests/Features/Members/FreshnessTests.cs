using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenAlumni.Tests.Infrastructure;
using OpenAlumni.Web.Features.Members;

namespace OpenAlumni.Tests.Features.Members;

public abstract class FreshnessTests(AlumniApp app) : AppTest(app)
{
    static Task<int> QueueAsync(TestTenant tenant) =>
        tenant.App.InTenantAsync(tenant, sp => sp.GetRequiredService<ProfileFreshness>().QueueAsync(DateTimeOffset.UtcNow, CancellationToken.None));

    [Fact]
    public async Task StaleProfile_GetsOneMail_WhoseLinkConfirmsOnlyWhenTheButtonIsPressed()
    {
        var tenant = await App.CreateTenantAsync();
        var stale = await tenant.MemberAsync(edit: m => m.ConfirmedAt = DateTimeOffset.UtcNow.AddDays(-400));
        var fresh = await tenant.MemberAsync();

        var queued = await QueueAsync(tenant);
        var again = await QueueAsync(tenant);
        await App.SendQueuedMailAsync();
        var link = Mailbox.Link(Mailbox.Last(App, stale.Email), "/members/confirmprofile");
        var visitor = tenant.Client();
        var opened = await visitor.GetStringAsync(new Uri(link).PathAndQuery, Ct);
        var afterOpening = (await tenant.LoadMemberAsync(stale.Id)).ConfirmedAt;
        var pressed = await Forms.PostAsync(visitor, new Uri(link).PathAndQuery, new Dictionary<string, string>());
        var afterPressing = (await tenant.LoadMemberAsync(stale.Id)).ConfirmedAt;

        Assert.Equal(1, queued);
        Assert.Equal(0, again);
        Assert.Empty(Mailbox.For(App, fresh.Email));
        Assert.Contains("data-testid=\"confirm-profile\"", opened);
        Assert.True(afterOpening < DateTimeOffset.UtcNow.AddDays(-300));
        Assert.Contains("data-testid=\"confirmed\"", await pressed.Content.ReadAsStringAsync(Ct));
        Assert.True(afterPressing > DateTimeOffset.UtcNow.AddMinutes(-5));
    }

    [Fact]
    public async Task ConfirmLink_Tampered_OrFromAnotherNetwork_ConfirmsNothing()
    {
        var tenant = await App.CreateTenantAsync();
        var other = await App.CreateTenantAsync();
        var stale = await tenant.MemberAsync(edit: m => m.ConfirmedAt = DateTimeOffset.UtcNow.AddDays(-400));
        await QueueAsync(tenant);
        await App.SendQueuedMailAsync();
        var path = new Uri(Mailbox.Link(Mailbox.Last(App, stale.Email), "/members/confirmprofile")).PathAndQuery;

        var tampered = await Forms.PostAsync(tenant.Client(), path[..^3] + "abc", new Dictionary<string, string>());
        var foreign = await Forms.PostAsync(other.Client(), path, new Dictionary<string, string>());

        Assert.Contains("role=\"alert\"", await tampered.Content.ReadAsStringAsync(Ct));
        Assert.Contains("role=\"alert\"", await foreign.Content.ReadAsStringAsync(Ct));
        Assert.True((await tenant.LoadMemberAsync(stale.Id)).ConfirmedAt < DateTimeOffset.UtcNow.AddDays(-300));
    }

    [Fact]
    public async Task Interval_IsTheNetworks_AndAdminsSeeTheShareOfStaleProfiles_OnTheDashboard()
    {
        var tenant = await App.CreateTenantAsync();
        await tenant.DbAsync(db => db.Tenants.Where(t => t.Id == tenant.Info.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.ProfileConfirmDays, 30), Ct));
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var month = await tenant.MemberAsync(edit: m => m.ConfirmedAt = DateTimeOffset.UtcNow.AddDays(-40));
        await tenant.MemberAsync(edit: m => m.ConfirmedAt = DateTimeOffset.UtcNow.AddDays(-10));
        await tenant.MemberAsync(edit: m => m.ConfirmedAt = DateTimeOffset.UtcNow.AddDays(-20));

        var queued = await QueueAsync(tenant);
        await App.SendQueuedMailAsync();
        var dashboard = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/analytics", Ct);
        var page = await admin.GetStringAsync("/admin/analytics", Ct);

        Assert.Equal(1, queued);
        Assert.Single(Mailbox.For(App, month.Email));
        var headline = dashboard.GetProperty("headline");
        Assert.Equal(1, headline.GetProperty("staleProfiles").GetInt32());
        Assert.Equal(0.25, headline.GetProperty("staleShare").GetDouble());
        Assert.Contains("data-testid=\"headline-stale\">25%", page);
    }

    [Fact]
    public async Task Profile_ShowsWhenItWasConfirmed_AndSavingItConfirmsIt()
    {
        var tenant = await App.CreateTenantAsync();
        var member = await tenant.MemberAsync(edit: m => m.ConfirmedAt = new DateTimeOffset(2024, 5, 1, 3, 0, 0, TimeSpan.Zero));
        var api = await tenant.ApiAsync(member);
        var viewer = tenant.Client();
        var other = await tenant.MemberAsync();
        await Forms.SignInAsync(viewer, other.Email, other.Password);

        var before = await viewer.GetStringAsync($"/members/{member.Id}", Ct);
        var saved = await api.PatchAsJsonAsync("/api/v1/members/me", new { bio = "更新しました" }, Ct);

        Assert.Contains("2024-05-01", before);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.True((await JsonAsync(saved)).GetProperty("confirmedAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class FreshnessTestsOnSqlite(SqliteApp app) : FreshnessTests(app);

[Collection(PostgresCollection.Name)]
public sealed class FreshnessTestsOnPostgres(PostgresApp app) : FreshnessTests(app);
