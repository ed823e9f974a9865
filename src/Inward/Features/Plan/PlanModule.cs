namespace Inward.Features.Plan;

/// <summary>The written internal-marketing plan: goals, KPIs, initiatives, versions, acknowledgements and suggestions.</summary>
public static class PlanModule
{
    public static WebApplicationBuilder AddPlan(this WebApplicationBuilder builder)
    {
        return builder;
    }

    public static WebApplication MapPlan(this WebApplication app)
    {
        return app;
    }
}
