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

namespace Inward.Features.Listening;

public sealed class SurveyReminderOptions
{
    /// <summary>Surveys:ReminderDaysBefore: the first automatic reminder goes this many days before the survey closes (1 or less: only the last day).</summary>
    public int ReminderDaysBefore { get; set; } = 3;
    /// <summary>Surveys:Reminders: how often open surveys are checked for a due reminder round.</summary>
    public string Reminders { get; set; } = "every 1h";
}

/// <summary>A reminder round as HR sees it: its kind, its day and the number reached, null when that number is hidden.</summary>
public sealed record ReminderRoundView(string Round, bool Manual, DateOnly SentOn, int? Reminded);

public enum RemindOutcome
{
    Sent,
    NotFound,
    /// <summary>The survey does not take answers now.</summary>
    NotOpen,
    /// <summary>A manual round already went out today.</summary>
    AlreadyToday,
}

/// <summary>The survey reminder e-mail, in the recipient's language, HTML with a plain-text alternative. It names only the survey.</summary>
public sealed class SurveyMailComposer(IStringLocalizer<Strings> t, EmailLinks links)
{
    private static readonly HtmlEncoder H = HtmlEncoder.Default;

    public MailMessage Reminder(string surveyTitle, int surveyId, bool anonymous, DateTime? closesUtc, bool lastDay, Recipient to) =>
        LocalisationSetup.InLanguage(to.Language, () =>
        {
            var link = links.To("/surveys/" + surveyId.ToString(CultureInfo.InvariantCulture));
            var culture = CultureInfo.GetCultureInfo(CultureInfo.CurrentUICulture.Name);
            var subject = lastDay ? t["Last day to answer: {0}", surveyTitle].Value : t["Reminder: please answer \"{0}\"", surveyTitle].Value;
            var note = closesUtc is { } c
                ? t["You are invited to answer the survey \"{0}\". It closes on {1}.", surveyTitle, c.ToString("d MMMM yyyy HH:mm 'UTC'", culture)].Value
                : t["You are invited to answer the survey \"{0}\".", surveyTitle].Value;
            var privacy = anonymous ? t["Your answers are anonymous: your name is never stored with them."].Value : t["This survey is named: HR sees who answered what."].Value;
            var ignore = t["If you have answered in the meantime, please ignore this message."].Value;
            var open = t["Answer the survey"].Value;
            var hello = t["Hello {0},", to.Name].Value;
            var text = $"{hello}\n\n{note}\n{privacy}\n\n{open}: {link}\n\n{ignore}\n";
            var dir = CultureInfo.CurrentUICulture.TextInfo.IsRightToLeft ? "rtl" : "ltr";
            var html = $"""
                <!DOCTYPE html>
                <html lang="{H.Encode(CultureInfo.CurrentUICulture.Name)}" dir="{dir}"><body>
                <p>{H.Encode(hello)}</p>
                <p><strong>{H.Encode(note)}</strong></p>
                <p>{H.Encode(privacy)}</p>
                <p><a href="{H.Encode(link)}">{H.Encode(open)}: {H.Encode(surveyTitle)}</a></p>
                <p>{H.Encode(ignore)}</p>
                </body></html>
                """;
            return new MailMessage(to.Email, subject, text, html, to.Name);
        });
}

