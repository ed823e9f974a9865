using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Inward.Features.People;
using Inward.Features.Plan;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Inward.Tests.Admin;
using Inward.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inward.Tests.Plan;

/// <summary>
/// The plan through HTTP: editors write and publish, employees read, acknowledge and suggest, editors answer. Plans these
/// tests publish run today, so they become the current plan while the test runs; each test archives its plans at the end.
/// </summary>
public sealed class PlanFlowTests(Apps apps) : IntegrationTest(apps)
{
    private const string Editor = "comms@demo.example";

    [Theory, MemberData(nameof(Providers))]
    public async Task A_published_plan_is_read_acknowledged_once_suggested_on_and_answered_in_public(DatabaseProvider provider)
    {
        var app = await App(provider);
        var editor = await app.SignedInAsync(Editor);
        var title = Unique("Plan ");
        var planId = await CreatePlanAsync(editor, title, budget: "5000");
        try
        {
            var goalId = await AddGoalAsync(app, editor, planId, "Every employee can state our brand promise");
            var kpiId = await AddManualKpiAsync(editor, planId, goalId, "Promise spot checks", baseline: "20", target: "80");
            await AssertRedirectAsync(await InwardApp.PostFormAsync(editor, $"/plans/{planId}/kpis/{kpiId}", new()
            {
                ["Reading.Value"] = "50", ["Reading.MeasuredOn"] = Today(), ["Reading.Note"] = "first check",
            }, $"/plans/{planId}/kpis/{kpiId}?handler=AddReading"));
            var initiativeId = await AddInitiativeAsync(editor, planId, goalId, "kickoff-briefing", planned: "1200", spent: "300");
            await PublishAsync(editor, planId, null);

            var (employeeEmail, _, employeeId) = await TestAccounts.CreateAsync(app, [Roles.Employee]);
            var employee = await app.SignedInAsync(employeeEmail, TestAccounts.Password);
            var page = await employee.GetStringAsync("/plan");
            Assert.Contains(WebUtility.HtmlEncode(title), page, StringComparison.Ordinal);
            Assert.Contains("Promise spot checks", page, StringComparison.Ordinal);
            Assert.Contains("value=\"50\"", page, StringComparison.Ordinal); // 50 of 20→80 is half way
            Assert.Contains("I have read this plan", page, StringComparison.Ordinal);

            for (var i = 0; i < 2; i++)
            {
                await AssertRedirectAsync(await InwardApp.PostFormAsync(employee, "/plan", [], $"/plan/{planId}?handler=Acknowledge"));
            }
            Assert.Equal(1, await WithDbAsync(app, db => db.Set<PlanAcknowledgement>().CountAsync(a => a.EmployeeId == employeeId)));
            Assert.Contains("data-acknowledged=\"true\"", await employee.GetStringAsync("/plan"), StringComparison.Ordinal);
            var api = await app.ApiClientAsync(employeeEmail);
            var again = await (await api.PostAsync($"/api/v1/plans/{planId}/acknowledgement", null)).JsonAsync();
            Assert.False(again.GetProperty("recorded").GetBoolean());
            Assert.Equal(1, again.GetProperty("version").GetInt32());

            var idea = Unique("Put the promise on the workshop board ");
            await AssertRedirectAsync(await InwardApp.PostFormAsync(employee, $"/plan/{planId}", new() { ["Input.Text"] = idea }, $"/plan/{planId}?handler=Suggest"));
            var suggestionId = await WithDbAsync(app, db => db.Set<PlanSuggestion>().Where(s => s.PlanId == planId && s.Text == idea).Select(s => s.Id).SingleAsync());

            var answer = Unique("Adopted: the boards show it from Monday ");
            await AssertRedirectAsync(await InwardApp.PostFormAsync(editor, $"/plans/{planId}/suggestions", new()
            {
                ["Input.Status"] = "Adopted", ["Input.Answer"] = answer,
            }, $"/plans/{planId}/suggestions?handler=Answer&suggestionId={suggestionId}"));

            var (otherEmail, _, _) = await TestAccounts.CreateAsync(app, [Roles.Employee]);
            var other = await app.SignedInAsync(otherEmail, TestAccounts.Password);
            var seen = await other.GetStringAsync($"/plan/{planId}");
            Assert.Contains(WebUtility.HtmlEncode(idea), seen, StringComparison.Ordinal);
            Assert.Contains(WebUtility.HtmlEncode(answer), seen, StringComparison.Ordinal);
            var listed = await (await (await app.ApiClientAsync(otherEmail)).GetAsync($"/api/v1/plans/{planId}/suggestions")).JsonAsync();
            var item = listed.EnumerateArray().Single(s => s.GetProperty("id").GetInt32() == suggestionId);
            Assert.Equal("Adopted", item.GetProperty("status").GetString());
            Assert.Equal(answer, item.GetProperty("answer").GetString());
            var mail = await app.Smtp.WaitForMessageAsync(employeeEmail);
            Assert.Contains(answer, mail.TextBody, StringComparison.Ordinal);

            // The published version is frozen: later edits stay in the working copy until the next version.
            await AssertRedirectAsync(await InwardApp.PostFormAsync(editor, $"/plans/{planId}", new() { ["Goal.Title"] = "A goal added after publishing" },
                $"/plans/{planId}?handler=AddGoal"));
            Assert.DoesNotContain("A goal added after publishing", await employee.GetStringAsync($"/plan/{planId}"), StringComparison.Ordinal);
            await PublishAsync(editor, planId, "Added a goal.");
            var republished = await employee.GetStringAsync($"/plan/{planId}");
            Assert.Contains("A goal added after publishing", republished, StringComparison.Ordinal);
            Assert.DoesNotContain("data-acknowledged=\"true\"", republished, StringComparison.Ordinal);
            Assert.Contains("You acknowledged version 1", republished, StringComparison.Ordinal);
            Assert.True(initiativeId > 0);
        }
        finally
        {
            await ArchiveAsync(editor, planId);
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Kpis_bound_to_live_metrics_follow_the_data_they_measure(DatabaseProvider provider)
    {
        var app = await App(provider);
        var editor = await app.SignedInAsync(Editor);
        var department = await WithDbAsync(app, async db =>
        {
            var d = new Department { Name = Unique("Dept ") };
            db.Departments.Add(d);
            await db.SaveChangesAsync();
            return d.Id;
        });
        var (firstEmail, _, firstId) = await TestAccounts.CreateAsync(app, [Roles.Employee]);
        var (_, _, secondId) = await TestAccounts.CreateAsync(app, [Roles.Employee]);
        await WithDbAsync(app, async db =>
        {
            await db.Employees.Where(e => e.Id == firstId || e.Id == secondId).ExecuteUpdateAsync(s => s.SetProperty(e => e.DepartmentId, department));
            return 0;
        });
        var planId = await CreatePlanAsync(editor, Unique("Live plan "), budget: "0");
        try
        {
            var goalId = await AddGoalAsync(app, editor, planId, "Everyone reads the plan");
            var ackKpi = await AddMetricKpiAsync(editor, planId, goalId, "Acknowledged in the new department", PlanMetrics.AcknowledgementRate, department);
            var headcountKpi = await AddMetricKpiAsync(editor, planId, goalId, "Headcount of the new department", PeopleMetrics.Headcount, department);
            await PublishAsync(editor, planId, null);
            var api = await app.ApiClientAsync(firstEmail);

            Assert.Equal(0m, await KpiValueAsync(api, planId, ackKpi));
            Assert.Equal(2m, await KpiValueAsync(api, planId, headcountKpi));

            Assert.True((await api.PostAsync($"/api/v1/plans/{planId}/acknowledgement", null)).IsSuccessStatusCode);
            await WithDbAsync(app, async db =>
            {
                var email = $"{Unique("n")}@t.example";
                db.Employees.Add(new Employee { Name = "Newcomer", Email = email, NormalizedEmail = email.ToUpperInvariant(), DepartmentId = department });
                return await db.SaveChangesAsync();
            });

            Assert.Equal(33.33m, await KpiValueAsync(api, planId, ackKpi));
            Assert.Equal(3m, await KpiValueAsync(api, planId, headcountKpi));
            var current = await (await api.GetAsync("/api/v1/plan")).JsonAsync();
            Assert.Equal(planId, current.GetProperty("id").GetInt32());
        }
        finally
        {
            await ArchiveAsync(editor, planId);
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Bad_plan_input_is_refused_with_errors_and_saves_nothing(DatabaseProvider provider)
    {
        var app = await App(provider);
        var editor = await app.SignedInAsync(Editor);
        var title = Unique("Bad ");

        var backwards = await InwardApp.PostFormAsync(editor, "/plans", new()
        {
            ["Input.Title"] = title, ["Input.StartsOn"] = "2027-12-31", ["Input.EndsOn"] = "2027-01-01", ["Input.Budget"] = "-5",
        });
        var html = await backwards.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, backwards.StatusCode);
        Assert.Contains("The plan must end after it starts.", html, StringComparison.Ordinal);
        Assert.Contains("The amount cannot be negative.", html, StringComparison.Ordinal);
        Assert.Equal(0, await WithDbAsync(app, db => db.Set<InternalMarketingPlan>().CountAsync(p => p.Title == title)));

        var planId = await CreatePlanAsync(editor, title, budget: "1000");
        try
        {
            var goalId = await AddGoalAsync(app, editor, planId, "Goal");
            await AddInitiativeAsync(editor, planId, goalId, null, planned: "800", spent: "0");

            var over = await InwardApp.PostFormAsync(editor, $"/plans/{planId}/initiatives", Initiative(goalId, "Too expensive", "300", "0"));
            Assert.Equal(HttpStatusCode.OK, over.StatusCode);
            Assert.Contains("more than the plan&#x27;s budget", await over.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            var outside = Initiative(goalId, "Too late", "0", "0");
            outside["Input.EndsOn"] = "2028-02-01";
            Assert.Contains("within the plan&#x27;s period", await (await InwardApp.PostFormAsync(editor, $"/plans/{planId}/initiatives", outside)).Content.ReadAsStringAsync(),
                StringComparison.Ordinal);
            Assert.Equal(1, await WithDbAsync(app, db => db.Set<Initiative>().CountAsync(i => i.PlanId == planId)));

            var shrink = await InwardApp.PostFormAsync(editor, $"/plans/{planId}", new()
            {
                ["Input.Title"] = "Renamed", ["Input.StartsOn"] = "2027-01-01", ["Input.EndsOn"] = "2027-12-31", ["Input.Budget"] = "500",
            });
            Assert.Contains("the budget cannot be lower", await shrink.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            var kept = await WithDbAsync(app, db => db.Set<InternalMarketingPlan>().Where(p => p.Id == planId).Select(p => new { p.Title, p.Budget }).SingleAsync());
            Assert.Equal((title, 1000m), (kept.Title, kept.Budget));

            var unpublished = await InwardApp.PostFormAsync(editor, $"/plans/{planId}", new(), $"/plans/{planId}?handler=Publish");
            Assert.Equal(HttpStatusCode.Redirect, unpublished.StatusCode); // it has a goal, so version 1 needs no change note
            var second = await InwardApp.PostFormAsync(editor, $"/plans/{planId}", new(), $"/plans/{planId}?handler=Publish");
            Assert.Contains("Say what changed since version 1", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(1, await WithDbAsync(app, db => db.Set<PlanVersion>().CountAsync(v => v.PlanId == planId)));
        }
        finally
        {
            await ArchiveAsync(editor, planId);
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_api_answers_bad_input_and_unknown_ids_with_problem_details(DatabaseProvider provider)
    {
        var app = await App(provider);
        var editorApi = await app.ApiClientAsync(Editor);
        var employeeApi = await app.ApiClientAsync("employee@demo.example");
        var demoPlan = await WithDbAsync(app, db => db.Set<InternalMarketingPlan>()
            .Where(p => p.Title == "Brightwheel Cycles internal-marketing plan 2027").Select(p => p.Id).SingleAsync());

        await (await employeeApi.GetAsync("/api/v1/plans/999999")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await employeeApi.PostAsync("/api/v1/plans/999999/acknowledgement", null)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await employeeApi.GetAsync("/api/v1/plans/999999/suggestions")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await employeeApi.PostAsJsonAsync("/api/v1/plans/999999/suggestions", new { text = "A fine idea" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await editorApi.PostAsJsonAsync($"/api/v1/plans/{demoPlan}/suggestions/999999/answer", new { status = "Considered" }))
            .AssertProblemAsync(HttpStatusCode.NotFound);

        var before = await WithDbAsync(app, db => db.Set<PlanSuggestion>().CountAsync(s => s.PlanId == demoPlan));
        var tooShort = await (await employeeApi.PostAsJsonAsync($"/api/v1/plans/{demoPlan}/suggestions", new { text = "ok" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(tooShort.GetProperty("errors").TryGetProperty("text", out _));
        var badStatus = await (await editorApi.PostAsJsonAsync($"/api/v1/plans/{demoPlan}/suggestions/1/answer", new { status = "Maybe" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(badStatus.GetProperty("errors").TryGetProperty("status", out _));
        await (await editorApi.GetAsync("/api/v1/plans?status=Lost")).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(before, await WithDbAsync(app, db => db.Set<PlanSuggestion>().CountAsync(s => s.PlanId == demoPlan)));

        var plan = await (await employeeApi.GetAsync($"/api/v1/plans/{demoPlan}")).JsonAsync();
        Assert.Equal(1, plan.GetProperty("version").GetInt32());
        Assert.True(plan.GetProperty("goals").GetArrayLength() >= 3);
        Assert.Equal("EUR", plan.GetProperty("budget").GetProperty("currency").GetString());
        await (await employeeApi.GetAsync("/api/v1/plans")).AssertProblemAsync(HttpStatusCode.Forbidden);
        var list = await (await editorApi.GetAsync("/api/v1/plans?status=Published")).JsonAsync();
        Assert.Contains(list.GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetInt32() == demoPlan);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Drafts_exist_only_for_plan_editors_and_unknown_ids_are_404(DatabaseProvider provider)
    {
        var app = await App(provider);
        var editor = await app.SignedInAsync(Editor);
        var title = Unique("Secret draft ");
        var planId = await CreatePlanAsync(editor, title, budget: "10");
        try
        {
            var employee = await app.SignedInAsync("employee@demo.example", InwardApp.Password);
            foreach (var url in new[] { $"/plan/{planId}", $"/plans/{planId}/calendar", $"/plans/{planId}/print", $"/plans/{planId}/export.csv" })
            {
                Assert.Equal(HttpStatusCode.NotFound, (await employee.GetAsync(url)).StatusCode);
                Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync(url.Replace("/plan/", "/plans/", StringComparison.Ordinal))).StatusCode);
            }
            await TestAccounts.AssertForbiddenAsync(employee, $"/plans/{planId}");
            var api = await app.ApiClientAsync("employee@demo.example");
            await (await api.GetAsync($"/api/v1/plans/{planId}")).AssertProblemAsync(HttpStatusCode.NotFound);
            await (await api.PostAsync($"/api/v1/plans/{planId}/acknowledgement", null)).AssertProblemAsync(HttpStatusCode.NotFound);
            Assert.Equal(0, (await (await (await app.ApiClientAsync(Editor)).GetAsync($"/api/v1/plans/{planId}")).JsonAsync()).GetProperty("version").GetInt32());
            Assert.DoesNotContain(WebUtility.HtmlEncode(title), await employee.GetStringAsync("/plan"), StringComparison.Ordinal);

            foreach (var url in new[] { "/plans/999999", "/plans/999999/kpis", $"/plans/{planId}/kpis/999999", $"/plans/{planId}/initiatives/999999",
                "/plans/999999/suggestions", "/plans/999999/acknowledgements", "/plans/999999/calendar", "/plan/999999" })
            {
                Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync(url)).StatusCode);
            }
        }
        finally
        {
            await ArchiveAsync(editor, planId);
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Partners_see_nothing_of_the_plan(DatabaseProvider provider)
    {
        var app = await App(provider);
        var partner = await app.SignedInAsync("partner@demo.example");

        foreach (var url in new[] { "/plan", "/tactics", "/plans" })
        {
            await TestAccounts.AssertForbiddenAsync(partner, url);
        }
        var api = await app.ApiClientAsync("partner@demo.example");
        await (await api.GetAsync("/api/v1/plan")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await api.PostAsJsonAsync("/api/v1/plans/1/suggestions", new { text = "Let partners in" })).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_demo_plan_pages_render_for_employees_and_editors(DatabaseProvider provider)
    {
        var app = await App(provider);
        var demoPlan = await WithDbAsync(app, db => db.Set<InternalMarketingPlan>()
            .Where(p => p.Title == "Brightwheel Cycles internal-marketing plan 2027").Select(p => p.Id).SingleAsync());
        var (email, _, _) = await TestAccounts.CreateAsync(app, [Roles.Employee]);
        var employee = await app.SignedInAsync(email, TestAccounts.Password);
        var editor = await app.SignedInAsync(Editor);

        var metricKeys = await WithDbAsync(app, db => db.Set<Kpi>().Where(k => db.Set<PlanGoal>().Any(g => g.Id == k.GoalId && g.PlanId == demoPlan))
            .Where(k => k.MetricKey != null).Select(k => k.MetricKey!).ToListAsync());
        Assert.Contains(PlanMetrics.AcknowledgementRate, metricKeys);
        Assert.Contains(PeopleMetrics.AccountShare, metricKeys);
        var plan = await employee.GetStringAsync($"/plan/{demoPlan}");
        Assert.Contains("Faster handover from Logistics to Customer Service", plan, StringComparison.Ordinal);
        Assert.Contains("Adopted", plan, StringComparison.Ordinal);
        Assert.Contains("Declined", plan, StringComparison.Ordinal);
        var quarter = await employee.GetStringAsync($"/plans/{demoPlan}/calendar?view=quarter&from=2026-09");
        Assert.Contains("Plan kick-off briefings", quarter, StringComparison.Ordinal);
        Assert.Contains("from=2026-12", quarter, StringComparison.Ordinal);
        Assert.Contains("Goals and how we measure them", await employee.GetStringAsync($"/plans/{demoPlan}/print"), StringComparison.Ordinal);
        var csv = await employee.GetAsync($"/plans/{demoPlan}/export.csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal(10, (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("Add to plan", await editor.GetStringAsync("/tactics"), StringComparison.Ordinal);
        Assert.DoesNotContain("Add to plan", await employee.GetStringAsync("/tactics"), StringComparison.Ordinal);
        Assert.Contains("Not acknowledged yet", await editor.GetStringAsync($"/plans/{demoPlan}/acknowledgements"), StringComparison.Ordinal);
        Assert.Contains("Plan acknowledgement rate", await editor.GetStringAsync($"/plans/{demoPlan}/kpis"), StringComparison.Ordinal);
        var fromTactic = await editor.GetStringAsync($"/plans/{demoPlan}/initiatives?tactic=pulse-survey");
        Assert.Contains("value=\"Monthly pulse survey\"", fromTactic, StringComparison.Ordinal);
        Assert.Contains("Please read the plan", await employee.GetStringAsync("/"), StringComparison.Ordinal);
    }

    private static string Today() => DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A plan for the year around today, so that once published it is the current plan.</summary>
    private static async Task<int> CreatePlanAsync(HttpClient editor, string title, string budget)
    {
        var response = await InwardApp.PostFormAsync(editor, "/plans", new()
        {
            ["Input.Title"] = title,
            ["Input.StartsOn"] = "2027-01-01",
            ["Input.EndsOn"] = "2027-12-31",
            ["Input.Budget"] = budget,
            ["Input.OwnerEmail"] = Editor,
        });
        var location = await AssertRedirectAsync(response);
        var planId = int.Parse(location.Split('/', '?')[2], CultureInfo.InvariantCulture);
        // Dates around today: set through the form too, which checks them.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await AssertRedirectAsync(await InwardApp.PostFormAsync(editor, $"/plans/{planId}", new()
        {
            ["Input.Title"] = title,
            ["Input.StartsOn"] = today.AddMonths(-6).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Input.EndsOn"] = today.AddMonths(6).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Input.Budget"] = budget,
            ["Input.OwnerEmail"] = Editor,
        }));
        return planId;
    }

    private static async Task<int> AddGoalAsync(InwardApp app, HttpClient editor, int planId, string title)
    {
        await AssertRedirectAsync(await InwardApp.PostFormAsync(editor, $"/plans/{planId}", new() { ["Goal.Title"] = title }, $"/plans/{planId}?handler=AddGoal"));
        return await WithDbAsync(app, db => db.Set<PlanGoal>().Where(g => g.PlanId == planId && g.Title == title).Select(g => g.Id).SingleAsync());
    }

    private static async Task<int> AddManualKpiAsync(HttpClient editor, int planId, int goalId, string name, string baseline, string target)
    {
        var location = await AssertRedirectAsync(await InwardApp.PostFormAsync(editor, $"/plans/{planId}/kpis?goalId={goalId}", new()
        {
            ["Input.GoalId"] = goalId.ToString(CultureInfo.InvariantCulture), ["Input.Name"] = name, ["Input.Source"] = "Manual", ["Input.Unit"] = "%",
            ["Input.Baseline"] = baseline, ["Input.Target"] = target, ["Input.Direction"] = "HigherIsBetter",
        }, $"/plans/{planId}/kpis"));
        return int.Parse(location.Split('/', '?')[4], CultureInfo.InvariantCulture);
    }

    private static async Task<int> AddMetricKpiAsync(HttpClient editor, int planId, int goalId, string name, string metric, int department)
    {
        var location = await AssertRedirectAsync(await InwardApp.PostFormAsync(editor, $"/plans/{planId}/kpis?goalId={goalId}", new()
        {
            ["Input.GoalId"] = goalId.ToString(CultureInfo.InvariantCulture), ["Input.Name"] = name, ["Input.Source"] = "Metric",
            ["Input.MetricKey"] = metric, ["Input.MetricDepartmentId"] = department.ToString(CultureInfo.InvariantCulture),
            ["Input.Baseline"] = "0", ["Input.Target"] = "100", ["Input.Direction"] = "HigherIsBetter",
        }, $"/plans/{planId}/kpis"));
        return int.Parse(location.Split('/', '?')[4], CultureInfo.InvariantCulture);
    }

    private static Dictionary<string, string> Initiative(int goalId, string title, string planned, string spent)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return new()
        {
            ["Input.GoalId"] = goalId.ToString(CultureInfo.InvariantCulture), ["Input.Title"] = title,
            ["Input.StartsOn"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Input.EndsOn"] = today.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Input.Status"] = "InProgress", ["Input.BudgetPlanned"] = planned, ["Input.BudgetSpent"] = spent, ["Input.OwnerRole"] = "HR lead",
        };
    }

    private static async Task<int> AddInitiativeAsync(HttpClient editor, int planId, int goalId, string? tactic, string planned, string spent)
    {
        var fields = Initiative(goalId, tactic is null ? "Own initiative" : "From the catalogue", planned, spent);
        if (tactic is not null)
        {
            fields["Input.TacticKey"] = tactic;
        }
        var location = await AssertRedirectAsync(await InwardApp.PostFormAsync(editor, $"/plans/{planId}/initiatives", fields));
        return int.Parse(location.Split('/', '?')[4], CultureInfo.InvariantCulture);
    }

    private static async Task PublishAsync(HttpClient editor, int planId, string? note) =>
        await AssertRedirectAsync(await InwardApp.PostFormAsync(editor, $"/plans/{planId}", note is null ? [] : new() { ["ChangeNote"] = note },
            $"/plans/{planId}?handler=Publish"));

    private static async Task ArchiveAsync(HttpClient editor, int planId) =>
        await InwardApp.PostFormAsync(editor, $"/plans/{planId}", [], $"/plans/{planId}?handler=Archive");

    private static async Task<decimal?> KpiValueAsync(HttpClient api, int planId, int kpiId)
    {
        var plan = await (await api.GetAsync($"/api/v1/plans/{planId}")).JsonAsync();
        var kpi = plan.GetProperty("goals").EnumerateArray().SelectMany(g => g.GetProperty("kpis").EnumerateArray()).Single(k => k.GetProperty("id").GetInt32() == kpiId);
        return kpi.GetProperty("current").ValueKind == System.Text.Json.JsonValueKind.Null ? null : kpi.GetProperty("current").GetDecimal();
    }

    /// <summary>Asserts a redirect (a saved form) and returns where it leads; on failure shows the page's errors.</summary>
    private static async Task<string> AssertRedirectAsync(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var body = await response.Content.ReadAsStringAsync();
            var errors = System.Text.RegularExpressions.Regex.Match(body, "<div class=\"errors[^>]*>(.*?)</div>", System.Text.RegularExpressions.RegexOptions.Singleline);
            Assert.Fail($"Expected a redirect, got {(int)response.StatusCode}: {(errors.Success ? errors.Groups[1].Value : body[..Math.Min(body.Length, 500)])}");
        }
        return response.Headers.Location!.OriginalString;
    }

    private static async Task<T> WithDbAsync<T>(InwardApp app, Func<InwardDbContext, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<InwardDbContext>());
    }
}
