using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inward.Features.Plan;
using Inward.Features.Playbook;
using Inward.Features.Settings;
using Inward.Platform.Audit;
using Inward.Platform.Data;
using Inward.Tests.Admin;
using Inward.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Inward.Tests.Playbook;

public sealed class PlaybookHttpTests(Apps apps) : IntegrationTest(apps)
{
    private const string Comms = "comms@demo.example";
    private static readonly DateOnly Start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(14);

    private static Dictionary<string, string> Form(string company, string size = "60", string budget = "12.5") => new()
    {
        ["Input.CompanyName"] = company,
        ["Input.CompanySize"] = size,
        ["Input.DepartmentCount"] = "6",
        ["Input.FrontlineSharePercent"] = "70",
        ["Input.Channels"] = "NoticeBoard",
        ["Input.BudgetPerEmployee"] = budget,
        ["Input.PainPoints"] = "Silos",
        ["Input.StartsOn"] = Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    private static object Json(string company, int size = 60, decimal budget = 12.5m, int[]? departments = null) => new
    {
        companyName = company,
        companySize = size,
        departmentIds = departments ?? [],
        departmentCount = departments is null ? 6 : (int?)null,
        frontlineSharePercent = 70,
        channels = new[] { "NoticeBoard" },
        budgetPerEmployee = budget,
        painPoints = new[] { "Silos", "Turnover" },
        startsOn = Start,
    };

    private static Task<List<InternalMarketingPlan>> PlansNamedAsync(InwardApp app, string company) =>
        TestAccounts.WithDbAsync(app, db => db.Set<InternalMarketingPlan>().AsNoTracking()
            .Include(p => p.Goals).ThenInclude(g => g.Kpis).Include(p => p.Initiatives)
            .Where(p => p.Title.StartsWith(company)).ToListAsync());

    [Theory, MemberData(nameof(Providers))]
    public async Task The_wizard_starts_with_the_company_as_it_is(DatabaseProvider provider)
    {
        var app = await App(provider);
        var comms = await app.SignedInAsync(Comms);
        var (headcount, departments) = await TestAccounts.WithDbAsync(app, async db =>
            (await db.Employees.CountAsync(e => e.IsActive), await db.Departments.CountAsync()));

        var html = WebUtility.HtmlDecode(await comms.GetStringAsync("/playbook"));

        Assert.Contains($"name=\"Input.CompanySize\" type=\"number\" min=\"1\" max=\"100000\" step=\"1\" required value=\"{headcount}\"", html, StringComparison.Ordinal);
        Assert.Equal(departments, html.Split("name=\"Input.DepartmentIds\"").Length - 1);
        Assert.Contains("Logistics", html, StringComparison.Ordinal);
        Assert.Contains("(EUR)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Create draft plan", html, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Posting_the_wizard_shows_the_proposal_and_saves_nothing(DatabaseProvider provider)
    {
        var app = await App(provider);
        var comms = await app.SignedInAsync(Comms);
        var company = Unique("Wizard Co ");

        var response = await InwardApp.PostFormAsync(comms, "/playbook", Form(company));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Your 90-day plan", html, StringComparison.Ordinal);
        Assert.Contains("Plan kick-off briefings", html, StringComparison.Ordinal);
        Assert.Contains("data-tactic=\"shift-huddles\"", html, StringComparison.Ordinal);
        Assert.Contains("data-tactic=\"cross-department\"", html, StringComparison.Ordinal);
        Assert.Contains("It answers your pain point “Silos between departments”.", html, StringComparison.Ordinal);
        Assert.Contains("Week 13", html, StringComparison.Ordinal);
        Assert.Contains("Quarter 4", html, StringComparison.Ordinal);
        Assert.Contains($"# {company}: our plan for the next 90 days", html, StringComparison.Ordinal);
        Assert.Contains("750 EUR", html, StringComparison.Ordinal);
        Assert.Contains("Create draft plan", html, StringComparison.Ordinal);
        Assert.Empty(await PlansNamedAsync(app, company));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_proposal_is_shown_in_the_readers_language(DatabaseProvider provider)
    {
        var app = await App(provider);
        var (email, userId, _) = await TestAccounts.CreateAsync(app, [Inward.Platform.Identity.Roles.Communicator]);
        await TestAccounts.WithDbAsync(app, async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Id == userId);
            user.Language = "pl";
            return await db.SaveChangesAsync();
        });
        var polish = await app.SignedInAsync(email, TestAccounts.Password);

        var response = await InwardApp.PostFormAsync(polish, "/playbook", Form(Unique("Polska ")));

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Spotkania otwierające plan", html, StringComparison.Ordinal);
        Assert.Contains("Odpowiada na Twój problem „Silosy między działami”.", html, StringComparison.Ordinal);
        Assert.Contains("dir=\"ltr\"", html, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Create_draft_plan_saves_the_proposal_as_a_draft_with_goals_kpis_and_initiatives(DatabaseProvider provider)
    {
        var app = await App(provider);
        var comms = await app.SignedInAsync(Comms);
        var company = Unique("Draft Co ");
        var answers = Form(company);
        var expected = PlaybookRules.Propose(
            new PlaybookProfile(company, 60, [], 6, 70, Channels.NoticeBoard, 12.5m, PainPoints.Silos, Start, "EUR"), TacticCatalogue.All);

        var response = await InwardApp.PostFormAsync(comms, "/playbook", answers, postTo: "/playbook?handler=Create");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var plan = Assert.Single(await PlansNamedAsync(app, company));
        Assert.Equal($"/plans/{plan.Id}", response.Headers.Location!.OriginalString);
        Assert.Equal(PlanStatus.Draft, plan.Status);
        Assert.Equal(0, plan.PublishedVersion);
        Assert.Equal(Start, plan.StartsOn);
        Assert.Equal(Start.AddMonths(12).AddDays(-1), plan.EndsOn);
        Assert.Equal(750m, plan.Budget);
        Assert.NotNull(plan.OwnerEmployeeId);
        var stored = JsonSerializer.Deserialize<PlaybookAnswers>(plan.PlaybookProfileJson!, JsonSerializerOptions.Web)!;
        Assert.Equal(60, stored.CompanySize);
        Assert.Equal(["Silos"], stored.PainPoints);

        Assert.Equal(3, plan.Goals.Count);
        var first = plan.Goals.OrderBy(g => g.SortOrder).First();
        var kpi = Assert.Single(first.Kpis);
        Assert.Equal(KpiSource.Metric, kpi.Source);
        Assert.Equal("plan.acknowledgement-rate", kpi.MetricKey);
        Assert.Equal(90, kpi.Target);
        Assert.All(plan.Goals, g => Assert.Single(g.Kpis));

        var initiatives = plan.Initiatives.OrderBy(i => i.SortOrder).ToList();
        Assert.Equal(expected.Initiatives.Select(i => i.Tactic.Key), initiatives.Select(i => i.TacticKey));
        Assert.Equal(expected.Initiatives.Select(i => i.StartsOn), initiatives.Select(i => i.StartsOn));
        Assert.Equal(expected.Initiatives.Select(i => i.Cost), initiatives.Select(i => i.BudgetPlanned));
        Assert.Equal(Start.AddDays(7), initiatives.Single(i => i.TacticKey == "contact-map").StartsOn);
        Assert.Equal("Department heads", initiatives.Single(i => i.TacticKey == "contact-map").OwnerRole);
        Assert.All(initiatives, i => Assert.Contains(i.GoalId!.Value, plan.Goals.Select(g => g.Id)));
        Assert.All(initiatives, i => Assert.Contains("Why: ", i.Description, StringComparison.Ordinal));
        Assert.All(initiatives, i => Assert.Equal(InitiativeStatus.Planned, i.Status));
        Assert.True(initiatives.Sum(i => i.BudgetPlanned) <= plan.Budget);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Invalid_answers_show_the_errors_and_create_nothing(DatabaseProvider provider)
    {
        var app = await App(provider);
        var comms = await app.SignedInAsync(Comms);
        var company = Unique("Bad Co ");
        var answers = Form(company, size: "0", budget: "-5");
        answers["Input.StartsOn"] = "not a date";
        answers["Input.Channels"] = "Pigeon";

        var shown = await InwardApp.PostFormAsync(comms, "/playbook", answers);
        var created = await InwardApp.PostFormAsync(comms, "/playbook", answers, postTo: "/playbook?handler=Create");

        foreach (var response in new[] { shown, created })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.Contains("Enter the number of employees, from 1 to 100000.", html, StringComparison.Ordinal);
            Assert.Contains("Enter a budget per employee per year from 0 to 100000.", html, StringComparison.Ordinal);
            Assert.Contains("Enter the date the plan starts.", html, StringComparison.Ordinal);
            Assert.Contains("Unknown channel “Pigeon”", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Your 90-day plan", html, StringComparison.Ordinal);
        }
        Assert.Empty(await PlansNamedAsync(app, company));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_failure_while_saving_the_draft_plan_leaves_nothing_behind(DatabaseProvider provider)
    {
        var app = await App(provider);
        var company = Unique("Half Co ");
        var proposal = PlaybookRules.Propose(
            new PlaybookProfile(company, 30, [], 3, 10, Channels.Email, 0, PainPoints.Turnover, Start, "EUR"), TacticCatalogue.All);
        async Task<(int, int, int)> RowsAsync() => await TestAccounts.WithDbAsync(app, async d =>
            (await d.Set<PlanGoal>().CountAsync(), await d.Set<Kpi>().CountAsync(), await d.Set<Initiative>().CountAsync()));
        var before = await RowsAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var options = new DbContextOptionsBuilder<InwardDbContext>();
        DatabaseSetup.Configure(options, app.Provider, services.GetRequiredService<IConfiguration>());
        options.AddInterceptors(services.GetRequiredService<AuditInterceptor>(), new FailingInitiativeInsert());
        await using var db = new InwardDbContext(options.Options);
        var playbook = new PlaybookService(db, services.GetRequiredService<CompanyProfile>(), TimeProvider.System,
            services.GetRequiredService<IStringLocalizer<Strings>>());

        var failure = await Assert.ThrowsAsync<DbUpdateException>(() => playbook.CreateDraftPlanAsync(proposal, null));
        Assert.Equal("Injected failure while inserting initiatives.", failure.InnerException?.Message);

        Assert.Empty(await PlansNamedAsync(app, company));
        Assert.Equal(before, await RowsAsync());
    }

    /// <summary>Fails the statement that inserts the initiatives, after the plan and its goals were sent.</summary>
    private sealed class FailingInitiativeInsert : DbCommandInterceptor
    {
        private static void Check(DbCommand command)
        {
            if (command.CommandText.Contains("INSERT INTO \"Initiative\"", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("Injected failure while inserting initiatives.");
            }
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Check(command);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Check(command);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_api_proposes_the_same_plan_for_the_same_profile(DatabaseProvider provider)
    {
        var app = await App(provider);
        var api = await app.ApiClientAsync(Comms);
        var company = Unique("Api Co ");

        var first = await api.PostAsJsonAsync("/api/v1/playbook", Json(company));
        var second = await api.PostAsJsonAsync("/api/v1/playbook", Json(company));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var body = await first.Content.ReadAsStringAsync();
        Assert.Equal(body, await second.Content.ReadAsStringAsync());
        var proposal = JsonDocument.Parse(body).RootElement;
        Assert.Equal(company, proposal.GetProperty("companyName").GetString());
        Assert.Equal(750m, proposal.GetProperty("totalBudget").GetDecimal());
        Assert.True(proposal.GetProperty("totalCost").GetDecimal() <= 750m);
        var initiatives = proposal.GetProperty("initiatives").EnumerateArray().ToList();
        Assert.Equal("kickoff-briefing", initiatives[0].GetProperty("tacticKey").GetString());
        Assert.Contains(initiatives, i => i.GetProperty("tacticKey").GetString() == "onboarding-buddy");
        Assert.All(initiatives, i => Assert.False(string.IsNullOrWhiteSpace(i.GetProperty("why").GetString())));
        Assert.All(initiatives, i => Assert.NotEmpty(i.GetProperty("rules").EnumerateArray()));
        Assert.Equal(13, proposal.GetProperty("weeks").GetArrayLength());
        Assert.Equal(4, proposal.GetProperty("outline").GetArrayLength());
        Assert.Equal(3, proposal.GetProperty("goals").GetArrayLength());
        Assert.Equal(4, proposal.GetProperty("templates").GetArrayLength());
        Assert.Empty(await PlansNamedAsync(app, company));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_api_answers_bad_profiles_with_validation_problem_details(DatabaseProvider provider)
    {
        var app = await App(provider);
        var api = await app.ApiClientAsync(Comms);
        var company = Unique("Bad Api ");
        var bad = new
        {
            companyName = company, companySize = 100_001, departmentIds = new[] { 999_999 }, frontlineSharePercent = -1,
            channels = new[] { "Fax" }, budgetPerEmployee = -1, painPoints = new[] { "Boredom" }, startsOn = new DateOnly(1999, 1, 1),
        };

        var proposed = await api.PostAsJsonAsync("/api/v1/playbook", bad);
        var created = await api.PostAsJsonAsync("/api/v1/playbook/plans", bad);
        var empty = await api.PostAsync("/api/v1/playbook", new StringContent("null", System.Text.Encoding.UTF8, "application/json"));

        foreach (var response in new[] { proposed, created })
        {
            var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
            var errors = problem.GetProperty("errors");
            Assert.Equal(["budgetPerEmployee", "channels", "companySize", "departmentIds", "frontlineSharePercent", "painPoints", "startsOn"],
                errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
            Assert.Equal("There is no department with id 999999.", errors.GetProperty("departmentIds")[0].GetString());
        }
        var malformed = await api.PostAsync("/api/v1/playbook", new StringContent("{\"companySize\": [", System.Text.Encoding.UTF8, "application/json"));
        var form = await api.PostAsync("/api/v1/playbook", new FormUrlEncodedContent(new Dictionary<string, string> { ["companySize"] = "5" }));
        await empty.AssertProblemAsync(HttpStatusCode.BadRequest);
        await malformed.AssertProblemAsync(HttpStatusCode.BadRequest);
        await form.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Empty(await PlansNamedAsync(app, company));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_api_creates_a_draft_plan_and_points_to_it(DatabaseProvider provider)
    {
        var app = await App(provider);
        var api = await app.ApiClientAsync("hr@demo.example");
        var company = Unique("Api Plan ");
        var departments = await TestAccounts.WithDbAsync(app, db => db.Departments.OrderBy(d => d.Id).Select(d => d.Id).Take(4).ToArrayAsync());

        var response = await api.PostAsJsonAsync("/api/v1/playbook/plans", Json(company, departments: departments));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var plan = Assert.Single(await PlansNamedAsync(app, company));
        Assert.Equal($"/api/v1/plans/{plan.Id}", response.Headers.Location!.OriginalString);
        var body = await response.JsonAsync();
        Assert.Equal(plan.Id, body.GetProperty("id").GetInt32());
        Assert.Equal($"/plans/{plan.Id}", body.GetProperty("editUrl").GetString());
        Assert.Equal(PlanStatus.Draft, plan.Status);
        Assert.Equal(3, plan.Goals.Count);
        Assert.Contains(plan.Initiatives, i => i.TacticKey == "isq-survey" || i.TacticKey == "cross-department");
        Assert.Equal(departments, JsonSerializer.Deserialize<PlaybookAnswers>(plan.PlaybookProfileJson!, JsonSerializerOptions.Web)!.DepartmentIds);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Employees_and_partners_may_not_use_the_playbook(DatabaseProvider provider)
    {
        var app = await App(provider);
        var company = Unique("Nope Co ");
        foreach (var who in new[] { "employee@demo.example", "manager@demo.example", "partner@demo.example" })
        {
            var browser = await app.SignedInAsync(who);
            await TestAccounts.AssertForbiddenAsync(browser, "/playbook");
            await TestAccounts.AssertForbiddenAsync(browser, "/playbook", HttpMethod.Post);
            await TestAccounts.AssertForbiddenAsync(browser, "/playbook?handler=Create", HttpMethod.Post);
            var api = await app.ApiClientAsync(who);
            await (await api.PostAsJsonAsync("/api/v1/playbook", Json(company))).AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await api.PostAsJsonAsync("/api/v1/playbook/plans", Json(company))).AssertProblemAsync(HttpStatusCode.Forbidden);
        }
        Assert.Empty(await PlansNamedAsync(app, company));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_api_is_documented_with_its_json_body_and_errors(DatabaseProvider provider)
    {
        var app = await App(provider);

        var doc = await (await app.Client().GetAsync("/openapi/v1.json")).JsonAsync();

        foreach (var path in new[] { "/api/v1/playbook", "/api/v1/playbook/plans" })
        {
            var post = doc.GetProperty("paths").GetProperty(path).GetProperty("post");
            Assert.False(string.IsNullOrWhiteSpace(post.GetProperty("summary").GetString()));
            Assert.True(post.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _), path);
            var responses = post.GetProperty("responses");
            foreach (var status in new[] { "400", "401", "403", "415", "429" })
            {
                Assert.True(responses.TryGetProperty(status, out _), $"{path} does not declare {status}");
            }
        }
        Assert.True(doc.GetProperty("paths").GetProperty("/api/v1/playbook").GetProperty("post").GetProperty("responses").TryGetProperty("200", out _));
        Assert.True(doc.GetProperty("paths").GetProperty("/api/v1/playbook/plans").GetProperty("post").GetProperty("responses").TryGetProperty("201", out _));
    }
}
