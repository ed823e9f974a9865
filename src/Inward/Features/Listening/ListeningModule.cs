using Inward.Platform.Demo;
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
        builder.Services.AddScoped<IMetricProvider, SurveyMetrics>();
        builder.Services.AddScoped<IDemoContent, SurveysDemoContent>();
        builder.Services.AddSingleton<Platform.Cli.ICliCommand, SeedSurveyCommand>();
        return builder;
    }

    public static WebApplication MapListening(this WebApplication app)
    {
        app.MapSurveysApi();
        return app;
    }
}
