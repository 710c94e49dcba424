using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenAlumni.Tests.Infrastructure;
using OpenAlumni.Web.Features.Analytics;
using OpenAlumni.Web.Features.Members;
using static OpenAlumni.Tests.Features.Analytics.AnalyticsTestData;

namespace OpenAlumni.Tests.Features.Analytics;

/// <summary>
/// The distinct active member counts come from a rollup kept by the database; these compare them, for several
/// periods and segments, with a count made here from the raw activity rows, before and after the events that move
/// the rollup: days written out of order, a day deleted, a change of kind, and a member erasing themselves.
/// </summary>
public abstract class ActiveMembersRollupTests(AlumniApp app) : AppTest(app)
{
    static readonly string[] Filters = ["", "kind=Alumni", "kind=Employee", "department=営業部", "kind=Alumni&department=営業部"];
    static readonly (string From, string To)[] Periods = [("2025-01-01", "2025-03-31"), ("2025-01-10", "2025-04-20"), ("2025-02-03", "2025-02-25")];

    /// <summary>Thirty members (ten in 営業部, five of them alumni: no segment below the dashboard's minimum group of five),
    /// kinds mixed, with irregular activity from December to April, each member's days written in a shuffled order and in
    /// several batches, so that days arrive before and after their neighbours.</summary>
    static async Task<(TestTenant Tenant, HttpClient Admin, List<TestMember> Members)> NetworkAsync(AlumniApp app, int seed)
    {
        var tenant = await app.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var members = new List<TestMember>();
        for (var i = 0; i < 30; i++)
        {
            var sales = i % 3 == 0;
            members.Add(await tenant.MemberAsync(i % 2 == 0 ? MemberKind.Alumni : MemberKind.Employee, given: "会員" + i,
                edit: m => { if (sales) m.Career.Add(new CareerEntry { Department = "営業部", FromYear = 2010, ToYear = 2015 }); }));
        }
        var random = new Random(seed);
        var days = members.SelectMany((m, i) => Enumerable.Range(0, 150).Where(_ => random.NextDouble() < 0.15 + 0.05 * (i % 8))
            .Select(d => new MemberActivity { MemberId = m.Id, Day = new DateOnly(2024, 12, 1).AddDays(d) })).OrderBy(_ => random.Next()).ToList();
        foreach (var batch in days.Chunk(40))
            await tenant.DbAsync(async db => { db.AddRange(batch); return await db.SaveChangesAsync(Ct); });
        return (tenant, admin, members);
    }

    [Fact]
    public async Task ActiveMembers_EqualACountOfTheRawDays_ForEveryPeriodAndSegment_AsTheDataChanges()
    {
        var (tenant, admin, members) = await NetworkAsync(App, seed: 13);
        // Another network active on the same days counts nowhere here.
        await NetworkAsync(App, seed: 14);
        await AssertFiguresEqualRawCountAsync(tenant, admin);

        // A day in the middle of a member's days goes: their next day's gap grows.
        await tenant.DbAsync(async db =>
        {
            var middle = await db.Set<MemberActivity>().Where(a => a.MemberId == members[5].Id).OrderBy(a => a.Day).Skip(3).FirstAsync(Ct);
            db.Remove(middle);
            return await db.SaveChangesAsync(Ct);
        });
        // An alumnus becomes an employee: all their days move with them.
        var changed = await admin.PatchAsJsonAsync($"/api/v1/admin/members/{members[2].Id}", new { kind = "Employee" }, Ct);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        // A member erases themselves: their days leave every figure.
        var erasing = await tenant.ApiAsync(members[4]);
        var erased = await erasing.DeleteAsync("/api/v1/me?posts=delete", Ct);
        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);

        await AssertFiguresEqualRawCountAsync(tenant, admin);
        Assert.Empty(await tenant.DbAsync(db => db.Set<MemberActivity>().Where(a => a.MemberId == members[4].Id).ToListAsync(Ct)));
        Assert.Empty(await tenant.DbAsync(db => db.Set<ActivityRollup>().Where(r => r.Members < 0).ToListAsync(Ct)));
    }

    async Task AssertFiguresEqualRawCountAsync(TestTenant tenant, HttpClient admin)
    {
        var rows = await tenant.DbAsync(db => db.Set<MemberActivity>().Select(a => new { a.MemberId, a.Day }).ToListAsync(Ct));
        var people = await tenant.DbAsync(db => db.Members.Select(m => new { m.Id, m.Kind, m.Status, Departments = m.Career.Select(c => c.Department).ToList() })
            .ToDictionaryAsync(m => m.Id, Ct));
        foreach (var (from, to) in Periods)
        foreach (var filter in Filters)
        {
            var query = System.Web.HttpUtility.ParseQueryString(filter);
            var (kind, department) = (query["kind"], query["department"]);
            bool InSegment(long id) => (kind is null && department is null)
                || (people.TryGetValue(id, out var m) && m.Status != MemberStatus.Former
                    && (kind is null || m.Kind.ToString() == kind) && (department is null || m.Departments.Contains(department)));
            int Active(DateOnly a, DateOnly b) => rows.Where(r => r.Day >= a && r.Day <= b && InSegment(r.MemberId)).Select(r => r.MemberId).Distinct().Count();
            var (p0, p1) = (DateOnly.Parse(from), DateOnly.Parse(to));
            var monthly = new List<double>();
            for (var m = new DateOnly(p0.Year, p0.Month, 1); m <= p1; m = m.AddMonths(1))
                monthly.Add(Active(m < p0 ? p0 : m, m.AddMonths(1).AddDays(-1) > p1 ? p1 : m.AddMonths(1).AddDays(-1)));
            var weekly = Enumerable.Range(0, 12).Reverse().Select(i => p1.AddDays(-7 * i)).Where(e => e >= p0).Select(e => (double)Active(e.AddDays(-6), e)).ToArray();

            var data = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/analytics?from={from}&to={to}&{filter}", Ct);

            var what = $"{from}..{to} {filter}";
            Assert.True(monthly.SequenceEqual(Series(data, "active", "monthlyActive")), what);
            Assert.True(weekly.SequenceEqual(Series(data, "weekly", "weeklyActive")), what);
            var headline = data.GetProperty("headline");
            Assert.True(Active(p1.AddDays(-29), p1) == headline.GetProperty("activeMonthly").GetInt32(), what);
            Assert.True(Active(p1.AddDays(-6), p1) == headline.GetProperty("activeWeekly").GetInt32(), what);
        }
        // The weekly chart's CSV says what the dashboard says.
        var csv = await admin.GetStringAsync($"/api/v1/admin/analytics/weekly.csv?from={Periods[1].From}&to={Periods[1].To}&kind=Alumni", Ct);
        var json = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/analytics?from={Periods[1].From}&to={Periods[1].To}&kind=Alumni", Ct);
        var fromCsv = csv.TrimEnd().Split("\r\n").Skip(1).Select(line => double.Parse(line.Split(',')[1])).ToArray();
        Assert.Equal(Series(json, "weekly", "weeklyActive"), fromCsv);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ActiveMembersRollupTestsOnSqlite(SqliteApp app) : ActiveMembersRollupTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ActiveMembersRollupTestsOnPostgres(PostgresApp app) : ActiveMembersRollupTests(app);
