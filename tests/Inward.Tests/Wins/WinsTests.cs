using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Inward.Features.Audiences;
using Inward.Features.People;
using Inward.Features.Posts;
using Inward.Features.Wins;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Inward.Platform.Metrics;
using Inward.Tests.Admin;
using Inward.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inward.Tests.Wins;

/// <summary>Wins: logging, the feed and its filters, editing one's own, success-story drafts, the API and the metrics.</summary>
public sealed class WinsTests(Apps apps) : IntegrationTest(apps)
{
    private static readonly int[] UnknownPeople = [999999999];

    private static string Today => DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<(int Id, string Name)> DepartmentAsync(InwardApp app) => await TestAccounts.WithDbAsync(app, async db =>
    {
        var department = new Department { Name = $"Wins {Guid.NewGuid():N}"[..30] };
        db.Departments.Add(department);
        await db.SaveChangesAsync();
        return (department.Id, department.Name);
    });

    private static async Task<(string Email, int EmployeeId, string Name)> PersonAsync(InwardApp app, int? departmentId, string[]? roles = null)
    {
        var (email, _, employeeId) = await TestAccounts.CreateAsync(app, roles ?? [Roles.Employee]);
        var name = await TestAccounts.WithDbAsync(app, async db =>
        {
            var e = await db.Employees.SingleAsync(x => x.Id == employeeId);
            e.DepartmentId = departmentId;
            await db.SaveChangesAsync();
            return e.Name;
        });
        return (email, employeeId!.Value, name);
    }

    private static Dictionary<string, string> Form(string title, string kind = "ContractSigned", string people = "", int? department = null,
        string? date = null, string evidence = "Order 42", string url = "https://crm.example/42")
    {
        var form = new Dictionary<string, string>
        {
            ["Input.Title"] = title, ["Input.Kind"] = kind, ["Input.Description"] = "We **won** it.", ["Input.WonOn"] = date ?? Today,
            ["Input.People"] = people, ["Input.Evidence"] = evidence, ["Input.EvidenceUrl"] = url,
        };
        if (department is { } d)
        {
            form["Input.Departments"] = d.ToString(CultureInfo.InvariantCulture);
        }
        return form;
    }

