using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Inward.Features.InternalCustomers;
using Inward.Features.People;
using Inward.Platform.Data;
using Inward.Platform.Metrics;
using Inward.Tests.Admin;
using Inward.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inward.Tests.InternalCustomers;

public sealed class ServiceMapTests(Apps apps) : IntegrationTest(apps)
{
    private const string HR = "hr@demo.example";
    private const string Employee = "employee@demo.example";

    private static string S(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static async Task<(int A, int B, string NameA, string NameB)> TwoDepartmentsAsync(InwardApp app)
    {
        var (a, b) = (Unique("Svc A "), Unique("Svc B "));
        var ids = await TestAccounts.WithDbAsync(app, async db =>
        {
            var da = db.Departments.Add(new Department { Name = a }).Entity;
            var dbb = db.Departments.Add(new Department { Name = b }).Entity;
            await db.SaveChangesAsync();
            return (da.Id, dbb.Id);
        });
        return (ids.Item1, ids.Item2, a, b);
    }

    private static Dictionary<string, string> Form(int from, int to, string delivers = "Spare parts", string expectations = "Reply within 4 working hours") => new()
    {
        ["Input.FromDepartmentId"] = S(from),
        ["Input.ToDepartmentId"] = S(to),
        ["Input.Delivers"] = delivers,
        ["Input.NeedsAndWants"] = "Parts on time",
        ["Input.Expectations"] = expectations,
    };

    private static Task<HttpResponseMessage> CreateAsync(HttpClient client, Dictionary<string, string> form) =>
        InwardApp.PostFormAsync(client, "/internal-customers/new", form);

    private static Task<List<ServiceEdge>> EdgesBetweenAsync(InwardApp app, int a, int b) =>
        TestAccounts.WithDbAsync(app, db => db.Set<ServiceEdge>().AsNoTracking()
            .Where(e => (e.FromDepartmentId == a && e.ToDepartmentId == b) || (e.FromDepartmentId == b && e.ToDepartmentId == a)).ToListAsync());

    private static async Task<string> TextAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    [Theory, MemberData(nameof(Providers))]
    public async Task An_editor_adds_links_both_ways_but_never_a_self_link_or_the_same_pair_twice(DatabaseProvider provider)
    {
        var app = await App(provider);
        var hr = await app.SignedInAsync(HR);
        var (a, b, nameA, nameB) = await TwoDepartmentsAsync(app);

        var created = await CreateAsync(hr, Form(a, b));
        var self = await CreateAsync(hr, Form(a, a));
        var duplicate = await CreateAsync(hr, Form(a, b, "Something else"));
        var back = await CreateAsync(hr, Form(b, a, "Feedback"));

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Matches(@"^/internal-customers/\d+\?done=saved$", created.Headers.Location!.OriginalString);
        Assert.Contains("A department cannot serve itself: choose two different departments.", await TextAsync(self), StringComparison.Ordinal);
        Assert.Contains($"{nameA} already serves {nameB} on the map: edit that link instead.", await TextAsync(duplicate), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        var edges = await EdgesBetweenAsync(app, a, b);
        Assert.Equal(2, edges.Count);
        Assert.Equal("Spare parts", edges.Single(e => e.FromDepartmentId == a).Delivers);
        Assert.Equal(0, await TestAccounts.WithDbAsync(app, db => db.Set<ServiceEdge>().CountAsync(e => e.FromDepartmentId == a && e.ToDepartmentId == a)));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_unknown_department_or_owner_is_a_page_error_and_saves_nothing(DatabaseProvider provider)
    {
        var app = await App(provider);
        var hr = await app.SignedInAsync(HR);
        var (a, b, _, _) = await TwoDepartmentsAsync(app);
        var unknownTo = Form(a, 999_999);
        var unknownOwner = Form(a, b);
        unknownOwner["Input.ServingOwnerId"] = "999999";
        var empty = Form(a, b, delivers: " ");

        Assert.Contains("The served department does not exist.", await TextAsync(await CreateAsync(hr, unknownTo)), StringComparison.Ordinal);
        Assert.Contains("The owner on the serving side must be an active employee.", await TextAsync(await CreateAsync(hr, unknownOwner)), StringComparison.Ordinal);
        Assert.Contains("Say what the serving department delivers.", await TextAsync(await CreateAsync(hr, empty)), StringComparison.Ordinal);
        Assert.Empty(await EdgesBetweenAsync(app, a, b));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Editing_and_deleting_a_link_and_unknown_ids_are_404(DatabaseProvider provider)
    {
        var app = await App(provider);
        var hr = await app.SignedInAsync(HR);
        var (a, b, _, _) = await TwoDepartmentsAsync(app);
        var owner = await TestAccounts.WithDbAsync(app, db => db.Employees.Where(e => e.Email == HR).Select(e => e.Id).SingleAsync());
        await CreateAsync(hr, Form(a, b));
        var id = (await EdgesBetweenAsync(app, a, b)).Single().Id;
        var change = Form(a, b, "Repaired wheels", "Same day");
        change["Input.ServingOwnerId"] = S(owner);

        var saved = await InwardApp.PostFormAsync(hr, $"/internal-customers/{id}", change);
        var edited = (await EdgesBetweenAsync(app, a, b)).Single();
        var deleted = await InwardApp.PostFormAsync(hr, $"/internal-customers/{id}", [], $"/internal-customers/{id}?handler=Delete");

        Assert.Equal($"/internal-customers/{id}?done=saved", saved.Headers.Location?.OriginalString);
        Assert.Equal(("Repaired wheels", "Same day", (int?)owner), (edited.Delivers, edited.Expectations, edited.ServingOwnerId));
        Assert.Equal("/internal-customers?done=deleted", deleted.Headers.Location?.OriginalString);
        Assert.Empty(await EdgesBetweenAsync(app, a, b));
        Assert.Equal(HttpStatusCode.NotFound, (await hr.GetAsync($"/internal-customers/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hr.GetAsync("/internal-customers?department=999999")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_map_draws_departments_and_arrows_and_the_table_lists_the_links(DatabaseProvider provider)
    {
        var app = await App(provider);
        var hr = await app.SignedInAsync(HR);
        var employee = await app.SignedInAsync(Employee);
        var (a, b, nameA, nameB) = await TwoDepartmentsAsync(app);
        await CreateAsync(hr, Form(a, b, "Frames"));
        await CreateAsync(hr, Form(b, a, "Quality findings"));

        var filtered = await TextAsync(await employee.GetAsync($"/internal-customers?department={a}"));
        var all = await TextAsync(await employee.GetAsync("/internal-customers"));

        Assert.Contains("<svg", filtered, StringComparison.Ordinal);
        Assert.Contains("<title id=\"service-map-title\">", filtered, StringComparison.Ordinal);
        Assert.Contains("<desc id=\"service-map-desc\">2 departments and 2 service links.", filtered, StringComparison.Ordinal);
        Assert.Contains($"data-department=\"{a}\"", filtered, StringComparison.Ordinal);
        Assert.Contains($"data-department=\"{b}\"", filtered, StringComparison.Ordinal);
        Assert.Equal(2, CountOf(filtered, "class=\"service-edge two-way\""));
        Assert.Contains($"1. {nameA} serves {nameB}: Frames", filtered, StringComparison.Ordinal);
        Assert.Contains("Quality findings", filtered, StringComparison.Ordinal);
        Assert.Equal(2, CountOf(filtered, "data-department="));
        // Unfiltered: the demo chain is there too, and employees get no edit links.
        Assert.Contains("class=\"service-edge\"", all, StringComparison.Ordinal);
        Assert.Contains("Frames", all, StringComparison.Ordinal);
        Assert.DoesNotContain("/internal-customers/new", all, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_department_page_lists_whom_it_serves_and_who_serves_it(DatabaseProvider provider)
    {
        var app = await App(provider);
        var hr = await app.SignedInAsync(HR);
        var employee = await app.SignedInAsync(Employee);
        var (a, b, nameA, nameB) = await TwoDepartmentsAsync(app);
        await CreateAsync(hr, Form(a, b, "Painted frames"));

        var pageA = await TextAsync(await employee.GetAsync($"/departments/{a}"));
        var pageB = await TextAsync(await employee.GetAsync($"/departments/{b}"));

        var servesA = pageA[pageA.IndexOf("<h3>Serves</h3>", StringComparison.Ordinal)..pageA.IndexOf("<h3>Served by</h3>", StringComparison.Ordinal)];
        Assert.Contains($"<a href=\"/departments/{b}\">{nameB}</a>: Painted frames", servesA, StringComparison.Ordinal);
        var servedByB = pageB[pageB.IndexOf("<h3>Served by</h3>", StringComparison.Ordinal)..];
        Assert.Contains($"<a href=\"/departments/{a}\">{nameA}</a>: Painted frames", servedByB, StringComparison.Ordinal);
        Assert.Contains("Expectation: Reply within 4 working hours", servedByB, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Deleting_a_department_removes_its_links(DatabaseProvider provider)
    {
        var app = await App(provider);
        var hr = await app.SignedInAsync(HR);
        var (a, b, _, _) = await TwoDepartmentsAsync(app);
        await CreateAsync(hr, Form(a, b));
        await CreateAsync(hr, Form(b, a));

        var deleted = await InwardApp.PostFormAsync(hr, $"/organisation/departments/{a}", [], $"/organisation/departments/{a}?handler=delete");

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Empty(await EdgesBetweenAsync(app, a, b));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_demo_company_has_a_realistic_chain(DatabaseProvider provider)
    {
        var app = await App(provider);
        var pairs = await TestAccounts.WithDbAsync(app, db => db.Set<ServiceEdge>()
            .Select(e => new { From = e.FromDepartment!.Name, To = e.ToDepartment!.Name }).ToListAsync());
        var departments = await TestAccounts.WithDbAsync(app, db => db.Departments.Select(d => d.Name).ToListAsync());
        var set = pairs.Select(p => (p.From, p.To)).ToHashSet();

        Assert.Contains(("Logistics", "Customer Service"), set);
        Assert.Contains(("Customer Service", "Field Service"), set);
        Assert.Contains(("Field Service", "Customer Service"), set);
        Assert.Contains(("Customer Service", "Logistics"), set);
        Assert.Contains(("R&D", "Production"), set);
        Assert.Contains(("Production", "Logistics"), set);
        foreach (var demo in Inward.Platform.Demo.CompanyGenerator.Departments.Select(d => d.Name))
        {
            Assert.True(demo == "IT" || set.Contains(("IT", demo)), $"IT does not serve {demo}");
            Assert.True(demo == "HR" || set.Contains(("HR", demo)), $"HR does not serve {demo}");
        }
        Assert.NotEmpty(departments);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_owner_metric_is_the_share_of_links_with_both_owners(DatabaseProvider provider)
    {
        var app = await App(provider);
        await using var scope = app.Services.CreateAsyncScope();
        var registry = scope.ServiceProvider.GetRequiredService<MetricRegistry>();
        var db = scope.ServiceProvider.GetRequiredService<InwardDbContext>();

        var value = await registry.EvaluateAsync(ServiceMapMetrics.EdgesWithOwners, MetricScope.Company);
        var total = await db.Set<ServiceEdge>().CountAsync();
        var owned = await db.Set<ServiceEdge>().CountAsync(e => e.ServingOwnerId != null && e.ServedOwnerId != null);

        Assert.Equal(MetricValue.Share(owned, total).Value, value!.Value);
        Assert.InRange(value.Value!.Value, 1, 99);
        Assert.Null((await registry.EvaluateAsync(ServiceMapMetrics.EdgesWithOwners, new MetricScope(1)))!.Value);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_api_creates_reads_replaces_and_deletes_links_with_problem_details(DatabaseProvider provider)
    {
        var app = await App(provider);
        var api = await app.ApiClientAsync(HR);
        var (a, b, nameA, nameB) = await TwoDepartmentsAsync(app);

        var created = await api.PostAsJsonAsync("/api/v1/internal-customers", new { fromDepartmentId = a, toDepartmentId = b, delivers = "Invoices", expectations = "Monthly" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.JsonAsync();
        var id = body.GetProperty("id").GetInt32();
        Assert.Equal($"/api/v1/internal-customers/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal(nameA, body.GetProperty("fromDepartment").GetString());
        Assert.Equal(nameB, body.GetProperty("toDepartment").GetString());

        var duplicate = await api.PostAsJsonAsync("/api/v1/internal-customers", new { fromDepartmentId = a, toDepartmentId = b, delivers = "Again" });
        var conflict = await duplicate.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains($"{nameA} already serves {nameB}", conflict.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var self = await (await api.PostAsJsonAsync("/api/v1/internal-customers", new { fromDepartmentId = a, toDepartmentId = a, delivers = "x" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(self.GetProperty("errors").TryGetProperty("toDepartmentId", out _));
        var unknown = await (await api.PostAsJsonAsync("/api/v1/internal-customers", new { fromDepartmentId = 999_999, toDepartmentId = a, delivers = "x" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("The serving department does not exist.", unknown.GetProperty("errors").GetProperty("fromDepartmentId")[0].GetString());

        var back = await api.PostAsJsonAsync("/api/v1/internal-customers", new { fromDepartmentId = b, toDepartmentId = a, delivers = "Payments" });
        Assert.Equal(HttpStatusCode.Created, back.StatusCode);
        var list = await (await api.GetAsync($"/api/v1/internal-customers?department={a}&pageSize=200")).JsonAsync();
        Assert.Equal(2, list.GetProperty("total").GetInt32());
        Assert.Equal(["Invoices", "Payments"], list.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("delivers").GetString()).Order(StringComparer.Ordinal));
        await (await api.GetAsync("/api/v1/internal-customers?department=999999")).AssertProblemAsync(HttpStatusCode.NotFound);

        var replaced = await api.PutAsJsonAsync($"/api/v1/internal-customers/{id}", new { fromDepartmentId = a, toDepartmentId = b, delivers = "E-invoices" });
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var read = await (await api.GetAsync($"/api/v1/internal-customers/{id}")).JsonAsync();
        Assert.Equal("E-invoices", read.GetProperty("delivers").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, read.GetProperty("expectations").ValueKind);
        var clash = await api.PutAsJsonAsync($"/api/v1/internal-customers/{id}", new { fromDepartmentId = b, toDepartmentId = a, delivers = "x" });
        await clash.AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/v1/internal-customers/{id}")).StatusCode);
        await (await api.GetAsync($"/api/v1/internal-customers/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await api.DeleteAsync($"/api/v1/internal-customers/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await api.PutAsJsonAsync($"/api/v1/internal-customers/{id}", new { fromDepartmentId = a, toDepartmentId = b, delivers = "x" }))
            .AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Employees_read_the_map_but_cannot_change_it_and_partners_see_nothing(DatabaseProvider provider)
    {
        var app = await App(provider);
        var employee = await app.ApiClientAsync(Employee);
        var partner = await app.SignedInAsync("partner@demo.example");
        var (a, b, _, _) = await TwoDepartmentsAsync(app);

        Assert.Equal(HttpStatusCode.OK, (await employee.GetAsync("/api/v1/internal-customers")).StatusCode);
        var refused = await employee.PostAsJsonAsync("/api/v1/internal-customers", new { fromDepartmentId = a, toDepartmentId = b, delivers = "x" });
        await refused.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Empty(await EdgesBetweenAsync(app, a, b));
        await TestAccounts.AssertForbiddenAsync(partner, "/internal-customers");
        await TestAccounts.AssertForbiddenAsync(partner, "/api/v1/internal-customers");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_openapi_document_describes_the_json_body_of_writes(DatabaseProvider provider)
    {
        var app = await App(provider);

        var doc = await (await app.Client().GetAsync("/openapi/v1.json")).JsonAsync();

        var post = doc.GetProperty("paths").GetProperty("/api/v1/internal-customers").GetProperty("post");
        var put = doc.GetProperty("paths").GetProperty("/api/v1/internal-customers/{id}").GetProperty("put");
        foreach (var operation in new[] { post, put })
        {
            var schema = operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
            Assert.Contains("fromDepartmentId", schema.ToString(), StringComparison.Ordinal);
            Assert.True(operation.GetProperty("responses").TryGetProperty("415", out _));
            Assert.True(operation.GetProperty("responses").TryGetProperty("400", out _));
        }
        Assert.True(post.GetProperty("responses").TryGetProperty("409", out _));
        Assert.True(post.GetProperty("responses").TryGetProperty("201", out _));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_write_that_is_not_json_is_415_and_broken_json_is_400(DatabaseProvider provider)
    {
        var app = await App(provider);
        var api = await app.ApiClientAsync(HR);

        var form = await api.PostAsync("/api/v1/internal-customers", new FormUrlEncodedContent(new Dictionary<string, string> { ["delivers"] = "x" }));
        var broken = await api.PostAsync("/api/v1/internal-customers", new StringContent("{\"fromDepartmentId\": \"abc\"", System.Text.Encoding.UTF8, "application/json"));

        await form.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await broken.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }
}
