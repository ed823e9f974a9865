using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inward.Features.Listening;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Inward.Tests.Admin;
using Inward.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Inward.Tests.Listening.Anonymity;

/// <summary>
/// Attacks on the internal service quality matrix: a served department of two people (C) rates A beside a department of
/// five (B). Every attempt to learn what C's two said — directly, by subtracting from A's total, through the general
/// results and export, from another manager's seat, or before the survey closes — must reveal nothing.
/// </summary>
public sealed class ServiceQualityAttackTests(Apps apps) : IntegrationTest(apps)
{
    private static IEnumerable<JsonElement> Scores(JsonElement matrix) =>
        matrix.GetProperty("rows").EnumerateArray()
            .SelectMany(r => r.GetProperty("cells").EnumerateArray().Select(c => c.GetProperty("score")).Append(r.GetProperty("total")));

    private static JsonElement CellOf(JsonElement matrix, int serving, int served)
    {
        var column = matrix.GetProperty("served").EnumerateArray().Select((d, i) => (Id: d.GetProperty("id").GetInt32(), i)).Single(x => x.Id == served).i;
        return matrix.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("servingDepartmentId").GetInt32() == serving)
            .GetProperty("cells")[column].GetProperty("score");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Hr_sees_no_figure_of_a_served_department_below_k_in_any_field(DatabaseProvider provider)
    {
        var app = await App(provider);
        var world = await ServiceQualityWorld.BuildAsync(app);
        await world.AnswerAndCloseAsync(app);
        var response = await (await app.ApiClientAsync(ServiceQualityWorld.Hr)).GetAsync($"/api/v1/surveys/{world.Survey}/service-quality");
        var matrix = await response.JsonAsync();
        var cell = CellOf(matrix, world.A, world.C);
        Assert.Equal("Suppressed", cell.GetProperty("state").GetString());
        foreach (var field in new[] { "respondents", "mean", "favourable", "band", "gap" })
        {
            Assert.Equal(JsonValueKind.Null, cell.GetProperty(field).ValueKind);
        }
        // C's two answered 7 on every item of A: neither 7.0 nor a 100 % share appears for C anywhere.
        var html = WebUtility.HtmlDecode(await (await app.SignedInAsync(ServiceQualityWorld.Hr)).GetStringAsync($"/surveys/{world.Survey}/results"));
        Assert.DoesNotContain("7.0", html, StringComparison.Ordinal);
        Assert.DoesNotContain("n = 2", html, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_row_total_cannot_be_used_to_subtract_the_shown_cells_down_to_a_hidden_one(DatabaseProvider provider)
    {
        var app = await App(provider);
        var world = await ServiceQualityWorld.BuildAsync(app);
        await world.AnswerAndCloseAsync(app);
        var hr = await app.ApiClientAsync(ServiceQualityWorld.Hr);
        var demo = await TestAccounts.WithDbAsync(app, db => db.Set<Survey>().Where(s => s.Title == ServiceQualityDemoContent.Title).Select(s => s.Id).SingleAsync());
        foreach (var survey in new[] { world.Survey, demo })
        {
            var matrix = await hr.GetFromJsonAsync<JsonElement>($"/api/v1/surveys/{survey}/service-quality");
            var k = matrix.GetProperty("threshold").GetInt32();
            foreach (var row in matrix.GetProperty("rows").EnumerateArray())
            {
                var total = row.GetProperty("total");
                if (total.GetProperty("state").GetString() != "Shown")
                {
                    continue;
                }
                // Total minus every shown cell: the people behind the hidden cells, which must be none or at least k.
                var rest = total.GetProperty("respondents").GetInt32() - row.GetProperty("cells").EnumerateArray()
                    .Select(c => c.GetProperty("score")).Where(s => s.GetProperty("state").GetString() == "Shown").Sum(s => s.GetProperty("respondents").GetInt32());
                Assert.True(rest == 0 || rest >= k, $"Row {row.GetProperty("name").GetString()} leaves {rest} people to subtraction.");
            }
            // No column or grand total is ever published: a column sum counts ratings, not people.
            Assert.False(matrix.TryGetProperty("columnTotals", out _));
            Assert.False(matrix.TryGetProperty("total", out _));
        }
        Assert.Equal("Suppressed", (await hr.GetFromJsonAsync<JsonElement>($"/api/v1/surveys/{world.Survey}/service-quality")).GetProperty("rows")
            .EnumerateArray().Single(r => r.GetProperty("servingDepartmentId").GetInt32() == world.A).GetProperty("total").GetProperty("state").GetString());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_general_results_heatmap_and_export_never_show_items_about_a_department(DatabaseProvider provider)
    {
        var app = await App(provider);
        var world = await ServiceQualityWorld.BuildAsync(app);
        await world.AnswerAndCloseAsync(app);
        var hr = await app.ApiClientAsync(ServiceQualityWorld.Hr);
        foreach (var group in new[] { "", $"?department={world.B}", $"?department={world.C}" })
        {
            var results = await hr.GetAsync($"/api/v1/surveys/{world.Survey}/results{group}");
            if (results.StatusCode != HttpStatusCode.OK)
            {
                continue;
            }
            var body = await results.JsonAsync();
            Assert.Empty(body.GetProperty("questions").EnumerateArray());
            Assert.Empty(body.GetProperty("dimensions").EnumerateArray());
            Assert.Empty(body.GetProperty("dimensionNames").EnumerateArray());
        }
        var csv = await (await app.SignedInAsync(ServiceQualityWorld.Hr)).GetStringAsync($"/surveys/{world.Survey}/export");
        Assert.DoesNotContain("delivers what it promised", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(ServiceQualityTemplate.Reliability, csv, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_manager_cannot_see_cells_of_another_part_of_the_company(DatabaseProvider provider)
    {
        var app = await App(provider);
        var world = await ServiceQualityWorld.BuildAsync(app);
        await world.AnswerAndCloseAsync(app);
        var (elsewhere, _) = await ServiceQualityWorld.DepartmentAsync(app, "X");
        var manager = (await ServiceQualityWorld.PeopleAsync(app, elsewhere, 1, roles: [Roles.Manager, Roles.Employee]))[0];
        var matrix = await (await app.ApiClientAsync(manager.Email)).GetFromJsonAsync<JsonElement>($"/api/v1/surveys/{world.Survey}/service-quality");
        Assert.DoesNotContain(matrix.GetProperty("served").EnumerateArray(), d => d.GetProperty("id").GetInt32() is var id && (id == world.B || id == world.C));
        Assert.All(Scores(matrix), s => Assert.NotEqual("Shown", s.GetProperty("state").GetString()));
        Assert.Empty(matrix.GetProperty("chains").EnumerateArray());
        var html = WebUtility.HtmlDecode(await (await app.SignedInAsync(manager.Email, TestAccounts.Password)).GetStringAsync($"/surveys/{world.Survey}/results"));
        Assert.DoesNotContain(world.BName, html, StringComparison.Ordinal);
        Assert.DoesNotContain("5.0", html, StringComparison.Ordinal);

        // A manager of B sees B's column, but not A's total, which holds C's people.
        var bManager = (await ServiceQualityWorld.PeopleAsync(app, world.B, 1, roles: [Roles.Manager, Roles.Employee]))[0];
        var bView = await (await app.ApiClientAsync(bManager.Email)).GetFromJsonAsync<JsonElement>($"/api/v1/surveys/{world.Survey}/service-quality");
        Assert.DoesNotContain(bView.GetProperty("served").EnumerateArray(), d => d.GetProperty("id").GetInt32() == world.C);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Nothing_shows_while_the_survey_is_open_so_one_submission_cannot_be_isolated(DatabaseProvider provider)
    {
        var app = await App(provider);
        var world = await ServiceQualityWorld.BuildAsync(app, bCount: 6);
        await world.AnswerAndCloseAsync(app, close: false);
        var hr = await app.ApiClientAsync(ServiceQualityWorld.Hr);
        var before = await hr.GetFromJsonAsync<JsonElement>($"/api/v1/surveys/{world.Survey}/service-quality");
        Assert.False(before.GetProperty("answersVisible").GetBoolean());
        Assert.All(Scores(before), s => Assert.Equal(JsonValueKind.Null, s.GetProperty("mean").ValueKind));
        Assert.Empty(before.GetProperty("chains").EnumerateArray());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_employee_or_their_api_token_cannot_read_the_matrix(DatabaseProvider provider)
    {
        var app = await App(provider);
        var world = await ServiceQualityWorld.BuildAsync(app, bCount: 5, cCount: 1);
        await world.AnswerAndCloseAsync(app);
        var token = await app.ApiClientAsync(world.CPeople[0].Email);
        await (await token.GetAsync($"/api/v1/surveys/{world.Survey}/service-quality")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await TestAccounts.AssertForbiddenAsync(await app.SignedInAsync(world.CPeople[0].Email, TestAccounts.Password), $"/surveys/{world.Survey}/results");
    }
}
