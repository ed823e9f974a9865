using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Inward.Features.Listening;
using Inward.Features.People;
using Inward.Platform.Data;
using Inward.Platform.Demo;
using Inward.Platform.Identity;
using Inward.Tests.Admin;
using Inward.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inward.Tests.Listening;

/// <summary>
/// Surveys end to end on both databases: templates, launching, answering with drafts, the storage of anonymous answers,
/// bad input, and results that an attacker cannot narrow below the anonymity threshold through the page, the API or CSV.
/// </summary>
public sealed class SurveysTests(Apps apps) : IntegrationTest(apps)
{
    private const string Hr = $"hr@{DemoCompany.Domain}";

    private sealed record Person(string Email, int EmployeeId, string UserId);

    private static async Task<(int Id, string Name)> DepartmentAsync(InwardApp app, int? parent = null) => await TestAccounts.WithDbAsync(app, async db =>
    {
        var department = new Department { Name = $"Survey {Guid.NewGuid():N}"[..30], ParentId = parent };
        db.Departments.Add(department);
        await db.SaveChangesAsync();
        return (department.Id, department.Name);
    });

    private static async Task<List<Person>> PeopleAsync(InwardApp app, int department, int count, string[]? roles = null)
    {
        var people = new List<Person>();
        for (var i = 0; i < count; i++)
        {
            var (email, userId, employeeId) = await TestAccounts.CreateAsync(app, roles ?? [Roles.Employee]);
            await TestAccounts.WithDbAsync(app, async db =>
            {
                (await db.Employees.SingleAsync(e => e.Id == employeeId)).DepartmentId = department;
                return await db.SaveChangesAsync();
            });
            people.Add(new(email, employeeId!.Value, userId));
        }
        return people;
    }

    private static object Audience(int department) =>
        new { include = new[] { new { departments = new[] { new { id = department, includeSubDepartments = true } } } } };

