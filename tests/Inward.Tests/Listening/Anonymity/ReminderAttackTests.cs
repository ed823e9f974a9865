using System.Net;
using Inward.Features.Listening;
using Inward.Features.Notifications;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Inward.Tests.Admin;
using Inward.Tests.Infrastructure;
using Inward.Tests.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Inward.Tests.Listening.Anonymity.ReminderKit;

namespace Inward.Tests.Listening.Anonymity;

/// <summary>
/// Attacks on reminders (docs/adr/0017): HR, a manager, an employee and an API token try to learn who has (not) answered, or
/// to subtract reminder counts down to a group below k. Every attempt must reveal nothing.
/// </summary>
public sealed class ReminderAttackTests(Apps apps) : IntegrationTest(apps)
{
    private static async Task<ReminderRoundView> RemindOnAsync(InwardApp app, int survey, DateTime day)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var reminders = ActivatorUtilities.CreateInstance<SurveyReminders>(scope.ServiceProvider, (TimeProvider)new ManualClock(day));
        var (outcome, round) = await reminders.RemindNowAsync(survey, default);
        Assert.Equal(RemindOutcome.Sent, outcome);
        return round!;
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Hr_reminding_right_after_one_submission_gets_no_count_to_subtract(DatabaseProvider provider)
    {
        var app = await App(provider);
        await SetThresholdAsync(app, 5);
        var department = await DepartmentAsync(app);
        var people = await PeopleAsync(app, department, 12);
        var hr = await app.ApiClientAsync(Hr);
        var survey = await LaunchForAsync(hr, department, $"Diff {Guid.NewGuid():N}"[..20]);
        var today = DateTime.UtcNow;

        Assert.Equal(12, (await RemindOnAsync(app, survey, today)).Reminded); // nobody answered: the whole audience, nothing learnt
        await SubmitAsync(app, survey, people[3]);
        var afterOne = await RemindOnAsync(app, survey, today.AddDays(1));
        Assert.Null(afterOne.Reminded); // 12 − 11 would single out the one who answered since
        var rounds = await (await hr.GetAsync($"/api/v1/surveys/{survey}/reminders")).JsonAsync();
        Assert.Equal(System.Text.Json.JsonValueKind.Null, rounds.EnumerateArray().Last().GetProperty("reminded").ValueKind);
        var page = WebUtility.HtmlDecode(await (await app.SignedInAsync(Hr)).GetStringAsync($"/surveys/{survey}/reminders"));
        Assert.Contains("Hidden (below the anonymity threshold)", page, StringComparison.Ordinal);
        Assert.DoesNotContain(">11<", page, StringComparison.Ordinal);

        foreach (var p in people.Skip(4).Take(4))
        {
            await SubmitAsync(app, survey, p);
        }
        Assert.Equal(7, (await RemindOnAsync(app, survey, today.AddDays(2))).Reminded); // five answered, seven left: both groups ≥ k

        // Each person is reminded only while they have not answered: the one who answered after day one got day one's reminder only.
        var log = await LogAsync(app, survey);
        Assert.Single(log, r => r.EmployeeId == people[3].EmployeeId);
        Assert.Equal(3, log.Count(r => r.EmployeeId == people[0].EmployeeId));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task No_page_api_mail_or_notification_names_who_was_reminded_or_who_answered(DatabaseProvider provider)
    {
        var app = await App(provider);
        await SetThresholdAsync(app, 5);
        var department = await DepartmentAsync(app);
        var people = await PeopleAsync(app, department, 6);
        var hr = await app.ApiClientAsync(Hr);
        var title = $"Names {Guid.NewGuid():N}"[..20];
        var survey = await LaunchForAsync(hr, department, title);
        await SubmitAsync(app, survey, people[0], comment: "fine");
        Assert.Equal(HttpStatusCode.OK, (await hr.PostAsync($"/api/v1/surveys/{survey}/reminders", null)).StatusCode);

        var hrPages = await app.SignedInAsync(Hr);
        var seen = new List<string>
        {
            await hrPages.GetStringAsync($"/surveys/{survey}/reminders"),
            await hrPages.GetStringAsync("/surveys/manage"),
            await hrPages.GetStringAsync($"/surveys/{survey}/edit"),
            await hrPages.GetStringAsync($"/surveys/{survey}/results"),
            await hr.GetStringAsync($"/api/v1/surveys/{survey}"),
            await hr.GetStringAsync($"/api/v1/surveys/{survey}/reminders"),
            await hr.GetStringAsync($"/api/v1/surveys/{survey}/results"),
            await hr.GetStringAsync("/api/v1/surveys"),
        };
        foreach (var text in seen)
        {
            foreach (var p in people)
            {
                Assert.DoesNotContain(p.Name, text, StringComparison.Ordinal);
                Assert.DoesNotContain(p.Email, text, StringComparison.OrdinalIgnoreCase);
            }
        }

        var reminded = people[5];
        var mail = await app.Smtp.WaitForMessageAsync(reminded.Email, m => (m.Subject ?? "").Contains(title, StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        Assert.Single(mail.To);
        foreach (var other in people.Where(p => p != reminded))
        {
            Assert.DoesNotContain(other.Name, mail.TextBody + mail.HtmlBody, StringComparison.Ordinal);
            Assert.DoesNotContain(other.Email, mail.TextBody + mail.HtmlBody, StringComparison.OrdinalIgnoreCase);
        }
        var notes = await TestAccounts.WithDbAsync(app, db => db.Set<Notification>().AsNoTracking().Where(n => n.Url == $"/surveys/{survey}").ToListAsync());
        Assert.Equal(5, notes.Count);
        Assert.All(notes, n => Assert.Equal($"Reminder: please answer \"{title}\"", n.Title));
        Assert.DoesNotContain(notes, n => n.EmployeeId == people[0].EmployeeId);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Managers_employees_and_their_tokens_can_neither_see_nor_send_reminders(DatabaseProvider provider)
    {
        var app = await App(provider);
        var department = await DepartmentAsync(app);
        var people = await PeopleAsync(app, department, 2);
        var manager = (await PeopleAsync(app, department, 1, roles: [Roles.Manager, Roles.Employee]))[0];
        var survey = await LaunchForAsync(await app.ApiClientAsync(Hr), department, "Who");
        foreach (var who in new[] { people[0].Email, manager.Email })
        {
            var api = await app.ApiClientAsync(who);
            await (await api.GetAsync($"/api/v1/surveys/{survey}/reminders")).AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await api.PostAsync($"/api/v1/surveys/{survey}/reminders", null)).AssertProblemAsync(HttpStatusCode.Forbidden);
            var pages = await app.SignedInAsync(who, TestAccounts.Password);
            await TestAccounts.AssertForbiddenAsync(pages, $"/surveys/{survey}/reminders");
        }
        Assert.Empty(await LogAsync(app, survey));
        // What an employee sees about the survey is their own state only.
        var mine = await (await (await app.ApiClientAsync(people[1].Email)).GetAsync($"/api/v1/surveys/{survey}")).JsonAsync();
        Assert.Equal(System.Text.Json.JsonValueKind.Null, mine.GetProperty("audience").ValueKind);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_reminder_log_carries_no_time_or_order_to_line_up_with_responses(DatabaseProvider provider)
    {
        var app = await App(provider);
        var department = await DepartmentAsync(app);
        var people = await PeopleAsync(app, department, 3);
        var hr = await app.ApiClientAsync(Hr);
        var survey = await LaunchForAsync(hr, department, "Log");
        await SubmitAsync(app, survey, people[1]);
        Assert.Equal(HttpStatusCode.OK, (await hr.PostAsync($"/api/v1/surveys/{survey}/reminders", null)).StatusCode);
        Assert.Equal([people[0].EmployeeId, people[2].EmployeeId], (await LogAsync(app, survey)).Select(r => r.EmployeeId).Order());
        var model = await TestAccounts.WithDbAsync(app, db => Task.FromResult(db.Model));
        foreach (var type in new[] { typeof(SurveyReminder), typeof(SurveyReminderRound), typeof(SurveyParticipation) })
        {
            var entity = model.FindEntityType(type)!;
            Assert.DoesNotContain(entity.GetProperties(), p => p.ClrType == typeof(DateTime) || p.ClrType == typeof(DateTime?) || p.ClrType == typeof(DateTimeOffset)
                || p.ValueGenerated != Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never);
        }
        Assert.Equal(["EmployeeId", "Round", "SurveyId"], model.FindEntityType(typeof(SurveyReminder))!.FindPrimaryKey()!.Properties.Select(p => p.Name).Order());
        Assert.False(await TestAccounts.WithDbAsync(app, db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(SurveyReminder) || a.EntityType == nameof(SurveyReminderRound))));
    }
}