    private static async Task<int> LogAsync(HttpClient client, Dictionary<string, string> form)
    {
        var response = await InwardApp.PostFormAsync(client, "/wins/new", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Matches("^/wins/[0-9]+$", response.Headers.Location!.OriginalString);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/')[2], CultureInfo.InvariantCulture);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_employee_logs_a_win_with_team_credit_and_everyone_internal_sees_it_in_the_filtered_feed(DatabaseProvider provider)
    {
        var app = await App(provider);
        var (department, departmentName) = await DepartmentAsync(app);
        var colleague = await PersonAsync(app, department);
        var author = await PersonAsync(app, null);
        var client = await app.SignedInAsync(author.Email, TestAccounts.Password);
        var title = $"Win {Guid.NewGuid():N}";

        var id = await LogAsync(client, Form(title, "CustomerPraise", people: colleague.Email, department: department));

        var page = await (await app.SignedInAsync("employee@demo.example")).GetStringAsync($"/wins/{id}");
        Assert.Contains(title, page, StringComparison.Ordinal);
        Assert.Contains("<strong>won</strong>", page, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(colleague.Name), page, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(departmentName), page, StringComparison.Ordinal);
        Assert.Contains("https://crm.example/42", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Turn into success story", page, StringComparison.Ordinal);
        Assert.Contains(title, await client.GetStringAsync($"/wins?department={department}"), StringComparison.Ordinal);
        Assert.Contains(title, await client.GetStringAsync($"/wins?department={department}&kind=CustomerPraise"), StringComparison.Ordinal);
        Assert.DoesNotContain(title, await client.GetStringAsync($"/wins?department={department}&kind=ContractSigned"), StringComparison.Ordinal);
        var (other, _) = await DepartmentAsync(app);
        Assert.DoesNotContain(title, await client.GetStringAsync($"/wins?department={other}"), StringComparison.Ordinal);
        // A win credited only to a person is found under that person's department too.
        var personal = await LogAsync(client, Form($"Personal {title}", people: colleague.Name));
        Assert.Contains($"Personal {title}", await client.GetStringAsync($"/wins?department={department}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/wins/999999999")).StatusCode);
        Assert.NotEqual(personal, id);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_win_with_bad_input_shows_the_errors_and_saves_nothing(DatabaseProvider provider)
    {
        var app = await App(provider);
        var client = await app.SignedInAsync("employee@demo.example");
        var title = $"Bad {Guid.NewGuid():N}";
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(2)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var response = await InwardApp.PostFormAsync(client, "/wins/new",
            Form(title, people: "Nobody Called This", date: tomorrow, url: "javascript:alert(1)"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Nobody called “Nobody Called This” was found.", html, StringComparison.Ordinal);
        Assert.Contains("The date of the win cannot be in the future.", html, StringComparison.Ordinal);
        Assert.Contains("The evidence link must be an http or https address.", html, StringComparison.Ordinal);
        Assert.False(await TestAccounts.WithDbAsync(app, db => db.Set<Win>().AnyAsync(w => w.Title == title)));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Only_the_author_edits_a_win(DatabaseProvider provider)
    {
        var app = await App(provider);
        var author = await PersonAsync(app, null);
        var client = await app.SignedInAsync(author.Email, TestAccounts.Password);
        var id = await LogAsync(client, Form($"Mine {Guid.NewGuid():N}"));
        var other = await app.SignedInAsync("employee@demo.example");

        await TestAccounts.AssertForbiddenAsync(other, $"/wins/{id}/edit");
        var api = await app.ApiClientAsync("employee@demo.example");
        await (await api.PutAsJsonAsync($"/api/v1/wins/{id}", new { title = "Hijacked", kind = "Other", description = "x", wonOn = Today }))
            .AssertProblemAsync(HttpStatusCode.Forbidden);

        Assert.Contains("Edit", await client.GetStringAsync($"/wins/{id}"), StringComparison.Ordinal);
        var changed = Form("Renamed win", "Other");
        changed["Input.People"] = "";
        var response = await InwardApp.PostFormAsync(client, $"/wins/{id}/edit", changed);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var win = await TestAccounts.WithDbAsync(app, db => db.Set<Win>().AsNoTracking().SingleAsync(w => w.Id == id));
        Assert.Equal(("Renamed win", WinKind.Other), (win.Title, win.Kind));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_communicator_turns_a_win_into_one_success_story_draft_for_the_credited_departments(DatabaseProvider provider)
    {
        var app = await App(provider);
        var (department, departmentName) = await DepartmentAsync(app);
        var colleague = await PersonAsync(app, department);
        var client = await app.SignedInAsync("employee@demo.example");
        var title = $"Story {Guid.NewGuid():N}";
        var id = await LogAsync(client, Form(title, people: colleague.Email, department: department));

        var refused = await InwardApp.PostFormAsync(client, $"/wins/{id}", [], $"/wins/{id}?handler=Story");
        Assert.StartsWith("/account/access-denied", refused.Headers.Location!.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.False(await TestAccounts.WithDbAsync(app, db => db.Set<Post>().AnyAsync(p => p.Title == title)));
        var comms = await app.SignedInAsync("comms@demo.example");
        Assert.Contains("Turn into success story", await comms.GetStringAsync($"/wins/{id}"), StringComparison.Ordinal);

        var response = await InwardApp.PostFormAsync(comms, $"/wins/{id}", [], $"/wins/{id}?handler=Story");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Matches("^/posts/[0-9]+/edit$", response.Headers.Location!.OriginalString);
        var post = await TestAccounts.WithDbAsync(app, db => db.Set<Post>().AsNoTracking().SingleAsync(p => p.Title == title));
        Assert.Equal($"/posts/{post.Id}/edit", response.Headers.Location!.OriginalString);
        Assert.Equal((PostType.SuccessStory, PostStatus.Draft), (post.Type, post.Status));
        Assert.Contains("We **won** it.", post.Body, StringComparison.Ordinal);
        Assert.Contains(colleague.Name, post.Body, StringComparison.Ordinal);
        Assert.Contains(departmentName, post.Body, StringComparison.Ordinal);
        Assert.Contains("Order 42", post.Body, StringComparison.Ordinal);
        var clause = Assert.Single(AudienceRule.FromJson(post.AudienceJson)!.Include);
        Assert.Equal([department], clause.Departments.Select(d => d.Id));
        Assert.Equal(post.Id, await TestAccounts.WithDbAsync(app, db => db.Set<Win>().Where(w => w.Id == id).Select(w => w.StoryPostId).SingleAsync()));
        Assert.Equal(HttpStatusCode.OK, (await comms.GetAsync($"/posts/{post.Id}/edit")).StatusCode);

        // Once told, the button opens the same story; the API answers with it instead of a second draft.
        Assert.Contains($"/posts/{post.Id}/edit", await comms.GetStringAsync($"/wins/{id}"), StringComparison.Ordinal);
        var again = await (await app.ApiClientAsync("comms@demo.example")).PostAsync($"/api/v1/wins/{id}/story", null);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var body = await again.JsonAsync();
        Assert.Equal(post.Id, body.GetProperty("postId").GetInt32());
        Assert.False(body.GetProperty("created").GetBoolean());
        Assert.Equal(1, await TestAccounts.WithDbAsync(app, db => db.Set<Post>().CountAsync(p => p.Title == title)));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_wins_api_lists_creates_updates_and_tells_stories_with_problem_details(DatabaseProvider provider)
    {
        var app = await App(provider);
        var (department, _) = await DepartmentAsync(app);
        var colleague = await PersonAsync(app, department);
        var api = await app.ApiClientAsync("employee@demo.example");
        var title = $"Api {Guid.NewGuid():N}";

        var invalid = await (await api.PostAsJsonAsync("/api/v1/wins", new { title = "", kind = "Boasting", people = UnknownPeople }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        var errors = invalid.GetProperty("errors");
        Assert.True(errors.TryGetProperty("title", out _));
        Assert.True(errors.TryGetProperty("kind", out _));
        Assert.True(errors.TryGetProperty("people", out _));

        var created = await api.PostAsJsonAsync("/api/v1/wins", new
        {
            title, kind = "SalesTargetReached", description = "Target met.", wonOn = Today, people = new[] { colleague.EmployeeId },
            departments = new[] { department }, evidenceUrl = "https://crm.example/7",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var win = await created.JsonAsync();
        var id = win.GetProperty("id").GetInt32();
        Assert.Equal($"/api/v1/wins/{id}", created.Headers.Location!.OriginalString);
        Assert.True(win.GetProperty("mine").GetBoolean());
        Assert.Equal(colleague.Name, win.GetProperty("people")[0].GetProperty("name").GetString());

        var list = await (await api.GetAsync($"/api/v1/wins?department={department}&kind=SalesTargetReached")).JsonAsync();
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        Assert.Equal(title, list.GetProperty("items")[0].GetProperty("title").GetString());
        await (await api.GetAsync("/api/v1/wins?kind=Nope")).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await api.GetAsync("/api/v1/wins/999999999")).AssertProblemAsync(HttpStatusCode.NotFound);

        var updated = await api.PutAsJsonAsync($"/api/v1/wins/{id}", new { title = title + " (updated)", kind = "Other", description = "Still met.", wonOn = Today });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Empty((await updated.JsonAsync()).GetProperty("departments").EnumerateArray());

        await (await api.PostAsync($"/api/v1/wins/{id}/story", null)).AssertProblemAsync(HttpStatusCode.Forbidden);
        var story = await (await app.ApiClientAsync("comms@demo.example")).PostAsync($"/api/v1/wins/{id}/story", null);
        Assert.Equal(HttpStatusCode.Created, story.StatusCode);
        var postId = (await story.JsonAsync()).GetProperty("postId").GetInt32();
        var audience = await TestAccounts.WithDbAsync(app, db => db.Set<Post>().Where(p => p.Id == postId).Select(p => p.AudienceJson).SingleAsync());
        Assert.True(Assert.Single(AudienceRule.FromJson(audience)!.Include).Everyone);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Metrics_count_wins_logged_and_told_per_department(DatabaseProvider provider)
    {
        var app = await App(provider);
        var (department, _) = await DepartmentAsync(app);
        var colleague = await PersonAsync(app, department);
        var api = await app.ApiClientAsync("employee@demo.example");
        for (var i = 0; i < 2; i++)
        {
            var response = await api.PostAsJsonAsync("/api/v1/wins", new
            {
                title = $"Metric {i} {Guid.NewGuid():N}", kind = "Other", description = "x", wonOn = Today, people = new[] { colleague.EmployeeId },
            });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            if (i == 0)
            {
                var id = (await response.JsonAsync()).GetProperty("id").GetInt32();
                Assert.Equal(HttpStatusCode.Created, (await (await app.ApiClientAsync("comms@demo.example")).PostAsync($"/api/v1/wins/{id}/story", null)).StatusCode);
            }
        }

        await using var scope = app.Services.CreateAsyncScope();
        var providers = scope.ServiceProvider.GetServices<IMetricProvider>();
        var wins = providers.Single(p => p.Definitions.Any(d => d.Key == "wins.logged-30d"));
        var scopeOf = new MetricScope(department);
        Assert.Equal(2m, (await wins.EvaluateAsync("wins.logged-30d", scopeOf, default)).Value);
        Assert.Equal(2m, (await wins.EvaluateAsync("wins.logged-90d", scopeOf, default)).Value);
        Assert.Equal(1m, (await wins.EvaluateAsync("wins.stories-90d", scopeOf, default)).Value);
        Assert.Equal(50m, (await wins.EvaluateAsync("wins.story-share-90d", scopeOf, default)).Value);
        var registry = scope.ServiceProvider.GetRequiredService<MetricRegistry>();
        Assert.NotNull(registry.Find("wins.logged-30d"));
        Assert.True((await registry.EvaluateAsync("wins.logged-30d", MetricScope.Company))!.Value >= 2m);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_demo_has_wins_and_one_is_already_the_published_success_story(DatabaseProvider provider)
    {
        var app = await App(provider);
        var demo = await TestAccounts.WithDbAsync(app, db => db.Set<Win>().AsNoTracking().Where(w => w.Title == "Lyon city bike-share contract signed").SingleAsync());

        Assert.NotNull(demo.StoryPostId);
        var story = await TestAccounts.WithDbAsync(app, db => db.Set<Post>().AsNoTracking().SingleAsync(p => p.Id == demo.StoryPostId));
        Assert.Equal(PostType.SuccessStory, story.Type);
        Assert.True(await TestAccounts.WithDbAsync(app, db => db.Set<WinDepartment>().AnyAsync(d => d.WinId == demo.Id)));
        var page = await (await app.SignedInAsync("employee@demo.example")).GetStringAsync("/wins");
        Assert.Contains("Lyon city bike-share contract signed", page, StringComparison.Ordinal);
    }
}
