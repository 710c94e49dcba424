using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenAlumni.Tests.Infrastructure;

namespace OpenAlumni.Tests.Features.Privacy;

/// <summary>Personal data (emails, names, tokens, passwords) never reaches the application's logs, whatever the flow.</summary>
public abstract class LogPrivacyTests(AlumniApp app) : AppTest(app)
{
    [Fact]
    public async Task RegisterConfirmLoginResetPostAndDelete_LogNoPersonalData()
    {
        var tenant = await App.CreateTenantAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var email = $"logcheck-{tag}@example.com";
        var family = "Lgfam" + tag;
        var given = "Lggiv" + tag;
        const string password = "pii-password-123";
        const string newPassword = "pii-new-password-456";
        var client = tenant.Client();

        var registered = await Forms.PostAsync(client, "/accounts/register", new Dictionary<string, string>
        {
            ["Input.Kind"] = "Employee", ["Input.FamilyName"] = family, ["Input.GivenName"] = given, ["Input.Email"] = email, ["Input.Password"] = password,
        });
        var confirmLink = Mailbox.Link(Mailbox.Last(App, email), "/accounts/confirmemail");
        await Forms.PostAsync(client, new Uri(confirmLink).PathAndQuery, new Dictionary<string, string>());
        await tenant.DbAsync(db => db.Members.Where(m => m.User!.Email == email)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OpenAlumni.Web.Features.Members.MemberStatus.Approved), Ct));
        var wrong = await tenant.Client().PostAsJsonAsync("/api/v1/auth/login", new { email, password = "wrong-password-1" }, Ct);
        var nobody = await tenant.Client().PostAsJsonAsync("/api/v1/auth/login", new { email = "nobody-" + email, password }, Ct);
        await Forms.PostAsync(tenant.Client(), "/accounts/forgotpassword", new Dictionary<string, string> { ["Email"] = email });
        var resetLink = Mailbox.Link(Mailbox.Last(App, email), "/accounts/resetpassword");
        var reset = await Forms.PostAsync(tenant.Client(), new Uri(resetLink).PathAndQuery, new Dictionary<string, string> { ["Input.Password"] = newPassword });
        var login = await tenant.Client().PostAsJsonAsync("/api/v1/auth/login", new { email, password = newPassword }, Ct);
        var token = (await JsonAsync(login)).GetProperty("accessToken").GetString()!;
        var api = tenant.Client();
        api.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var post = await api.PostAsJsonAsync("/api/v1/posts", new { room = "updates", title = $"近況 {family}", body = $"{given} です" }, Ct);
        var postId = (await JsonAsync(post)).GetProperty("id").GetInt64();
        await api.PostAsJsonAsync($"/api/v1/posts/{postId}/comments", new { body = $"@{family} comment" }, Ct);
        await api.GetAsync("/api/v1/me/export", Ct);
        var deleted = await api.DeleteAsync("/api/v1/me?posts=anonymize", Ct);
        await App.SendQueuedMailAsync();

        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, nobody.StatusCode);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        var confirmCode = System.Web.HttpUtility.ParseQueryString(new Uri(confirmLink).Query)["code"]!;
        var resetCode = System.Web.HttpUtility.ParseQueryString(new Uri(resetLink).Query)["code"]!;
        var secrets = new[] { email, email.ToUpperInvariant(), family, given, password, newPassword, token, confirmCode, resetCode };
        var lines = App.Logs.Lines.ToList();
        Assert.NotEmpty(lines);
        foreach (var secret in secrets)
            Assert.DoesNotContain(lines, l => l.Contains(secret, StringComparison.OrdinalIgnoreCase));
        _ = reset;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class LogPrivacyTestsOnSqlite(SqliteApp app) : LogPrivacyTests(app);

[Collection(PostgresCollection.Name)]
public sealed class LogPrivacyTestsOnPostgres(PostgresApp app) : LogPrivacyTests(app);
