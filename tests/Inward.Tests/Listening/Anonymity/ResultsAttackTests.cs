using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inward.Features.Listening;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Inward.Tests.Admin;
using Inward.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Inward.Tests.Listening.Anonymity.ReminderKit;

namespace Inward.Tests.Listening.Anonymity;

/// <summary>
/// Attacks on the results that exist today (page, every /api/v1/surveys endpoint, CSV, heatmap, comments, participation,
/// ordering, error messages, timing): HR, a manager, an employee and an API token try to learn something about a group
/// below k. Every attempt must reveal nothing.
/// </summary>
public sealed class ResultsAttackTests(Apps apps) : IntegrationTest(apps)
{
    private static JsonElement Row(JsonElement results, int department) =>
        results.GetProperty("heatmap").EnumerateArray().Single(r => r.GetProperty("departmentId").ValueKind == JsonValueKind.Number
            && r.GetProperty("departmentId").GetInt32() == department);

    private static readonly string[] ViewFields = ["groupShown", "responded", "participation", "participationLow", "answersVisible", "questions", "dimensions", "comments"];
    private static readonly string[] RowFields = ["shown", "responded", "participation", "netPromoter", "cells"];

    /// <summary>The fields of a results body that carry anonymous data (not the group's id, name or invited count).</summary>
    private static string Revealing(JsonElement view) => string.Join("|",
        ViewFields.Select(p => view.GetProperty(p).GetRawText())
            .Concat(view.GetProperty("heatmap").EnumerateArray().Take(1).Select(r => string.Join(",", RowFields.Select(p => r.GetProperty(p).GetRawText())))));

