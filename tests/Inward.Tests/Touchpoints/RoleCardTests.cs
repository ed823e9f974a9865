using System.Net;
using System.Net.Http.Json;
using Inward.Features.Touchpoints;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Inward.Platform.Metrics;
using Inward.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Inward.Tests.Touchpoints.TouchpointTestData;

namespace Inward.Tests.Touchpoints;

public sealed class RoleCardTests(Apps apps) : IntegrationTest(apps)
{
    private const string AcceptButton = "I have read and accept this";
    private const string HomePrompt = "Read and accept";

    [Theory, MemberData(nameof(Providers))]
    public async Task A_published_card_reaches_its_role_and_a_new_version_asks_again(DatabaseProvider provider)
    {
        var app = await App(provider);
        var role = await CreateJobRoleAsync(app);
        var (email, employeeId) = await CreatePersonAsync(app, role);
        var editor = await app.SignedInAsync(Editor, InwardApp.Password);
        var employee = await SignInAsync(app, email);
        var marker = Unique("Promise");

        Assert.DoesNotContain(HomePrompt, await (await employee.GetAsync("/")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var published = await PublishCardAsync(editor, role, $"**{marker}** <script>alert('x')</script>", "Smile\nListen first\nCall back\nLog it");
        Assert.Equal($"/role-cards/{role}?done=published", published.Headers.Location?.OriginalString);

        var card = await (await employee.GetAsync("/expectations")).Content.ReadAsStringAsync();
        Assert.Contains($"<strong>{marker}</strong>", card, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", card, StringComparison.Ordinal);
        Assert.Contains("Listen first", card, StringComparison.Ordinal);
        Assert.Contains(AcceptButton, card, StringComparison.Ordinal);
        var home = await (await employee.GetAsync("/")).Content.ReadAsStringAsync();
        Assert.Contains(marker, home, StringComparison.Ordinal);
        Assert.Contains("Call back", home, StringComparison.Ordinal);
        Assert.DoesNotContain("Log it", home, StringComparison.Ordinal);
        Assert.Contains(HomePrompt, home, StringComparison.Ordinal);

        for (var i = 0; i < 2; i++)
        {
            var accepted = await InwardApp.PostFormAsync(employee, "/expectations", new() { ["Version"] = "1" });
            Assert.Equal("/expectations?done=accepted", accepted.Headers.Location?.OriginalString);
        }
        Assert.Equal(1, await AcknowledgementsAsync(app, employeeId));
        Assert.DoesNotContain(AcceptButton, await (await employee.GetAsync("/expectations")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        home = await (await employee.GetAsync("/")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(HomePrompt, home, StringComparison.Ordinal);
        Assert.Contains("You accepted this version", home, StringComparison.Ordinal);

        var unchanged = await PublishCardAsync(editor, role, $"**{marker}** <script>alert('x')</script>", "Smile\nListen first\nCall back\nLog it");
        Assert.Equal(HttpStatusCode.OK, unchanged.StatusCode);
        Assert.Contains("Nothing has changed since version 1", await unchanged.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await PublishCardAsync(editor, role, $"**{marker}** v2", "Smile\nListen first");
        Assert.Contains(HomePrompt, await (await employee.GetAsync("/")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var stale = await InwardApp.PostFormAsync(employee, "/expectations", new() { ["Version"] = "1" });
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("A newer version of your card was published", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var api = await app.ApiClientAsync(email);
        var mine = await (await api.GetAsync("/api/v1/role-cards/mine")).JsonAsync();
        Assert.Equal(2, mine.GetProperty("card").GetProperty("version").GetInt32());
        Assert.False(mine.GetProperty("acknowledged").GetBoolean());
        await (await api.PostAsJsonAsync("/api/v1/role-cards/mine/acknowledgement", new { version = 1 })).AssertProblemAsync(HttpStatusCode.Conflict);
        for (var i = 0; i < 2; i++)
        {
            var ok = await api.PostAsJsonAsync("/api/v1/role-cards/mine/acknowledgement", new { version = 2 });
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            Assert.True((await ok.JsonAsync()).GetProperty("acknowledged").GetBoolean());
        }
        Assert.Equal(2, await AcknowledgementsAsync(app, employeeId));
        var all = await (await api.GetAsync("/api/v1/role-cards")).JsonAsync();
        Assert.Contains(all.EnumerateArray(), c => c.GetProperty("jobRoleId").GetInt32() == role && c.GetProperty("version").GetInt32() == 2);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_card_lists_the_touchpoints_its_role_owns(DatabaseProvider provider)
    {
        var app = await App(provider);
        var role = await CreateJobRoleAsync(app);
        var (email, _) = await CreatePersonAsync(app, role);
        var editorApi = await app.ApiClientAsync(Editor);
        var name = Unique("Doorstep ");
        var created = await editorApi.PostAsJsonAsync("/api/v1/touchpoints", new { name, channel = "Delivery", brandPromise = "On time.", jobRoleIds = new[] { role } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await PublishCardAsync(await app.SignedInAsync(Editor, InwardApp.Password), role, "Deliver joy.", "Call ahead");

        var page = await (await (await SignInAsync(app, email)).GetAsync("/expectations")).Content.ReadAsStringAsync();
        var mine = await (await (await app.ApiClientAsync(email)).GetAsync("/api/v1/role-cards/mine")).JsonAsync();

        Assert.Contains(name, page, StringComparison.Ordinal);
        Assert.Equal([name], mine.GetProperty("card").GetProperty("touchpoints").EnumerateArray().Select(t => t.GetProperty("name").GetString()));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Card_validation_errors_are_shown_and_nothing_is_saved(DatabaseProvider provider)
    {
        var app = await App(provider);
        var role = await CreateJobRoleAsync(app);
        var editor = await app.SignedInAsync(Editor, InwardApp.Password);

        var response = await PublishCardAsync(editor, role, "", "", new()
        {
            ["Input.Kpis[0].Text"] = "Calls answered",
            ["Input.Kpis[0].MetricKey"] = "no.such-metric",
            ["Input.Training[0].Title"] = "Phone skills",
            ["Input.Training[0].Url"] = "javascript:alert(1)",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Enter the brand promise for this role.", html, StringComparison.Ordinal);
        Assert.Contains("There is no metric no.such-metric.", html, StringComparison.Ordinal);
        Assert.Contains("A training link must be a full http:// or https:// address.", html, StringComparison.Ordinal);
        Assert.False(await WithDbAsync(app, db => db.Set<RoleCard>().AnyAsync(c => c.JobRoleId == role)));
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync("/role-cards/999999")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_draft_is_not_shown_to_employees_until_it_is_published(DatabaseProvider provider)
    {
        var app = await App(provider);
        var role = await CreateJobRoleAsync(app);
        var (email, _) = await CreatePersonAsync(app, role);
        var editor = await app.SignedInAsync(Editor, InwardApp.Password);

        var saved = await InwardApp.PostFormAsync(editor, $"/role-cards/{role}", new()
        {
            ["Input.BrandPromise"] = "Draft promise",
            ["Input.Kpis[0].Text"] = "Acknowledged by all",
            ["Input.Kpis[0].MetricKey"] = "touchpoints.role-card-acknowledgement",
            ["Input.Training[0].Title"] = "Tone of voice",
            ["Input.Training[0].Url"] = "https://learning.example/tone",
        });

        Assert.Equal($"/role-cards/{role}?done=saved", saved.Headers.Location?.OriginalString);
        var card = await WithDbAsync(app, db => db.Set<RoleCard>().Include(c => c.Kpis).Include(c => c.Training).SingleAsync(c => c.JobRoleId == role));
        Assert.Equal(0, card.PublishedVersion);
        Assert.Equal("touchpoints.role-card-acknowledgement", Assert.Single(card.Kpis).MetricKey);
        Assert.Equal("https://learning.example/tone", Assert.Single(card.Training).Url);
        var page = await (await (await SignInAsync(app, email)).GetAsync("/expectations")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("Draft promise", page, StringComparison.Ordinal);
        Assert.Contains("There is no published card for your job role", page, StringComparison.Ordinal);
        Assert.Contains("Draft", await (await editor.GetAsync("/role-cards")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task People_without_an_employee_record_or_a_card_get_a_friendly_page_and_no_home_card(DatabaseProvider provider)
    {
        var app = await App(provider);
        var (noRecord, _, _) = await Admin.TestAccounts.CreateAsync(app, [Roles.Employee], withEmployee: false);
        var (noCard, _) = await CreatePersonAsync(app, await CreateJobRoleAsync(app));

        var a = await SignInAsync(app, noRecord);
        var b = await SignInAsync(app, noCard);

        Assert.Contains("not linked to an employee record", await (await a.GetAsync("/expectations")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("There is no published card for your job role", await (await b.GetAsync("/expectations")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        foreach (var client in new[] { a, b })
        {
            var home = await client.GetAsync("/");
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
            Assert.DoesNotContain("expectations-home", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        await (await (await app.ApiClientAsync(noCard)).GetAsync("/api/v1/role-cards/mine")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await (await app.ApiClientAsync(noRecord)).GetAsync("/api/v1/role-cards/mine")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_manager_sees_only_their_own_team_in_the_acknowledgement_view(DatabaseProvider provider)
    {
        var app = await App(provider);
        var role = await CreateJobRoleAsync(app);
        var (managerEmail, managerId) = await CreatePersonAsync(app, null, roles: [Roles.Manager, Roles.Employee]);
        var lead = await CreateEmployeeAsync(app, role, managerId: managerId);
        var indirect = await CreateEmployeeAsync(app, role, managerId: lead);
        var stranger = await CreateEmployeeAsync(app, role);
        var editor = await app.SignedInAsync(Editor, InwardApp.Password);
        await PublishCardAsync(editor, role, "Promise", "Behave");
        await AcknowledgeAsync(app, indirect);

        var manager = await SignInAsync(app, managerEmail);
        var page = await (await manager.GetAsync($"/role-cards/{role}/acknowledgements")).Content.ReadAsStringAsync();
        var all = await (await editor.GetAsync($"/role-cards/{role}/acknowledgements")).Content.ReadAsStringAsync();

        Assert.Contains($"/people/{lead}\"", page, StringComparison.Ordinal);
        Assert.Contains($"/people/{indirect}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"/people/{stranger}\"", page, StringComparison.Ordinal);
        Assert.Contains("1 of 2 people have accepted it", page, StringComparison.Ordinal);
        Assert.Contains($"/people/{stranger}\"", all, StringComparison.Ordinal);
        Assert.Contains("1 of 3 people have accepted it", all, StringComparison.Ordinal);

        var csv = await InwardApp.PostFormAsync(manager, $"/role-cards/{role}/acknowledgements", [], $"/role-cards/{role}/acknowledgements?handler=Export");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("Name,E-mail,", lines[0], StringComparison.Ordinal);
        var leadEmail = await WithDbAsync(app, db => db.Employees.Where(e => e.Id == lead).Select(e => e.Email).SingleAsync());
        Assert.Contains(leadEmail, lines[1], StringComparison.Ordinal);

        var team = await (await manager.GetAsync("/team/expectations")).Content.ReadAsStringAsync();
        Assert.Contains($"/people/{lead}\"", team, StringComparison.Ordinal);
        Assert.Contains($"/people/{indirect}\"", team, StringComparison.Ordinal);
        Assert.DoesNotContain($"/people/{stranger}\"", team, StringComparison.Ordinal);
        Assert.Contains("1 of your 2 reports have not accepted", team, StringComparison.Ordinal);

        await Admin.TestAccounts.AssertForbiddenAsync(await app.SignedInAsync("employee@demo.example", InwardApp.Password), $"/role-cards/{role}/acknowledgements");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Csv_export_defuses_formulas_in_names(DatabaseProvider provider)
    {
        var app = await App(provider);
        var role = await CreateJobRoleAsync(app);
        var id = await CreateEmployeeAsync(app, role);
        await WithDbAsync(app, async db =>
        {
            var e = await db.Employees.SingleAsync(x => x.Id == id);
            e.Name = "=HYPERLINK(\"http://evil.example\")";
            return await db.SaveChangesAsync();
        });
        var editor = await app.SignedInAsync(Editor, InwardApp.Password);
        await PublishCardAsync(editor, role, "Promise", "Behave");

        var csv = await (await InwardApp.PostFormAsync(editor, $"/role-cards/{role}/acknowledgements", [], $"/role-cards/{role}/acknowledgements?handler=Export"))
            .Content.ReadAsStringAsync();

        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\")\"", csv, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Role_card_metrics_follow_publishing_and_acknowledgements(DatabaseProvider provider)
    {
        var app = await App(provider);
        var department = await CreateDepartmentAsync(app);
        var role = await CreateJobRoleAsync(app);
        var first = await CreateEmployeeAsync(app, role, department);
        await CreateEmployeeAsync(app, role, department);
        await CreateEmployeeAsync(app, await CreateJobRoleAsync(app), department);
        var scope = new MetricScope(department);

        Assert.Equal(0m, await MetricAsync(app, "touchpoints.role-card-coverage", scope));
        Assert.Null(await MetricAsync(app, "touchpoints.role-card-acknowledgement", scope));

        await PublishCardAsync(await app.SignedInAsync(Editor, InwardApp.Password), role, "Promise", "Behave");
        Assert.Equal(66.67m, await MetricAsync(app, "touchpoints.role-card-coverage", scope));
        Assert.Equal(0m, await MetricAsync(app, "touchpoints.role-card-acknowledgement", scope));

        await AcknowledgeAsync(app, first);
        Assert.Equal(50m, await MetricAsync(app, "touchpoints.role-card-acknowledgement", scope));

        var before = await MetricAsync(app, "touchpoints.count", MetricScope.Company);
        var created = await (await app.ApiClientAsync(Editor)).PostAsJsonAsync("/api/v1/touchpoints",
            new { name = Unique("Counted "), channel = "Chat", brandPromise = "Quick answers." });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(before + 1, await MetricAsync(app, "touchpoints.count", MetricScope.Company));
        var registry = await WithScopeAsync(app, sp => Task.FromResult(sp.GetRequiredService<MetricRegistry>().Find("touchpoints.count")));
        Assert.False(registry!.ByDepartment);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_demo_employee_has_a_published_card_on_the_home_page(DatabaseProvider provider)
    {
        var app = await App(provider);
        var employee = await app.SignedInAsync("employee@demo.example", InwardApp.Password);

        var home = await (await employee.GetAsync("/")).Content.ReadAsStringAsync();
        var mine = await (await (await app.ApiClientAsync("employee@demo.example")).GetAsync("/api/v1/role-cards/mine")).JsonAsync();

        Assert.Contains("expectations-home", home, StringComparison.Ordinal);
        Assert.True(mine.GetProperty("card").GetProperty("jobRole").GetString() is "Service agent" or "Team lead");
        Assert.NotEmpty(mine.GetProperty("card").GetProperty("touchpoints").EnumerateArray());
        Assert.True(await WithDbAsync(app, db => db.Set<RoleCardAcknowledgement>().AnyAsync()));
    }

    private static async Task<decimal?> MetricAsync(InwardApp app, string key, MetricScope scope) =>
        await WithScopeAsync(app, async sp => (await sp.GetRequiredService<MetricRegistry>().EvaluateAsync(key, scope))!.Value);

    private static async Task<T> WithScopeAsync<T>(InwardApp app, Func<IServiceProvider, Task<T>> use)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider);
    }

    private static async Task AcknowledgeAsync(InwardApp app, int employeeId) =>
        await WithScopeAsync(app, async sp =>
        {
            var cards = sp.GetRequiredService<RoleCardQueries>();
            var mine = (await cards.ForEmployeeAsync(employeeId))!;
            return Assert.IsType<AcknowledgeOutcome>(await cards.AcknowledgeAsync(employeeId, mine.Card!.Version));
        });

    private static Task<int> AcknowledgementsAsync(InwardApp app, int employeeId) =>
        WithDbAsync(app, db => db.Set<RoleCardAcknowledgement>().CountAsync(a => a.EmployeeId == employeeId));
}
