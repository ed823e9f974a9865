using System.Net;
using System.Text.Json;
using Inward.Features.People;
using Inward.Platform.Data;
using Inward.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inward.Tests.People;

public sealed class PeopleApiTests(Apps apps) : IntegrationTest(apps)
{
    private const string Employee = "employee@demo.example";
    private const string HR = "hr@demo.example";

    [Theory, MemberData(nameof(Providers))]
    public async Task People_list_pages_through_active_people_ordered_by_name(DatabaseProvider provider)
    {
        var app = await App(provider);
        var client = await app.ApiClientAsync(Employee);
        var activeCount = await WithDbAsync(app, db => db.Employees.CountAsync(e => e.IsActive));

        var first = await (await client.GetAsync("/api/v1/people?page=1&pageSize=5")).JsonAsync();
        var second = await (await client.GetAsync("/api/v1/people?page=2&pageSize=5")).JsonAsync();

        Assert.Equal(activeCount, first.GetProperty("total").GetInt32());
        Assert.Equal(1, first.GetProperty("page").GetInt32());
        Assert.Equal(5, first.GetProperty("pageSize").GetInt32());
        var names = Names(first).Concat(Names(second)).ToList();
        Assert.Equal(10, names.Count);
        Assert.Equal(10, Ids(first).Concat(Ids(second)).Distinct().Count());
        Assert.Equal(names.OrderBy(n => n, StringComparer.Ordinal), names);
        Assert.All(first.GetProperty("items").EnumerateArray(), p => Assert.True(p.GetProperty("isActive").GetBoolean()));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Search_finds_people_by_part_of_their_name_whatever_the_case(DatabaseProvider provider)
    {
        var app = await App(provider);
        var marker = Unique("Qx");
        var id = await CreateEmployeeAsync(app, $"Ada {marker} Lovelace");
        var client = await app.ApiClientAsync(Employee);

        var found = await (await client.GetAsync($"/api/v1/people?search={marker.ToLowerInvariant()}")).JsonAsync();

        Assert.Equal(1, found.GetProperty("total").GetInt32());
        Assert.Equal([id], Ids(found));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Department_filter_includes_the_members_of_its_sub_departments(DatabaseProvider provider)
    {
        var app = await App(provider);
        var client = await app.ApiClientAsync(Employee);
        var (productionId, expected, subDepartmentMembers) = await WithDbAsync(app, async db =>
        {
            var production = await db.Departments.SingleAsync(d => d.Name == "Production");
            var tree = await db.Departments.Where(d => d.Id == production.Id || d.Parent!.Name == "Production").Select(d => d.Id).ToListAsync();
            var members = await db.Employees.Where(e => e.IsActive && e.DepartmentId != null && tree.Contains(e.DepartmentId.Value)).Select(e => e.Id).ToListAsync();
            var sub = await db.Employees.Where(e => e.IsActive && (e.Department!.Name == "Frame Shop" || e.Department!.Name == "Assembly")).Select(e => e.Id).ToListAsync();
            return (production.Id, members, sub);
        });

        var body = await (await client.GetAsync($"/api/v1/people?departmentId={productionId}&pageSize=200")).JsonAsync();

        Assert.NotEmpty(subDepartmentMembers);
        Assert.Equal(expected.Count, body.GetProperty("total").GetInt32());
        Assert.Equal(expected.Order(), Ids(body).Order());
        Assert.Subset(Ids(body).ToHashSet(), subDepartmentMembers.ToHashSet());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Location_filter_returns_only_people_at_that_location(DatabaseProvider provider)
    {
        var app = await App(provider);
        var client = await app.ApiClientAsync(Employee);
        var (locationId, locationName, count) = await WithDbAsync(app, async db =>
        {
            var location = await db.Locations.OrderBy(l => l.Id).FirstAsync();
            return (location.Id, location.Name, await db.Employees.CountAsync(e => e.IsActive && e.LocationId == location.Id));
        });

        var body = await (await client.GetAsync($"/api/v1/people?locationId={locationId}&pageSize=200")).JsonAsync();

        Assert.Equal(count, body.GetProperty("total").GetInt32());
        Assert.All(body.GetProperty("items").EnumerateArray(), p => Assert.Equal(locationName, p.GetProperty("location").GetString()));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Inactive_people_are_listed_only_for_people_managers_who_ask_for_them(DatabaseProvider provider)
    {
        var app = await App(provider);
        var marker = Unique("Gone");
        var id = await CreateEmployeeAsync(app, $"Former {marker}", active: false);
        var employee = await app.ApiClientAsync(Employee);
        var hr = await app.ApiClientAsync(HR);

        var hidden = await (await employee.GetAsync($"/api/v1/people?search={marker}")).JsonAsync();
        var refused = await employee.GetAsync($"/api/v1/people?search={marker}&includeInactive=true");
        var hiddenFromHrByDefault = await (await hr.GetAsync($"/api/v1/people?search={marker}")).JsonAsync();
        var shown = await (await hr.GetAsync($"/api/v1/people?search={marker}&includeInactive=true")).JsonAsync();

        Assert.Equal(0, hidden.GetProperty("total").GetInt32());
        var problem = await refused.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("inactive", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, hiddenFromHrByDefault.GetProperty("total").GetInt32());
        Assert.Equal([id], Ids(shown));
        Assert.False(shown.GetProperty("items")[0].GetProperty("isActive").GetBoolean());
    }

    public static TheoryData<DatabaseProvider, string, string> InvalidPaging
    {
        get
        {
            var data = new TheoryData<DatabaseProvider, string, string>();
            foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres })
            {
                data.Add(provider, "/api/v1/people?pageSize=0", "pageSize");
                data.Add(provider, "/api/v1/people?pageSize=201", "pageSize");
                data.Add(provider, "/api/v1/people?page=0", "page");
                data.Add(provider, "/api/v1/departments?pageSize=500", "pageSize");
                data.Add(provider, "/api/v1/departments?page=-1", "page");
            }
            return data;
        }
    }

    [Theory, MemberData(nameof(InvalidPaging))]
    public async Task Invalid_paging_is_a_validation_problem_naming_the_parameter(DatabaseProvider provider, string url, string parameter)
    {
        var app = await App(provider);
        var client = await app.ApiClientAsync(Employee);

        var body = await (await client.GetAsync(url)).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(body.GetProperty("errors").TryGetProperty(parameter, out _), $"{url}: no error for {parameter}: {body}");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Largest_page_size_is_accepted_and_a_search_too_long_is_refused(DatabaseProvider provider)
    {
        var app = await App(provider);
        var client = await app.ApiClientAsync(Employee);

        var largest = await client.GetAsync("/api/v1/people?pageSize=200");
        var tooLong = await client.GetAsync($"/api/v1/people?search={new string('a', PeopleApi.MaxSearchLength + 1)}");

        Assert.Equal(HttpStatusCode.OK, largest.StatusCode);
        var body = await tooLong.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(body.GetProperty("errors").TryGetProperty("search", out _));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_value_that_is_not_a_number_is_a_400_problem(DatabaseProvider provider)
    {
        var app = await App(provider);
        var client = await app.ApiClientAsync(Employee);

        var response = await client.GetAsync("/api/v1/people?page=first");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Unknown_person_and_department_are_404_problem_details(DatabaseProvider provider)
    {
        var app = await App(provider);
        var client = await app.ApiClientAsync(Employee);

        var person = await (await client.GetAsync("/api/v1/people/987654321")).AssertProblemAsync(HttpStatusCode.NotFound);
        var department = await (await client.GetAsync("/api/v1/departments/987654321")).AssertProblemAsync(HttpStatusCode.NotFound);

        Assert.Contains("987654321", person.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("987654321", department.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_inactive_person_is_404_for_staff_but_found_by_people_managers(DatabaseProvider provider)
    {
        var app = await App(provider);
        var id = await CreateEmployeeAsync(app, $"Former {Unique("P")}", active: false);

        var staff = await (await app.ApiClientAsync(Employee)).GetAsync($"/api/v1/people/{id}");
        var hr = await (await app.ApiClientAsync(HR)).GetAsync($"/api/v1/people/{id}");

        await staff.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, hr.StatusCode);
        Assert.False((await hr.JsonAsync()).GetProperty("isActive").GetBoolean());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Employee_number_language_and_account_are_hidden_from_a_plain_employee_and_shown_to_hr(DatabaseProvider provider)
    {
        var app = await App(provider);
        var (id, number) = await WithDbAsync(app, db =>
            db.Employees.Where(e => e.Email == Employee).Select(e => new ValueTuple<int, string>(e.Id, e.EmployeeNumber!)).SingleAsync());

        var asEmployee = await (await app.ApiClientAsync(Employee)).GetAsync($"/api/v1/people/{id}");
        var asHr = await (await app.ApiClientAsync(HR)).GetAsync($"/api/v1/people/{id}");

        var plain = await asEmployee.JsonAsync();
        Assert.Equal(Employee, plain.GetProperty("email").GetString());
        Assert.False(plain.TryGetProperty("employeeNumber", out _));
        Assert.False(plain.TryGetProperty("language", out _));
        Assert.False(plain.TryGetProperty("hasAccount", out _));
        Assert.DoesNotContain(number, await asEmployee.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var full = await asHr.JsonAsync();
        Assert.Equal(number, full.GetProperty("employeeNumber").GetString());
        Assert.True(full.GetProperty("hasAccount").GetBoolean());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Departments_list_pages_filters_by_parent_and_counts_members(DatabaseProvider provider)
    {
        var app = await App(provider);
        var client = await app.ApiClientAsync(Employee);
        var (parentId, childId, grandchildId) = await CreateDepartmentTreeAsync(app);
        await CreateEmployeeAsync(app, $"Direct {Unique()}", parentId);
        await CreateEmployeeAsync(app, $"Child {Unique()}", childId);
        await CreateEmployeeAsync(app, $"Child {Unique()}", childId);
        await CreateEmployeeAsync(app, $"Child gone {Unique()}", childId, active: false);
        await CreateEmployeeAsync(app, $"Grandchild {Unique()}", grandchildId);
        var departmentCount = await WithDbAsync(app, db => db.Departments.CountAsync());

        var all = await (await client.GetAsync("/api/v1/departments?pageSize=200")).JsonAsync();
        var children = await (await client.GetAsync($"/api/v1/departments?parentId={parentId}")).JsonAsync();
        var paged = await (await client.GetAsync("/api/v1/departments?page=2&pageSize=3")).JsonAsync();
        var detail = await (await client.GetAsync($"/api/v1/departments/{parentId}")).JsonAsync();
        var people = await (await client.GetAsync($"/api/v1/people?departmentId={parentId}")).JsonAsync();

        Assert.Equal(departmentCount, all.GetProperty("total").GetInt32());
        var child = Assert.Single(children.GetProperty("items").EnumerateArray());
        Assert.Equal(childId, child.GetProperty("id").GetInt32());
        Assert.Equal(parentId, child.GetProperty("parentId").GetInt32());
        Assert.Equal(2, child.GetProperty("headcount").GetInt32());
        Assert.Equal(3, paged.GetProperty("items").GetArrayLength());
        Assert.Equal(1, detail.GetProperty("members").GetInt32());
        Assert.Equal(4, detail.GetProperty("membersIncludingSubDepartments").GetInt32());
        Assert.Equal([childId], detail.GetProperty("subDepartments").EnumerateArray().Select(d => d.GetProperty("id").GetInt32()));
        Assert.Equal(4, people.GetProperty("total").GetInt32());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_valid_token_and_a_signed_in_cookie_both_open_the_api(DatabaseProvider provider)
    {
        var app = await App(provider);

        var token = await (await app.ApiClientAsync(Employee)).GetAsync("/api/v1/people");
        var cookie = await (await app.SignedInAsync(Employee)).GetAsync("/api/v1/people");

        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        Assert.Equal(HttpStatusCode.OK, cookie.StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Using_a_token_records_when_it_was_last_used(DatabaseProvider provider)
    {
        var app = await App(provider);
        var secret = await app.CreateTokenAsync(Employee);

        await app.BearerClient(secret).GetAsync("/api/v1/departments");

        var hash = Inward.Platform.Identity.TokenAuthenticationHandler.Hash(secret);
        Assert.NotNull(await WithDbAsync(app, db => db.PersonalAccessTokens.Where(t => t.Hash == hash).Select(t => t.LastUsedAt).SingleAsync()));
    }

    public static TheoryData<DatabaseProvider, string> BadCredentials => new()
    {
        { DatabaseProvider.Sqlite, "none" }, { DatabaseProvider.Sqlite, "garbage" }, { DatabaseProvider.Sqlite, "revoked" }, { DatabaseProvider.Sqlite, "expired" },
        { DatabaseProvider.Postgres, "none" }, { DatabaseProvider.Postgres, "garbage" }, { DatabaseProvider.Postgres, "revoked" }, { DatabaseProvider.Postgres, "expired" },
    };

    [Theory, MemberData(nameof(BadCredentials))]
    public async Task Missing_garbage_revoked_or_expired_credentials_get_401_problem_details_never_a_redirect(DatabaseProvider provider, string credentials)
    {
        var app = await App(provider);
        var client = credentials switch
        {
            "none" => app.Client(),
            "garbage" => app.BearerClient("inw_not-a-real-token"),
            "revoked" => app.BearerClient(await app.CreateTokenAsync(Employee, revokedAt: DateTime.UtcNow.AddMinutes(-1))),
            "expired" => app.BearerClient(await app.CreateTokenAsync(Employee, expiresAt: DateTime.UtcNow.AddMinutes(-1))),
            _ => throw new ArgumentOutOfRangeException(nameof(credentials)),
        };
        // A browser-like Accept header must not turn the API's answer into a sign-in page.
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml,*/*;q=0.8");

        foreach (var url in new[] { "/api/v1/people", "/api/v1/people/1", "/api/v1/departments", "/api/v1/departments/1" })
        {
            var response = await client.GetAsync(url);

            await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
            Assert.Null(response.Headers.Location);
            Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Partners_get_403_problem_details_on_the_api_with_a_token_or_a_cookie(DatabaseProvider provider)
    {
        var app = await App(provider);

        var token = await (await app.ApiClientAsync("partner@demo.example")).GetAsync("/api/v1/people");
        var cookie = await (await app.SignedInAsync("partner@demo.example")).GetAsync("/api/v1/departments");

        await token.AssertProblemAsync(HttpStatusCode.Forbidden);
        await cookie.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Null(cookie.Headers.Location);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Unknown_api_routes_are_404_and_wrong_methods_405_problem_details(DatabaseProvider provider)
    {
        var app = await App(provider);
        var client = await app.ApiClientAsync(Employee);

        var unknown = await client.GetAsync("/api/v1/no-such-thing");
        var wrongMethod = await client.DeleteAsync("/api/v1/people");

        await unknown.AssertProblemAsync(HttpStatusCode.NotFound);
        await wrongMethod.AssertProblemAsync(HttpStatusCode.MethodNotAllowed);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Html_pages_get_no_json_error_body(DatabaseProvider provider)
    {
        var app = await App(provider);
        var client = await app.SignedInAsync(Employee);
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml,*/*;q=0.8");

        var response = await client.GetAsync("/people/987654321");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotEqual("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static IEnumerable<int> Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetInt32());

    private static IEnumerable<string> Names(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("name").GetString()!);

    private static async Task<T> WithDbAsync<T>(InwardApp app, Func<InwardDbContext, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<InwardDbContext>());
    }

    private static Task<int> CreateEmployeeAsync(InwardApp app, string name, int? departmentId = null, bool active = true) =>
        WithDbAsync(app, async db =>
        {
            var email = $"{Guid.NewGuid():N}@api-tests.example";
            var employee = new Employee
            {
                Name = name,
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                EmployeeNumber = $"T{Guid.NewGuid():N}"[..20],
                DepartmentId = departmentId,
                IsActive = active,
            };
            db.Employees.Add(employee);
            await db.SaveChangesAsync();
            return employee.Id;
        });

    private static Task<(int Parent, int Child, int Grandchild)> CreateDepartmentTreeAsync(InwardApp app) =>
        WithDbAsync(app, async db =>
        {
            var parent = new Department { Name = Unique("Parent ") };
            var child = new Department { Name = Unique("Child "), Parent = parent };
            var grandchild = new Department { Name = Unique("Grandchild "), Parent = child };
            db.Departments.AddRange(parent, child, grandchild);
            await db.SaveChangesAsync();
            return (parent.Id, child.Id, grandchild.Id);
        });
}