/// <summary>
/// Reminders to the people of a survey's frozen audience who have not answered, in the app and by e-mail. A round
/// (automatic or manual) writes its log rows, its round row and the in-app notifications in one transaction, so it
/// happens at most once: a second instance or a retried job finds the round's key taken. E-mails follow, each marked
/// as sent right after the SMTP server accepts it, so a retry after a failure half-way sends only the missing ones. Nobody is
/// ever told who was reminded; HR sees only a count that passes <see cref="SurveyReminderRules.ShownCount"/>.
/// </summary>
public sealed partial class SurveyReminders(InwardDbContext db, Notifier notifier, EmailRecipients recipients, SurveyMailComposer composer, MailSender mail,
    SurveyResults results, IStringLocalizer<Strings> t, TimeProvider clock, ILogger<SurveyReminders> logger)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>HR's "remind non-respondents now": once a day per survey, open surveys only.</summary>
    public async Task<(RemindOutcome Outcome, ReminderRoundView? Round)> RemindNowAsync(int surveyId, CancellationToken ct)
    {
        var survey = await db.Set<Survey>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == surveyId, ct);
        if (survey is null)
        {
            return (RemindOutcome.NotFound, null);
        }
        if (SurveyRules.Window(survey.Status, survey.OpensUtc, survey.ClosesUtc, Now) != SurveyWindow.Open)
        {
            return (RemindOutcome.NotOpen, null);
        }
        var round = SurveyReminderRules.ManualRound(DateOnly.FromDateTime(Now));
        if (await RoundAsync(survey, round, ct) is not { } written)
        {
            return (RemindOutcome.AlreadyToday, null);
        }
        await SendMailsAsync(surveyId, ct);
        var k = await results.ThresholdAsync(ct);
        return (RemindOutcome.Sent, new ReminderRoundView(round, true, written.SentOn, SurveyReminderRules.ShownCount(written.Reminded, written.Invited, k)));
    }

    /// <summary>The rounds of a survey, oldest first, with counts hidden where the anonymity rule says so.</summary>
    public async Task<IReadOnlyList<ReminderRoundView>> RoundsAsync(int surveyId, CancellationToken ct)
    {
        var k = await results.ThresholdAsync(ct);
        var rounds = await db.Set<SurveyReminderRound>().AsNoTracking().Where(r => r.SurveyId == surveyId).ToListAsync(ct);
        return [.. rounds.OrderBy(r => r.SentOn).ThenBy(r => r.Round, StringComparer.Ordinal)
            .Select(r => new ReminderRoundView(r.Round, SurveyReminderRules.IsManual(r.Round), r.SentOn, SurveyReminderRules.ShownCount(r.Reminded, r.Invited, k)))];
    }

    /// <summary>Runs the automatic round due for every open survey, then e-mails what is still unsent.</summary>
    public async Task RunAutomaticAsync(int daysBefore, CancellationToken ct)
    {
        var now = Now;
        var open = await db.Set<Survey>().AsNoTracking().Where(s => s.Status == SurveyStatus.Open && s.ClosesUtc != null && s.ClosesUtc > now).ToListAsync(ct);
        foreach (var survey in open)
        {
            if (SurveyReminderRules.AutomaticRound(survey.Status, survey.OpensUtc, survey.ClosesUtc, now, daysBefore) is { } round
                && !await db.Set<SurveyReminderRound>().AnyAsync(r => r.SurveyId == survey.Id && r.Round == round, ct))
            {
                await RoundAsync(survey, round, ct);
            }
        }
        await SendMailsAsync(null, ct);
    }

    /// <summary>Writes one round; null when the round's key is already taken (done before, or by another instance just now).</summary>
    private async Task<SurveyReminderRound?> RoundAsync(Survey survey, string round, CancellationToken ct)
    {
        var pending = await db.Set<SurveyMember>().AsNoTracking()
            .Where(m => m.SurveyId == survey.Id
                && !db.Set<SurveyParticipation>().Any(p => p.SurveyId == survey.Id && p.EmployeeId == m.EmployeeId)
                && db.Employees.Any(e => e.Id == m.EmployeeId && e.IsActive))
            .Select(m => new { m.EmployeeId, Language = db.Employees.Where(e => e.Id == m.EmployeeId).Select(e => e.Language).FirstOrDefault() })
            .ToListAsync(ct);
        var invited = await db.Set<SurveyMember>().CountAsync(m => m.SurveyId == survey.Id, ct);
        var written = new SurveyReminderRound { SurveyId = survey.Id, Round = round, SentOn = DateOnly.FromDateTime(Now), Reminded = pending.Count, Invited = invited };
        var lastDay = round == SurveyReminderRules.LastDay;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            db.Add(written);
            db.AddRange(pending.Select(p => new SurveyReminder { SurveyId = survey.Id, EmployeeId = p.EmployeeId, Round = round }));
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The round's key (or a person's row) is taken: another instance or an earlier run did this round.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return null;
        }
        await notifier.NotifyAsync(pending.Select(p => new NotificationMessage(p.EmployeeId, LocalisationSetup.InLanguage(p.Language, () => lastDay
                ? t["Last day to answer: {0}", survey.Title].Value
                : t["Reminder: please answer \"{0}\"", survey.Title].Value))),
            "surveys", "/surveys/" + survey.Id.ToString(CultureInfo.InvariantCulture), ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return written;
    }

    /// <summary>E-mails every logged reminder not yet e-mailed; someone who answered meanwhile is skipped (and marked).</summary>
    private async Task SendMailsAsync(int? surveyId, CancellationToken ct)
    {
        var query = db.Set<SurveyReminder>().Where(r => !r.Emailed);
        if (surveyId is { } only)
        {
            query = query.Where(r => r.SurveyId == only);
        }
        var pending = await query.Take(5000).ToListAsync(ct);
        if (pending.Count == 0)
        {
            return;
        }
        var surveyIds = pending.Select(p => p.SurveyId).Distinct().ToList();
        var surveys = await db.Set<Survey>().AsNoTracking().Where(s => surveyIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var people = (await recipients.LoadAsync([.. pending.Select(p => Recipient.EmployeeKey(p.EmployeeId)).Distinct(StringComparer.Ordinal)], ct))
            .ToDictionary(r => r.Key, StringComparer.Ordinal);
        var sent = 0;
        var now = Now;
        foreach (var reminder in pending)
        {
            var survey = surveys[reminder.SurveyId];
            var stillDue = SurveyRules.Window(survey.Status, survey.OpensUtc, survey.ClosesUtc, now) == SurveyWindow.Open
                && !await db.Set<SurveyParticipation>().AnyAsync(p => p.SurveyId == reminder.SurveyId && p.EmployeeId == reminder.EmployeeId, ct);
            if (stillDue && people.TryGetValue(Recipient.EmployeeKey(reminder.EmployeeId), out var to))
            {
                await mail.SendAsync(composer.Reminder(survey.Title, survey.Id, survey.IsAnonymous, survey.ClosesUtc,
                    reminder.Round == SurveyReminderRules.LastDay, to), ct);
                sent++;
            }
            // Marked either way: someone without an address, or who answered, is not looked at again.
            reminder.Emailed = true;
            await db.SaveChangesAsync(ct);
        }
        LogSent(logger, sent);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent {Count} survey reminder e-mails.")]
    private static partial void LogSent(ILogger logger, int count);
}

/// <summary>The recurring job (Surveys:Reminders) that runs the automatic reminder rounds; see <see cref="SurveyReminders"/>.</summary>
public sealed class SurveyReminderJob(SurveyReminders reminders, IOptions<SurveyReminderOptions> options) : IJobHandler
{
    public const string Kind = "surveys.reminders";

    public Task HandleAsync(JobContext job, CancellationToken ct) => reminders.RunAutomaticAsync(options.Value.ReminderDaysBefore, ct);
}
