using System.Net;
using System.Text.RegularExpressions;

namespace OpenAlumni.Tests.Infrastructure;

/// <summary>Posts a Razor Page form as a browser would: with the antiforgery token from the page itself.</summary>
public static partial class Forms
{
    public static async Task<string> GetTokenAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        return Token(html);
    }

    public static string Token(string html)
    {
        var m = TokenPattern().Match(html);
        Assert.True(m.Success, "The page has no antiforgery token.");
        return WebUtility.HtmlDecode(m.Groups[1].Value);
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, IDictionary<string, string> fields, string? pageForToken = null)
    {
        var token = await GetTokenAsync(client, pageForToken ?? path);
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        return await client.PostAsync(path, new FormUrlEncodedContent(form));
    }

    /// <summary>Signs in through the login page; the client then carries the auth cookie.</summary>
    public static async Task SignInAsync(HttpClient client, string email, string password)
    {
        var response = await PostAsync(client, "/accounts/login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>Opens the mailed confirmation link and presses its button, as a person would.</summary>
    public static async Task<HttpResponseMessage> ConfirmEmailAsync(HttpClient client, string link)
    {
        var path = new Uri(link).PathAndQuery;
        var response = await PostAsync(client, path, new Dictionary<string, string>());
        Assert.Contains("accounts/login", await response.Content.ReadAsStringAsync());
        return response;
    }

    /// <summary>Signs in on a client that keeps no cookies, and returns the auth cookie as a Cookie header value.</summary>
    public static async Task<string> SignInCookieAsync(TestTenant tenant, string email, string password)
    {
        var client = tenant.App.CreateClient(new() { BaseAddress = new Uri($"http://{tenant.Host}/"), AllowAutoRedirect = false, HandleCookies = false });
        var page = await client.GetAsync("/accounts/login");
        var antiforgery = string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var request = new HttpRequestMessage(HttpMethod.Post, "/accounts/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = email, ["Input.Password"] = password, ["__RequestVerificationToken"] = Token(await page.Content.ReadAsStringAsync()),
            }),
        };
        request.Headers.Add("Cookie", antiforgery);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Where(c => c.StartsWith("openalumni=")));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
