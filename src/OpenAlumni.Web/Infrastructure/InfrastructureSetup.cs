using System.Text.Json.Serialization;
using Microsoft.AspNetCore.DataProtection;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Demo;
using OpenAlumni.Web.Infrastructure.Errors;
using OpenAlumni.Web.Infrastructure.Links;
using OpenAlumni.Web.Infrastructure.Mail;
using OpenAlumni.Web.Infrastructure.Markdown;
using OpenAlumni.Web.Infrastructure.Outbox;
using OpenAlumni.Web.Infrastructure.Storage;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Infrastructure;

/// <summary>What every feature stands on: the database, tenancy, mail, files, and the web stack.</summary>
public static class InfrastructureSetup
{
    /// <summary>Database, clock, tenancy, mail through the outbox, file storage, Markdown, data-protection keys.</summary>
    public static WebApplicationBuilder AddPlumbing(this WebApplicationBuilder builder)
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
            if (string.IsNullOrEmpty(o.DefaultTenant) && DemoSetup.DemoEnabled(config)) o.DefaultTenant = DemoSeeder.DemoSlug;
        });
        services.AddScoped<TenantContext>();
        services.AddScoped<ITenantContext>(sp => sp.GetRequiredService<TenantContext>());
        services.AddScoped<TenantDirectory>();
        services.AddScoped<TenantFeatures>();
        services.AddAppLinks(config, demo: DemoSetup.DemoEnabled(config));
        services.Configure<MailOptions>(config.GetSection("Mail"));
        services.AddSingleton<IMailer, MailKitMailer>();
        services.Configure<OutboxOptions>(config.GetSection("Outbox"));
        services.AddScoped<OutboxSender>();
        services.AddHostedService<OutboxWorker>();
        services.AddSingleton<IPeriodicJob, OutboxRetentionJob>();
        services.Configure<StorageOptions>(config.GetSection("Storage"));
        services.AddSingleton<FileStore>();
        services.AddScoped<Backup.BackupService>();
        services.AddSingleton<MarkdownRenderer>();
        services.AddDataProtection().SetApplicationName("OpenAlumni").PersistKeysToDbContext<AlumniDb>();
        return builder;
    }

    /// <summary>Razor Pages under Features/, localization, JSON and problem details, OpenAPI, health.</summary>
    public static WebApplicationBuilder AddWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddLocalization();
        // Japanese is written as itself in the HTML, not as &#x...; entities (smaller pages, readable source).
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        // Each feature's setup adds who may open its pages (PageRules).
        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Features";
                o.Conventions.ConfigureFilter(new UnknownPageHandlerFilter());
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization();
        // Routes are lower case (STYLE.md): every generated link (asp-page, RedirectToPage, LinkGenerator) follows, while
        // query strings keep their case (tokens, handler names). Old mixed-case links get a 301 (LowercaseRedirectMiddleware).
        services.Configure<RouteOptions>(o => o.LowercaseUrls = true);
        services.AddAntiforgery(o => o.HeaderName = "X-CSRF-TOKEN");
        services.AddProblemDetails();
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddExceptionHandler<DatabaseOutage>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddOpenApi(OpenApiContract.Configure);
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
            .AddCheck<OutboxBacklogHealthCheck>("outbox", tags: ["ready"]);
        return builder;
    }
}
