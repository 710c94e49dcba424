using System.Net;
using System.Net.Http.Json;

namespace OpenAlumni.Tests.Infrastructure;

/// <summary>The test app allows 30 login and 30 registration attempts per window and client (see AlumniApp).</summary>
public abstract class RateLimitTests(AlumniApp app) : AppTest(app)
{
    [Theory]
    [InlineData("/api/v1/auth/login")]
    [InlineData("/api/v1/registrations")]
    public async Task RepeatedAttempts_AreCutOffWith429_PerNetwork(string path)
    {
        var tenant = await App.CreateTenantAsync();
        var other = await App.CreateTenantAsync();
        var client = tenant.Client("ja");
        for (var i = 0; i < 30; i++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.PostAsJsonAsync(path, new { email = "x" }, Ct)).StatusCode);

        var limited = await client.PostAsJsonAsync(path, new { email = "x" }, Ct);
        var elsewhere = await other.Client().PostAsJsonAsync(path, new { email = "x" }, Ct);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.Contains("しばらく待って", await limited.Content.ReadAsStringAsync(Ct));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, elsewhere.StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class RateLimitTestsOnSqlite(SqliteApp app) : RateLimitTests(app);

[Collection(PostgresCollection.Name)]
public sealed class RateLimitTestsOnPostgres(PostgresApp app) : RateLimitTests(app);
