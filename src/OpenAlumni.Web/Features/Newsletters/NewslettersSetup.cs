using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;
using OpenAlumni.Web.Infrastructure.Outbox;

namespace OpenAlumni.Web.Features.Newsletters;

public static class NewslettersSetup
{
    /// <summary>The secretariat's newsletters, the weekly cap on network mail, one-click unsubscribe and bounces.</summary>
    public static WebApplicationBuilder AddNewsletters(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<BounceOptions>(builder.Configuration.GetSection("Newsletters:Bounces"));
        builder.Services.AddScoped<NewsletterService>();
        builder.Services.AddScoped<NewsletterRenderer>();
        builder.Services.AddScoped<NewsletterAudiences>();
        builder.Services.AddScoped<NewsletterDispatcher>();
        builder.Services.AddScoped<MailCap>();
        builder.Services.AddScoped<Unsubscribe>();
        builder.Services.AddScoped<MyMail>();
        builder.Services.AddScoped<Bounces>();
        builder.Services.AddScoped<IOutboxListener, NewsletterDeliveryListener>();
        builder.Services.AddSingleton<IPeriodicJob, NewsletterJob>();
        builder.Services.AddPageRules(pages =>
        {
            pages.AuthorizeFolder("/Newsletters", Policies.Admin);
            pages.AllowAnonymousToPage("/Newsletters/Unsubscribe");
        });
        return builder;
    }

    public static IEndpointRouteBuilder MapNewsletters(this IEndpointRouteBuilder app) => app.MapNewslettersApi();
}
