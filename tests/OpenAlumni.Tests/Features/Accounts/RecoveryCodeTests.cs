using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using OpenAlumni.Tests.Infrastructure;
using OpenAlumni.Tests.Infrastructure.Trust;

namespace OpenAlumni.Tests.Features.Accounts;

/// <summary>Recovery codes of two-factor sign-in: shown once, each works once, new ones end the old.</summary>
public abstract partial class RecoveryCodeTests(AlumniApp app) : AppTest(app)
{
    [Fact]
    public async Task TurningOnTwoFactor_ShowsTenCodesOnce_AndAGetNeverShowsThem()
    {
        var tenant = await App.CreateTenantAsync();
        var member = await tenant.MemberAsync();

        var (browser, codes, html) = await TurnOnTwoFactorAsync(tenant, member);
        var later = await browser.GetStringAsync("/accounts/security", Ct);

        Assert.Equal(10, codes.Count);
        Assert.Equal(10, codes.Distinct().Count());
        Assert.Contains("data-testid=\"recovery-codes\"", html);
        Assert.DoesNotContain("data-testid=\"recovery-codes\"", later);
        Assert.All(codes, c => Assert.DoesNotContain(c, later));
        Assert.Contains("10 of 10 recovery codes left", later);
        TrustFigures.Report("Recovery codes", $"{codes.Count} codes made on enabling two-factor sign-in, 0 of them on a later GET ({App.GetType().Name})");
    }

    [Fact]
    public async Task RecoveryCode_SignsInAtTheTwoFactorStep_Once_AndNotTwice()
    {
        var tenant = await App.CreateTenantAsync();
        var member = await tenant.MemberAsync();
        var (browser, codes, _) = await TurnOnTwoFactorAsync(tenant, member);
        // As a person might type it: lower case, without the hyphen.
        var typed = codes[0].Replace("-", "").ToLowerInvariant();

        var first = await SignInWithRecoveryCodeAsync(tenant, member, typed);
        var second = await SignInWithRecoveryCodeAsync(tenant, member, typed);
        var page = await browser.GetStringAsync("/accounts/security", Ct);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("already been used", await second.Content.ReadAsStringAsync(Ct));
        Assert.Contains("9 of 10 recovery codes left", page);
    }

    [Fact]
    public async Task NewCodes_EndTheOldOnes_ForThePageAndTheApi()
    {
        var tenant = await App.CreateTenantAsync();
        var member = await tenant.MemberAsync();
        var (browser, old, _) = await TurnOnTwoFactorAsync(tenant, member);

        var renew = await Forms.PostAsync(browser, "/accounts/security?handler=RecoveryCodes", new Dictionary<string, string>(), "/accounts/security");
        var html = await renew.Content.ReadAsStringAsync(Ct);
        var fresh = CodesIn(html);
        var oldOnPage = await SignInWithRecoveryCodeAsync(tenant, member, old[1]);
        var oldOnApi = await tenant.Client().PostAsJsonAsync("/api/v1/auth/login", new { email = member.Email, password = member.Password, recoveryCode = old[2] }, Ct);
        var freshOnApi = await tenant.Client().PostAsJsonAsync("/api/v1/auth/login", new { email = member.Email, password = member.Password, recoveryCode = fresh[0] }, Ct);
        var freshAgain = await tenant.Client().PostAsJsonAsync("/api/v1/auth/login", new { email = member.Email, password = member.Password, recoveryCode = fresh[0] }, Ct);

        Assert.Equal(HttpStatusCode.OK, renew.StatusCode);
        Assert.True(renew.Headers.CacheControl?.NoStore);
        Assert.Equal(10, fresh.Count);
        Assert.Empty(fresh.Intersect(old));
        Assert.Equal(HttpStatusCode.OK, oldOnPage.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, oldOnApi.StatusCode);
        Assert.Equal(HttpStatusCode.OK, freshOnApi.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, freshAgain.StatusCode);
    }

    [Fact]
    public async Task MakingNewCodes_WithoutTheFormToken_IsRefused_AndTheOldOnesStillWork()
    {
        var tenant = await App.CreateTenantAsync();
        var member = await tenant.MemberAsync();
        var (browser, old, _) = await TurnOnTwoFactorAsync(tenant, member);

        var forged = await browser.PostAsync("/accounts/security?handler=RecoveryCodes", new FormUrlEncodedContent([]), Ct);
        var signIn = await SignInWithRecoveryCodeAsync(tenant, member, old[0]);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    async Task<(HttpClient Browser, IReadOnlyList<string> Codes, string Html)> TurnOnTwoFactorAsync(TestTenant tenant, TestMember member)
    {
        var browser = tenant.Client();
        await Forms.SignInAsync(browser, member.Email, member.Password);
        await Forms.PostAsync(browser, "/accounts/security?handler=Setup", new Dictionary<string, string>(), "/accounts/security");
        var page = await browser.GetStringAsync("/accounts/security", Ct);
        var key = Regex.Match(page, "data-testid=\"totp-key\">([A-Z2-7]+)<").Groups[1].Value;
        var code = new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(key)).ComputeTotp();
        var enable = await Forms.PostAsync(browser, "/accounts/security?handler=Enable", new Dictionary<string, string> { ["Code"] = code }, "/accounts/security");
        Assert.Equal(HttpStatusCode.OK, enable.StatusCode);
        var html = await enable.Content.ReadAsStringAsync(Ct);
        return (browser, CodesIn(html), html);
    }

    async Task<HttpResponseMessage> SignInWithRecoveryCodeAsync(TestTenant tenant, TestMember member, string recoveryCode)
    {
        var client = tenant.Client();
        var login = await Forms.PostAsync(client, "/accounts/login", new Dictionary<string, string> { ["Input.Email"] = member.Email, ["Input.Password"] = member.Password });
        Assert.Contains("/accounts/loginwith2fa", login.Headers.Location!.ToString());
        return await Forms.PostAsync(client, "/accounts/loginwith2fa?handler=Recovery", new Dictionary<string, string> { ["RecoveryCode"] = recoveryCode }, "/accounts/loginwith2fa");
    }

    static List<string> CodesIn(string html) => [.. CodePattern().Matches(html).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("<li><code>([A-Z0-9]{5}-[A-Z0-9]{5})</code></li>")]
    private static partial Regex CodePattern();
}

[Collection(SqliteCollection.Name)]
public sealed class RecoveryCodeTestsOnSqlite(SqliteApp app) : RecoveryCodeTests(app);

[Collection(PostgresCollection.Name)]
public sealed class RecoveryCodeTestsOnPostgres(PostgresApp app) : RecoveryCodeTests(app);
