using System.Data.Common;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Events;

namespace OpenAlumni.Tests.Infrastructure;

/// <summary>
/// PostgreSQL going away: a blip inside a transaction is retried and the work done once; a server that is
/// really gone is answered 503 with Retry-After (never 500), in the user's language. PostgreSQL only: SQLite
/// is a file in the app's own folder, it has no server to lose.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class DatabaseOutageTests(PostgresApp app) : AppTest(app)
{
    [Fact]
    public async Task DatabaseGone_ApiAndPagesAnswer503WithRetryAfter_InTheUsersLanguage()
    {
        var tenant = await App.CreateTenantAsync();
        // Nothing listens on port 1: every connection is refused, as when the server is down. The app would
        // migrate on start; an operator may switch that off, and must here, since there is no database to migrate.
        await using var down = App.WithWebHostBuilder(b => b
            .UseSetting("ConnectionStrings:Alumni", "Host=127.0.0.1;Port=1;Database=gone;Username=postgres;Timeout=2")
            .UseSetting("Database:MigrateOnStartup", "false"));
        var client = down.CreateClient(new() { BaseAddress = new Uri($"http://{tenant.Host}/"), AllowAutoRedirect = false });
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ja");

        var api = await client.GetAsync("/api/v1/events", Ct);
        var page = await client.GetAsync("/accounts/login", Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
        Assert.NotNull(api.Headers.RetryAfter);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Equal("一時的にご利用いただけません", (await JsonAsync(api)).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.NotNull(page.Headers.RetryAfter);
        Assert.Contains("一時的にご利用いただけません", await page.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task TransientFailureInASignUp_IsRetried_AndRecordsExactlyOneSeat()
    {
        var tenant = await App.CreateTenantAsync();
        var admin = await tenant.ApiAsync(await tenant.AdminAsync());
        var member = await tenant.MemberAsync();
        var id = await EventTestData.CreateAsync(admin, EventTestData.Meetup(capacity: 5));
        var failure = new FailFirst("INSERT INTO \"Rsvp\" ");
        await using var flaky = App.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.ConfigureDbContext<PostgresAlumniDb>(o => o.AddInterceptors(failure))));
        var client = await tenant.ClientForAsync(member, flaky, TimeSpan.FromHours(1));

        var signUp = await client.PostAsync($"/api/v1/events/{id}/rsvp", null, Ct);

        Assert.Equal(1, failure.Thrown);
        Assert.Equal(HttpStatusCode.OK, signUp.StatusCode);
        Assert.Equal("confirmed", (await JsonAsync(signUp)).GetProperty("status").GetString());
        Assert.Equal(1, (await EventTestData.GetAsync(admin, id)).GetProperty("confirmedCount").GetInt32());
        Assert.Equal(1, await tenant.DbAsync(db => db.Set<Rsvp>().CountAsync(r => r.EventId == id && r.MemberId == member.Id)));
    }

    /// <summary>Fails the first command that starts with the given SQL, as a server restart would (57P01), then lets all pass.</summary>
    sealed class FailFirst(string sql) : DbCommandInterceptor
    {
        int thrown;
        public int Thrown => thrown;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken ct = default)
        {
            if (command.CommandText.Contains(sql, StringComparison.Ordinal) && Interlocked.CompareExchange(ref thrown, 1, 0) == 0)
                throw new Npgsql.PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", "57P01");
            return base.ReaderExecutingAsync(command, eventData, result, ct);
        }
    }
}
