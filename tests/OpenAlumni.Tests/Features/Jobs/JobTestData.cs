using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OpenAlumni.Tests.Features.Jobs;

/// <summary>Openings as an admin or recruiter posts them through the API.</summary>
public static class JobTestData
{
    static string Future(int days = 30) => DateTimeOffset.UtcNow.AddDays(days).ToString("yyyy-MM-dd");

    public static object Opening(string title = "事業開発マネージャー", string department = "機械・インフラ本部", string? closesAt = null, string remote = "hybrid",
        string? status = null, string keywords = "物流, 事業開発") =>
        new { title, department, location = "東京本社", remote, description = "**歓迎**：物流の経験", howToApply = "recruit@example.com まで", closesAt = closesAt ?? Future(), status, keywords };

    public static async Task<long> PostAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/v1/jobs", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }
}
