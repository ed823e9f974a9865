using Inward.Platform.Demo;
using Inward.Platform.Jobs;
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
        builder.Services.AddScoped<FeedbackMailComposer>();
        builder.Services.AddJobHandler<FeedbackMailJob>(FeedbackMailJob.Kind);
        builder.Services.AddJobHandler<FeedbackAnnounceJob>(FeedbackAnnounceJob.Kind);
        var spec = (builder.Configuration.GetSection("Feedback").Get<FeedbackOptions>() ?? new FeedbackOptions()).Announce;
        builder.Services.AddRecurringJob("feedback.announce", FeedbackAnnounceJob.Kind, JobSchedule.Parse(spec)
            ?? throw new InvalidOperationException($"Feedback:Announce must look like \"daily 08:00\", not \"{spec}\"."));
        return builder;
    }

    public static WebApplication MapFeedback(this WebApplication app)
    {
        app.MapFeedbackApi();
        return app;
    }
}
