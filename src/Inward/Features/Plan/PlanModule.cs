using Inward.Platform.Demo;
using Inward.Platform.Metrics;

namespace Inward.Features.Plan;

/// <summary>The written internal-marketing plan: goals, KPIs, initiatives, versions, acknowledgements and suggestions.</summary>
public static class PlanModule
{
    public static WebApplicationBuilder AddPlan(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<CurrentPlan>();
        services.AddScoped<PlanViews>();
        services.AddScoped<PlanService>();
        services.AddScoped<SuggestionMail>();
        services.AddScoped<IMetricProvider, PlanMetrics>();
        services.AddScoped<IDemoContent, PlanDemoContent>();
        return builder;
    }

    public static WebApplication MapPlan(this WebApplication app)
    {
        app.MapPlanApi();
        return app;
    }
}
