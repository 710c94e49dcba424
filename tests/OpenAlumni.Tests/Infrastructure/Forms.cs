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
        var response = await PostAsync(client, "/Accounts/Login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
