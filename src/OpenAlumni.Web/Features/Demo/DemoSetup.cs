using OpenAlumni.Web.Data;

namespace OpenAlumni.Web.Features.Demo;

public static class DemoSetup
{
    /// <summary>The demo network of the embedded default, and the synthetic members of `demo seed`.</summary>
    public static WebApplicationBuilder AddDemo(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<DemoSeeder>();
        return builder;
    }

    /// <summary>The demo network is on by default only in the embedded (SQLite) default.</summary>
    public static bool DemoEnabled(IConfiguration config) => config.GetValue("Demo:Enabled", !DatabaseSetup.IsPostgres(config));
}
