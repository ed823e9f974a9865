using System.Globalization;
using System.Text.Encodings.Web;
using Inward.Features.Email;
using Inward.Features.Notifications;
using Inward.Platform.Data;
using Inward.Platform.Jobs;
using Inward.Platform.Localisation;
using Inward.Platform.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Inward.Features.Learning.Assignments;

/// <summary>The reminder e-mails of learning, in the recipient's language, HTML with a plain-text alternative.</summary>
public sealed class LearningMailComposer(IStringLocalizer<Strings> t, EmailLinks links)
{
    private static readonly HtmlEncoder H = HtmlEncoder.Default;

    public static string CoursePath(int courseId) => "/learning/courses/" + courseId.ToString(CultureInfo.InvariantCulture);

    public MailMessage Reminder(string courseTitle, int courseId, DateOnly due, Recipient to, bool overdue) => LocalisationSetup.InLanguage(to.Language, () =>
    {
        var link = links.To(CoursePath(courseId));
        var date = due.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo(CultureInfo.CurrentUICulture.Name));
        var subject = overdue ? t["Training overdue: {0}", courseTitle].Value : t["Training due by {1}: {0}", courseTitle, date].Value;
        var note = overdue
            ? t["The course \"{0}\" was due on {1}. Please complete it as soon as you can.", courseTitle, date].Value
            : t["Please complete the course \"{0}\" by {1}.", courseTitle, date].Value;
        var open = t["Open the course"].Value;
        var hello = t["Hello {0},", to.Name].Value;
        var text = $"{hello}\n\n{note}\n\n{open}: {link}\n\n{t["Your assigned training"].Value}: {links.To("/learning/assigned")}\n";
        var dir = CultureInfo.CurrentUICulture.TextInfo.IsRightToLeft ? "rtl" : "ltr";
        var html = $"""
            <!DOCTYPE html>
            <html lang="{H.Encode(CultureInfo.CurrentUICulture.Name)}" dir="{dir}"><body>
            <p>{H.Encode(hello)}</p>
            <p><strong>{H.Encode(note)}</strong></p>
            <p><a href="{H.Encode(link)}">{H.Encode(open)}: {H.Encode(courseTitle)}</a></p>
            <p><a href="{H.Encode(links.To("/learning/assigned"))}">{H.Encode(t["Your assigned training"].Value)}</a></p>
            </body></html>
            """;
        return new MailMessage(to.Email, subject, text, html, to.Name);
    });
}

/// <summary>
/// Daily: reminds people of open assignments Learning:ReminderDaysBefore days before the due date and once when overdue,
/// in the app (employees) and by e-mail (employees and partner users). The log row and the notification commit together,
/// so each reminder happens at most once; the e-mail is marked sent right after SMTP accepts it, so a retry after a
/// failure half-way sends only the missing ones.
/// </summary>
public sealed partial class LearningReminderJob(InwardDbContext db, Notifier notifier, EmailRecipients recipients, LearningMailComposer composer,
    MailSender mail, IStringLocalizer<Strings> t, IOptions<LearningOptions> options, TimeProvider clock, ILogger<LearningReminderJob> logger) : IJobHandler
{
    public const string Kind = "learning.reminders";

    public async Task HandleAsync(JobContext job, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var horizon = today.AddDays(Math.Max(0, options.Value.ReminderDaysBefore));
        var candidates = await db.Set<LearningAssignment>().AsNoTracking()
            .Where(a => a.Status == AssignmentStatus.Open && a.DueDate != null && a.DueDate <= horizon)
            .Select(a => new { a.Id, a.PersonKey, a.EmployeeId, a.CourseId, DueDate = a.DueDate!.Value }).ToListAsync(ct);
        var ids = candidates.Select(a => a.Id).ToList();
        var logged = (await db.Set<LearningReminder>().AsNoTracking().Where(r => ids.Contains(r.AssignmentId)).Select(r => new { r.AssignmentId, r.Kind }).ToListAsync(ct))
            .Select(r => (r.AssignmentId, r.Kind)).ToHashSet();
        var due = candidates.Select(a => (a, Kind: LearningSchedule.ReminderFor(a.DueDate, today, options.Value.ReminderDaysBefore)))
            .Where(x => x.Kind is not null && !logged.Contains((x.a.Id, x.Kind!))).ToList();
        if (due.Count > 0)
        {
            var courseIds = due.Select(x => x.a.CourseId).Distinct().ToList();
            var titles = await db.Set<Course>().AsNoTracking().Where(c => courseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Title, ct);
            var employeeIds = due.Where(x => x.a.EmployeeId != null).Select(x => x.a.EmployeeId!.Value).Distinct().ToList();
            var languages = await db.Employees.AsNoTracking().Where(e => employeeIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Language, ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            foreach (var (a, kind) in due)
            {
                db.Add(new LearningReminder { AssignmentId = a.Id, Kind = kind!, CreatedUtc = now });
            }
            // One notification per person and kind (several courses due at once make one nudge, not a pile).
            var messages = due.Where(x => x.a.EmployeeId is not null)
                .Select(x => new NotificationMessage(x.a.EmployeeId!.Value, LocalisationSetup.InLanguage(languages.GetValueOrDefault(x.a.EmployeeId!.Value), () =>
                    x.Kind == LearningReminder.Overdue
                        ? t["Overdue training: {0}", titles.GetValueOrDefault(x.a.CourseId, "")].Value
                        : t["Training due soon: {0}", titles.GetValueOrDefault(x.a.CourseId, "")].Value)))
                .ToList();
            await notifier.NotifyAsync(messages, "learning", "/learning/assigned", ct);
            await tx.CommitAsync(ct);
        }
        await SendMailsAsync(ct);
    }

    /// <summary>E-mails every logged reminder not yet e-mailed whose assignment is still open.</summary>
    private async Task SendMailsAsync(CancellationToken ct)
    {
        var pending = await db.Set<LearningReminder>().Where(r => r.EmailedUtc == null)
            .Join(db.Set<LearningAssignment>().Where(a => a.Status == AssignmentStatus.Open && a.DueDate != null), r => r.AssignmentId, a => a.Id,
                (r, a) => new { Reminder = r, a.PersonKey, a.CourseId, a.DueDate })
            .Join(db.Set<Course>(), x => x.CourseId, c => c.Id, (x, c) => new { x.Reminder, x.PersonKey, x.CourseId, x.DueDate, c.Title })
            .Take(5000).ToListAsync(ct);
        if (pending.Count == 0)
        {
            return;
        }
        var people = (await recipients.LoadAsync(pending.Select(p => p.PersonKey).Distinct(StringComparer.Ordinal).ToList(), ct))
            .ToDictionary(r => r.Key, StringComparer.Ordinal);
        var sent = 0;
        foreach (var p in pending)
        {
            if (people.TryGetValue(p.PersonKey, out var to))
            {
                await mail.SendAsync(composer.Reminder(p.Title, p.CourseId, p.DueDate!.Value, to, p.Reminder.Kind == LearningReminder.Overdue), ct);
                sent++;
            }
            // Marked either way: someone without an address (or gone) is not looked up again every day.
            p.Reminder.EmailedUtc = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
        }
        LogSent(logger, sent);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent {Count} learning reminder e-mails.")]
    private static partial void LogSent(ILogger logger, int count);
}
