using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inward.Features.Listening;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Inward.Platform.Metrics;
using Inward.Tests.Admin;
using Inward.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inward.Tests.Listening;

/// <summary>
/// Internal service quality end to end on both databases: a survey from the template gets a block per serving department,
/// respondents rate only the departments that serve theirs, and the serving × served matrix shows hand-computed scores,
/// gaps and weakest links with small cells suppressed.
/// </summary>
public sealed class ServiceQualityTests(Apps apps) : IntegrationTest(apps)
{
    private static JsonElement Row(JsonElement matrix, int serving) =>
        matrix.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("servingDepartmentId").GetInt32() == serving);

    private static JsonElement Cell(JsonElement matrix, int serving, int served)
    {
        var column = matrix.GetProperty("served").EnumerateArray().Select((d, i) => (d.GetProperty("id").GetInt32(), i)).Single(x => x.Item1 == served).i;
        return Row(matrix, serving).GetProperty("cells")[column].GetProperty("score");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_survey_from_the_template_has_a_block_per_serving_department_and_a_respondent_sees_only_theirs(DatabaseProvider provider)
    {
        var app = await App(provider);
        var world = await ServiceQualityWorld.BuildAsync(app);
        Assert.Equal(10, world.Block(world.A).Count());
        Assert.Equal(5, world.Block(world.A, expectation: true).Count());
        Assert.Equal(15, world.Questions.Count(q => q.AboutDepartmentId == world.D));
        Assert.Contains(world.Block(world.A), q => q.Text == $"{world.AName} delivers what it promised, when it promised.");
        Assert.All(world.Questions, q => Assert.NotNull(q.AboutDepartmentId));

        // C is served by A only: the page and the API show A's block, not D's.
        var c = world.CPeople[0];
        var page = WebUtility.HtmlDecode(await (await app.SignedInAsync(c.Email, TestAccounts.Password)).GetStringAsync($"/surveys/{world.Survey}"));
        Assert.Contains($"Service from {world.AName}", page, StringComparison.Ordinal);
        Assert.DoesNotContain(world.DName, page, StringComparison.Ordinal);
        var body = await (await app.ApiClientAsync(c.Email)).GetFromJsonAsync<JsonElement>($"/api/v1/surveys/{world.Survey}");
        var about = body.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("questions").EnumerateArray())
            .Select(q => q.GetProperty("aboutDepartmentId").GetInt32()).Distinct().ToList();
        Assert.Equal([world.A], about);

        // B is served by both; HR sees every block.
        var bPage = await (await app.SignedInAsync(world.BPeople[0].Email, TestAccounts.Password)).GetStringAsync($"/surveys/{world.Survey}");
        Assert.Contains(world.DName, bPage, StringComparison.Ordinal);
        var hrBody = await (await app.ApiClientAsync(ServiceQualityWorld.Hr)).GetFromJsonAsync<JsonElement>($"/api/v1/surveys/{world.Survey}");
        Assert.Equal(world.Questions.Count, hrBody.GetProperty("sections").EnumerateArray().Sum(s => s.GetProperty("questions").GetArrayLength()));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Rating_a_department_that_does_not_serve_you_or_a_value_out_of_range_is_refused_and_nothing_is_stored(DatabaseProvider provider)
    {
        var app = await App(provider);
        var world = await ServiceQualityWorld.BuildAsync(app, bCount: 1, cCount: 1);
        var c = await app.ApiClientAsync(world.CPeople[0].Email);

        var foreign = world.Block(world.D).First();
        var refused = await c.PostAsJsonAsync($"/api/v1/surveys/{world.Survey}/responses",
            new { answers = world.Answers(world.A, 5).Append(new AnswerInput(foreign.Id, Value: 4)) });
        var problem = await refused.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains($"{world.DName} does not serve your department", problem.GetProperty("errors").GetProperty($"answers[{foreign.Id}]")[0].GetString(),
            StringComparison.Ordinal);

        var outOfRange = await c.PostAsJsonAsync($"/api/v1/surveys/{world.Survey}/responses", new { answers = world.Answers(world.A, 8) });
        await outOfRange.AssertProblemAsync(HttpStatusCode.BadRequest);
        var missing = await c.PostAsJsonAsync($"/api/v1/surveys/{world.Survey}/responses", new { answers = world.Answers(world.A, 5).Skip(1) });
        await missing.AssertProblemAsync(HttpStatusCode.BadRequest);

        // The page refuses the same way, with the department named.
        var pages = await app.SignedInAsync(world.CPeople[0].Email, TestAccounts.Password);
        var fields = world.Answers(world.A, 5).ToDictionary(a => $"q{a.QuestionId}", a => a.Value!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        fields[$"q{foreign.Id}"] = "4";
        var page = await InwardApp.PostFormAsync(pages, $"/surveys/{world.Survey}", fields);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode); // a field the form does not show is never read
        Assert.Equal(1, await TestAccounts.WithDbAsync(app, db => db.Set<SurveyResponse>().CountAsync(r => r.SurveyId == world.Survey)));
        Assert.False(await TestAccounts.WithDbAsync(app, db => db.Set<SurveyAnswer>().AnyAsync(a => a.QuestionId == foreign.Id)));

        // Nothing of the refused attempts was stored; the later page submission stored only A's answers.
        Assert.Equal(10, await TestAccounts.WithDbAsync(app, db => db.Set<SurveyAnswer>()
            .CountAsync(a => db.Set<SurveyResponse>().Any(r => r.Id == a.ResponseId && r.SurveyId == world.Survey))));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_matrix_shows_hand_computed_scores_gaps_and_weakest_links_and_suppresses_small_cells(DatabaseProvider provider)
    {
        var app = await App(provider);
        var world = await ServiceQualityWorld.BuildAsync(app);
        await world.AnswerAndCloseAsync(app);
        var matrix = await (await app.ApiClientAsync(ServiceQualityWorld.Hr)).GetFromJsonAsync<JsonElement>($"/api/v1/surveys/{world.Survey}/service-quality");
        Assert.True(matrix.GetProperty("hasItems").GetBoolean());
        Assert.True(matrix.GetProperty("hasExpectations").GetBoolean());
        Assert.Equal(5, matrix.GetProperty("threshold").GetInt32());

        // A as rated by B: answers 7, 6, 5, 4, 3 on all ten items → mean 5.0, 3 of 5 favourable; expectations all 6 → gap −1.0.
        var ab = Cell(matrix, world.A, world.B);
        Assert.Equal("Shown", ab.GetProperty("state").GetString());
        Assert.Equal(5, ab.GetProperty("respondents").GetInt32());
        Assert.Equal(5.0, ab.GetProperty("mean").GetDouble(), 9);
        Assert.Equal(60.0, ab.GetProperty("favourable").GetDouble(), 9);
        Assert.Equal(-1.0, ab.GetProperty("gap").GetDouble(), 9);
        Assert.Equal("Middle", ab.GetProperty("band").GetString());
        // D as rated by B: all 2 → mean 2.0, 0 % favourable, no expectations → no gap.
        var db = Cell(matrix, world.D, world.B);
        Assert.Equal(2.0, db.GetProperty("mean").GetDouble(), 9);
        Assert.Equal(0.0, db.GetProperty("favourable").GetDouble(), 9);
        Assert.Equal(JsonValueKind.Null, db.GetProperty("gap").ValueKind);
        // A as rated by C: 2 people → suppressed; A's total (7 people) would then reveal C by subtraction → suppressed too.
        var ac = Cell(matrix, world.A, world.C);
        Assert.Equal("Suppressed", ac.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, ac.GetProperty("mean").ValueKind);
        Assert.Equal("Suppressed", Row(matrix, world.A).GetProperty("total").GetProperty("state").GetString());
        Assert.Equal("NoLink", Cell(matrix, world.D, world.C).GetProperty("state").GetString());
        var dTotal = Row(matrix, world.D).GetProperty("total");
        Assert.Equal(2.0, dTotal.GetProperty("mean").GetDouble(), 9);
        Assert.Equal(5, dTotal.GetProperty("respondents").GetInt32());

        // B is front line: A → C → B is the chain of three; A → C is hidden, so C → B (mean 4.0) is its weakest link.
        // The single links D → B and A → B are no chains of their own, so D → B, though lowest, is no weakest link.
        var chains = matrix.GetProperty("chains").EnumerateArray()
            .Select(ch => (Path: string.Join(">", ch.GetProperty("departments").EnumerateArray().Select(d => d.GetProperty("id").GetInt32())),
                From: ch.GetProperty("weakestFrom").GetInt32(), To: ch.GetProperty("weakestTo").GetInt32(), Mean: ch.GetProperty("weakestMean").GetDouble()))
            .Where(ch => ch.Path.Contains($"{world.B}", StringComparison.Ordinal) || ch.Path.Contains($"{world.A}", StringComparison.Ordinal)).ToList();
        var chain = Assert.Single(chains);
        Assert.Equal($"{world.A}>{world.C}>{world.B}", chain.Path);
        Assert.Equal((world.C, world.B), (chain.From, chain.To));
        Assert.Equal(4.0, chain.Mean, 9);
        bool Weakest(int serving, int served) => Row(matrix, serving).GetProperty("cells").EnumerateArray()
            .Single(x => x.GetProperty("servedDepartmentId").GetInt32() == served).GetProperty("weakestLink").GetBoolean();
        Assert.True(Weakest(world.C, world.B));
        Assert.False(Weakest(world.D, world.B));
        Assert.False(Weakest(world.A, world.B));

        // The results page draws the same matrix.
        var html = WebUtility.HtmlDecode(await (await app.SignedInAsync(ServiceQualityWorld.Hr)).GetStringAsync($"/surveys/{world.Survey}/results"));
        Assert.Contains("Internal service quality matrix", html, StringComparison.Ordinal);
        Assert.Contains("fewer than 5 responses", html, StringComparison.Ordinal);
        Assert.Contains("gap −1.0", html, StringComparison.Ordinal);
        Assert.Contains("Weakest link", html, StringComparison.Ordinal);

        // The whole-company export carries the same matrix: a line per cell (group: the served department) and per row total.
        var names = await TestAccounts.WithDbAsync(app, d => d.Departments.AsNoTracking().ToDictionaryAsync(x => x.Id, x => x.Name));
        var csv = await (await app.SignedInAsync(ServiceQualityWorld.Hr)).GetStringAsync($"/surveys/{world.Survey}/export");
        string[] Line(string served, int serving) => Assert.Single(csv.Split('\n').Select(l => l.TrimEnd('\r').Split(',')),
            c => c[0] == "Service quality" && c[1] == served && c[2] == names[serving]);
        Assert.Equal(["5", "5.00", "60"], Line(names[world.B], world.A)[4..7]);
        Assert.Equal("'-1.00", Line(names[world.B], world.A)[16]); // defused like every CSV cell that starts with a minus
        Assert.Equal("weakest link of a chain", Line(names[world.B], world.C)[13]);
        Assert.Equal(["", "", "", "fewer than 5 responses"], Line(names[world.C], world.A)[4..7].Append(Line(names[world.C], world.A)[13]));
        Assert.Equal("fewer than 5 responses", Line("All internal customers", world.A)[13]);
        Assert.Equal("2.00", Line("All internal customers", world.D)[5]);
        Assert.DoesNotContain(csv.Split('\n'), l => l.StartsWith($"Service quality,{names[world.C]},{names[world.D]},", StringComparison.Ordinal)); // no link

        // Metrics: one per link, suppressed below k.
        await using var scope = app.Services.CreateAsyncScope();
        var registry = scope.ServiceProvider.GetRequiredService<MetricRegistry>();
        Assert.Equal(5.0m, (await registry.EvaluateAsync($"listening.isq.{world.A}-{world.B}", MetricScope.Company))!.Value);
        Assert.Null((await registry.EvaluateAsync($"listening.isq.{world.A}-{world.C}", MetricScope.Company))!.Value);
        Assert.Equal(2.0m, (await registry.EvaluateAsync("listening.isq", new MetricScope(world.D)))!.Value);
        Assert.Null((await registry.EvaluateAsync("listening.isq", new MetricScope(world.A)))!.Value);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Managers_see_their_own_rows_and_columns_others_are_refused_and_unknown_surveys_are_404(DatabaseProvider provider)
    {
        var app = await App(provider);
        var world = await ServiceQualityWorld.BuildAsync(app);
        await world.AnswerAndCloseAsync(app);
        var bManager = (await ServiceQualityWorld.PeopleAsync(app, world.B, 1, roles: [Roles.Manager, Roles.Employee]))[0];
        var matrix = await (await app.ApiClientAsync(bManager.Email)).GetFromJsonAsync<JsonElement>($"/api/v1/surveys/{world.Survey}/service-quality");
        Assert.Equal([world.B], matrix.GetProperty("served").EnumerateArray().Select(d => d.GetProperty("id").GetInt32()).Where(d => d == world.B || d == world.C));
        Assert.Equal(5.0, Cell(matrix, world.A, world.B).GetProperty("mean").GetDouble(), 9);
        Assert.Equal("OutsideScope", Row(matrix, world.A).GetProperty("total").GetProperty("state").GetString());

        // A manager of A sees A's row (how its internal customers rate it), not D's.
        var aManager = (await ServiceQualityWorld.PeopleAsync(app, world.A, 1, roles: [Roles.Manager, Roles.Employee]))[0];
        var aView = await (await app.ApiClientAsync(aManager.Email)).GetFromJsonAsync<JsonElement>($"/api/v1/surveys/{world.Survey}/service-quality");
        var rows = aView.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("servingDepartmentId").GetInt32()).ToList();
        Assert.Contains(world.A, rows);
        Assert.DoesNotContain(world.D, rows);

        var employee = await app.ApiClientAsync(world.BPeople[0].Email);
        await (await employee.GetAsync($"/api/v1/surveys/{world.Survey}/service-quality")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await employee.GetAsync("/api/v1/surveys/999999999/service-quality")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await (await app.ApiClientAsync(ServiceQualityWorld.Hr)).GetAsync("/api/v1/surveys/999999999/service-quality"))
            .AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_demo_survey_shows_cells_suppresses_field_service_and_names_a_weakest_link(DatabaseProvider provider)
    {
        var app = await App(provider);
        var id = await TestAccounts.WithDbAsync(app, db => db.Set<Survey>().Where(s => s.Title == ServiceQualityDemoContent.Title).Select(s => s.Id).SingleAsync());
        var matrix = await (await app.ApiClientAsync(ServiceQualityWorld.Hr)).GetFromJsonAsync<JsonElement>($"/api/v1/surveys/{id}/service-quality");
        var states = matrix.GetProperty("rows").EnumerateArray().SelectMany(r => r.GetProperty("cells").EnumerateArray())
            .Select(c => c.GetProperty("score").GetProperty("state").GetString()).ToList();
        Assert.Contains("Shown", states);
        Assert.Contains("Suppressed", states);
        var fieldService = matrix.GetProperty("served").EnumerateArray().Select((d, i) => (Name: d.GetProperty("name").GetString(), i)).Single(d => d.Name == "Field Service").i;
        Assert.All(matrix.GetProperty("rows").EnumerateArray(), r => Assert.NotEqual("Shown", r.GetProperty("cells")[fieldService].GetProperty("score").GetProperty("state").GetString()));
        Assert.NotEmpty(matrix.GetProperty("chains").EnumerateArray());
    }
}
