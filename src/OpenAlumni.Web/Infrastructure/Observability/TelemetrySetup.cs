using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace OpenAlumni.Web.Infrastructure.Observability;

/// <summary>
/// Traces and metrics over OTLP, switched on by an endpoint: <c>OpenTelemetry:Endpoint</c> (with
/// <c>OpenTelemetry:Protocol</c> <c>grpc</c>, the default, or <c>http</c>), or the standard
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> and its companions. Traces follow each request into its SQL (Npgsql); metrics are
/// ASP.NET Core's, the runtime's, Npgsql's and the app's own (<see cref="AlumniMetrics"/>). Nothing configured, nothing
/// is collected or sent. JSON logs are the console logger's (<c>Logging:Console:FormatterName=json</c>), with the
/// trace id of the request in each line's scope.
/// </summary>
public static class TelemetrySetup
{
    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AlumniMetrics>();
        var endpoint = builder.Configuration["OpenTelemetry:Endpoint"];
        var standard = !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT"));
        if (string.IsNullOrWhiteSpace(endpoint) && !standard) return builder;
        if (endpoint is { Length: > 0 } && !Uri.TryCreate(endpoint, UriKind.Absolute, out _))
            throw new InvalidOperationException($"OpenTelemetry:Endpoint: '{endpoint}' is not an absolute URL (http://collector:4317).");

        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(builder.Configuration["OpenTelemetry:ServiceName"] ?? "openalumni",
                serviceInstanceId: Environment.MachineName + ":" + Environment.ProcessId))
            .WithTracing(t => t
                // Health probes every few seconds would drown the traces worth reading.
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health"))
                .AddNpgsql())
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter(AlumniMetrics.MeterName));
        if (endpoint is { Length: > 0 })
        {
            var protocol = string.Equals(builder.Configuration["OpenTelemetry:Protocol"], "http", StringComparison.OrdinalIgnoreCase)
                ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
            otel.UseOtlpExporter(protocol, new Uri(endpoint));
        }
        else otel.UseOtlpExporter();
        return builder;
    }
}
