namespace Inward.Features.Panel;

/// <summary>The top-performer advisory panel (issue 7): HR nominates and invites, members discuss, HR records their input and what was done with it.</summary>
public static class PanelModule
{
    public static WebApplicationBuilder AddPanel(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<PanelDesk>();
        builder.Services.AddScoped<PanelSurveys>();
        return builder;
    }

    public static WebApplication MapPanel(this WebApplication app)
    {
        app.MapPanelApi();
        return app;
    }
}
