using Inward.Platform.Demo;
using Inward.Platform.Metrics;

namespace Inward.Features.InternalCustomers;

/// <summary>The internal-customer map: which department serves which, with needs, wants and service expectations.</summary>
public static class InternalCustomersModule
{
    public static WebApplicationBuilder AddInternalCustomers(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ServiceMap>();
        builder.Services.AddScoped<IMetricProvider, ServiceMapMetrics>();
        builder.Services.AddScoped<IDemoContent, ServiceMapDemoContent>();
        return builder;
    }

    public static WebApplication MapInternalCustomers(this WebApplication app)
    {
        app.MapInternalCustomersApi();
        return app;
    }
}
