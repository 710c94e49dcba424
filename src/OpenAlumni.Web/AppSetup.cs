using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Accounts;
using OpenAlumni.Web.Features.Analytics;
using OpenAlumni.Web.Features.Audit;
using OpenAlumni.Web.Features.Channels;
using OpenAlumni.Web.Features.Collaborations;
using OpenAlumni.Web.Features.Community;
using OpenAlumni.Web.Features.Consultations;
using OpenAlumni.Web.Features.Demo;
using OpenAlumni.Web.Features.Events;
using OpenAlumni.Web.Features.Jobs;
using OpenAlumni.Web.Features.MemberAdmin;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Features.Messages;
using OpenAlumni.Web.Features.Moderation;
using OpenAlumni.Web.Features.Newsletters;
using OpenAlumni.Web.Features.Notifications;
using OpenAlumni.Web.Features.Outcomes;
using OpenAlumni.Web.Features.Projects;
using OpenAlumni.Web.Features.Posts;
using OpenAlumni.Web.Features.Privacy;
using OpenAlumni.Web.Features.Registrations;
using OpenAlumni.Web.Features.Roster;
using OpenAlumni.Web.Features.Scim;
using OpenAlumni.Web.Features.Settings;
using OpenAlumni.Web.Features.Spaces;
using OpenAlumni.Web.Features.Sso;
using OpenAlumni.Web.Features.Suggestions;
using OpenAlumni.Web.Features.WebApp;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Cluster;
using OpenAlumni.Web.Infrastructure.Errors;
using OpenAlumni.Web.Infrastructure.Observability;
using OpenAlumni.Web.Infrastructure.Localization;
using OpenAlumni.Web.Infrastructure.Security;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web;

/// <summary>The composition of the app: a table of contents. Each feature's own setup lives in its folder.</summary>
public static class AppSetup
{
    public static WebApplicationBuilder AddOpenAlumni(this WebApplicationBuilder builder) => builder
        .AddPlumbing().AddWeb().AddCluster().AddObservability().AddSecurity()
        .AddAccounts().AddSso().AddRegistrations().AddMembers().AddPrivacy()
        .AddSpaces().AddPosts().AddModeration().AddNotifications().AddEvents()
        .AddMessages().AddConsultations().AddJobs().AddProjects().AddCollaborations().AddOutcomes().AddSuggestions().AddChannels().AddNewsletters().AddCommunity()
        .AddSettings().AddRoster().AddScim().AddMemberAdmin().AddAudit().AddAnalytics().AddDemo().AddWebApp();

    /// <summary>Migrates the database and, in the embedded default, creates the demo network.</summary>
    public static async Task PrepareAsync(this WebApplication app)
    {
        if (app.Configuration.GetValue("Database:MigrateOnStartup", true))
            await DatabaseSetup.MigrateAsync(app.Services);
        if (DemoSetup.DemoEnabled(app.Configuration))
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().EnsureDemoAsync(app.Logger, CancellationToken.None);
        }
        await DatabaseSetup.RefreshStatisticsAsync(app.Services);
    }

    public static WebApplication UseOpenAlumni(this WebApplication app)
    {
        app.UseSecurity();
        app.UseErrorPages();
        app.UseStaticFiles();
        app.UseMiddleware<TenantResolutionMiddleware>();
        app.UseAlumniLocalization();
        app.UseRouting();
        app.UseMiddleware<LowercaseRedirectMiddleware>();
        app.UseRateLimiter();
        app.UseSso();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<OpenAlumni.Web.Infrastructure.Validation.UnreadableInputGuard>();
        app.UseMiddleware<ActivityMiddleware>();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapOpenAlumni(this WebApplication app)
    {
        app.MapHealth();
        app.MapOpenApi();
        app.MapAccounts().MapRegistrations().MapAudit().MapMembers().MapSpaces().MapEvents().MapPosts().MapNotifications()
            .MapSettings().MapRoster().MapScim().MapMemberAdmin().MapJobs().MapProjects().MapCollaborations().MapOutcomes().MapSuggestions().MapChannels().MapSso().MapNewsletters().MapCommunity()
            .MapMessages().MapConsultations().MapPrivacy().MapAnalytics().MapWebApp();
        app.MapRazorPages();
        return app;
    }
}
