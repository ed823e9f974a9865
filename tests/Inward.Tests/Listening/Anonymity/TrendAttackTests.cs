using System.Net;
using System.Text.Json;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Inward.Tests.Admin;
using Inward.Tests.Infrastructure;
using Inward.Tests.Jobs;
using Microsoft.EntityFrameworkCore;
using static Inward.Tests.Listening.Pulses.PulseTestKit;

namespace Inward.Tests.Listening.Anonymity;

/// <summary>
/// Attackers (HR, a manager, an employee, an API token) try to learn something about a group below k through the trends
/// of a pulse and the comparison with the previous cycle. Every test asserts that nothing is revealed. k is the default 5.
/// </summary>
public sealed class TrendAttackTests(Apps apps) : IntegrationTest(apps)
{
    private static readonly string[] CycleFigures = ["responded", "invited", "participation", "netPromoter"];
    private static readonly string[] ValueFigures = ["favourable", "mean", "netPromoter"];

    /// <summary>A two-cycle weekly pulse over the parent; <paramref name="perCycle"/> says who answers in each cycle. Returns the cycles' ids.</summary>
    private static async Task<(int First, int Second)> TwoCyclesAsync(InwardApp app, int parent, DateTime anchor,
        params (IEnumerable<Person> People, int Cycle)[] perCycle)
    {
        var hr = await app.ApiClientAsync(Hr);
        var first = await WeeklyPulseAsync(hr, parent, anchor);
        var series = await SeriesOfAsync(app, first);
        var clock = new ManualClock(anchor.AddHours(1));
        foreach (var (people, _) in perCycle.Where(p => p.Cycle == 1))
        {
            await AnswerAllAsync(app, clock, first, people, people.Select((_, i) => new Answers(i % 2 == 0 ? 10 : 2, 4, i % 3 == 0 ? 1 : 5)));
        }
        clock.UtcNow = anchor.AddDays(7);
        await RunJobAsync(app, clock, series);
        var second = (await CyclesAsync(app, series))[1];
        foreach (var (people, _) in perCycle.Where(p => p.Cycle == 2))
        {
            await AnswerAllAsync(app, clock, second, people, people.Select((_, i) => new Answers(i % 2 == 0 ? 9 : 5, 5, 3)));
        }
        clock.UtcNow = anchor.AddDays(10);
        await RunJobAsync(app, clock, series);
        return (first, second);
    }

