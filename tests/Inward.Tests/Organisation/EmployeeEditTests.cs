using System.Net;
using Inward.Features.People;
using Inward.Platform.Data;
using Inward.Tests.Admin;
using Inward.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Inward.Tests.Organisation;

public sealed class EmployeeEditTests(Apps apps) : IntegrationTest(apps)
{
    private static Dictionary<string, string> Form(string name, string email, string? managerEmail = null, bool active = true) => new()
    {
        ["Input.Name"] = name,
        ["Input.Email"] = email,
        ["Input.ManagerEmail"] = managerEmail ?? "",
        ["Input.Language"] = "pl",
        ["Input.HireDate"] = "2024-03-01",
        ["Input.IsActive"] = active ? "true" : "false",
        ["Input.IsFrontline"] = "false",
    };

    private static Task<Employee> EmployeeAsync(InwardApp app, int id) =>
        TestAccounts.WithDbAsync(app, db => db.Employees.AsNoTracking().SingleAsync(e => e.Id == id));

    private static async Task<string> TextAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    [Theory, MemberData(nameof(Providers))]
    public async Task A_new_person_is_created_with_a_normalised_email_and_shown_on_their_profile(DatabaseProvider provider)
    {
        var app = await App(provider);
        var hr = await app.SignedInAsync("hr@demo.example");
        var email = $"New.{Guid.NewGuid():N}@Tests.Example";

        var response = await InwardApp.PostFormAsync(hr, "/people/new", Form("Nowa Osoba", email, "hr@demo.example"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = int.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        var created = await EmployeeAsync(app, id);
        Assert.Equal((email, email.ToUpperInvariant(), "pl", new DateOnly(2024, 3, 1)), (created.Email, created.NormalizedEmail, created.Language, created.HireDate!.Value));
        Assert.NotNull(created.ManagerId);
        Assert.Contains("Nowa Osoba", await hr.GetStringAsync($"/people/{id}"), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Editing_a_person_to_an_email_someone_else_has_is_refused(DatabaseProvider provider)
    {
        var app = await App(provider);
        var hr = await app.SignedInAsync("hr@demo.example");
        var (first, _, firstId) = await TestAccounts.CreateAsync(app, ["Employee"]);
        var (second, _, _) = await TestAccounts.CreateAsync(app, ["Employee"]);

        var response = await InwardApp.PostFormAsync(hr, $"/people/{firstId}/edit", Form("Renamed", second.ToUpperInvariant()));
        var invalid = await InwardApp.PostFormAsync(hr, $"/people/{firstId}/edit", Form("Renamed", "not-an-email"));

        Assert.Contains("Another person already has this e-mail address.", await TextAsync(response), StringComparison.Ordinal);
        Assert.Contains("Enter a valid e-mail address.", await TextAsync(invalid), StringComparison.Ordinal);
        var unchanged = await EmployeeAsync(app, firstId!.Value);
        Assert.Equal(first, unchanged.Email);
        Assert.NotEqual("Renamed", unchanged.Name);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_person_cannot_manage_themselves_or_someone_above_them(DatabaseProvider provider)
    {
        var app = await App(provider);
        var hr = await app.SignedInAsync("hr@demo.example");
        var (boss, _, bossId) = await TestAccounts.CreateAsync(app, ["Employee"]);
        var (report, _, reportId) = await TestAccounts.CreateAsync(app, ["Employee"]);
        var ok = await InwardApp.PostFormAsync(hr, $"/people/{reportId}/edit", Form("Report", report, boss));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);

        var self = await InwardApp.PostFormAsync(hr, $"/people/{bossId}/edit", Form("Boss", boss, boss));
        var cycle = await InwardApp.PostFormAsync(hr, $"/people/{bossId}/edit", Form("Boss", boss, report));
        var unknown = await InwardApp.PostFormAsync(hr, $"/people/{bossId}/edit", Form("Boss", boss, "nobody@nowhere.example"));

        Assert.Contains("A person cannot be their own manager.", await TextAsync(self), StringComparison.Ordinal);
        Assert.Contains("reports to this person (directly or through others), so cannot be their manager.", await TextAsync(cycle), StringComparison.Ordinal);
        Assert.Contains("No active person has the e-mail address nobody@nowhere.example.", await TextAsync(unknown), StringComparison.Ordinal);
        Assert.Null((await EmployeeAsync(app, bossId!.Value)).ManagerId);
        Assert.Equal(bossId, (await EmployeeAsync(app, reportId!.Value)).ManagerId);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Deactivating_a_person_deactivates_their_account_and_ends_its_session_and_reactivating_restores_it(DatabaseProvider provider)
    {
        var app = await App(provider);
        var hr = await app.SignedInAsync("hr@demo.example");
        var (email, userId, employeeId) = await TestAccounts.CreateAsync(app, ["Employee"]);
        var stampBefore = (await TestAccounts.UserAsync(app, userId)).SecurityStamp;

        var response = await InwardApp.PostFormAsync(hr, $"/people/{employeeId}/edit", Form("Leaver", email, active: false));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False((await EmployeeAsync(app, employeeId!.Value)).IsActive);
        var account = await TestAccounts.UserAsync(app, userId);
        Assert.False(account.IsActive);
        // A new stamp invalidates every cookie issued before it at the next validation.
        Assert.NotEqual(stampBefore, account.SecurityStamp);
        var signIn = await InwardApp.SignInAsync(app.Client(), email, TestAccounts.Password);
        Assert.NotEqual(HttpStatusCode.Redirect, signIn.StatusCode);

        await InwardApp.PostFormAsync(hr, $"/people/{employeeId}/edit", Form("Leaver", email, active: true));

        Assert.True((await TestAccounts.UserAsync(app, userId)).IsActive);
        Assert.Equal(HttpStatusCode.Redirect, (await InwardApp.SignInAsync(app.Client(), email, TestAccounts.Password)).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task HR_cannot_deactivate_an_administrator_but_an_administrator_can(DatabaseProvider provider)
    {
        var app = await App(provider);
        var hr = await app.SignedInAsync("hr@demo.example");
        var admin = await app.SignedInAsync("admin@demo.example");
        var (email, userId, employeeId) = await TestAccounts.CreateAsync(app, [Inward.Platform.Identity.Roles.Admin, Inward.Platform.Identity.Roles.Employee]);

        var byHr = await InwardApp.PostFormAsync(hr, $"/people/{employeeId}/edit", Form("Other admin", email, active: false));

        Assert.Contains("Only an administrator can deactivate or reactivate a person whose account has the Admin role.", await TextAsync(byHr), StringComparison.Ordinal);
        Assert.True((await TestAccounts.UserAsync(app, userId)).IsActive);

        var byAdmin = await InwardApp.PostFormAsync(admin, $"/people/{employeeId}/edit", Form("Other admin", email, active: false));

        Assert.Equal(HttpStatusCode.Redirect, byAdmin.StatusCode);
        Assert.False((await TestAccounts.UserAsync(app, userId)).IsActive);
    }
}
