using System.Text.Json.Serialization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Accounts;
using OpenAlumni.Web.Features.Collaborations;
using OpenAlumni.Web.Features.Community;
using OpenAlumni.Web.Features.Jobs;
using OpenAlumni.Web.Features.Consultations;
using OpenAlumni.Web.Features.Analytics;
using OpenAlumni.Web.Features.Demo;
using OpenAlumni.Web.Features.Privacy;
using OpenAlumni.Web.Features.Events;
using OpenAlumni.Web.Features.Messages;
using OpenAlumni.Web.Features.Notifications;
using OpenAlumni.Web.Features.Posts;
using OpenAlumni.Web.Infrastructure.Markdown;
using OpenAlumni.Web.Infrastructure.Outbox;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Features.Audit;
using OpenAlumni.Web.Features.Registrations;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;
using OpenAlumni.Web.Infrastructure.Errors;
using OpenAlumni.Web.Infrastructure.Links;
using OpenAlumni.Web.Infrastructure.Localization;
using OpenAlumni.Web.Infrastructure.Mail;
using OpenAlumni.Web.Infrastructure.Storage;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web;

/// <summary>The composition of the app, kept out of Program.cs so it reads as a table of contents.</summary>
public static class AppSetup
{
    public static WebApplicationBuilder AddOpenAlumni(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;
        builder.AddAlumniDb();
        services.AddSingleton(TimeProvider.System);
        services.AddMemoryCache();
        services.AddHttpContextAccessor();
        services.Configure<TenancyOptions>(config.GetSection("Tenancy"));
        // The embedded demo answers on any host (127.0.0.1, a LAN name) unless a default is configured.
        services.PostConfigure<TenancyOptions>(o =>
        {
            if (string.IsNullOrEmpty(o.DefaultTenant) && DemoEnabled(config)) o.DefaultTenant = DemoSeeder.DemoSlug;
        });
        services.Configure<MailOptions>(config.GetSection("Mail"));
        services.Configure<StorageOptions>(config.GetSection("Storage"));
        services.AddScoped<TenantContext>();
        services.AddScoped<ITenantContext>(sp => sp.GetRequiredService<TenantContext>());
        services.AddScoped<TenantDirectory>();
        services.AddAppLinks(config, demo: DemoEnabled(config));
        services.AddSingleton<IMailer, MailKitMailer>();
        services.AddSingleton<FileStore>();

        services.AddDataProtection().SetApplicationName("OpenAlumni").PersistKeysToDbContext<AlumniDb>();
        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.User.RequireUniqueEmail = true;
                // The user name is the email, already checked by Check.Email; Identity's narrower default would refuse some valid addresses.
                o.User.AllowedUserNameCharacters = "";
                o.SignIn.RequireConfirmedEmail = true;
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<AlumniDb>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<TenantClaimsPrincipalFactory>();
        services.AddAuthentication().AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(1)).AddAlumniScheme();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Accounts/Login";
            o.LogoutPath = "/Accounts/Logout";
            o.AccessDeniedPath = "/Accounts/AccessDenied";
            o.Cookie.Name = "openalumni";
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.HttpOnly = true;
            o.SlidingExpiration = true;
            // The API answers 401/403, never a redirect to the login page.
            o.Events.OnRedirectToLogin = ctx => Redirect(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => Redirect(ctx, StatusCodes.Status403Forbidden);
        });
        services.AddScoped<CurrentMember>();
        services.AddTenantBoundAuthentication();
        services.AddAlumniPolicies();
        services.AddAlumniRateLimits(config);

        services.AddLocalization();
        // Japanese is written as itself in the HTML, not as &#x...; entities (smaller pages, readable source).
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Features";
                o.Conventions.AuthorizeFolder("/Members", Policies.Member);
                o.Conventions.AuthorizeFolder("/Registrations", Policies.Admin);
                o.Conventions.AuthorizeFolder("/Events", Policies.Member);
                o.Conventions.AuthorizeFolder("/Posts", Policies.Member);
                o.Conventions.AuthorizeFolder("/Notifications", Policies.Member);
                o.Conventions.AuthorizeFolder("/Moderation", Policies.Admin);
                o.Conventions.AuthorizeFolder("/Settings", Policies.Admin);
                o.Conventions.AuthorizeFolder("/Roster", Policies.Admin);
                o.Conventions.AllowAnonymousToPage("/Roster/Join");
                o.Conventions.AuthorizeFolder("/MemberAdmin", Policies.Admin);
                o.Conventions.AddFolderApplicationModelConvention("/Events", m => m.Filters.Add(new FeaturePageFilter(TenantFeature.Events)));
                o.Conventions.AddFolderApplicationModelConvention("/Jobs", m => m.Filters.Add(new FeaturePageFilter(TenantFeature.Jobs)));
                o.Conventions.AddFolderApplicationModelConvention("/Messages", m => m.Filters.Add(new FeaturePageFilter(TenantFeature.Messages)));
                o.Conventions.AddFolderApplicationModelConvention("/Consultations", m => m.Filters.Add(new FeaturePageFilter(TenantFeature.Consultations)));
                o.Conventions.AuthorizeFolder("/Audit", Policies.Admin);
                o.Conventions.AuthorizeFolder("/Jobs", Policies.Member);
                o.Conventions.AuthorizePage("/Jobs/Recruiters", Policies.Admin);
                o.Conventions.AuthorizeFolder("/Collaborations", Policies.Member);
                o.Conventions.AuthorizePage("/Community/Admin", Policies.Admin);
                o.Conventions.AuthorizeFolder("/Messages", Policies.Member);
                o.Conventions.AuthorizePage("/Messages/Reports", Policies.Admin);
                o.Conventions.AuthorizeFolder("/Consultations", Policies.Member);
                o.Conventions.AuthorizePage("/Events/Edit", Policies.Admin);
                o.Conventions.AuthorizePage("/Events/Attendees", Policies.Admin);
                o.Conventions.AuthorizePage("/Events/CheckIn", Policies.Admin);
                o.Conventions.AuthorizePage("/Accounts/Security", Policies.Registered);
                o.Conventions.AuthorizePage("/Accounts/Status", Policies.Registered);
                o.Conventions.AuthorizePage("/Privacy/Me", Policies.Registered);
                o.Conventions.AuthorizePage("/Privacy/Edit", Policies.Admin);
                o.Conventions.AuthorizeFolder("/Analytics", Policies.Admin);
                // Opened from the yearly mail: the signed link is the credential, no sign-in needed.
                o.Conventions.AllowAnonymousToPage("/Members/ConfirmProfile");
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization();
        services.AddAntiforgery(o => o.HeaderName = "X-CSRF-TOKEN");
        services.AddProblemDetails();
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddOpenApi();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

        services.AddScoped<AccountService>();
        services.AddScoped<MemberService>();
        services.AddScoped<DirectoryService>();
        services.AddSingleton<PhotoProcessor>();
        services.AddScoped<RegistrationService>();
        services.AddScoped<AuditLog>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<TenantFeatures>();
        services.AddScoped<Features.Settings.TenantSettingsService>();
        services.AddScoped<Features.Roster.RosterService>();
        services.AddScoped<Features.Roster.RosterMatcher>();
        services.AddScoped<Features.Roster.InvitationService>();
        services.AddScoped<Features.MemberAdmin.MemberAdminService>();

        services.AddSingleton<MarkdownRenderer>();
        services.Configure<OutboxOptions>(config.GetSection("Outbox"));
        services.AddScoped<OutboxSender>();
        services.AddHostedService<OutboxWorker>();
        services.AddScoped<EventService>();
        services.AddScoped<RsvpService>();
        services.AddScoped<PitchService>();
        services.AddScoped<EventCalendar>();
        services.AddScoped<EventReminders>();
        services.AddSingleton<IPeriodicJob, EventReminderJob>();
        services.AddScoped<PostService>();
        services.AddScoped<PostInteractionService>();
        services.AddScoped<NotificationService>();
        services.AddScoped<WeeklyDigest>();
        services.AddSingleton<IPeriodicJob, WeeklyDigestJob>();
        services.AddScoped<JobService>();
        services.AddScoped<CollaborationService>();
        services.AddScoped<CommunityService>();
        services.AddSignalR();
        services.AddScoped<MessageService>();
        services.AddScoped<BlockService>();
        services.AddScoped<MessageReportService>();
        services.AddScoped<ConsultationService>();
        services.AddSingleton<IPeriodicJob, ConsultationExpiryJob>();
        services.AddPrivacy();
        services.AddAnalytics();
        return builder;
    }

    static Task Redirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Path.StartsWithSegments("/hubs") || ctx.Request.Path.Value?.EndsWith("/photo", StringComparison.Ordinal) == true)
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>Migrates the database and, in the embedded default, creates the demo network.</summary>
    public static async Task PrepareAsync(this WebApplication app)
    {
        if (app.Configuration.GetValue("Database:MigrateOnStartup", true))
            await DatabaseSetup.MigrateAsync(app.Services);
        if (DemoEnabled(app.Configuration))
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().EnsureDemoAsync(app.Logger, CancellationToken.None);
        }
    }

    /// <summary>The demo network is on by default only in the embedded (SQLite) default.</summary>
    static bool DemoEnabled(IConfiguration config) => config.GetValue("Demo:Enabled", !DatabaseSetup.IsPostgres(config));

    public static WebApplication UseOpenAlumni(this WebApplication app)
    {
        // The API answers problem+json; pages get a page in the user's language.
        app.UseWhen(IsApi, api => { api.UseExceptionHandler(); api.UseStatusCodePages(); });
        app.UseWhen(http => !IsApi(http), pages =>
        {
            pages.UseExceptionHandler("/error/500");
            pages.UseStatusCodePagesWithReExecute("/error/{0}");
        });
        app.UseStaticFiles();
        app.UseMiddleware<TenantResolutionMiddleware>();
        app.UseAlumniLocalization();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<ActivityMiddleware>();
        app.UseAntiforgery();
        return app;
    }

    static bool IsApi(HttpContext http) =>
        http.Request.Path.StartsWithSegments("/api") || http.Request.Path.StartsWithSegments("/health") || http.Request.Path.StartsWithSegments("/openapi")
        || http.Request.Path.StartsWithSegments(OpenAlumni.Web.Features.Messages.MessagesHub.Path);

    public static WebApplication MapOpenAlumni(this WebApplication app)
    {
        app.MapHealthChecks("/health");
        app.MapOpenApi();
        app.MapAccountsApi();
        app.MapRegistrationsApi();
        app.MapAuditApi();
        app.MapMembersApi();
        app.MapEventsApi();
        app.MapPostsApi();
        app.MapNotificationsApi();
        Features.Settings.SettingsApi.MapSettingsApi(app);
        Features.Roster.RosterApi.MapRosterApi(app);
        Features.MemberAdmin.MemberAdminApi.MapMemberAdminApi(app);
        app.MapJobsApi();
        app.MapCollaborationsApi();
        app.MapCommunityApi();
        app.MapMessagesApi();
        app.MapConsultationsApi();
        app.MapPrivacyApi();
        app.MapAnalyticsApi();
        app.MapCultureEndpoint();
        app.MapRazorPages();
        return app;
    }
}
