using Inward.Platform.Data;
using Inward.Tests.Infrastructure;

namespace Inward.Tests.Admin;

public sealed class PermissionTests(Apps apps) : IntegrationTest(apps)
{
    private static readonly string[] AdminOnly = ["/settings", "/admin/users", "/admin/audit"];
    private static readonly string[] PeopleManagers =
    [
        "/organisation", "/organisation/departments", "/organisation/locations", "/organisation/job-roles", "/organisation/groups",
        "/organisation/partners", "/people/new",
    ];

    [Theory, MemberData(nameof(Providers))]
    public async Task HR_cannot_open_settings_users_or_the_audit_log(DatabaseProvider provider)
    {
        var app = await App(provider);
        var hr = await app.SignedInAsync("hr@demo.example");

        foreach (var url in AdminOnly)
        {
            await TestAccounts.AssertForbiddenAsync(hr, url);
            await TestAccounts.AssertForbiddenAsync(hr, url, HttpMethod.Post);
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task HR_reaches_the_organisation_pages_and_the_new_person_form(DatabaseProvider provider)
    {
        var app = await App(provider);
        var hr = await app.SignedInAsync("hr@demo.example");

        foreach (var url in PeopleManagers)
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, (await hr.GetAsync(url)).StatusCode);
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Employee_cannot_open_organisation_pages_or_add_or_edit_people(DatabaseProvider provider)
    {
        var app = await App(provider);
        var employee = await app.SignedInAsync("employee@demo.example");
        var someone = await TestAccounts.WithDbAsync(app, db => Task.FromResult(db.Employees.First().Id));

        foreach (var url in PeopleManagers.Concat([$"/people/{someone}/edit"]).Concat(AdminOnly))
        {
            await TestAccounts.AssertForbiddenAsync(employee, url);
        }
        await TestAccounts.AssertForbiddenAsync(employee, $"/people/{someone}/edit", HttpMethod.Post);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Partner_is_refused_every_internal_admin_page(DatabaseProvider provider)
    {
        var app = await App(provider);
        var partner = await app.SignedInAsync("partner@demo.example");
        var someone = await TestAccounts.WithDbAsync(app, db => Task.FromResult(db.Employees.First().Id));

        foreach (var url in PeopleManagers.Concat(AdminOnly).Concat([$"/people/{someone}/edit", "/organisation/departments/1", "/admin/users/x"]))
        {
            await TestAccounts.AssertForbiddenAsync(partner, url);
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Unknown_ids_are_not_found(DatabaseProvider provider)
    {
        var app = await App(provider);
        var admin = await app.SignedInAsync("admin@demo.example");

        foreach (var url in new[] { "/organisation/departments/999999", "/organisation/locations/999999", "/organisation/job-roles/999999",
            "/organisation/groups/999999", "/organisation/partners/999999", "/people/999999/edit", "/admin/users/no-such-user" })
        {
            Assert.Equal(System.Net.HttpStatusCode.NotFound, (await admin.GetAsync(url)).StatusCode);
        }
    }
}
