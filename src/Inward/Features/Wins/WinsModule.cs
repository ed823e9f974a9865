using Inward.Platform.Demo;
using Inward.Platform.Metrics;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inward.Features.Wins;

/// <summary>Wins (issue 5): anyone logs a win; communicators turn one into a success-story draft.</summary>
public static class WinsModule
{
    public static WebApplicationBuilder AddWins(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<WinLog>();
        builder.Services.AddScoped<IMetricProvider, WinsMetrics>();
        builder.Services.AddScoped<IDemoContent, WinsDemoContent>();
        builder.Services.Configure<RazorPagesOptions>(o => o.Conventions.AddPageRoute("/Wins/Editor", "/wins/{id:int}/edit"));
        return builder;
    }

    public static WebApplication MapWins(this WebApplication app)
    {
        app.MapWinsApi();
        return app;
    }
}
