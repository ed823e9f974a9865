using System.Net;
using Inward.Features.People;
using Inward.Platform.Data;
using Inward.Tests.Admin;
using Inward.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Inward.Tests.Organisation;

public sealed class OrganisationPageTests(Apps apps) : IntegrationTest(apps)
{
    private static async Task CreateDepartmentAsync(HttpClient client, string name, int? parentId = null)
    {
        var response = await InwardApp.PostFormAsync(client, "/organisation/departments", new()
        {
            ["Input.Name"] = name,
            ["Input.ParentId"] = parentId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
            ["Input.Description"] = "Made by a test",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static Task<Department> DepartmentAsync(InwardApp app, string name) =>
        TestAccounts.WithDbAsync(app, db => db.Departments.AsNoTracking().SingleAsync(d => d.Name == name));

    private static async Task<string> TextAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    [Theory, MemberData(nameof(Providers))]
    public async Task Departments_are_created_under_a_parent_and_a_duplicate_name_is_refused(DatabaseProvider provider)
    {
        var app = await App(provider);
        var hr = await app.SignedInAsync("hr@demo.example");
        var parent = Unique("Dept ");
        var child = Unique("Dept ");
        await CreateDepartmentAsync(hr, parent);
        var parentId = (await DepartmentAsync(app, parent)).Id;
        await CreateDepartmentAsync(hr, child, parentId);

        var duplicate = await InwardApp.PostFormAsync(hr, "/organisation/departments", new() { ["Input.Name"] = parent.ToUpperInvariant() });
        var empty = await InwardApp.PostFormAsync(hr, "/organisation/departments", new() { ["Input.Name"] = "   " });
        var tooLong = await InwardApp.PostFormAsync(hr, "/organisation/departments", new() { ["Input.Name"] = new string('d', 201) });

        Assert.Equal(parentId, (await DepartmentAsync(app, child)).ParentId);
        Assert.Contains("A department with this name already exists.", await TextAsync(duplicate), StringComparison.Ordinal);
        Assert.Contains("Enter a name.", await TextAsync(empty), StringComparison.Ordinal);
        Assert.Contains("The name can have at most 200 characters.", await TextAsync(tooLong), StringComparison.Ordinal);
        var upper = parent.ToUpperInvariant();
        Assert.Equal(1, await TestAccounts.WithDbAsync(app, db => db.Departments.CountAsync(d => d.Name == parent || d.Name == upper)));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Moving_a_department_under_its_own_descendant_is_refused(DatabaseProvider provider)
    {
        var app = await App(provider);
        var hr = await app.SignedInAsync("hr@demo.example");
        var (top, middle, bottom) = (Unique("Top "), Unique("Mid "), Unique("Bot "));
        await CreateDepartmentAsync(hr, top);
        var topId = (await DepartmentAsync(app, top)).Id;
        await CreateDepartmentAsync(hr, middle, topId);
        var middleId = (await DepartmentAsync(app, middle)).Id;
        await CreateDepartmentAsync(hr, bottom, middleId);
        var bottomId = (await DepartmentAsync(app, bottom)).Id;

        var cycle = await InwardApp.PostFormAsync(hr, $"/organisation/departments/{topId}", new() { ["Input.Name"] = top, ["Input.ParentId"] = $"{bottomId}" });
        var self = await InwardApp.PostFormAsync(hr, $"/organisation/departments/{topId}", new() { ["Input.Name"] = top, ["Input.ParentId"] = $"{topId}" });
        var move = await InwardApp.PostFormAsync(hr, $"/organisation/departments/{bottomId}", new() { ["Input.Name"] = bottom + " renamed", ["Input.ParentId"] = $"{topId}" });

        Assert.Contains("A department cannot be moved under itself or one of its own sub-departments.", await TextAsync(cycle), StringComparison.Ordinal);
        Assert.Contains("A department cannot be moved under itself or one of its own sub-departments.", await TextAsync(self), StringComparison.Ordinal);
        Assert.Null((await DepartmentAsync(app, top)).ParentId);
        Assert.Equal(HttpStatusCode.Redirect, move.StatusCode);
        Assert.Equal(topId, (await DepartmentAsync(app, bottom + " renamed")).ParentId);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_department_with_people_or_sub_departments_cannot_be_deleted_but_an_empty_one_can(DatabaseProvider provider)
    {
        var app = await App(provider);
        var hr = await app.SignedInAsync("hr@demo.example");
        var (parent, child) = (Unique("Parent "), Unique("Child "));
        await CreateDepartmentAsync(hr, parent);
        var parentId = (await DepartmentAsync(app, parent)).Id;
        await CreateDepartmentAsync(hr, child, parentId);
        var childId = (await DepartmentAsync(app, child)).Id;
        var (_, _, employeeId) = await TestAccounts.CreateAsync(app, ["Employee"]);
        await TestAccounts.WithDbAsync(app, async db =>
        {
            (await db.Employees.SingleAsync(e => e.Id == employeeId)).DepartmentId = childId;
            return await db.SaveChangesAsync();
        });

        var withChild = await InwardApp.PostFormAsync(hr, $"/organisation/departments/{parentId}", [], $"/organisation/departments/{parentId}?handler=delete");
        var withPerson = await InwardApp.PostFormAsync(hr, $"/organisation/departments/{childId}", [], $"/organisation/departments/{childId}?handler=delete");

        Assert.Contains("This department has 1 sub-departments. Move or delete them before deleting it.", await TextAsync(withChild), StringComparison.Ordinal);
        Assert.Contains("This department still has 1 people (active or not). Move them to another department before deleting it.", await TextAsync(withPerson), StringComparison.Ordinal);
        Assert.Equal(2, await TestAccounts.WithDbAsync(app, db => db.Departments.CountAsync(d => d.Id == parentId || d.Id == childId)));

        await TestAccounts.WithDbAsync(app, async db =>
        {
            (await db.Employees.SingleAsync(e => e.Id == employeeId)).DepartmentId = null;
            return await db.SaveChangesAsync();
        });
        var deleteChild = await InwardApp.PostFormAsync(hr, $"/organisation/departments/{childId}", [], $"/organisation/departments/{childId}?handler=delete");
        var deleteParent = await InwardApp.PostFormAsync(hr, $"/organisation/departments/{parentId}", [], $"/organisation/departments/{parentId}?handler=delete");
        Assert.Equal(HttpStatusCode.Redirect, deleteChild.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, deleteParent.StatusCode);
        Assert.Equal(0, await TestAccounts.WithDbAsync(app, db => db.Departments.CountAsync(d => d.Id == parentId || d.Id == childId)));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Locations_and_job_roles_in_use_are_kept_and_unused_ones_deleted(DatabaseProvider provider)
    {
        var app = await App(provider);
        var hr = await app.SignedInAsync("hr@demo.example");
        var (location, role) = (Unique("Loc "), Unique("Role "));
        await InwardApp.PostFormAsync(hr, "/organisation/locations", new() { ["Input.Name"] = location, ["Input.City"] = "Gdańsk", ["Input.Country"] = "Poland" });
        await InwardApp.PostFormAsync(hr, "/organisation/job-roles", new() { ["Input.Name"] = role });
        var locationId = await TestAccounts.WithDbAsync(app, db => db.Locations.Where(l => l.Name == location).Select(l => l.Id).SingleAsync());
        var roleId = await TestAccounts.WithDbAsync(app, db => db.JobRoles.Where(r => r.Name == role).Select(r => r.Id).SingleAsync());
        var (_, _, employeeId) = await TestAccounts.CreateAsync(app, ["Employee"]);
        await TestAccounts.WithDbAsync(app, async db =>
        {
            var e = await db.Employees.SingleAsync(x => x.Id == employeeId);
            (e.LocationId, e.JobRoleId) = (locationId, roleId);
            return await db.SaveChangesAsync();
        });

        var locationInUse = await InwardApp.PostFormAsync(hr, $"/organisation/locations/{locationId}", [], $"/organisation/locations/{locationId}?handler=delete");
        var roleInUse = await InwardApp.PostFormAsync(hr, $"/organisation/job-roles/{roleId}", [], $"/organisation/job-roles/{roleId}?handler=delete");
        var duplicateRole = await InwardApp.PostFormAsync(hr, "/organisation/job-roles", new() { ["Input.Name"] = role });

        Assert.Contains("1 people work at this location (active or not). Move them elsewhere before deleting it.", await TextAsync(locationInUse), StringComparison.Ordinal);
        Assert.Contains("1 people have this job role (active or not). Give them another role before deleting it.", await TextAsync(roleInUse), StringComparison.Ordinal);
        Assert.Contains("A job role with this name already exists.", await TextAsync(duplicateRole), StringComparison.Ordinal);

        await TestAccounts.WithDbAsync(app, async db =>
        {
            var e = await db.Employees.SingleAsync(x => x.Id == employeeId);
            (e.LocationId, e.JobRoleId) = (null, null);
            return await db.SaveChangesAsync();
        });
        await InwardApp.PostFormAsync(hr, $"/organisation/locations/{locationId}", [], $"/organisation/locations/{locationId}?handler=delete");
        await InwardApp.PostFormAsync(hr, $"/organisation/job-roles/{roleId}", [], $"/organisation/job-roles/{roleId}?handler=delete");
        Assert.False(await TestAccounts.WithDbAsync(app, db => db.Locations.AnyAsync(l => l.Id == locationId)));
        Assert.False(await TestAccounts.WithDbAsync(app, db => db.JobRoles.AnyAsync(r => r.Id == roleId)));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Group_members_are_added_by_search_and_removed(DatabaseProvider provider)
    {
        var app = await App(provider);
        var hr = await app.SignedInAsync("hr@demo.example");
        var group = Unique("Group ");
        var created = await InwardApp.PostFormAsync(hr, "/organisation/groups", new() { ["Input.Name"] = group, ["Input.Description"] = "Test group" });
        var groupUrl = created.Headers.Location!.OriginalString.Split('?')[0];
        var (email, _, employeeId) = await TestAccounts.CreateAsync(app, ["Employee"]);

        var search = await hr.GetStringAsync($"{groupUrl}?q={Uri.EscapeDataString(email)}");
        Assert.Contains(email, search, StringComparison.Ordinal);
        await InwardApp.PostFormAsync(hr, groupUrl, [], $"{groupUrl}?handler=add&employeeId={employeeId}");
        var groupId = await TestAccounts.WithDbAsync(app, db => db.Groups.Where(g => g.Name == group).Select(g => g.Id).SingleAsync());
        Assert.True(await TestAccounts.WithDbAsync(app, db => db.GroupMembers.AnyAsync(m => m.GroupId == groupId && m.EmployeeId == employeeId)));

        await InwardApp.PostFormAsync(hr, groupUrl, [], $"{groupUrl}?handler=remove&employeeId={employeeId}");
        Assert.False(await TestAccounts.WithDbAsync(app, db => db.GroupMembers.AnyAsync(m => m.GroupId == groupId)));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Partner_organisations_are_listed_with_a_link_to_their_users_and_names_stay_unique(DatabaseProvider provider)
    {
        var app = await App(provider);
        var hr = await app.SignedInAsync("hr@demo.example");
        var partner = Unique("Partner ");

        await InwardApp.PostFormAsync(hr, "/organisation/partners", new() { ["Input.Name"] = partner });
        var duplicate = await InwardApp.PostFormAsync(hr, "/organisation/partners", new() { ["Input.Name"] = partner });
        var id = await TestAccounts.WithDbAsync(app, db => db.PartnerOrganisations.Where(p => p.Name == partner).Select(p => p.Id).SingleAsync());
        var list = await hr.GetStringAsync("/organisation/partners");

        Assert.Contains("A partner organisation with this name already exists.", await TextAsync(duplicate), StringComparison.Ordinal);
        Assert.Contains($"href=\"/partners/{id}\"", list, StringComparison.Ordinal);
        Assert.Contains($"href=\"/organisation/partners/{id}\"", list, StringComparison.Ordinal);
    }
}
