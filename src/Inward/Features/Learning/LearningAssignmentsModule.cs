using Inward.Features.Learning.Assignments;
using Inward.Features.Learning.Certificates;
using Inward.Features.Learning.Paths;
using Inward.Features.People;
using Inward.Platform.Demo;
using Inward.Platform.Identity;
using Inward.Platform.Jobs;
using Inward.Platform.Metrics;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inward.Features.Learning;

/// <summary>
/// Learning assignments (issue 6): paths, assignment rules evaluated daily and on change, due dates and reminders,
/// re-certification, certificates with public verification, team and company completion views, metrics.
/// </summary>
public static class LearningAssignmentsModule
{
    /// <summary>Anyone who learns: internal users and partner users (each sees their own records only).</summary>
    public const string LearnerPolicy = "Learner";

    public static IReadOnlyList<string> LearnerRoles =>
        [.. RoleRules.RolesWith(Capability.UseIntranet).Union(RoleRules.RolesWith(Capability.UseExtranet)).Distinct(StringComparer.Ordinal)];

    public static WebApplicationBuilder AddLearningAssignments(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.Configure<LearningOptions>(builder.Configuration.GetSection("Learning"));
        s.AddAuthorizationBuilder().AddPolicy(LearnerPolicy, p => p.RequireAuthenticatedUser().RequireRole(LearnerRoles));
        s.AddScoped<LearningRecords>();
        s.AddSingleton<Platform.Cli.ICliCommand, SeedLearningCommand>();
        s.AddScoped<LearningPaths>();
        s.AddScoped<LearningMailComposer>();
        s.AddScoped<ICourseCompletedHandler, CertificateIssuer>();
        s.AddScoped<IMetricProvider, LearningAssignmentMetrics>();
        s.AddScoped<IDemoContent, LearningAssignmentsDemoContent>();
        s.AddJobHandler<AssignmentEvaluator>(AssignmentEvaluator.Kind);
        s.AddScoped<IRosterChangedHandler, LearningRosterChanged>();
        s.AddJobHandler<LearningReminderJob>(LearningReminderJob.Kind);
        var options = builder.Configuration.GetSection("Learning").Get<LearningOptions>() ?? new LearningOptions();
        s.AddRecurringJob("learning.assignments", AssignmentEvaluator.Kind, Schedule(options.Evaluate, "Learning:Evaluate"));
        s.AddRecurringJob("learning.reminders", LearningReminderJob.Kind, Schedule(options.Reminders, "Learning:Reminders"));
        s.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AddPageRoute("/Learning/Paths/PathEditor", "/learning/paths/{id:int}");
            o.Conventions.AddPageRoute("/Learning/Paths/RuleEditor", "/learning/rules/{id:int}");
        });
        return builder;
    }

    public static WebApplication MapLearningAssignments(this WebApplication app)
    {
        app.MapLearningAssignmentsApi();
        return app;
    }

    private static JobSchedule Schedule(string spec, string key) =>
        JobSchedule.Parse(spec) ?? throw new InvalidOperationException($"{key} must look like \"daily 03:00\", \"weekly monday 07:00\" or \"every 6h\", not \"{spec}\".");
}
