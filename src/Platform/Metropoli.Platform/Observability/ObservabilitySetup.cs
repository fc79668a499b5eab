using Microsoft.Extensions.Logging;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Metropoli.Platform.Observability;

/// <summary>Logs, traces and metrics (docs/adr/0040). Logs: the console formatter named by
/// <c>Logging:Console:FormatterName</c> (<c>json</c> in appsettings.json, <c>simple</c> in Development), each line with
/// the trace and span ids. Traces and metrics: OpenTelemetry with the OTLP exporter, **off unless**
/// <c>Observability:OtlpEndpoint</c> (or the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>) is set.</summary>
public static class ObservabilitySetup
{
    public static WebApplicationBuilder AddMetropoliObservability(this WebApplicationBuilder builder)
    {
        builder.Logging.Configure(o => o.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);

        var endpoint = builder.Configuration["Observability:OtlpEndpoint"] is { Length: > 0 } e ? e
            : builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return builder;
        }
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new InvalidOperationException($"Observability:OtlpEndpoint = «{endpoint}»: serve un indirizzo http(s) assoluto del collettore OTLP.");
        }
        var serviceName = builder.Configuration["Observability:ServiceName"] is { Length: > 0 } n ? n : "metropoli";
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName, serviceVersion: typeof(ObservabilitySetup).Assembly.GetName().Version?.ToString()))
            .WithTracing(t => t
                .AddSource(MetropoliMetrics.Name)
                .AddAspNetCoreInstrumentation(o => o.Filter = ctx => !ctx.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddOtlpExporter(o => o.Endpoint = uri))
            .WithMetrics(m => m
                .AddMeter(MetropoliMetrics.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddOtlpExporter(o => o.Endpoint = uri));
        return builder;
    }
}
