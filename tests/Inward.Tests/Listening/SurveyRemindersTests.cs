using System.Net;
using System.Net.Http.Json;
using Inward.Features.Listening;
using Inward.Features.Notifications;
using Inward.Platform.Data;
using Inward.Tests.Admin;
using Inward.Tests.Infrastructure;
using Inward.Tests.Jobs;
using Inward.Tests.Listening.Anonymity;
using Microsoft.EntityFrameworkCore;
using static Inward.Tests.Listening.Anonymity.ReminderKit;

namespace Inward.Tests.Listening;

/// <summary>Reminders to non-respondents on both databases: automatic rounds once each, manual once a day, in the app and over SMTP.</summary>
public sealed class SurveyRemindersTests(Apps apps) : IntegrationTest(apps)
{
    [Theory, MemberData(nameof(Providers))]
    public async Task Automatic_rounds_remind_only_non_respondents_once_each_in_their_language_in_the_app_and_by_mail(DatabaseProvider provider)
    {
        var app = await App(provider);
        var department = await DepartmentAsync(app);
        var english = await PeopleAsync(app, department, 2);
        var polish = (await PeopleAsync(app, department, 1, "pl"))[0];
        var hr = await app.ApiClientAsync(Hr);
        var closes = DateTimeOffset.UtcNow.AddDays(400);
        var title = $"Pulse {Guid.NewGuid():N}"[..22];
        var survey = await LaunchForAsync(hr, department, title, closes);
        await SubmitAsync(app, survey, english[0]);
        var clock = new ManualClock(closes.UtcDateTime.AddDays(-10));

        await RunJobAsync(app, clock);
        Assert.Empty(await LogAsync(app, survey));

        clock.UtcNow = closes.UtcDateTime.AddHours(-60); // two and a half days before the close
        await RunJobAsync(app, clock);
        await RunJobAsync(app, clock); // a second run (or instance) adds nothing
        var log = await LogAsync(app, survey);
        Assert.Equal([english[1].EmployeeId, polish.EmployeeId], log.Select(r => r.EmployeeId).Order());
        Assert.All(log, r => Assert.Equal((SurveyReminderRules.Before, true), (r.Round, r.Emailed)));
        var mail = await app.Smtp.WaitForMessageAsync(english[1].Email, m => (m.Subject ?? "").Contains(title, StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        Assert.StartsWith("Reminder: please answer", mail.Subject, StringComparison.Ordinal);
        Assert.Contains($"/surveys/{survey}", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(title, mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("anonymous", mail.TextBody, StringComparison.Ordinal);
        var polishMail = await app.Smtp.WaitForMessageAsync(polish.Email, m => (m.Subject ?? "").Contains(title, StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        Assert.StartsWith("Przypomnienie", polishMail.Subject, StringComparison.Ordinal);
        Assert.Contains("dir=\"ltr\"", polishMail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain(app.Smtp.Messages(), m => m.To.ToString().Contains(english[0].Email, StringComparison.OrdinalIgnoreCase)
            && (m.Subject ?? "").Contains(title, StringComparison.Ordinal));

        await SubmitAsync(app, survey, polish);
        clock.UtcNow = closes.UtcDateTime.AddHours(-5);
        await RunJobAsync(app, clock);
        await RunJobAsync(app, clock);
        log = await LogAsync(app, survey);
        Assert.Equal(english[1].EmployeeId, Assert.Single(log, r => r.Round == SurveyReminderRules.LastDay).EmployeeId);
        await app.Smtp.WaitForMessageAsync(english[1].Email, m => (m.Subject ?? "").StartsWith("Last day to answer", StringComparison.Ordinal)
            && (m.Subject ?? "").Contains(title, StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        var notes = await TestAccounts.WithDbAsync(app, db => db.Set<Notification>().AsNoTracking()
            .Where(n => n.Kind == "surveys" && n.Url == $"/surveys/{survey}").Select(n => new { n.EmployeeId, n.Title }).ToListAsync());
        Assert.Equal(2, notes.Count(n => n.EmployeeId == english[1].EmployeeId));
        Assert.Single(notes, n => n.EmployeeId == polish.EmployeeId);
        Assert.DoesNotContain(notes, n => n.EmployeeId == english[0].EmployeeId);
        var rounds = await TestAccounts.WithDbAsync(app, db => db.Set<SurveyReminderRound>().AsNoTracking().Where(r => r.SurveyId == survey).ToListAsync());
        Assert.Equal([SurveyReminderRules.Before, SurveyReminderRules.LastDay], rounds.Select(r => r.Round).Order(StringComparer.Ordinal));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Hr_reminds_now_once_a_day_and_closed_or_unknown_surveys_are_refused(DatabaseProvider provider)
    {
        var app = await App(provider);
        await SetThresholdAsync(app, 5);
        var department = await DepartmentAsync(app);
        var people = await PeopleAsync(app, department, 10);
        var hr = await app.ApiClientAsync(Hr);
        var survey = await LaunchForAsync(hr, department, $"Now {Guid.NewGuid():N}"[..20]);
        foreach (var p in people.Take(5))
        {
            await SubmitAsync(app, survey, p);
        }
        var pages = await app.SignedInAsync(Hr);
        Assert.Contains("Remind non-respondents now", await pages.GetStringAsync($"/surveys/{survey}/reminders"), StringComparison.Ordinal);
        var sent = await InwardApp.PostFormAsync(pages, $"/surveys/{survey}/reminders", []);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var page = WebUtility.HtmlDecode(await pages.GetStringAsync($"/surveys/{survey}/reminders"));
        Assert.Contains("Reminders sent to 5 people who have not answered yet.", page, StringComparison.Ordinal);
        Assert.Contains("Sent by HR", page, StringComparison.Ordinal);
        Assert.Equal(5, (await LogAsync(app, survey)).Count);
        await app.Smtp.WaitForMessageAsync(people[9].Email, null, TimeSpan.FromSeconds(30));

        var again = await (await hr.PostAsync($"/api/v1/surveys/{survey}/reminders", null)).AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains("already reminded today", again.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var list = await (await hr.GetAsync($"/api/v1/surveys/{survey}/reminders")).JsonAsync();
        var round = Assert.Single(list.EnumerateArray());
        Assert.True(round.GetProperty("manual").GetBoolean());
        Assert.Equal(5, round.GetProperty("reminded").GetInt32());
        Assert.Equal(5, (await LogAsync(app, survey)).Count);

        Assert.Equal(HttpStatusCode.OK, (await hr.PostAsync($"/api/v1/surveys/{survey}/close", null)).StatusCode);
        var closed = await LaunchForAsync(hr, department, "Closed");
        Assert.Equal(HttpStatusCode.OK, (await hr.PostAsync($"/api/v1/surveys/{closed}/close", null)).StatusCode);
        await (await hr.PostAsync($"/api/v1/surveys/{closed}/reminders", null)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Empty(await LogAsync(app, closed));
        await (await hr.PostAsync("/api/v1/surveys/999999999/reminders", null)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await hr.GetAsync("/api/v1/surveys/999999999/reminders")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public void The_reminder_log_holds_no_time_and_no_generated_key()
    {
        using var db = new InwardDbContext(new DbContextOptionsBuilder<InwardDbContext>().UseSqlite("Data Source=:memory:").Options);
        foreach (var type in new[] { typeof(SurveyReminder), typeof(SurveyReminderRound) })
        {
            var entity = db.Model.FindEntityType(type)!;
            Assert.DoesNotContain(entity.GetProperties(), p => p.ClrType == typeof(DateTime) || p.ClrType == typeof(DateTime?)
                || p.ClrType == typeof(DateTimeOffset) || p.ValueGenerated != Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never);
        }
        Assert.Equal(["EmployeeId", "Round", "SurveyId"], db.Model.FindEntityType(typeof(SurveyReminder))!.FindPrimaryKey()!.Properties.Select(p => p.Name).Order());
    }
}
