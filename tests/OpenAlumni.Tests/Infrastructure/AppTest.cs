using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OpenAlumni.Tests.Infrastructure;

/// <summary>Base of the tests that run on both databases: the derived class picks the app.</summary>
public abstract class AppTest
{
    protected AppTest(AlumniApp app)
    {
        App = app;
        if (app.SkipReason is not null) Assert.Skip(app.SkipReason);
    }

    protected AlumniApp App { get; }
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>Asserts a 400 problem+json naming these fields, and returns the errors by field.</summary>
    protected static async Task<Dictionary<string, string[]>> AssertValidationProblemAsync(HttpResponseMessage response, params string[] fields)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await JsonAsync(response);
        var errors = body.GetProperty("errors").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(v => v.GetString()!).ToArray(), StringComparer.OrdinalIgnoreCase);
        foreach (var f in fields) Assert.True(errors.ContainsKey(f), $"No error for '{f}'; got: {string.Join(", ", errors.Keys)}");
        return errors;
    }
}
