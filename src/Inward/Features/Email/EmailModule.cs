using Inward.Features.Posts;
using Inward.Platform.Jobs;

namespace Inward.Features.Email;

/// <summary>
/// E-mail (issue 5): must-read and urgent posts at once (publication channel "mail"), daily and weekly digests with
/// one-click unsubscribe, must-read reminders before and after the due date.
/// </summary>
public static class EmailModule
{
    public static WebApplicationBuilder AddEmail(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.Configure<EmailOptions>(builder.Configuration.GetSection("Email"));
        s.AddSingleton<EmailLinks>();
        s.AddSingleton<UnsubscribeTokens>();
        s.AddScoped<EmailComposer>();
        s.AddScoped<EmailRecipients>();
        s.AddScoped<EmailPreferences>();
        s.AddPostPublishedHandler<PostMailChannel>("mail");
        s.AddJobHandler<PostMailBatchJob>(PostMailChannel.BatchJob);
        s.AddJobHandler<DigestJob>(DigestJob.Kind);
        s.AddJobHandler<DigestBatchJob>(DigestJob.BatchKind);
        s.AddJobHandler<ReminderJob>(ReminderJob.Kind);
        var options = builder.Configuration.GetSection("Email").Get<EmailOptions>() ?? new EmailOptions();
        s.AddRecurringJob("email.digest.daily", DigestJob.Kind, Schedule(options.DailyDigest, "Email:DailyDigest"), """{"Frequency":"Daily"}""");
        s.AddRecurringJob("email.digest.weekly", DigestJob.Kind, Schedule(options.WeeklyDigest, "Email:WeeklyDigest"), """{"Frequency":"Weekly"}""");
        s.AddRecurringJob("email.reminders", ReminderJob.Kind, Schedule(options.Reminders, "Email:Reminders"));
        return builder;
    }

    public static WebApplication MapEmail(this WebApplication app)
    {
        app.MapEmailApi();
        return app;
    }

    private static JobSchedule Schedule(string spec, string key) =>
        JobSchedule.Parse(spec) ?? throw new InvalidOperationException($"{key} must look like \"daily 07:00\", \"weekly monday 07:00\" or \"every 6h\", not \"{spec}\".");
}
