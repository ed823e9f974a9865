using Inward.Platform.Demo;
using Inward.Platform.Metrics;

namespace Inward.Features.Touchpoints;

/// <summary>Customer touchpoints and the role expectation cards built on them.</summary>
public static class TouchpointsModule
{
    public static WebApplicationBuilder AddTouchpoints(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<TouchpointQueries>();
        services.AddScoped<TouchpointEditor>();
        services.AddScoped<RoleCardQueries>();
        services.AddScoped<RoleCardEditor>();
        services.AddScoped<IMetricProvider, TouchpointMetrics>();
        services.AddScoped<IDemoContent, TouchpointsDemoContent>();
        return builder;
    }

    public static WebApplication MapTouchpoints(this WebApplication app)
    {
        app.MapTouchpointsApi();
        return app;
    }
}
