using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OpenAlumni.BrowserTests.Infrastructure;
using OpenAlumni.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OpenAlumni.BrowserTests;

/// <summary>
/// Company sign-in, in both languages: the secretariat, on a phone, leaves the form empty and is told what is missing, then
/// connects the company's provider (a real OpenID Connect provider the test starts); an employee, on a phone, clicks
/// "sign in with your company account" on the login page, signs in at the provider, and lands in the network as an approved
/// employee, with no password and no registration.
/// </summary>
public sealed class SsoJourneyTests(BrowserApp app) : BrowserTest(app)
{
    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public async Task TheSecretariatConnectsTheProvider_AndAnEmployeeSignsInWithTheCompanyAccount(string culture)
    {
        var ja = culture == "ja";
        var text = UiText.For(culture);
        var tenant = await App.CreateTenantAsync(ja ? "三ツ星商事 アルムナイネットワーク" : "Mitsuboshi Alumni Network", culture);
        var secretariat = await tenant.AdminAsync();
        var provider = await OidcProvider.SharedAsync();
        var clientId = "oa-" + tenant.Info.Slug;
        await provider.RegisterClientAsync(clientId, "journey-secret-42", $"{tenant.BaseUrl}/accounts/sso/callback");

        // 1. On a phone, from the admin menu: an empty form names each missing field; nothing is saved.
        var phone = await OpenAsync(tenant, "secretariat-phone");
        await phone.SetViewportSizeAsync(360, 780);
        await SignInAsync(phone, text, secretariat);
        await phone.GotoAsync("/admin/settings");
        await phone.GetByTestId("admin-nav").GetByRole(AriaRole.Link, new() { Name = ja ? "会社アカウント連携" : "Company sign-in" }).ClickAsync();
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(ja ? "会社アカウントでのログイン（SSO）" : "Company sign-in (SSO)");
        await Expect(phone.GetByTestId("callback-url")).ToHaveTextAsync($"{tenant.BaseUrl}/accounts/sso/callback");
        await phone.GetByTestId("save").ClickAsync();
        await Expect(phone.Locator("#Input_Domains-err")).ToHaveTextAsync(ja ? "この項目は必須です。" : "This field is required.");
        await Expect(phone.Locator("#Input_Authority-err")).ToHaveTextAsync(ja ? "この項目は必須です。" : "This field is required.");

        // 2. The provider is connected: its authority, this network's client, the company's domain.
        await phone.Locator("#Input_Authority").FillAsync(provider.Authority.ToString());
        await phone.Locator("#Input_ClientId").FillAsync(clientId);
        await phone.Locator("#Input_ClientSecret").FillAsync("journey-secret-42");
        await phone.Locator("#Input_Domains").FillAsync("mitsuboshi.example\n@Mitsuboshi.example");
        await phone.GetByTestId("save").ClickAsync();
        await Expect(phone.Locator(".flash")).ToContainTextAsync(ja ? "設定を保存しました" : "settings saved");
        await Expect(phone.Locator("#Input_Domains")).ToHaveValueAsync("mitsuboshi.example");
        await Expect(phone.Locator("#Input_ClientSecret")).ToHaveValueAsync("");
        Assert.DoesNotContain("journey-secret-42", await phone.ContentAsync());
        Assert.Equal(0, await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth - 360"));
        await SnapAsync(phone, culture, "sso-01-configured-360");

        // 3. An employee, on a phone, signs in with the company account: no password, no registration.
        var employee = await OpenAsync(tenant, "employee-phone");
        await employee.SetViewportSizeAsync(360, 780);
        await employee.GotoAsync("/accounts/login");
        var button = employee.GetByTestId("sso");
        await Expect(button).ToHaveTextAsync(ja ? "会社のアカウントでログイン" : "Sign in with your company account");
        Assert.Equal(0, await employee.EvaluateAsync<int>("() => document.documentElement.scrollWidth - 360"));
        await SnapAsync(employee, culture, "sso-02-login-360");
        await button.ClickAsync();
        await Expect(employee).ToHaveURLAsync(new Regex("^" + Regex.Escape(provider.Authority + "connect/authorize")));
        await employee.Locator("input[name=login_email]").FillAsync($"hanako.yamada.{culture}@mitsuboshi.example");
        await employee.Locator("input[name=login_name]").FillAsync(ja ? "山田 花子" : "Hanako Yamada");
        await employee.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(employee).ToHaveURLAsync(tenant.BaseUrl + "/");
        await Expect(employee.GetByText(string.Format(text.WelcomeFormat, ja ? "山田 花子" : "Hanako Yamada"))).ToBeVisibleAsync();
        await SnapAsync(employee, culture, "sso-03-signed-in-360");

        // 4. At a desk, the employee is an approved employee: the directory opens.
        await employee.SetViewportSizeAsync(1280, 900);
        await employee.GotoAsync("/members");
        await Expect(employee.GetByRole(AriaRole.Heading, new() { Name = text.DirectoryTitle, Level = 1 })).ToBeVisibleAsync();
        await SnapAsync(employee, culture, "sso-04-directory-1280");

        // 5. At a desk, the secretariat sees when it was last used.
        var desk = await OpenAsync(tenant, "secretariat-desk");
        await SignInAsync(desk, text, secretariat);
        await desk.GotoAsync("/admin/sso");
        await Expect(desk.GetByTestId("sso-status")).ToContainTextAsync(ja ? "最終ログイン" : "Last sign-in");
        await SnapAsync(desk, culture, "sso-05-admin-1280");
    }
}
