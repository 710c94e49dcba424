using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Messages;

public static class MessagesSetup
{
    /// <summary>Private conversations, live over SignalR; blocks; reported messages for the secretariat.</summary>
    public static WebApplicationBuilder AddMessages(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSignalR();
        services.AddScoped<MessageService>();
        services.AddScoped<BlockService>();
        services.AddScoped<MessageReportService>();
        services.AddPageRules(pages =>
        {
            pages.AuthorizeFolder("/Messages", Policies.Member).RequireFeature("/Messages", TenantFeature.Messages);
            pages.AuthorizePage("/Messages/Reports", Policies.Admin);
        });
        return builder;
    }

    /// <summary>The API and the hub at <see cref="MessagesHub.Path"/>.</summary>
    public static IEndpointRouteBuilder MapMessages(this IEndpointRouteBuilder app) => app.MapMessagesApi();
}
