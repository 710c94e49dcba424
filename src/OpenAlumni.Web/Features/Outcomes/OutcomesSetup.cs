using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;

namespace OpenAlumni.Web.Features.Outcomes;

public static class OutcomesSetup
{
    /// <summary>The ledger of what the network produced: hires, deals, investments, side projects, engagements.</summary>
    public static WebApplicationBuilder AddOutcomes(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<OutcomeService>();
        builder.Services.AddPageRules(pages => pages.AuthorizeFolder("/Outcomes", Policies.Member));
        return builder;
    }

    public static IEndpointRouteBuilder MapOutcomes(this IEndpointRouteBuilder app) => app.MapOutcomesApi();
}