    private static void AssertHidden(JsonElement trend, int index)
    {
        var cycle = trend.GetProperty("cycles")[index];
        Assert.False(cycle.GetProperty("shown").GetBoolean());
        foreach (var field in CycleFigures)
        {
            Assert.Equal(JsonValueKind.Null, cycle.GetProperty(field).ValueKind);
        }
        foreach (var line in trend.GetProperty("dimensions").EnumerateArray().Concat(trend.GetProperty("questions").EnumerateArray()))
        {
            var value = line.GetProperty("values")[index];
            Assert.All(ValueFigures, f => Assert.Equal(JsonValueKind.Null, value.GetProperty(f).ValueKind));
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_department_with_four_respondents_in_one_cycle_and_six_in_the_next_reveals_nothing_for_the_small_cycle(DatabaseProvider provider)
    {
        var app = await App(provider);
        var parent = await DepartmentAsync(app);
        var (small, y, z) = (await DepartmentAsync(app, parent), await DepartmentAsync(app, parent), await DepartmentAsync(app, parent));
        var inSmall = await PeopleAsync(app, small, 6);
        var inY = await PeopleAsync(app, y, 6);
        var inZ = await PeopleAsync(app, z, 6);
        var manager = (await PeopleAsync(app, small, 1, [Roles.Manager, Roles.Employee]))[0];
        var (first, second) = await TwoCyclesAsync(app, parent, new DateTime(2032, 1, 5, 9, 0, 0, DateTimeKind.Utc),
            (inSmall.Take(4), 1), (inY, 1), (inZ, 1), (inSmall, 2), (inY, 2), (inZ, 2));
        var hr = await app.ApiClientAsync(Hr);

        var trend = await TrendsAsync(hr, second, small);

        AssertHidden(trend, 0);
        var shown = trend.GetProperty("cycles")[1];
        Assert.Equal(6, shown.GetProperty("responded").GetInt32());
        // One of the two siblings of 6 is hidden with it in cycle 1, so the parent minus the shown sibling is 4 + 6, not 4.
        var siblings = new[] { await TrendsAsync(hr, second, y), await TrendsAsync(hr, second, z) };
        var hiddenSibling = Assert.Single(siblings, t => !t.GetProperty("cycles")[0].GetProperty("shown").GetBoolean());
        AssertHidden(hiddenSibling, 0);
        Assert.Equal(6, Assert.Single(siblings, t => t.GetProperty("cycles")[0].GetProperty("shown").GetBoolean())
            .GetProperty("cycles")[0].GetProperty("responded").GetInt32());
        Assert.Equal(16, (await TrendsAsync(hr, second, parent)).GetProperty("cycles")[0].GetProperty("responded").GetInt32());

        // The page and the manager's own view say "fewer than 5 responses", never a count; the comparison has nothing to compare.
        var page = WebUtility.HtmlDecode(await (await app.SignedInAsync(Hr)).GetStringAsync($"/surveys/{second}/trends?department={small}"));
        Assert.Contains("fewer than 5 responses", page, StringComparison.Ordinal);
        Assert.DoesNotContain("4 of", page, StringComparison.Ordinal);
        Assert.Contains("6 of 7", page, StringComparison.Ordinal);
        var managerApi = await app.ApiClientAsync(manager.Email);
        var own = await TrendsAsync(managerApi, second);
        Assert.Equal(small, own.GetProperty("departmentId").GetInt32());
        AssertHidden(own, 0);
        var managerPages = await app.SignedInAsync(manager.Email, TestAccounts.Password);
        var results = WebUtility.HtmlDecode(await managerPages.GetStringAsync($"/surveys/{second}/results"));
        Assert.Contains("Nothing to compare", results, StringComparison.Ordinal);
        Assert.DoesNotContain("Change (points)", results, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await managerPages.GetAsync($"/surveys/{first}/results")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_manager_cannot_see_a_sibling_or_the_parent_and_an_employee_sees_no_trend(DatabaseProvider provider)
    {
        var app = await App(provider);
        var parent = await DepartmentAsync(app);
        var (mine, sibling) = (await DepartmentAsync(app, parent), await DepartmentAsync(app, parent));
        var inMine = await PeopleAsync(app, mine, 6);
        var inSibling = await PeopleAsync(app, sibling, 6);
        var manager = (await PeopleAsync(app, mine, 1, [Roles.Manager, Roles.Employee]))[0];
        var (_, second) = await TwoCyclesAsync(app, parent, new DateTime(2033, 1, 3, 9, 0, 0, DateTimeKind.Utc),
            (inMine, 1), (inSibling, 1), (inMine, 2), (inSibling, 2));
        var managerApi = await app.ApiClientAsync(manager.Email);

        foreach (var target in new[] { sibling, parent })
        {
            var problem = await (await managerApi.GetAsync($"/api/v1/surveys/{second}/trends?department={target}")).AssertProblemAsync(HttpStatusCode.Forbidden);
            Assert.DoesNotContain("6", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        var managerPages = await app.SignedInAsync(manager.Email, TestAccounts.Password);
        await TestAccounts.AssertForbiddenAsync(managerPages, $"/surveys/{second}/trends?department={sibling}");
        Assert.DoesNotContain(">" + sibling + "<", await managerPages.GetStringAsync($"/surveys/{second}/trends"), StringComparison.Ordinal);
        var own = await TrendsAsync(managerApi, second);
        Assert.DoesNotContain(own.GetProperty("groups").EnumerateArray(), g => g.GetProperty("departmentId").ValueKind == JsonValueKind.Number
            && g.GetProperty("departmentId").GetInt32() == sibling);

        var employee = inMine[0];
        await (await (await app.ApiClientAsync(employee.Email)).GetAsync($"/api/v1/surveys/{second}/trends")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await TestAccounts.AssertForbiddenAsync(await app.SignedInAsync(employee.Email, TestAccounts.Password), $"/surveys/{second}/trends");
        await (await managerApi.GetAsync("/api/v1/surveys/999999999/trends")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Subtracting_a_sibling_from_its_parent_across_trend_points_reveals_nothing(DatabaseProvider provider)
    {
        var app = await App(provider);
        var parent = await DepartmentAsync(app);
        var (small, large) = (await DepartmentAsync(app, parent), await DepartmentAsync(app, parent));
        var inSmall = await PeopleAsync(app, small, 5);
        var inLarge = await PeopleAsync(app, large, 7);
        var (_, second) = await TwoCyclesAsync(app, parent, new DateTime(2034, 1, 2, 9, 0, 0, DateTimeKind.Utc),
            (inSmall.Take(3), 1), (inLarge, 1), (inSmall, 2), (inLarge, 2));
        var hr = await app.ApiClientAsync(Hr);

        var whole = await TrendsAsync(hr, second, parent);
        var largeTrend = await TrendsAsync(hr, second, large);
        var smallTrend = await TrendsAsync(hr, second, small);

        // Cycle 1: the parent (10) is shown, so the large sibling (7) must not be, or 10 − 7 would give the 3.
        Assert.Equal(10, whole.GetProperty("cycles")[0].GetProperty("responded").GetInt32());
        AssertHidden(largeTrend, 0);
        AssertHidden(smallTrend, 0);
        // Cycle 2: everyone is at or above k, so all three are shown and add up.
        Assert.Equal([12, 7, 5], new[] { whole, largeTrend, smallTrend }.Select(t => t.GetProperty("cycles")[1].GetProperty("responded").GetInt32()));
        // The company (the parent's only answering part) is shown whenever the parent is, and equal to it: no second way in.
        var company = await TrendsAsync(hr, second);
        Assert.Equal([10, 12], company.GetProperty("cycles").EnumerateArray().Select(c => c.GetProperty("responded").GetInt32()));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_hidden_group_answers_exactly_like_an_empty_one_and_unknown_ids_like_unknown_surveys(DatabaseProvider provider)
    {
        var app = await App(provider);
        var parent = await DepartmentAsync(app);
        var (two, none, big) = (await DepartmentAsync(app, parent), await DepartmentAsync(app, parent), await DepartmentAsync(app, parent));
        var inTwo = await PeopleAsync(app, two, 3);
        await PeopleAsync(app, none, 3);
        var inBig = await PeopleAsync(app, big, 8);
        var (_, second) = await TwoCyclesAsync(app, parent, new DateTime(2035, 1, 1, 9, 0, 0, DateTimeKind.Utc),
            (inTwo.Take(2), 1), (inBig, 1), (inTwo.Take(2), 2), (inBig, 2));
        var hr = await app.ApiClientAsync(Hr);

        var withTwo = await TrendsAsync(hr, second, two);
        var empty = await TrendsAsync(hr, second, none);

        foreach (var part in new[] { "cycles", "dimensions", "questions", "threshold" })
        {
            Assert.Equal(empty.GetProperty(part).GetRawText(), withTwo.GetProperty(part).GetRawText());
        }
        AssertHidden(withTwo, 0);
        AssertHidden(withTwo, 1);
        var unknownDepartment = await (await hr.GetAsync($"/api/v1/surveys/{second}/trends?department=999999999")).AssertProblemAsync(HttpStatusCode.NotFound);
        var unknownSurvey = await (await hr.GetAsync("/api/v1/surveys/999999999/trends")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(unknownSurvey.GetProperty("detail").GetString(), unknownDepartment.GetProperty("detail").GetString());
        // The pages say the same for both groups, in the same words.
        var pages = await app.SignedInAsync(Hr);
        string Body(string html) => html[html.IndexOf("<h2>", StringComparison.Ordinal)..html.IndexOf("</main>", StringComparison.Ordinal)];
        var a = WebUtility.HtmlDecode(await pages.GetStringAsync($"/surveys/{second}/trends?department={two}"));
        var b = WebUtility.HtmlDecode(await pages.GetStringAsync($"/surveys/{second}/trends?department={none}"));
        // Links carry each page's own department id, and the two ids may differ in their number of digits (99 and 100).
        string Same(string body, int department) =>
            body.Replace($"department={department}\"", "department=#\"", StringComparison.Ordinal).Replace("Pulse ", "", StringComparison.Ordinal);
        Assert.Equal(Same(Body(b), none).Length, Same(Body(a), two).Length);
    }

    /// <summary>The lines of an export for one cycle: CSV split naively (no cell of these exports holds a comma or quote).</summary>
    private static List<List<string>> CsvLines(string csv) =>
        [.. csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(',').ToList())];

    private static bool IsNumber(string cell) =>
        double.TryParse(cell.TrimStart('\''), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);

    [Theory, MemberData(nameof(Providers))]
    public async Task A_hidden_trend_point_stays_hidden_in_the_csv_and_xlsx_exports(DatabaseProvider provider)
    {
        var app = await App(provider);
        var parent = await DepartmentAsync(app);
        var (small, big) = (await DepartmentAsync(app, parent), await DepartmentAsync(app, parent));
        var inSmall = await PeopleAsync(app, small, 6);
        var inBig = await PeopleAsync(app, big, 8);
        var (_, second) = await TwoCyclesAsync(app, parent, new DateTime(2036, 1, 7, 9, 0, 0, DateTimeKind.Utc),
            (inSmall.Take(3), 1), (inBig, 1), (inSmall, 2), (inBig, 2));
        var hr = await app.ApiClientAsync(Hr);
        AssertHidden(await TrendsAsync(hr, second, small), 0);
        // The big sibling is hidden with it in cycle 1 (the parent, 11, is shown), so neither export may show it either.
        AssertHidden(await TrendsAsync(hr, second, big), 0);
        var pages = await app.SignedInAsync(Hr);
        var exportsBefore = await TestAccounts.WithDbAsync(app, db => db.AuditEntries.CountAsync(a => a.Action == "SurveyTrendsExported"));

        foreach (var department in new[] { small, big })
        {
            var csvResponse = await pages.GetAsync($"/surveys/{second}/trends/export?department={department}");
            Assert.Equal(HttpStatusCode.OK, csvResponse.StatusCode);
            var csv = CsvLines(await csvResponse.Content.ReadAsStringAsync());
            var xlsxResponse = await pages.GetAsync($"/surveys/{second}/trends/export?handler=Xlsx&department={department}");
            Assert.Equal(HttpStatusCode.OK, xlsxResponse.StatusCode);
            var xlsx = FilterAttackTests.Sheet(await xlsxResponse.Content.ReadAsByteArrayAsync());
            foreach (var lines in new[] { csv, xlsx })
            {
                // Cycle 1's lines (participation, dimension, questions) carry the words and no figure but the cycle number.
                var small1 = lines.Skip(1).Where(l => l[2] == "1").ToList();
                Assert.Equal(5, small1.Count);
                Assert.All(small1, l => Assert.Contains("fewer than 5 responses", l));
                Assert.All(small1, l => Assert.DoesNotContain(l.Where((_, i) => i != 2), IsNumber));
                // Cycle 2 shows, so the words are not simply everywhere.
                var shown = lines.Single(l => l[0] == "Cycle" && l[2] == "2");
                Assert.Contains(department == small ? "6" : "8", shown);
                Assert.DoesNotContain("fewer than 5 responses", shown);
            }
        }
        Assert.Equal(exportsBefore + 4, await TestAccounts.WithDbAsync(app, db => db.AuditEntries.CountAsync(a => a.Action == "SurveyTrendsExported")));
        // An employee gets no export, and an unknown survey is 404 as on the page.
        await TestAccounts.AssertForbiddenAsync(await app.SignedInAsync(inSmall[0].Email, TestAccounts.Password), $"/surveys/{second}/trends/export");
        Assert.Equal(HttpStatusCode.NotFound, (await pages.GetAsync("/surveys/999999999/trends/export?handler=Xlsx")).StatusCode);
    }
}