    [Theory, MemberData(nameof(Providers))]
    public async Task Nothing_moves_after_a_single_submission_while_the_survey_is_open(DatabaseProvider provider)
    {
        var app = await App(provider);
        await SetThresholdAsync(app, 5);
        var department = await DepartmentAsync(app);
        var people = await PeopleAsync(app, department, 7);
        var hr = await app.ApiClientAsync(Hr);
        var survey = await LaunchForAsync(hr, department, "Timing");
        foreach (var p in people.Take(5))
        {
            await SubmitAsync(app, survey, p, value: 4, comment: "steady");
        }
        var before = await (await hr.GetAsync($"/api/v1/surveys/{survey}/results?department={department}")).JsonAsync();
        var csvBefore = await (await app.SignedInAsync(Hr)).GetStringAsync($"/surveys/{survey}/export?department={department}");
        await SubmitAsync(app, survey, people[5], value: 1, comment: "the one who just answered");
        var after = await (await hr.GetAsync($"/api/v1/surveys/{survey}/results?department={department}")).JsonAsync();
        var csvAfter = await (await app.SignedInAsync(Hr)).GetStringAsync($"/surveys/{survey}/export?department={department}");

        Assert.False(after.GetProperty("answersVisible").GetBoolean());
        Assert.Equal(before.GetProperty("questions").GetRawText(), after.GetProperty("questions").GetRawText());
        Assert.Equal(before.GetProperty("dimensions").GetRawText(), after.GetProperty("dimensions").GetRawText());
        Assert.Empty(after.GetProperty("comments").EnumerateArray());
        Assert.DoesNotContain("the one who just answered", after.GetRawText() + csvAfter, StringComparison.Ordinal);
        Assert.Equal(csvBefore.Replace("5", "6", StringComparison.Ordinal).Length, csvAfter.Length); // at most the participation count moved
        Assert.Equal(6, after.GetProperty("responded").GetInt32());

        Assert.Equal(HttpStatusCode.OK, (await hr.PostAsync($"/api/v1/surveys/{survey}/close", null)).StatusCode);
        var closed = await (await hr.GetAsync($"/api/v1/surveys/{survey}/results?department={department}")).JsonAsync();
        Assert.True(closed.GetProperty("answersVisible").GetBoolean()); // six ≥ k, once closed: the figures appear, all at once
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_small_group_is_hidden_everywhere_and_cannot_be_reached_by_subtracting_a_sibling(DatabaseProvider provider)
    {
        var app = await App(provider);
        await SetThresholdAsync(app, 5);
        var parent = await DepartmentAsync(app);
        var (large, small) = (await DepartmentAsync(app, parent), await DepartmentAsync(app, parent));
        var many = await PeopleAsync(app, large, 6);
        var few = await PeopleAsync(app, small, 2);
        var manager = (await PeopleAsync(app, large, 1, roles: [Roles.Manager, Roles.Employee]))[0];
        var hr = await app.ApiClientAsync(Hr);
        var survey = await LaunchForAsync(hr, parent, "Small group");
        foreach (var p in many)
        {
            await SubmitAsync(app, survey, p, value: 5, comment: "all good");
        }
        foreach (var p in few)
        {
            await SubmitAsync(app, survey, p, value: 1, comment: "secret of the small team");
        }
        Assert.Equal(HttpStatusCode.OK, (await hr.PostAsync($"/api/v1/surveys/{survey}/close", null)).StatusCode);

        var whole = await (await hr.GetAsync($"/api/v1/surveys/{survey}/results?department={parent}")).JsonAsync();
        var smallRow = Row(whole, small);
        Assert.False(smallRow.GetProperty("shown").GetBoolean());
        Assert.Equal(JsonValueKind.Null, smallRow.GetProperty("responded").ValueKind);
        Assert.All(smallRow.GetProperty("cells").EnumerateArray(), c => Assert.Equal(JsonValueKind.Null, c.GetProperty("favourable").ValueKind));
        // Differencing: with the parent shown, its other child may not be shown too (parent − large = small).
        Assert.False(Row(whole, parent).GetProperty("shown").GetBoolean() && Row(whole, large).GetProperty("shown").GetBoolean());

        var direct = await (await hr.GetAsync($"/api/v1/surveys/{survey}/results?department={small}")).JsonAsync();
        Assert.False(direct.GetProperty("groupShown").GetBoolean());
        Assert.Equal(JsonValueKind.Null, direct.GetProperty("responded").ValueKind);
        Assert.Empty(direct.GetProperty("comments").EnumerateArray());
        Assert.All(direct.GetProperty("questions").EnumerateArray(), q => Assert.Equal(JsonValueKind.Null, q.GetProperty("likert").ValueKind));
        var hrPages = await app.SignedInAsync(Hr);
        var csv = await hrPages.GetStringAsync($"/surveys/{survey}/export?department={small}");
        var page = await hrPages.GetStringAsync($"/surveys/{survey}/results?department={small}");
        Assert.DoesNotContain("secret of the small team", csv + page + direct.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("secret of the small team", (await hrPages.GetStringAsync($"/surveys/{survey}/export?department={large}"))
            + await hr.GetStringAsync($"/api/v1/surveys/{survey}/results?department={large}"), StringComparison.Ordinal);

        // The manager of the large team, through the page and a token: their own group only, never the sibling or the parent.
        var managerApi = await app.ApiClientAsync(manager.Email);
        await (await managerApi.GetAsync($"/api/v1/surveys/{survey}/results?department={small}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await managerApi.GetAsync($"/api/v1/surveys/{survey}/results?department={parent}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        var managerPages = await app.SignedInAsync(manager.Email, TestAccounts.Password);
        await TestAccounts.AssertForbiddenAsync(managerPages, $"/surveys/{survey}/export?department={small}");
        var own = await (await managerApi.GetAsync($"/api/v1/surveys/{survey}/results")).JsonAsync();
        Assert.DoesNotContain("secret of the small team", own.GetRawText(), StringComparison.Ordinal);

        // An employee (page and token) gets no results at all.
        var employeeApi = await app.ApiClientAsync(few[0].Email);
        await (await employeeApi.GetAsync($"/api/v1/surveys/{survey}/results")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await employeeApi.GetAsync($"/api/v1/surveys/{survey}/responses")).AssertProblemAsync(HttpStatusCode.Forbidden);
        var employeePages = await app.SignedInAsync(few[0].Email, TestAccounts.Password);
        await TestAccounts.AssertForbiddenAsync(employeePages, $"/surveys/{survey}/results");
        await TestAccounts.AssertForbiddenAsync(employeePages, $"/surveys/{survey}/export");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_group_with_one_answer_and_a_group_with_none_answer_alike_and_so_do_hidden_and_unknown_surveys(DatabaseProvider provider)
    {
        var app = await App(provider);
        await SetThresholdAsync(app, 5);
        var parent = await DepartmentAsync(app);
        var (one, none, big) = (await DepartmentAsync(app, parent), await DepartmentAsync(app, parent), await DepartmentAsync(app, parent));
        var onePeople = await PeopleAsync(app, one, 3);
        await PeopleAsync(app, none, 3);
        var bigPeople = await PeopleAsync(app, big, 6);
        var hr = await app.ApiClientAsync(Hr);
        var survey = await LaunchForAsync(hr, parent, "Alike");
        await SubmitAsync(app, survey, onePeople[0], value: 1);
        foreach (var p in bigPeople)
        {
            await SubmitAsync(app, survey, p);
        }
        Assert.Equal(HttpStatusCode.OK, (await hr.PostAsync($"/api/v1/surveys/{survey}/close", null)).StatusCode);

        var withOne = await (await hr.GetAsync($"/api/v1/surveys/{survey}/results?department={one}")).JsonAsync();
        var withNone = await (await hr.GetAsync($"/api/v1/surveys/{survey}/results?department={none}")).JsonAsync();
        Assert.Equal(Revealing(withNone), Revealing(withOne));
        Assert.Equal(withNone.GetProperty("invited").GetInt32(), withOne.GetProperty("invited").GetInt32());

        // Error messages: a survey that exists but is not addressed to me and one that does not exist answer the same.
        var outsider = (await PeopleAsync(app, await DepartmentAsync(app), 1))[0];
        var api = await app.ApiClientAsync(outsider.Email);
        var questions = await TestAccounts.WithDbAsync(app, db => db.Set<SurveyQuestion>().Where(q => q.SurveyId == survey).Select(q => q.Id).ToListAsync());
        var hidden = await (await api.GetAsync($"/api/v1/surveys/{survey}")).AssertProblemAsync(HttpStatusCode.NotFound);
        var unknown = await (await api.GetAsync("/api/v1/surveys/999999999")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(unknown.GetProperty("detail").GetString(), hidden.GetProperty("detail").GetString());
        var body = new { answers = new[] { new { questionId = questions[0], value = 3 } } };
        var hiddenSubmit = await (await api.PostAsJsonAsync($"/api/v1/surveys/{survey}/responses", body)).AssertProblemAsync(HttpStatusCode.NotFound);
        var unknownSubmit = await (await api.PostAsJsonAsync("/api/v1/surveys/999999999/responses", body)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(unknownSubmit.GetProperty("detail").GetString(), hiddenSubmit.GetProperty("detail").GetString());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Anonymous_responses_are_never_listed_and_carry_no_time_or_insertion_order(DatabaseProvider provider)
    {
        var app = await App(provider);
        await SetThresholdAsync(app, 5);
        var department = await DepartmentAsync(app);
        var people = await PeopleAsync(app, department, 8);
        var hr = await app.ApiClientAsync(Hr);
        var survey = await LaunchForAsync(hr, department, "Order");
        for (var i = 0; i < people.Count; i++)
        {
            await SubmitAsync(app, survey, people[i], value: 1 + (i % 5), comment: $"comment {i}");
        }
        Assert.Equal(HttpStatusCode.OK, (await hr.PostAsync($"/api/v1/surveys/{survey}/close", null)).StatusCode);

        var listed = await (await hr.GetAsync($"/api/v1/surveys/{survey}/responses")).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("anonymous", listed.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var rows = await TestAccounts.WithDbAsync(app, db => db.Set<SurveyResponse>().AsNoTracking().Where(r => r.SurveyId == survey).ToListAsync());
        Assert.Equal(8, rows.Count);
        Assert.All(rows, r => Assert.True(r.UserId is null && r.EmployeeId is null && r.SubmittedUtc is null && r.Id.Version == 4));

        // Comments come in a fresh random order on every request: their order says nothing about who answered first.
        var orders = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 6; i++)
        {
            var view = await (await hr.GetAsync($"/api/v1/surveys/{survey}/results?department={department}")).JsonAsync();
            orders.Add(string.Join(",", view.GetProperty("comments").EnumerateArray().Single().GetProperty("comments").EnumerateArray().Select(c => c.GetString())));
        }
        Assert.True(orders.Count > 1);

        if (provider == DatabaseProvider.Sqlite)
        {
            // Closed in the migration (docs/adr/0011): no rowid numbers rows in insertion order; they sit in primary-key order.
            var schemas = await TestAccounts.WithDbAsync(app, db => db.Database.SqlQueryRaw<string>(
                "SELECT sql AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name IN ('SurveyResponses', 'SurveyAnswers', 'SurveyParticipations')").ToListAsync());
            Assert.Equal(3, schemas.Count);
            Assert.All(schemas, s => Assert.EndsWith("WITHOUT ROWID", s.TrimEnd(), StringComparison.OrdinalIgnoreCase));
            var stored = await TestAccounts.WithDbAsync(app, db => db.Database.SqlQueryRaw<string>(
                "SELECT \"Id\" AS \"Value\" FROM \"SurveyResponses\" WHERE \"SurveyId\" = {0}", survey).ToListAsync());
            Assert.Equal(stored.Order(StringComparer.Ordinal), stored);
            await Assert.ThrowsAnyAsync<Exception>(() => TestAccounts.WithDbAsync(app, db => db.Database.SqlQueryRaw<long>(
                "SELECT rowid AS \"Value\" FROM \"SurveyResponses\"").ToListAsync()));
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_survey_list_hides_answer_counts_below_k(DatabaseProvider provider)
    {
        var app = await App(provider);
        await SetThresholdAsync(app, 5);
        var department = await DepartmentAsync(app);
        var people = await PeopleAsync(app, department, 6);
        var hr = await app.ApiClientAsync(Hr);
        var title = $"Count {Guid.NewGuid():N}"[..20];
        var survey = await LaunchForAsync(hr, department, title);
        var hrPages = await app.SignedInAsync(Hr);
        string Row(string page) => page[page.IndexOf(title, StringComparison.Ordinal)..page.IndexOf($"/surveys/{survey}/edit", StringComparison.Ordinal)];

        Assert.Contains("<td>0</td>", Row(await hrPages.GetStringAsync("/surveys/manage")), StringComparison.Ordinal);
        await SubmitAsync(app, survey, people[0]);
        var one = Row(await hrPages.GetStringAsync("/surveys/manage"));
        Assert.Contains("fewer than 5 responses", one, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>1</td>", one, StringComparison.Ordinal);
        foreach (var p in people.Skip(1).Take(4))
        {
            await SubmitAsync(app, survey, p);
        }
        Assert.Contains("<td>5</td>", Row(await hrPages.GetStringAsync("/surveys/manage")), StringComparison.Ordinal);
    }
}
