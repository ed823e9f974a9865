using System.Net;
using System.Net.Http.Json;
using Inward.Features.Listening;
using Inward.Features.Listening.Pulses;
using Inward.Platform.Data;
using Inward.Tests.Admin;
using Inward.Tests.Infrastructure;
using Inward.Tests.Jobs;
using Microsoft.EntityFrameworkCore;
using static Inward.Tests.Listening.Pulses.PulseTestKit;

namespace Inward.Tests.Listening.Pulses;

/// <summary>HR changes a running series (API and trends page): checked, audited, the open cycle kept, the next on the new schedule.</summary>
public sealed class PulseChangeTests(Apps apps) : IntegrationTest(apps)
{
    private static Task<HttpResponseMessage> PatchAsync(HttpClient client, string url, object body) =>
        client.PatchAsync(url, JsonContent.Create(body));

    [Theory, MemberData(nameof(Providers))]
    public async Task Hr_changes_a_running_weekly_series_to_monthly_and_the_next_cycle_follows_the_new_schedule(DatabaseProvider provider)
    {
        var app = await App(provider);
        var department = await DepartmentAsync(app);
        await PeopleAsync(app, department, 5);
        var hr = await app.ApiClientAsync(Hr);
        var anchor = new DateTime(2031, 6, 2, 9, 0, 0, DateTimeKind.Utc);
        var first = await WeeklyPulseAsync(hr, department, anchor);
        var series = await SeriesOfAsync(app, first);
        var url = $"/api/v1/surveys/{first}/recurrence";

        // Bad changes are refused field by field and change nothing.
        Assert.True((await (await PatchAsync(hr, url, new { cadence = "daily" })).AssertProblemAsync(HttpStatusCode.BadRequest))
            .GetProperty("errors").TryGetProperty("cadence", out _));
        var tooLong = await (await PatchAsync(hr, url, new { cadence = "monthly", openDays = 30 })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Each cycle stays open from 1 to 28 days.", tooLong.GetProperty("errors").GetProperty("openDays")[0].GetString());
        // Days open are checked against the cadence kept when only the days change.
        await (await PatchAsync(hr, url, new { openDays = 8 })).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await PatchAsync(hr, url, new { })).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await PatchAsync(hr, url, new { cadence = "none" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await PatchAsync(hr, "/api/v1/surveys/999999999/recurrence", new { cadence = "monthly" })).AssertProblemAsync(HttpStatusCode.NotFound);
        var employee = await app.ApiClientAsync((await PeopleAsync(app, department, 1))[0].Email);
        Assert.Equal(HttpStatusCode.Forbidden, (await PatchAsync(employee, url, new { cadence = "monthly" })).StatusCode);
        Assert.Equal((PulseCadence.Weekly, 3), await RecurrenceOfAsync(app, series));
        var seriesKey = series.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var audited = await TestAccounts.WithDbAsync(app, db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(SurveySeries) && a.EntityId == seriesKey));

        var changed = await PatchAsync(hr, url, new { cadence = "monthly", openDays = 5 });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var body = await changed.JsonAsync();
        Assert.Equal(("Monthly", 5), (body.GetProperty("cadence").GetString(), body.GetProperty("openDays").GetInt32()));
        Assert.Equal(new DateTime(2031, 7, 2, 9, 0, 0, DateTimeKind.Utc), body.GetProperty("nextOpensAt").GetDateTime().ToUniversalTime());
        Assert.Equal((PulseCadence.Monthly, 5), await RecurrenceOfAsync(app, series));
        Assert.True(await TestAccounts.WithDbAsync(app, db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(SurveySeries) && a.EntityId == seriesKey))
            > audited);
        // The open cycle keeps the three days it was launched with.
        Assert.Equal(anchor.AddDays(3), await TestAccounts.WithDbAsync(app, db => db.Set<Survey>().Where(s => s.Id == first).Select(s => s.ClosesUtc).SingleAsync()));

        // The old weekly date passes with no new cycle; the first closes on its date; the monthly date opens cycle 2 for 5 days.
        var clock = new ManualClock(anchor.AddDays(7).AddMinutes(2));
        await RunJobAsync(app, clock, series);
        Assert.Equal([first], await CyclesAsync(app, series));
        Assert.Equal((SurveyStatus.Closed, anchor.AddDays(3)), await TestAccounts.WithDbAsync(app, db =>
            db.Set<Survey>().Where(s => s.Id == first).Select(s => new ValueTuple<SurveyStatus, DateTime?>(s.Status, s.ClosesUtc)).SingleAsync()));
        clock.UtcNow = new DateTime(2031, 7, 2, 9, 3, 0, DateTimeKind.Utc);
        await RunJobAsync(app, clock, series);
        var cycles = await CyclesAsync(app, series);
        Assert.Equal(2, cycles.Count);
        var second = await TestAccounts.WithDbAsync(app, db => db.Set<Survey>().AsNoTracking().SingleAsync(s => s.Id == cycles[1]));
        Assert.Equal((new DateTime(2031, 7, 2, 9, 0, 0, DateTimeKind.Utc), new DateTime(2031, 7, 7, 9, 0, 0, DateTimeKind.Utc)), (second.OpensUtc, second.ClosesUtc));

        // A stopped series cannot be changed.
        Assert.Equal(HttpStatusCode.OK, (await hr.PostAsync($"{url}/stop", null)).StatusCode);
        await (await PatchAsync(hr, url, new { cadence = "weekly" })).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_trends_page_offers_hr_the_change_form_shows_its_errors_and_saves_back_to_the_trends(DatabaseProvider provider)
    {
        var app = await App(provider);
        var department = await DepartmentAsync(app);
        await PeopleAsync(app, department, 5);
        var hr = await app.ApiClientAsync(Hr);
        var first = await WeeklyPulseAsync(hr, department, new DateTime(2031, 9, 1, 9, 0, 0, DateTimeKind.Utc));
        var series = await SeriesOfAsync(app, first);
        var pages = await app.SignedInAsync(Hr);
        var trends = $"/surveys/{first}/trends";
        Assert.Contains($"action=\"/surveys/{first}/recurrence?handler=Change\"", await pages.GetStringAsync(trends), StringComparison.Ordinal);

        var bad = await InwardApp.PostFormAsync(pages, trends, new() { ["Cadence"] = "Quarterly", ["OpenDays"] = "100", ["From"] = "trends" },
            $"/surveys/{first}/recurrence?handler=Change");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Each cycle stays open from 1 to 89 days.", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal((PulseCadence.Weekly, 3), await RecurrenceOfAsync(app, series));

        var saved = await InwardApp.PostFormAsync(pages, trends, new() { ["Cadence"] = "Quarterly", ["OpenDays"] = "20", ["From"] = "trends" },
            $"/surveys/{first}/recurrence?handler=Change");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(trends, saved.Headers.Location!.OriginalString);
        Assert.Equal((PulseCadence.Quarterly, 20), await RecurrenceOfAsync(app, series));
        Assert.Contains("The next cycle opens on 1 December 2031.", WebUtility.HtmlDecode(await pages.GetStringAsync(trends)), StringComparison.Ordinal);
    }
}
