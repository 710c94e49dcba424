using System.Diagnostics;

namespace OpenAlumni.Tests.Infrastructure.Trust;

/// <summary>
/// Proof of trust 1, the access matrix: every API operation of /openapi/v1.json and every page the app routes,
/// called as anonymous, pending, suspended, alumnus, employee, recruiter, admin, and as a member and an admin of
/// another network (at its host and at this one's), with ids of their own objects, another member's and another
/// network's, answers as <see cref="AccessTable"/> says: never a 2xx the table refuses, never a 5xx, never the
/// other network's data.
/// </summary>
public abstract class AccessMatrixTests(AlumniApp app) : AppTest(app)
{
    [Fact]
    public async Task TheTable_NamesEveryOperationAndPage_AndNothingElse()
    {
        var operations = (await ApiCatalog.OperationsAsync(App, Ct)).Select(o => o.Key).ToHashSet();
        var pages = ApiCatalog.Pages(App).Select(p => p.Path).ToHashSet();
        var others = ApiCatalog.Unlisted(App, await ApiCatalog.OperationsAsync(App, Ct)).Select(o => o.Key).ToHashSet();

        var missing = operations.Except(AccessTable.Api.Keys).Concat(pages.Except(AccessTable.Pages.Keys)).Concat(others.Except(AccessTable.Other.Keys)).ToList();
        var stale = AccessTable.Api.Keys.Except(operations).Concat(AccessTable.Pages.Keys.Except(pages)).Concat(AccessTable.Other.Keys.Except(others)).ToList();

        Assert.True(operations.Count > 100 && pages.Count > 50, $"Only {operations.Count} operations and {pages.Count} pages found.");
        Assert.True(missing.Count == 0, "Not in AccessTable (say who may call it):\n" + string.Join("\n", missing));
        Assert.True(stale.Count == 0, "In AccessTable but no longer served:\n" + string.Join("\n", stale));
    }

    [Fact]
    public async Task EveryCaller_GetsWhatTheTableSays_AndNoOtherNetworksData()
    {
        var clock = Stopwatch.StartNew();
        var described = await ApiCatalog.OperationsAsync(App, Ct);
        var operations = described.Where(o => AccessTable.Api.ContainsKey(o.Key)).ToList();
        var others = ApiCatalog.Unlisted(App, described).Where(o => AccessTable.Other.ContainsKey(o.Key)).ToList();
        var pages = ApiCatalog.Pages(App).Where(p => AccessTable.Pages.ContainsKey(p.Path)).ToList();
        var here = await MatrixNetwork.SeedAsync(App, Ct);
        var other = await MatrixNetwork.SeedAsync(App, Ct);
        var seeded = clock.Elapsed;
        var matrix = new AccessMatrix(App, here, other);

        await matrix.RunFirstReadsAtOnceAsync(operations, Ct);
        await matrix.RunPagesAsync(pages, Ct);
        await matrix.RunOtherAsync(others, Ct);
        await matrix.RunApiAsync(operations, Ct);

        TrustFigures.Report("Access matrix", $"{App.Provider}: {operations.Count} operations, {pages.Count} pages, {others.Count} other endpoints, " +
            $"{matrix.CallerCount} identities, {matrix.Calls} calls ({matrix.Refused} refused by the table), {matrix.Wrong.Count} wrong answers, {clock.Elapsed.TotalSeconds:0}s (seeding two networks {seeded.TotalSeconds:0}s)");
        // Reads the table allows must answer someone: a row that refuses everybody would prove nothing.
        var unanswered = operations.Concat(others).Where(o => o.IsRead && !o.Path.Contains("{chart}") && !o.Path.Contains("{key}") && !o.Path.StartsWith("/hubs/")
                // SCIM answers its token's holder only, which no caller of the matrix is (ScimTests call it with one).
                && !o.Path.StartsWith("/scim/")).Select(o => o.Key)
            // Pages whose own answer is an error status: the error page, a join link that is no invitation, access denied.
            .Concat(pages.Where(p => p.Path is not ("/error/{code}" or "/join/{token}" or "/u/{token}" or "/accounts/accessdenied")).Select(p => p.Path))
            .Where(n => !matrix.Answered.Contains(n)).ToList();
        Assert.True(matrix.Wrong.Count == 0, $"{matrix.Wrong.Count} wrong answers:\n" + string.Join("\n", matrix.Wrong.Take(200)));
        Assert.True(unanswered.Count == 0, "No caller the table allows got a 2xx:\n" + string.Join("\n", unanswered));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AccessMatrixTestsOnSqlite(SqliteApp app) : AccessMatrixTests(app);

[Collection(PostgresCollection.Name)]
public sealed class AccessMatrixTestsOnPostgres(PostgresApp app) : AccessMatrixTests(app);
