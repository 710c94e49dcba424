using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;
using OpenAlumni.Web.Infrastructure.Outbox;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Consultations;

public static class ConsultationsSetup
{
    /// <summary>Asking a member for advice: requests, answers, and expiry of the unanswered.</summary>
    public static WebApplicationBuilder AddConsultations(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ConsultationService>();
        builder.Services.AddSingleton<IPeriodicJob, ConsultationExpiryJob>();
        builder.Services.AddPageRules(pages =>
            pages.AuthorizeFolder("/Consultations", Policies.Member).RequireFeature("/Consultations", TenantFeature.Consultations));
        return builder;
    }

    public static IEndpointRouteBuilder MapConsultations(this IEndpointRouteBuilder app) => app.MapConsultationsApi();
}
