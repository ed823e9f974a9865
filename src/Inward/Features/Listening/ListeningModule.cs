using Inward.Features.Listening.Pulses;
using Inward.Platform.Demo;
using Inward.Platform.Jobs;
using Inward.Platform.Metrics;

namespace Inward.Features.Listening;

/// <summary>Listening (issue 7): surveys and pulses with one anonymity rule on every surface.</summary>
public static class ListeningModule
{
    public static WebApplicationBuilder AddListening(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<SurveyAuthoring>();
        builder.Services.AddScoped<SurveyResponding>();
        builder.Services.AddScoped<SurveyResults>();
        builder.Services.AddScoped<ServiceQualityResults>();
        builder.Services.AddScoped<IMetricProvider, ServiceQualityMetrics>();
        builder.Services.AddScoped<IDemoContent, ServiceQualityDemoContent>();
        builder.Services.AddScoped<IMetricProvider, SurveyMetrics>();
        builder.Services.AddScoped<IDemoContent, SurveysDemoContent>();
        builder.AddSurveyReminders();
        builder.AddAnonymousBatches();
        builder.AddPulses();
        builder.Services.AddSingleton<Platform.Cli.ICliCommand, SeedSurveyCommand>();
        return builder;
    }

    public static WebApplication MapListening(this WebApplication app)
    {
        app.MapSurveysApi();
        app.MapSurveyRemindersApi();
        app.MapPulsesApi();
        app.MapServiceQualityApi();
        return app;
    }

    /// <summary>Reminders to non-respondents (docs/adr/0017): the service, the mail, and the recurring job.</summary>
    private static void AddSurveyReminders(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.Configure<SurveyReminderOptions>(builder.Configuration.GetSection("Surveys"));
        s.AddScoped<SurveyReminders>();
        s.AddScoped<SurveyMailComposer>();
        s.AddJobHandler<SurveyReminderJob>(SurveyReminderJob.Kind);
        var spec = (builder.Configuration.GetSection("Surveys").Get<SurveyReminderOptions>() ?? new SurveyReminderOptions()).Reminders;
        s.AddRecurringJob("surveys.reminders", SurveyReminderJob.Kind, JobSchedule.Parse(spec)
            ?? throw new InvalidOperationException($"Surveys:Reminders must look like \"every 1h\" or \"daily 08:30\", not \"{spec}\"."));
    }
}
