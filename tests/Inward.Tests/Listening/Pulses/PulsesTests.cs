using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inward.Features.Listening;
using Inward.Features.Listening.Pulses;
using Inward.Platform.Data;
using Inward.Platform.Jobs;
using Inward.Platform.Metrics;
using Inward.Tests.Admin;
using Inward.Tests.Infrastructure;
using Inward.Tests.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Inward.Tests.Listening.Pulses.PulseTestKit;

namespace Inward.Tests.Listening.Pulses;

/// <summary>
/// Recurring pulses end to end on both databases: HR makes a draft recurring, the job closes and launches cycles exactly
/// once on a hand-moved clock, trends and the cycle-to-cycle comparison give hand-computed figures, and the demo series shows.
/// </summary>
public sealed class PulsesTests(Apps apps) : IntegrationTest(apps)
{
    [Theory, MemberData(nameof(Providers))]
    public async Task Hr_makes_a_draft_recurring_and_the_job_closes_and_launches_each_cycle_exactly_once(DatabaseProvider provider)
    {
        var app = await App(provider);
        var department = await DepartmentAsync(app);
        var mover = await DepartmentAsync(app, department);
        var people = await PeopleAsync(app, department, 6);
        var hr = await app.ApiClientAsync(Hr);
        var anchor = new DateTime(2031, 6, 2, 9, 0, 0, DateTimeKind.Utc);
        var seriesBefore = await TestAccounts.WithDbAsync(app, db => db.Set<SurveySeries>().CountAsync());
        var draft = await WeeklyPulseAsync(hr, department, anchor, launch: false);
        // Bad recurrences are refused field by field and change nothing.
        var badCadence = await (await hr.PutAsJsonAsync($"/api/v1/surveys/{draft}/recurrence", new { cadence = "daily", openDays = 3 }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(badCadence.GetProperty("errors").TryGetProperty("cadence", out _));
        var tooLong = await (await hr.PutAsJsonAsync($"/api/v1/surveys/{draft}/recurrence", new { cadence = "weekly", openDays = 8 }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Each cycle stays open from 1 to 7 days.", tooLong.GetProperty("errors").GetProperty("openDays")[0].GetString());
        await (await hr.PutAsJsonAsync("/api/v1/surveys/999999999/recurrence", new { cadence = "weekly", openDays = 3 })).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(seriesBefore + 1, await TestAccounts.WithDbAsync(app, db => db.Set<SurveySeries>().CountAsync()));
        var series = await SeriesOfAsync(app, draft);
        Assert.Equal((PulseCadence.Weekly, 3), await RecurrenceOfAsync(app, series));

        var recurrence = await (await hr.GetAsync($"/api/v1/surveys/{draft}/recurrence")).JsonAsync();
        Assert.Equal(("Weekly", 3, 1), (recurrence.GetProperty("cadence").GetString(), recurrence.GetProperty("openDays").GetInt32(),
            recurrence.GetProperty("cycle").GetInt32()));
        Assert.Equal(HttpStatusCode.OK, (await hr.PostAsync($"/api/v1/surveys/{draft}/launch", null)).StatusCode);
        await (await hr.PutAsJsonAsync($"/api/v1/surveys/{draft}/recurrence", new { cadence = "monthly", openDays = 3 })).AssertProblemAsync(HttpStatusCode.Conflict);
        var hrPages = await app.SignedInAsync(Hr);
        var edit = WebUtility.HtmlDecode(await hrPages.GetStringAsync($"/surveys/{draft}/edit"));
        Assert.Contains("Cycle 1 of a recurring pulse (Weekly); each cycle stays open 3 days.", edit, StringComparison.Ordinal);
        Assert.Contains("The next cycle opens on 9 June 2031.", edit, StringComparison.Ordinal);

        var clock = new ManualClock(anchor.AddHours(1));
        await RunJobAsync(app, clock, series);
        Assert.Equal([draft], await CyclesAsync(app, series));
        await AnswerAllAsync(app, clock, draft, people, Same(6));

        clock.UtcNow = anchor.AddDays(3);
        await RunJobAsync(app, clock, series);
        var first = await TestAccounts.WithDbAsync(app, db => db.Set<Survey>().AsNoTracking().SingleAsync(s => s.Id == draft));
        Assert.Equal((SurveyStatus.Closed, anchor.AddDays(3), anchor.AddDays(3)), (first.Status, first.ClosesUtc, first.ClosedUtc));
        Assert.Single(await CyclesAsync(app, series));

        // Someone moves between cycles: the next cycle freezes where they are then; the closed one keeps where they were.
        await MoveAsync(app, people[0].EmployeeId, mover);
        clock.UtcNow = anchor.AddDays(7).AddMinutes(2);
        // Two instances run the job at the same moment (two queued runs): one cycle 2, never two.
        var kind = $"test.pulses.{Guid.NewGuid():N}";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var jobs = scope.ServiceProvider.GetRequiredService<IJobScheduler>();
            await jobs.EnqueueAsync(kind, new PulseRun(series), clock.UtcNow);
            await jobs.EnqueueAsync(kind, new PulseRun(series), clock.UtcNow);
        }
        await Task.WhenAll(Runner(app, clock, kind, "a").RunDueAsync(), Runner(app, clock, kind, "b").RunDueAsync());
        clock.Advance(TimeSpan.FromMinutes(5));
        await Runner(app, clock, kind, "a").RunDueAsync();
        await RunJobAsync(app, clock, series);

        var cycles = await CyclesAsync(app, series);
        Assert.Equal(2, cycles.Count);
        Assert.All(await TestAccounts.WithDbAsync(app, db => db.Set<BackgroundJob>().Where(j => j.Kind == kind).Select(j => j.Status).ToListAsync()),
            s => Assert.Equal(JobStatus.Succeeded, s));
        var second = await TestAccounts.WithDbAsync(app, db => db.Set<Survey>().AsNoTracking().SingleAsync(s => s.Id == cycles[1]));
        Assert.Equal((SurveyStatus.Open, anchor.AddDays(7), anchor.AddDays(10), first.Title, true, first.AudienceJson),
            (second.Status, second.OpensUtc, second.ClosesUtc, second.Title, second.IsAnonymous, second.AudienceJson));
        var (copied, sections) = await TestAccounts.WithDbAsync(app, async db => (
            await db.Set<SurveyQuestion>().AsNoTracking().Where(q => q.SurveyId == second.Id).OrderBy(q => q.Order).ToListAsync(),
            await db.Set<SurveySection>().AsNoTracking().Where(s => s.SurveyId == second.Id).ToListAsync()));
        var original = await TestAccounts.WithDbAsync(app, db => db.Set<SurveyQuestion>().AsNoTracking().Where(q => q.SurveyId == draft).OrderBy(q => q.Order).ToListAsync());
        Assert.Equal(original.Select(q => (q.Kind, q.Text, q.TextAr, q.TextPl, q.Dimension, q.Reverse, q.Required, q.Order)),
            copied.Select(q => (q.Kind, q.Text, q.TextAr, q.TextPl, q.Dimension, q.Reverse, q.Required, q.Order)));
        var section = Assert.Single(sections);
        Assert.Equal(("Pulse", "نبض", "Puls"), (section.Title, section.TitleAr, section.TitlePl));
        Assert.All(copied, q => Assert.Equal(section.Id, q.SectionId));
        var members = await TestAccounts.WithDbAsync(app, db => db.Set<SurveyMember>().AsNoTracking().Where(m => m.SurveyId == second.Id || m.SurveyId == draft).ToListAsync());
        Assert.Equal(6, members.Count(m => m.SurveyId == second.Id));
        Assert.Equal(mover, members.Single(m => m.SurveyId == second.Id && m.EmployeeId == people[0].EmployeeId).DepartmentId);
        Assert.Equal(department, members.Single(m => m.SurveyId == draft && m.EmployeeId == people[0].EmployeeId).DepartmentId);
        // The new cycle takes answers (on its own clock) and appears in its audience's list.
        await AnswerAllAsync(app, clock, second.Id, people, Same(6));

        // HR stops the series: the open cycle still closes, nothing new opens.
        var stopped = await (await hr.PostAsync($"/api/v1/surveys/{second.Id}/recurrence/stop", null)).JsonAsync();
        Assert.Equal(JsonValueKind.String, stopped.GetProperty("stoppedAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, stopped.GetProperty("nextOpensAt").ValueKind);
        await (await hr.PostAsync($"/api/v1/surveys/{second.Id}/recurrence/stop", null)).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await hr.PostAsync("/api/v1/surveys/999999999/recurrence/stop", null)).AssertProblemAsync(HttpStatusCode.NotFound);
        clock.UtcNow = anchor.AddDays(21);
        await RunJobAsync(app, clock, series);
        Assert.Equal(2, (await CyclesAsync(app, series)).Count);
        Assert.Equal(SurveyStatus.Closed, await TestAccounts.WithDbAsync(app, db => db.Set<Survey>().Where(s => s.Id == second.Id).Select(s => s.Status).SingleAsync()));
        Assert.Contains("The series was stopped on", WebUtility.HtmlDecode(await hrPages.GetStringAsync($"/surveys/{second.Id}/edit")), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_recurrence_form_on_the_edit_page_saves_refuses_bad_input_and_makes_a_one_off_again(DatabaseProvider provider)
    {
        var app = await App(provider);
        var department = await DepartmentAsync(app);
        var hr = await app.ApiClientAsync(Hr);
        var created = await hr.PostAsJsonAsync("/api/v1/surveys", new { title = "Form pulse", template = "enps", audience = Audience(department) });
        var id = (await created.JsonAsync()).GetProperty("id").GetInt32();
        var pages = await app.SignedInAsync(Hr);
        Assert.Contains("action=\"/surveys/" + id + "/recurrence\"", await pages.GetStringAsync($"/surveys/{id}/edit"), StringComparison.Ordinal);

        var bad = await InwardApp.PostFormAsync(pages, $"/surveys/{id}/edit", new() { ["Cadence"] = "Monthly", ["OpenDays"] = "30" }, $"/surveys/{id}/recurrence");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Each cycle stays open from 1 to 28 days.", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.False(await TestAccounts.WithDbAsync(app, db => db.Set<SurveyCycle>().AnyAsync(c => c.SurveyId == id)));

        var saved = await InwardApp.PostFormAsync(pages, $"/surveys/{id}/edit", new() { ["Cadence"] = "Monthly", ["OpenDays"] = "10" }, $"/surveys/{id}/recurrence");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"/surveys/{id}/edit", saved.Headers.Location!.OriginalString);
        var series = await SeriesOfAsync(app, id);
        Assert.Equal((PulseCadence.Monthly, 10), await RecurrenceOfAsync(app, series));

        var oneOff = await InwardApp.PostFormAsync(pages, $"/surveys/{id}/edit", new() { ["Cadence"] = "none" }, $"/surveys/{id}/recurrence");
        Assert.Equal(HttpStatusCode.Redirect, oneOff.StatusCode);
        Assert.False(await TestAccounts.WithDbAsync(app, db => db.Set<SurveyCycle>().AnyAsync(c => c.SurveyId == id)));
        Assert.False(await TestAccounts.WithDbAsync(app, db => db.Set<SurveySeries>().AnyAsync(s => s.Id == series)));
        var notRecurring = await InwardApp.PostFormAsync(pages, $"/surveys/{id}/recurrence", [], $"/surveys/{id}/recurrence?handler=Stop");
        Assert.Contains("This survey is not part of a running series.", WebUtility.HtmlDecode(await notRecurring.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Trends_and_the_comparison_give_hand_computed_figures_and_leave_small_cycles_as_gaps(DatabaseProvider provider)
    {
        var app = await App(provider);
        var parent = await DepartmentAsync(app);
        var a = await DepartmentAsync(app, parent);
        var b = await DepartmentAsync(app, parent);
        var inA = await PeopleAsync(app, a, 6);
        var inB = await PeopleAsync(app, b, 6);
        var hr = await app.ApiClientAsync(Hr);
        // The latest dates of any pulse test, so the pulse metrics below read this series.
        var anchor = new DateTime(2050, 3, 7, 9, 0, 0, DateTimeKind.Utc);
        var first = await WeeklyPulseAsync(hr, parent, anchor);
        var series = await SeriesOfAsync(app, first);
        var clock = new ManualClock(anchor.AddHours(1));
        await AnswerAllAsync(app, clock, first, inA,
            [new(10, 5, 5), new(9, 4, 5), new(9, 4, 4), new(8, 3, 4), new(6, 2, 3), new(3, 1, 2)]);
        await AnswerAllAsync(app, clock, first, inB,
            [new(10, 4, 2), new(10, 4, 2), new(7, 4, 2), new(7, 4, 2), new(5, 4, 2), new(0, 4, 2)]);
        clock.UtcNow = anchor.AddDays(7);
        await RunJobAsync(app, clock, series);
        var second = (await CyclesAsync(app, series))[1];
        await AnswerAllAsync(app, clock, second, inA,
            [new(10, 5, 5), new(10, 5, 4), new(10, 5, 4), new(9, 4, 4), new(8, 4, 3), new(7, 3, 3)]);
        await AnswerAllAsync(app, clock, second, inB.Take(4), Same(4, 0, 1, 1));
        clock.UtcNow = anchor.AddDays(14);
        await RunJobAsync(app, clock, series);
        var third = (await CyclesAsync(app, series))[2];

        // Parent: both cycles shown (the open third is not a trend point yet).
        var trend = await TrendsAsync(hr, third, parent);
        var cycles = trend.GetProperty("cycles");
        Assert.Equal([first, second], cycles.EnumerateArray().Select(c => c.GetProperty("surveyId").GetInt32()));
        Assert.Equal([12, 10], cycles.EnumerateArray().Select(c => c.GetProperty("responded").GetInt32()));
        Assert.Equal(100.0, cycles[0].GetProperty("participation").GetDouble(), 6);
        Assert.Equal(100.0 * 10 / 12, cycles[1].GetProperty("participation").GetDouble(), 6);
        // eNPS: cycle 1 has 5 promoters and 4 detractors of 12; cycle 2 has 4 and 4 of 10.
        Assert.Equal(100.0 * (5 - 4) / 12, cycles[0].GetProperty("netPromoter").GetDouble(), 6);
        Assert.Equal(0.0, cycles[1].GetProperty("netPromoter").GetDouble(), 6);
        var clarity = trend.GetProperty("dimensions").EnumerateArray().Single(d => d.GetProperty("name").GetString() == "Clarity").GetProperty("values");
        // Clarity pools both items: 13 of 24 answers favourable, mean 78/24; then 9 of 20, mean 57/20.
        Assert.Equal(100.0 * 13 / 24, clarity[0].GetProperty("favourable").GetDouble(), 6);
        Assert.Equal(78.0 / 24, clarity[0].GetProperty("mean").GetDouble(), 6);
        Assert.Equal(100.0 * 9 / 20, clarity[1].GetProperty("favourable").GetDouble(), 6);
        Assert.Equal(57.0 / 20, clarity[1].GetProperty("mean").GetDouble(), 6);
        var questions = trend.GetProperty("questions");
        Assert.Equal(3, questions.GetArrayLength());
        Assert.Equal(100.0 * 9 / 12, questions[1].GetProperty("values")[0].GetProperty("favourable").GetDouble(), 6);
        Assert.Equal(43.0 / 12, questions[1].GetProperty("values")[0].GetProperty("mean").GetDouble(), 6);
        Assert.Equal(30.0 / 10, questions[1].GetProperty("values")[1].GetProperty("mean").GetDouble(), 6);
        Assert.Equal(0.0, questions[0].GetProperty("values")[1].GetProperty("netPromoter").GetDouble(), 6);

        // A: shown in cycle 1 (eNPS 3 − 2 of 6, Clarity 7 of 12), hidden in cycle 2 because B had 4 and P − A would give B.
        var inATrend = await TrendsAsync(hr, third, a);
        var aCycles = inATrend.GetProperty("cycles");
        Assert.Equal(100.0 / 6, aCycles[0].GetProperty("netPromoter").GetDouble(), 6);
        Assert.Equal(100.0 * 7 / 12, inATrend.GetProperty("dimensions")[0].GetProperty("values")[0].GetProperty("favourable").GetDouble(), 6);
        Assert.False(aCycles[1].GetProperty("shown").GetBoolean());
        Assert.Equal(JsonValueKind.Null, aCycles[1].GetProperty("responded").ValueKind);
        Assert.Equal(JsonValueKind.Null, inATrend.GetProperty("dimensions")[0].GetProperty("values")[1].GetProperty("favourable").ValueKind);

        var pages = await app.SignedInAsync(Hr);
        var page = WebUtility.HtmlDecode(await pages.GetStringAsync($"/surveys/{third}/trends?department={a}"));
        Assert.Contains("fewer than 5 responses", page, StringComparison.Ordinal);
        Assert.Contains("<polyline", page, StringComparison.Ordinal);
        Assert.Contains("class=\"trend-gap\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);

        // The results of cycle 2 compare with cycle 1 for the parent (eNPS 0 − 8.3 → −8; Clarity 45 − 54.2 → −9), not for A.
        var results = WebUtility.HtmlDecode(await pages.GetStringAsync($"/surveys/{second}/results?department={parent}"));
        Assert.Contains("Since the previous cycle", results, StringComparison.Ordinal);
        Assert.Contains("<td class=\"delta\">−8</td>", results, StringComparison.Ordinal);
        Assert.Contains("<td class=\"delta\">−9</td>", results, StringComparison.Ordinal);
        var firstResults = WebUtility.HtmlDecode(await pages.GetStringAsync($"/surveys/{first}/results?department={parent}"));
        Assert.Contains("Nothing to compare", firstResults, StringComparison.Ordinal);

        // The pulse metrics read the latest closed cycle through the same rule.
        await using var scope = app.Services.CreateAsyncScope();
        var metrics = scope.ServiceProvider.GetRequiredService<MetricRegistry>();
        Assert.Equal(0m, (await metrics.EvaluateAsync(PulseMetrics.NetPromoter, new(parent)))!.Value);
        Assert.Equal(decimal.Round((decimal)(0 - 100.0 / 12), 2), (await metrics.EvaluateAsync(PulseMetrics.NetPromoterChange, new(parent)))!.Value);
        Assert.Null((await metrics.EvaluateAsync(PulseMetrics.NetPromoter, new(a)))!.Value);
        Assert.Null((await metrics.EvaluateAsync(PulseMetrics.NetPromoterChange, new(b)))!.Value);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_demo_has_a_monthly_pulse_with_three_closed_cycles_and_an_open_one_whose_trend_shows(DatabaseProvider provider)
    {
        var app = await App(provider);
        var demo = await TestAccounts.WithDbAsync(app, db => (from c in db.Set<SurveyCycle>()
                                                              join s in db.Set<Survey>() on c.SurveyId equals s.Id
                                                              where s.Title == PulsesDemoContent.SeriesTitle
                                                              orderby c.Number
                                                              select new { s.Id, s.Status, c.Number }).ToListAsync());
        Assert.Equal([SurveyStatus.Closed, SurveyStatus.Closed, SurveyStatus.Closed, SurveyStatus.Open], demo.Select(d => d.Status));
        var hr = await app.ApiClientAsync(Hr);

        var trend = await TrendsAsync(hr, demo[^1].Id);

        var cycles = trend.GetProperty("cycles");
        Assert.Equal(3, cycles.GetArrayLength());
        Assert.All(cycles.EnumerateArray(), c => Assert.True(c.GetProperty("shown").GetBoolean()));
        Assert.Equal(["Clarity", "Recognition"], trend.GetProperty("dimensions").EnumerateArray().Select(d => d.GetProperty("name").GetString()));
        var logistics = await TestAccounts.WithDbAsync(app, db => db.Departments.Where(d => d.Name == "Logistics").Select(d => d.Id).SingleAsync());
        var gap = await TrendsAsync(hr, demo[^1].Id, logistics);
        Assert.Equal([true, false, true], gap.GetProperty("cycles").EnumerateArray().Select(c => c.GetProperty("shown").GetBoolean()));
        var page = WebUtility.HtmlDecode(await (await app.SignedInAsync(Hr)).GetStringAsync($"/surveys/{demo[^1].Id}/trends"));
        Assert.Contains("<polyline", page, StringComparison.Ordinal);
    }
}
