using System.Net;
using System.Text.RegularExpressions;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Inward.Tests.Admin;
using Inward.Tests.Infrastructure;
using Inward.Tests.Jobs;
using Microsoft.EntityFrameworkCore;
using static Inward.Tests.Listening.Pulses.PulseTestKit;

namespace Inward.Tests.Listening.Pulses;

/// <summary>The trends and results pages where every group is below k, and the trend chart's time axis in Arabic.</summary>
public sealed partial class TrendPageTests(Apps apps) : IntegrationTest(apps)
{
    [GeneratedRegex("<text x=\"([0-9.]+)\" y=\"[0-9.]+\" text-anchor=\"middle\">")]
    private static partial Regex CycleTick();

    /// <summary>The x of each cycle's label on the first chart of the page, in cycle order.</summary>
    private static List<double> Ticks(string page)
    {
        var chart = page[page.IndexOf("<figure class=\"trend-chart\">", StringComparison.Ordinal)..];
        var svg = chart[..chart.IndexOf("</svg>", StringComparison.Ordinal)];
        return [.. CycleTick().Matches(svg).Select(m => double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task With_every_group_below_k_the_pages_say_why_and_in_arabic_time_runs_right_to_left(DatabaseProvider provider)
    {
        var app = await App(provider);
        var department = await DepartmentAsync(app);
        var people = await PeopleAsync(app, department, 6);
        var hrApi = await app.ApiClientAsync(Hr);
        var anchor = new DateTime(2037, 3, 2, 9, 0, 0, DateTimeKind.Utc);
        var first = await WeeklyPulseAsync(hrApi, department, anchor);
        var series = await SeriesOfAsync(app, first);
        var clock = new ManualClock(anchor.AddHours(1));
        await AnswerAsync(app, clock, first, people[0], new Answers(9, 4, 4));
        clock.UtcNow = anchor.AddDays(7);
        await RunJobAsync(app, clock, series);
        clock.UtcNow = anchor.AddDays(10);
        await RunJobAsync(app, clock, series);
        var second = (await CyclesAsync(app, series))[1];

        // One response of six: not even the whole company is shown, so there is no group to choose, and the pages say so.
        var hr = await app.SignedInAsync(Hr);
        foreach (var url in new[] { $"/surveys/{first}/results", $"/surveys/{second}/trends" })
        {
            var page = WebUtility.HtmlDecode(await hr.GetStringAsync(url));
            Assert.Contains("No group can be chosen: even the largest group you may see has fewer than 5 responses, so every group stays hidden.", page,
                StringComparison.Ordinal);
            Assert.DoesNotContain("<select id=\"department\"", page, StringComparison.Ordinal);
        }

        // The chart's first cycle is on the left in English and on the right in Arabic, as the tables read.
        var english = Ticks(await hr.GetStringAsync($"/surveys/{second}/trends"));
        Assert.Equal(2, english.Count);
        Assert.True(english[0] < english[1]);
        var (email, userId, _) = await TestAccounts.CreateAsync(app, [Roles.HR]);
        await TestAccounts.WithDbAsync(app, async db =>
        {
            (await db.Users.SingleAsync(u => u.Id == userId)).Language = "ar";
            return await db.SaveChangesAsync();
        });
        var arabicPage = await (await app.SignedInAsync(email, TestAccounts.Password)).GetStringAsync($"/surveys/{second}/trends");
        Assert.Contains("dir=\"rtl\"", arabicPage, StringComparison.Ordinal);
        var arabic = Ticks(arabicPage);
        Assert.Equal(2, arabic.Count);
        Assert.True(arabic[0] > arabic[1]);
        Assert.Equal(english[0], 640 - arabic[0], 6);
    }
}
