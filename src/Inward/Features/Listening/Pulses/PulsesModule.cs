using Inward.Platform.Demo;
using Inward.Platform.Jobs;
using Inward.Platform.Metrics;

namespace Inward.Features.Listening.Pulses;

/// <summary>Recurring pulses (issue 7): series of survey cycles, the job that runs them, trends and cycle-to-cycle comparison.</summary>
public static class PulsesModule
{
    /// <summary>Surveys:Pulses: how often the job looks for cycles to close and launch.</summary>
    public const string DefaultSweep = "every 5m";

    public static WebApplicationBuilder AddPulses(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddScoped<PulseCycles>();
        s.AddScoped<PulseTrends>();
        s.AddScoped<CycleComparison>();
        s.AddScoped<IMetricProvider, PulseMetrics>();
        s.AddScoped<IDemoContent, PulsesDemoContent>();
        s.AddJobHandler<PulseCycleJob>(PulseCycleJob.Kind);
        var spec = builder.Configuration["Surveys:Pulses"] ?? DefaultSweep;
        s.AddRecurringJob("listening.pulses", PulseCycleJob.Kind, JobSchedule.Parse(spec)
            ?? throw new InvalidOperationException($"Surveys:Pulses must look like \"every 5m\", \"daily 03:00\" or \"weekly monday 07:00\", not \"{spec}\"."));
        return builder;
    }
}
