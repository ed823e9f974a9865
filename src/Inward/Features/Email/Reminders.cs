using Inward.Features.Audiences;
using Inward.Features.Notifications;
using Inward.Features.Posts;
using Inward.Platform.Data;
using Inward.Platform.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Inward.Features.Email;

public sealed class EmailOptions
{
    /// <summary>Email:ReminderDaysBefore: how many days before a must-read's due date the first reminder goes out.</summary>
    public int ReminderDaysBefore { get; set; } = 2;
    public string DailyDigest { get; set; } = "daily 07:00";
    public string WeeklyDigest { get; set; } = "weekly monday 07:00";
    public string Reminders { get; set; } = "daily 08:00";
}

/// <summary>A reminder run: every live must-read, or only <paramref name="PostId"/> (e.g. to remind about one post now).</summary>
public sealed record ReminderRun(int? PostId = null);

/// <summary>Which reminder, if any, a must-read due on <c>due</c> calls for <c>today</c>. Pure.</summary>
public static class ReminderRules
{
    /// <summary>
    /// "before" from <paramref name="daysBefore"/> days ahead until the due date itself (so a missed day catches up),
    /// "overdue" from the day after the due date on; null otherwise. The log makes each one happen at most once.
    /// </summary>
    public static string? KindFor(DateOnly due, DateOnly today, int daysBefore)
    {
        if (today > due)
        {
            return EmailDelivery.ReminderOverdue;
        }
        return today >= due.AddDays(-Math.Max(0, daysBefore)) ? EmailDelivery.ReminderBefore : null;
    }
}

/// <summary>
/// Daily: for each live must-read with a due date, reminds the audience members who have not acknowledged it — in the
/// app (Notifier, kind "reminder") and by e-mail (batch jobs). The log row, the notification and the e-mail jobs are
/// saved together, so each reminder happens at most once per person even when the job is retried.
/// </summary>
public sealed class ReminderJob(InwardDbContext db, AudienceResolver resolver, Notifier notifier, IJobScheduler jobs,
    IOptions<EmailOptions> options, IStringLocalizer<Strings> t, TimeProvider clock) : IJobHandler
{
    public const string Kind = "email.reminders";

    public async Task HandleAsync(JobContext job, CancellationToken ct)
    {
        var only = job.PayloadAs<ReminderRun>().PostId;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var posts = await db.Set<Post>().AsNoTracking()
            .Where(p => p.Status == PostStatus.Published && p.MustRead && p.MustReadDue != null && p.PublishedUtc <= now
                && (p.ExpiresUtc == null || p.ExpiresUtc > now) && (only == null || p.Id == only))
            .ToListAsync(ct);
        foreach (var post in posts)
        {
            var kind = ReminderRules.KindFor(post.MustReadDue!.Value, today, options.Value.ReminderDaysBefore);
            if (kind is null || AudienceRule.FromJson(post.AudienceJson) is not { } rule)
            {
                continue;
            }
            var members = await resolver.MemberEmployeeIdsAsync(rule, ct);
            var acknowledged = (await db.Set<PostAcknowledgement>().AsNoTracking().Where(a => a.PostId == post.Id).Select(a => a.EmployeeId).ToListAsync(ct)).ToHashSet();
            var reminded = (await db.Set<MustReadReminder>().AsNoTracking().Where(r => r.PostId == post.Id && r.Kind == kind).Select(r => r.EmployeeId).ToListAsync(ct)).ToHashSet();
            var due = members.Where(id => !acknowledged.Contains(id) && !reminded.Contains(id)).ToList();
            if (due.Count == 0)
            {
                continue;
            }
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            foreach (var id in due)
            {
                db.Add(new MustReadReminder { PostId = post.Id, EmployeeId = id, Kind = kind, SentUtc = now });
            }
            await PostMailChannel.QueueAsync(jobs, post.Id, kind, 0, due.Select(Recipient.EmployeeKey).ToList(), ct);
            var title = kind == EmailDelivery.ReminderOverdue ? t["Overdue: please read \"{0}\"", post.Title] : t["Reminder: please read \"{0}\"", post.Title];
            // The log rows, the e-mail jobs and the notifications commit together.
            await notifier.NotifyAsync(due, "reminder", title, $"/news/{post.Id}", ct);
            await tx.CommitAsync(ct);
        }
    }
}
