using Inward.Platform.Demo;
using Inward.Platform.Metrics;

namespace Inward.Features.Feedback;

/// <summary>Feedback cards (issue 7): an always-on, two-way suggestion box with anonymous cards and a "you said, we did" board.</summary>
public static class FeedbackModule
{
    public static WebApplicationBuilder AddFeedback(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<FeedbackInboxKeys>();
        builder.Services.AddScoped<FeedbackDesk>();
        builder.Services.AddScoped<IMetricProvider, FeedbackMetrics>();
        builder.Services.AddScoped<IDemoContent, FeedbackDemoContent>();
        return builder;
    }

    public static WebApplication MapFeedback(this WebApplication app)
    {
        app.MapFeedbackApi();
        return app;
    }
}
