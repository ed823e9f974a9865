using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inward.Features.Touchpoints;
using Inward.Platform.Data;
using Inward.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Inward.Tests.Touchpoints.TouchpointTestData;

namespace Inward.Tests.Touchpoints;

public sealed class TouchpointTests(Apps apps) : IntegrationTest(apps)
{
    private static object Request(string name, int? departmentId = null, int[]? jobRoleIds = null, string promise = "We *answer* fast.",
        string channel = "Phone", string[]? behaviours = null) => new
    {
        name,
        channel,
        description = "Where riders call us.",
        departmentId,
        jobRoleIds = jobRoleIds ?? [],
        brandPromise = promise,
        behaviours = behaviours ?? ["Answer within three rings", "Say your name"],
        momentOfTruth = "A long queue loses the rider.",
    };

    [Theory, MemberData(nameof(Providers))]
    public async Task Touchpoint_api_creates_reads_filters_replaces_and_deletes(DatabaseProvider provider)
    {
        var app = await App(provider);
        var editor = await app.ApiClientAsync(Editor);
        var reader = await app.ApiClientAsync("employee@demo.example");
        var department = await CreateDepartmentAsync(app);
        var role = await CreateJobRoleAsync(app);
        var otherRole = await CreateJobRoleAsync(app);
        var name = Unique("Counter ");

        var created = await editor.PostAsJsonAsync("/api/v1/touchpoints", Request(name, department, [role]));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.JsonAsync();
        var id = body.GetProperty("id").GetInt32();
        Assert.Equal($"/api/v1/touchpoints/{id}", created.Headers.Location?.OriginalString);

        var read = await (await reader.GetAsync($"/api/v1/touchpoints/{id}")).JsonAsync();
        Assert.Equal(name, read.GetProperty("name").GetString());
        Assert.Equal("Phone", read.GetProperty("channel").GetString());
        Assert.Equal(department, read.GetProperty("departmentId").GetInt32());
        Assert.Equal([role], read.GetProperty("jobRoles").EnumerateArray().Select(r => r.GetProperty("id").GetInt32()));
        Assert.Equal(["Answer within three rings", "Say your name"], read.GetProperty("behaviours").EnumerateArray().Select(b => b.GetString()));
        Assert.Contains("<em>answer</em>", read.GetProperty("brandPromiseHtml").GetString(), StringComparison.Ordinal);

        Assert.Equal([id], Ids(await (await reader.GetAsync($"/api/v1/touchpoints?department={department}")).JsonAsync()));
        Assert.Equal([id], Ids(await (await reader.GetAsync($"/api/v1/touchpoints?jobRole={role}")).JsonAsync()));
        Assert.Empty(Ids(await (await reader.GetAsync($"/api/v1/touchpoints?jobRole={otherRole}")).JsonAsync()));

        var replaced = await editor.PutAsJsonAsync($"/api/v1/touchpoints/{id}",
            Request(name + " 2", null, [otherRole], channel: "socialMedia", behaviours: ["Reply in two hours"]));
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var after = await replaced.JsonAsync();
        Assert.Equal("SocialMedia", after.GetProperty("channel").GetString());
        Assert.Equal(JsonValueKind.Null, after.GetProperty("departmentId").ValueKind);
        Assert.Equal([otherRole], after.GetProperty("jobRoles").EnumerateArray().Select(r => r.GetProperty("id").GetInt32()));
        Assert.Empty(Ids(await (await reader.GetAsync($"/api/v1/touchpoints?jobRole={role}")).JsonAsync()));

        Assert.Equal(HttpStatusCode.NoContent, (await editor.DeleteAsync($"/api/v1/touchpoints/{id}")).StatusCode);
        await (await reader.GetAsync($"/api/v1/touchpoints/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.False(await WithDbAsync(app, db => db.Set<Touchpoint>().AnyAsync(t => t.Id == id)));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Invalid_touchpoints_are_refused_with_clear_errors_and_nothing_is_saved(DatabaseProvider provider)
    {
        var app = await App(provider);
        var editor = await app.ApiClientAsync(Editor);
        var before = await WithDbAsync(app, db => db.Set<Touchpoint>().CountAsync());

        var problem = await (await editor.PostAsJsonAsync("/api/v1/touchpoints",
            Request("  ", 999_999, [999_998], promise: "", channel: "3", behaviours: [new string('x', 301)])))
            .AssertProblemAsync(HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors");
        Assert.Equal("Enter the touchpoint's name.", errors.GetProperty("name")[0].GetString());
        Assert.Equal("Choose how the customer meets us here.", errors.GetProperty("channel")[0].GetString());
        Assert.Equal("There is no department 999999.", errors.GetProperty("departmentId")[0].GetString());
        Assert.Equal("There is no job role 999998.", errors.GetProperty("jobRoleIds")[0].GetString());
        Assert.Equal("Enter the brand promise at this touchpoint.", errors.GetProperty("brandPromise")[0].GetString());
        Assert.Equal("Each expected behaviour can have at most 300 characters.", errors.GetProperty("behaviours")[0].GetString());
        Assert.Equal(before, await WithDbAsync(app, db => db.Set<Touchpoint>().CountAsync()));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Unknown_touchpoints_are_404_everywhere(DatabaseProvider provider)
    {
        var app = await App(provider);
        var editor = await app.ApiClientAsync(Editor);
        var browser = await app.SignedInAsync(Editor, InwardApp.Password);

        await (await editor.GetAsync("/api/v1/touchpoints/999999")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await editor.PutAsJsonAsync("/api/v1/touchpoints/999999", Request("x"))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await editor.DeleteAsync("/api/v1/touchpoints/999999")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/touchpoints/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/touchpoints/999999/edit")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Touchpoint_pages_create_edit_and_delete_with_errors_shown_on_the_form(DatabaseProvider provider)
    {
        var app = await App(provider);
        var browser = await app.SignedInAsync(Editor, InwardApp.Password);
        var role = await CreateJobRoleAsync(app);
        var name = Unique("Showroom ");

        var invalid = await InwardApp.PostFormAsync(browser, "/touchpoints/new", new()
        {
            ["Input.Name"] = "",
            ["Input.Channel"] = "InPerson",
            ["Input.BrandPromise"] = "Right bike.",
            ["Input.JobRoleIds"] = "999999",
        });
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        var html = await invalid.Content.ReadAsStringAsync();
        Assert.Contains("Enter the touchpoint&#x27;s name.", html, StringComparison.Ordinal);
        Assert.Contains("There is no job role 999999.", html, StringComparison.Ordinal);

        var created = await InwardApp.PostFormAsync(browser, "/touchpoints/new", new()
        {
            ["Input.Name"] = name,
            ["Input.Channel"] = "InPerson",
            ["Input.BrandPromise"] = "Right bike.",
            ["Input.Behaviours"] = "Ask first\n\n  Fit the bike  \n",
            ["Input.JobRoleIds"] = role.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = await WithDbAsync(app, db => db.Set<Touchpoint>().Where(t => t.Name == name).Select(t => t.Id).SingleAsync());
        Assert.Equal($"/touchpoints/{id}?done=created", created.Headers.Location?.OriginalString);
        Assert.Equal("Ask first\nFit the bike", await WithDbAsync(app, db => db.Set<Touchpoint>().Where(t => t.Id == id).Select(t => t.Behaviours).SingleAsync()));

        var list = await (await browser.GetAsync($"/touchpoints?jobRole={role}")).Content.ReadAsStringAsync();
        Assert.Contains($"/touchpoints/{id}", list, StringComparison.Ordinal);

        var edited = await InwardApp.PostFormAsync(browser, $"/touchpoints/{id}/edit", new()
        {
            ["Input.Name"] = name + " edited",
            ["Input.Channel"] = "Event",
            ["Input.BrandPromise"] = "Right bike, always.",
        });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var page = await (await browser.GetAsync($"/touchpoints/{id}")).Content.ReadAsStringAsync();
        Assert.Contains(name + " edited", page, StringComparison.Ordinal);
        Assert.Contains("Right bike, always.", page, StringComparison.Ordinal);

        var deleted = await InwardApp.PostFormAsync(browser, $"/touchpoints/{id}/edit", [], $"/touchpoints/{id}/edit?handler=Delete");
        Assert.Equal("/touchpoints?done=deleted", deleted.Headers.Location?.OriginalString);
        Assert.False(await WithDbAsync(app, db => db.Set<Touchpoint>().AnyAsync(t => t.Id == id)));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Script_in_a_brand_promise_is_stripped_on_the_page_and_in_the_api(DatabaseProvider provider)
    {
        var app = await App(provider);
        var editor = await app.ApiClientAsync(Editor);
        const string hostile = "Hello <script>alert('x')</script> [click](javascript:alert(1)) <img src=x onerror=alert(2)>";
        var id = (await (await editor.PostAsJsonAsync("/api/v1/touchpoints", Request(Unique("Xss "), promise: hostile))).JsonAsync())
            .GetProperty("id").GetInt32();

        var html = await (await (await app.SignedInAsync("employee@demo.example", InwardApp.Password)).GetAsync($"/touchpoints/{id}"))
            .Content.ReadAsStringAsync();
        var api = (await (await editor.GetAsync($"/api/v1/touchpoints/{id}")).JsonAsync()).GetProperty("brandPromiseHtml").GetString()!;

        foreach (var rendered in new[] { html, api })
        {
            Assert.DoesNotContain("<script>alert", rendered, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("href=\"javascript:", rendered, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img src=x", rendered, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img src=\"x\"", rendered, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Contains("Hello", api, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Partners_see_no_touchpoints_or_role_cards(DatabaseProvider provider)
    {
        var app = await App(provider);
        var partner = await app.ApiClientAsync("partner@demo.example");

        foreach (var url in new[] { "/api/v1/touchpoints", "/api/v1/role-cards", "/api/v1/role-cards/mine" })
        {
            await (await partner.GetAsync(url)).AssertProblemAsync(HttpStatusCode.Forbidden);
        }
        await (await partner.PostAsJsonAsync("/api/v1/role-cards/mine/acknowledgement", new { version = 1 })).AssertProblemAsync(HttpStatusCode.Forbidden);
        var browser = await app.SignedInAsync("partner@demo.example", InwardApp.Password);
        foreach (var url in new[] { "/touchpoints", "/expectations", "/role-cards" })
        {
            await Admin.TestAccounts.AssertForbiddenAsync(browser, url);
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Employees_cannot_change_touchpoints(DatabaseProvider provider)
    {
        var app = await App(provider);
        var employee = await app.ApiClientAsync("employee@demo.example");
        var id = await WithDbAsync(app, db => db.Set<Touchpoint>().Select(t => t.Id).FirstAsync());

        await (await employee.PostAsJsonAsync("/api/v1/touchpoints", Request("x"))).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await employee.PutAsJsonAsync($"/api/v1/touchpoints/{id}", Request("x"))).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await employee.DeleteAsync($"/api/v1/touchpoints/{id}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.True(await WithDbAsync(app, db => db.Set<Touchpoint>().AnyAsync(t => t.Id == id)));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_demo_company_has_touchpoints_owned_by_its_departments(DatabaseProvider provider)
    {
        var app = await App(provider);
        var reader = await app.ApiClientAsync("employee@demo.example");

        var list = await (await reader.GetAsync("/api/v1/touchpoints?pageSize=200")).JsonAsync();
        var names = list.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("name").GetString()).ToList();

        Assert.Contains("Phone support line", names);
        Assert.Contains("Delivery at the door", names);
        Assert.Contains("Field repair visit", names);
        var page = await (await (await app.SignedInAsync("employee@demo.example", InwardApp.Password)).GetAsync("/touchpoints")).Content.ReadAsStringAsync();
        Assert.Contains("Customer Service", page, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_api_is_documented_with_its_request_bodies(DatabaseProvider provider)
    {
        var app = await App(provider);

        var document = await (await app.Client().GetAsync("/openapi/v1.json")).JsonAsync();
        var paths = document.GetProperty("paths");

        var create = paths.GetProperty("/api/v1/touchpoints").GetProperty("post");
        var schema = create.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetRawText();
        Assert.Contains("brandPromise", schema, StringComparison.Ordinal);
        Assert.True(paths.GetProperty("/api/v1/touchpoints/{id}").TryGetProperty("put", out var put));
        Assert.True(put.TryGetProperty("requestBody", out _));
        Assert.True(paths.GetProperty("/api/v1/role-cards/mine/acknowledgement").GetProperty("post").TryGetProperty("requestBody", out _));
        Assert.True(paths.TryGetProperty("/api/v1/role-cards/mine", out _));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_body_that_is_not_json_is_415_for_editors(DatabaseProvider provider)
    {
        var app = await App(provider);
        var editor = await app.ApiClientAsync(Editor);

        var response = await editor.PostAsync("/api/v1/touchpoints", new StringContent("name=x", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await (await editor.PostAsync("/api/v1/touchpoints", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json")))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    private static List<int> Ids(JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetInt32())];
}