    /// <summary>Creates a survey through the API (HR) and launches it; returns its id.</summary>
    private static async Task<int> LaunchAsync(HttpClient hr, object body)
    {
        var created = await hr.PostAsJsonAsync("/api/v1/surveys", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.JsonAsync()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await hr.PostAsync($"/api/v1/surveys/{id}/launch", null)).StatusCode);
        return id;
    }

    private static Task<List<SurveyQuestion>> QuestionsAsync(InwardApp app, int survey) =>
        TestAccounts.WithDbAsync(app, db => db.Set<SurveyQuestion>().AsNoTracking().Where(q => q.SurveyId == survey).OrderBy(q => q.Order).ToListAsync());

    /// <summary>Answers as the person would through the page, straight through the service (many respondents, quickly).</summary>
    private static async Task SubmitAsync(InwardApp app, int survey, Person person, params AnswerInput[] answers)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, person.UserId)], "test"));
        var (outcome, errors) = await scope.ServiceProvider.GetRequiredService<SurveyResponding>().SubmitAsync(survey, user, person.EmployeeId, answers, default);
        Assert.True(outcome == SubmitOutcome.Submitted, string.Join("; ", errors.Select(e => e.Format())));
    }

    private static Task<int> SetThresholdAsync(InwardApp app, int k) => TestAccounts.WithDbAsync(app, async db =>
    {
        (await db.CompanySettings.SingleAsync()).AnonymityThreshold = k;
        return await db.SaveChangesAsync();
    });

    private static JsonElement Row(JsonElement results, int department) =>
        results.GetProperty("heatmap").EnumerateArray().Single(r => r.GetProperty("departmentId").ValueKind == JsonValueKind.Number
            && r.GetProperty("departmentId").GetInt32() == department);

    [Theory, MemberData(nameof(Providers))]
    public async Task Hr_launches_a_template_and_an_employee_saves_a_draft_then_submits_once_without_a_trace_of_who(DatabaseProvider provider)
    {
        var app = await App(provider);
        var (department, _) = await DepartmentAsync(app);
        var person = (await PeopleAsync(app, department, 1))[0];
        var hrPages = await app.SignedInAsync(Hr);
        var title = $"eNPS {Guid.NewGuid():N}";

        var create = await InwardApp.PostFormAsync(hrPages, "/surveys/manage",
            new() { ["Input.Template"] = "enps", ["Input.Title"] = title, ["Input.Privacy"] = "anonymous" });
        Assert.Equal(HttpStatusCode.Redirect, create.StatusCode);
        var id = int.Parse(create.Headers.Location!.OriginalString.Split('/')[2], CultureInfo.InvariantCulture);
        Assert.Equal($"/surveys/{id}/edit", create.Headers.Location!.OriginalString);
        var questions = await QuestionsAsync(app, id);
        Assert.Equal([QuestionKind.Scale0To10, QuestionKind.FreeText], questions.Select(q => q.Kind));
        Assert.Contains("Net Promoter®", WebUtility.HtmlDecode(await hrPages.GetStringAsync($"/surveys/{id}/edit")), StringComparison.Ordinal);
        var hr = await app.ApiClientAsync(Hr);
        Assert.Equal(HttpStatusCode.OK, (await hr.PutAsJsonAsync($"/api/v1/surveys/{id}", new { audience = Audience(department) })).StatusCode);
        var launch = await InwardApp.PostFormAsync(hrPages, $"/surveys/{id}/edit", [], $"/surveys/{id}/edit?handler=Launch");
        Assert.Equal(HttpStatusCode.Redirect, launch.StatusCode);
        Assert.Equal(1, await TestAccounts.WithDbAsync(app, db => db.Set<SurveyMember>().CountAsync(m => m.SurveyId == id && m.DepartmentId == department)));

        var client = await app.SignedInAsync(person.Email, TestAccounts.Password);
        Assert.Contains(title, await client.GetStringAsync("/surveys"), StringComparison.Ordinal);
        var page = await client.GetStringAsync($"/surveys/{id}");
        Assert.Contains("your name is never stored with your answers", page, StringComparison.Ordinal);
        var (nps, why) = ($"q{questions[0].Id}", $"q{questions[1].Id}");

        var draft = await InwardApp.PostFormAsync(client, $"/surveys/{id}", new() { [nps] = "9" }, $"/surveys/{id}?handler=Save");
        Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        Assert.True(await TestAccounts.WithDbAsync(app, db => db.Set<SurveyDraft>().AnyAsync(d => d.SurveyId == id && d.EmployeeId == person.EmployeeId)));
        Assert.Contains($"name=\"{nps}\" value=\"9\" checked=\"checked\"", await client.GetStringAsync($"/surveys/{id}"), StringComparison.Ordinal);
        Assert.Equal(0, await TestAccounts.WithDbAsync(app, db => db.Set<SurveyResponse>().CountAsync(r => r.SurveyId == id)));

        var submit = await InwardApp.PostFormAsync(client, $"/surveys/{id}", new() { [nps] = "9", [why] = "Great team" });
        Assert.Equal(HttpStatusCode.Redirect, submit.StatusCode);
        Assert.Equal("/surveys", submit.Headers.Location!.OriginalString);

        var response = await TestAccounts.WithDbAsync(app, db => db.Set<SurveyResponse>().AsNoTracking().SingleAsync(r => r.SurveyId == id));
        Assert.Null(response.UserId);
        Assert.Null(response.EmployeeId);
        Assert.Null(response.SubmittedUtc);
        Assert.Equal(4, response.Id.Version);
        Assert.Equal(department, response.DepartmentId);
        Assert.Equal(2, await TestAccounts.WithDbAsync(app, db => db.Set<SurveyAnswer>().CountAsync(a => a.ResponseId == response.Id)));
        Assert.True(await TestAccounts.WithDbAsync(app, db => db.Set<SurveyParticipation>().AnyAsync(p => p.SurveyId == id && p.EmployeeId == person.EmployeeId)));
        Assert.False(await TestAccounts.WithDbAsync(app, db => db.Set<SurveyDraft>().AnyAsync(d => d.SurveyId == id)));
        Assert.False(await TestAccounts.WithDbAsync(app, db => db.AuditEntries.AnyAsync(a =>
            a.EntityType == nameof(SurveyResponse) || a.EntityType == nameof(SurveyAnswer) || a.EntityType == nameof(SurveyParticipation))));

        // Nothing of the person reaches the answers' tables: the participation row is the only link, and it holds no response id or time.
        var model = await TestAccounts.WithDbAsync(app, db => Task.FromResult(db.Model));
        Assert.Equal(["EmployeeId", "SurveyId"], model.FindEntityType(typeof(SurveyParticipation))!.GetProperties().Select(p => p.Name).Order());
        Assert.DoesNotContain(model.FindEntityType(typeof(SurveyAnswer))!.GetProperties(), p => p.ClrType == typeof(DateTime) || p.ClrType == typeof(DateTime?));

        var again = await InwardApp.PostFormAsync(client, "/surveys", [], $"/surveys/{id}");
        Assert.Contains("You have already answered this survey.", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var api = await app.ApiClientAsync(person.Email);
        await (await api.PostAsJsonAsync($"/api/v1/surveys/{id}/responses", new { answers = new[] { new { questionId = questions[0].Id, value = 3 } } }))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(1, await TestAccounts.WithDbAsync(app, db => db.Set<SurveyResponse>().CountAsync(r => r.SurveyId == id)));
        var mine = await (await api.GetAsync("/api/v1/surveys")).JsonAsync();
        Assert.True(mine.EnumerateArray().Single(s => s.GetProperty("id").GetInt32() == id).GetProperty("responded").GetBoolean());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Bad_answers_and_bad_launches_are_refused_with_problem_details_and_nothing_is_stored(DatabaseProvider provider)
    {
        var app = await App(provider);
        var (department, _) = await DepartmentAsync(app);
        var people = await PeopleAsync(app, department, 2);
        var hr = await app.ApiClientAsync(Hr);

        var empty = await hr.PostAsJsonAsync("/api/v1/surveys", new { title = "Empty", audience = Audience(department) });
        var emptyId = (await empty.JsonAsync()).GetProperty("id").GetInt32();
        var noQuestions = await (await hr.PostAsync($"/api/v1/surveys/{emptyId}/launch", null)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(noQuestions.GetProperty("errors").TryGetProperty("questions", out _));
        var badKind = await (await hr.PostAsJsonAsync("/api/v1/surveys", new
        {
            title = "Bad", sections = new[] { new { title = "S", questions = new[] { new { kind = "Essay", text = "?" } } } },
        })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(badKind.GetProperty("errors").TryGetProperty("sections[0].questions[0].kind", out _));

        var sections = new[]
        {
            new
            {
                title = "Only",
                questions = new object[]
                {
                    new { kind = "Likert5", text = "I like it here.", dimension = "Mood" },
                    new { kind = "FreeText", text = "Anything else?", required = false },
                },
            },
        };
        var later = await LaunchAsync(hr, new { title = "Later", audience = Audience(department), sections, opensAt = DateTimeOffset.UtcNow.AddDays(2) });
        var id = await LaunchAsync(hr, new { title = "Now", audience = Audience(department), sections });
        var questions = await QuestionsAsync(app, id);
        var api = await app.ApiClientAsync(people[0].Email);

        var notYet = await (await api.PostAsJsonAsync($"/api/v1/surveys/{later}/responses",
            new { answers = new[] { new { questionId = (await QuestionsAsync(app, later))[0].Id, value = 4 } } })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("This survey does not take answers yet.", notYet.GetProperty("detail").GetString());
        var bad = await (await api.PostAsJsonAsync($"/api/v1/surveys/{id}/responses", new
        {
            answers = new object[] { new { questionId = 999999999, value = 1 }, new { questionId = questions[0].Id, value = 6 } },
        })).AssertProblemAsync(HttpStatusCode.BadRequest);
        var errors = bad.GetProperty("errors");
        Assert.True(errors.TryGetProperty("answers[999999999]", out _));
        Assert.Contains("from 1 to 5", errors.GetProperty($"answers[{questions[0].Id}]")[0].GetString(), StringComparison.Ordinal);
        var missing = await (await api.PostAsJsonAsync($"/api/v1/surveys/{id}/responses", new { answers = new[] { new { questionId = questions[1].Id, text = "hi" } } }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.StartsWith("Please answer this question", missing.GetProperty("errors").GetProperty($"answers[{questions[0].Id}]")[0].GetString(), StringComparison.Ordinal);
        await (await api.PostAsync($"/api/v1/surveys/{id}/responses", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json")))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal((0, 0), await TestAccounts.WithDbAsync(app, async db =>
            (await db.Set<SurveyResponse>().CountAsync(r => r.SurveyId == id), await db.Set<SurveyParticipation>().CountAsync(p => p.SurveyId == id))));

        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsJsonAsync($"/api/v1/surveys/{id}/responses",
            new { answers = new[] { new { questionId = questions[0].Id, value = 5 } } })).StatusCode);
        await (await hr.PutAsJsonAsync($"/api/v1/surveys/{id}", new { title = "Renamed" })).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await hr.PostAsync($"/api/v1/surveys/{id}/launch", null)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.OK, (await hr.PostAsync($"/api/v1/surveys/{id}/close", null)).StatusCode);
        var closed = await (await (await app.ApiClientAsync(people[1].Email)).PostAsJsonAsync($"/api/v1/surveys/{id}/responses",
            new { answers = new[] { new { questionId = questions[0].Id, value = 2 } } })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("This survey is closed: it no longer takes answers.", closed.GetProperty("detail").GetString());
        Assert.Equal(1, await TestAccounts.WithDbAsync(app, db => db.Set<SurveyResponse>().CountAsync(r => r.SurveyId == id)));

        // Someone outside the audience cannot even see that the survey exists.
        var outsider = await app.ApiClientAsync($"employee@{DemoCompany.Domain}");
        await (await outsider.GetAsync($"/api/v1/surveys/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await outsider.PostAsJsonAsync($"/api/v1/surveys/{emptyId}/responses", new { answers = Array.Empty<object>() })).AssertProblemAsync(HttpStatusCode.NotFound);
        // Anonymous responses are never listed, even to HR.
        await (await hr.GetAsync($"/api/v1/surveys/{id}/responses")).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_named_survey_stores_who_answered_and_only_hr_lists_the_responses(DatabaseProvider provider)
    {
        var app = await App(provider);
        var (department, _) = await DepartmentAsync(app);
        var person = (await PeopleAsync(app, department, 1))[0];
        var hr = await app.ApiClientAsync(Hr);
        var id = await LaunchAsync(hr, new
        {
            title = "Named pulse", anonymous = false, audience = Audience(department),
            sections = new[] { new { title = "", questions = new[] { new { kind = "Scale0To10", text = "Recommend us?" } } } },
        });
        Assert.Contains("HR sees your name with your answers.", await (await app.SignedInAsync(person.Email, TestAccounts.Password)).GetStringAsync($"/surveys/{id}"),
            StringComparison.Ordinal);
        var question = (await QuestionsAsync(app, id))[0];
        await SubmitAsync(app, id, person, new AnswerInput(question.Id, Value: 7));

        var list = await (await hr.GetAsync($"/api/v1/surveys/{id}/responses")).JsonAsync();

        var only = Assert.Single(list.EnumerateArray());
        Assert.Equal(person.EmployeeId, only.GetProperty("employeeId").GetInt32());
        Assert.Equal(7, only.GetProperty("answers")[0].GetProperty("value").GetInt32());
        await (await (await app.ApiClientAsync(person.Email)).GetAsync($"/api/v1/surveys/{id}/responses")).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Results_never_reveal_a_group_below_k_through_the_page_the_api_or_csv_and_follow_the_threshold_at_once(DatabaseProvider provider)
    {
        var app = await App(provider);
        var (parent, _) = await DepartmentAsync(app);
        var (a, _) = await DepartmentAsync(app, parent);
        var (b, bName) = await DepartmentAsync(app, parent);
        var (c, _) = await DepartmentAsync(app, parent);
        var inA = await PeopleAsync(app, a, 6);
        var inB = await PeopleAsync(app, b, 4);
        var inC = await PeopleAsync(app, c, 6);
        var manager = (await PeopleAsync(app, c, 1, [Roles.Manager, Roles.Employee]))[0];
        var hr = await app.ApiClientAsync(Hr);
        var id = await LaunchAsync(hr, new { title = "Attack me", template = "enps", audience = Audience(parent) });
        var (nps, why) = ((await QuestionsAsync(app, id))[0].Id, (await QuestionsAsync(app, id))[1].Id);
        foreach (var p in inA)
        {
            await SubmitAsync(app, id, p, new(nps, Value: 10), new(why, Text: "A-comment"));
        }
        foreach (var p in inB)
        {
            await SubmitAsync(app, id, p, new(nps, Value: 0), new(why, Text: "B-secret"));
        }
        foreach (var p in inC.Append(manager))
        {
            await SubmitAsync(app, id, p, new AnswerInput(nps, Value: 8));
        }

        // While open, nothing of the answers shows (no before/after comparison around one submission).
        var open = await (await hr.GetAsync($"/api/v1/surveys/{id}/results?department={parent}")).JsonAsync();
        Assert.False(open.GetProperty("answersVisible").GetBoolean());
        Assert.All(open.GetProperty("questions").EnumerateArray(), q => Assert.True(q.GetProperty("suppressed").GetBoolean()));
        Assert.Equal(HttpStatusCode.OK, (await hr.PostAsync($"/api/v1/surveys/{id}/close", null)).StatusCode);

        var results = await (await hr.GetAsync($"/api/v1/surveys/{id}/results?department={parent}")).JsonAsync();
        Assert.True(results.GetProperty("groupShown").GetBoolean());
        Assert.Equal(17, results.GetProperty("responded").GetInt32());
        var enps = results.GetProperty("questions")[0];
        Assert.Equal(17, enps.GetProperty("n").GetInt32());
        Assert.Equal(100.0 * (6 - 4) / 17, enps.GetProperty("netPromoter").GetProperty("score").GetDouble(), 6);
        // B (4) is below k = 5; A (6) is hidden too, or P − A − C would give B's figures.
        foreach (var hidden in new[] { a, b })
        {
            var row = Row(results, hidden);
            Assert.False(row.GetProperty("shown").GetBoolean());
            Assert.Equal(JsonValueKind.Null, row.GetProperty("responded").ValueKind);
            Assert.Equal(JsonValueKind.Null, row.GetProperty("netPromoter").ValueKind);
            Assert.Equal(JsonValueKind.Null, row.GetProperty("participation").ValueKind);
        }
        Assert.Equal(7, Row(results, c).GetProperty("responded").GetInt32());
        Assert.Equal(0.0, Row(results, c).GetProperty("netPromoter").GetDouble());
        foreach (var hidden in new[] { a, b })
        {
            var raw = await hr.GetStringAsync($"/api/v1/surveys/{id}/results?department={hidden}");
            var group = JsonDocument.Parse(raw).RootElement;
            Assert.False(group.GetProperty("groupShown").GetBoolean());
            Assert.Equal(JsonValueKind.Null, group.GetProperty("responded").ValueKind);
            Assert.Empty(group.GetProperty("comments").EnumerateArray());
            Assert.All(group.GetProperty("questions").EnumerateArray(), q => Assert.Equal(JsonValueKind.Null, q.GetProperty("n").ValueKind));
            Assert.DoesNotContain("B-secret", raw, StringComparison.Ordinal);
        }
        Assert.DoesNotContain(results.GetProperty("groups").EnumerateArray(), g => g.GetProperty("departmentId").ValueKind == JsonValueKind.Number
            && g.GetProperty("departmentId").GetInt32() == b);

        var hrPages = await app.SignedInAsync(Hr);
        var page = WebUtility.HtmlDecode(await hrPages.GetStringAsync($"/surveys/{id}/results?department={parent}"));
        Assert.Contains("fewer than 5 responses", page, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"result-bar\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
        var smallPage = WebUtility.HtmlDecode(await hrPages.GetStringAsync($"/surveys/{id}/results?department={b}"));
        Assert.Contains("This group has fewer than 5 responses: its results are hidden.", smallPage, StringComparison.Ordinal);
        Assert.DoesNotContain("B-secret", smallPage, StringComparison.Ordinal);
        var csv = await hrPages.GetStringAsync($"/surveys/{id}/export?department={parent}");
        Assert.Contains($"Department,{bName},,,,,,,,,,,,fewer than 5 responses", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("B-secret", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("A-comment", csv, StringComparison.Ordinal);
        Assert.Contains("fewer than 5 responses", await hrPages.GetStringAsync($"/surveys/{id}/export?department={b}"), StringComparison.Ordinal);

        // A manager sees their own department only; an employee sees no results at all.
        var managerApi = await app.ApiClientAsync(manager.Email);
        var own = await (await managerApi.GetAsync($"/api/v1/surveys/{id}/results")).JsonAsync();
        Assert.Equal(c, own.GetProperty("departmentId").GetInt32());
        Assert.True(own.GetProperty("groupShown").GetBoolean());
        await (await managerApi.GetAsync($"/api/v1/surveys/{id}/results?department={parent}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await managerApi.GetAsync($"/api/v1/surveys/{id}/results?department={a}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        var managerPages = await app.SignedInAsync(manager.Email, TestAccounts.Password);
        Assert.Equal(HttpStatusCode.OK, (await managerPages.GetAsync($"/surveys/{id}/results")).StatusCode);
        await TestAccounts.AssertForbiddenAsync(managerPages, $"/surveys/{id}/results?department={parent}");
        var employee = inA[0];
        await (await (await app.ApiClientAsync(employee.Email)).GetAsync($"/api/v1/surveys/{id}/results")).AssertProblemAsync(HttpStatusCode.Forbidden);
        var employeePages = await app.SignedInAsync(employee.Email, TestAccounts.Password);
        await TestAccounts.AssertForbiddenAsync(employeePages, $"/surveys/{id}/results");
        await TestAccounts.AssertForbiddenAsync(employeePages, $"/surveys/{id}/export");

        // Raising k applies to the results already there, at once.
        try
        {
            await SetThresholdAsync(app, 8);
            var raised = await (await hr.GetAsync($"/api/v1/surveys/{id}/results?department={parent}")).JsonAsync();
            Assert.Equal(8, raised.GetProperty("threshold").GetInt32());
            Assert.False(Row(raised, c).GetProperty("shown").GetBoolean());
            Assert.True(raised.GetProperty("groupShown").GetBoolean());
            Assert.Contains("fewer than 8 responses", await hrPages.GetStringAsync($"/surveys/{id}/export?department={parent}"), StringComparison.Ordinal);
            await SetThresholdAsync(app, 18);
            var whole = await (await hr.GetAsync($"/api/v1/surveys/{id}/results?department={parent}")).JsonAsync();
            Assert.False(whole.GetProperty("groupShown").GetBoolean());
            Assert.All(whole.GetProperty("questions").EnumerateArray(), q => Assert.True(q.GetProperty("suppressed").GetBoolean()));
        }
        finally
        {
            await SetThresholdAsync(app, 5);
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_demo_company_has_a_closed_survey_with_suppressed_departments_and_an_open_pulse(DatabaseProvider provider)
    {
        var app = await App(provider);
        var closed = await TestAccounts.WithDbAsync(app, db => db.Set<Survey>().SingleAsync(s => s.Title == SurveysDemoContent.ClosedTitle));
        Assert.Equal(SurveyStatus.Closed, closed.Status);
        Assert.True(await TestAccounts.WithDbAsync(app, db => db.Set<Survey>().AnyAsync(s => s.Title == SurveysDemoContent.PulseTitle && s.Status == SurveyStatus.Open)));
        var hr = await app.ApiClientAsync(Hr);

        var results = await (await hr.GetAsync($"/api/v1/surveys/{closed.Id}/results")).JsonAsync();

        Assert.True(results.GetProperty("answersVisible").GetBoolean());
        Assert.Contains(results.GetProperty("heatmap").EnumerateArray(), r => !r.GetProperty("shown").GetBoolean());
        Assert.Contains(results.GetProperty("heatmap").EnumerateArray(), r => r.GetProperty("shown").GetBoolean() && r.GetProperty("departmentId").ValueKind == JsonValueKind.Number);
        Assert.Equal(4, results.GetProperty("dimensions").GetArrayLength());
        Assert.All(results.GetProperty("dimensions").EnumerateArray(), d => Assert.True(d.GetProperty("alpha").GetDouble() > 0.5));
        var metrics = app.Services.CreateScope().ServiceProvider.GetRequiredService<Inward.Platform.Metrics.MetricRegistry>();
        Assert.NotNull((await metrics.EvaluateAsync(SurveyMetrics.NetPromoter, Inward.Platform.Metrics.MetricScope.Company))!.Value);
        var hrId = await TestAccounts.WithDbAsync(app, db => db.Departments.Where(d => d.Name == "HR").Select(d => d.Id).SingleAsync());
        Assert.Null((await metrics.EvaluateAsync(SurveyMetrics.NetPromoter, new(hrId)))!.Value);
        Assert.Contains(SurveysDemoContent.PulseTitle, await (await app.SignedInAsync($"employee@{DemoCompany.Domain}")).GetStringAsync("/surveys"), StringComparison.Ordinal);
    }
}
