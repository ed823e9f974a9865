namespace Inward.Features.Touchpoints;

/// <summary>Customer touchpoints and the role expectation cards built on them.</summary>
public static class TouchpointsModule
{
    public static WebApplicationBuilder AddTouchpoints(this WebApplicationBuilder builder)
    {
        return builder;
    }

    public static WebApplication MapTouchpoints(this WebApplication app)
    {
        return app;
    }
}
