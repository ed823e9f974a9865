using System.Net;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Inward.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inward.Tests.Admin;

public sealed class UsersPageTests(Apps apps) : IntegrationTest(apps)
{
    private static async Task<HttpResponseMessage> SaveAsync(HttpClient client, string userId, bool active, params string[] roles)
    {
        var page = $"/admin/users/{userId}";
        var token = InwardApp.AntiforgeryToken(await client.GetStringAsync(page));
        var fields = roles.Select(r => KeyValuePair.Create("SelectedRoles", r))
            .Append(KeyValuePair.Create("IsActive", active ? "true" : "false"))
            .Append(KeyValuePair.Create("__RequestVerificationToken", token));
        return await client.PostAsync(page, new FormUrlEncodedContent(fields));
    }

    private static async Task<IList<string>> RolesAsync(InwardApp app, string userId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<InwardUser>>();
        return await users.GetRolesAsync((await users.FindByIdAsync(userId))!);
    }

    private static async Task<string> TextAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    [Theory, MemberData(nameof(Providers))]
    public async Task Granting_and_removing_roles_is_audited_with_before_and_after(DatabaseProvider provider)
    {
        var app = await App(provider);
        var admin = await app.SignedInAsync("admin@demo.example");
        var (_, userId, _) = await TestAccounts.CreateAsync(app, [Roles.Employee, Roles.Manager]);
        var (hrRole, managerRole) = await TestAccounts.WithDbAsync(app, async db =>
            (await db.Roles.Where(r => r.Name == Roles.HR).Select(r => r.Id).SingleAsync(), await db.Roles.Where(r => r.Name == Roles.Manager).Select(r => r.Id).SingleAsync()));

        var response = await SaveAsync(admin, userId, true, Roles.Employee, Roles.HR);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal([Roles.Employee, Roles.HR], (await RolesAsync(app, userId)).Order(StringComparer.Ordinal));
        var entries = await TestAccounts.WithDbAsync(app, db => db.AuditEntries.AsNoTracking()
            .Where(a => (a.EntityType == "IdentityUserRole`1" && a.EntityId!.StartsWith(userId)) || (a.Action == "RolesChanged" && a.EntityId == userId)).ToListAsync());
        var granted = Assert.Single(entries, a => a.Action == "Added" && a.EntityId == $"{userId}/{hrRole}");
        Assert.Contains(hrRole, granted.After, StringComparison.Ordinal);
        Assert.Equal("admin@demo.example", granted.ActorName);
        var removed = Assert.Single(entries, a => a.Action == "Deleted" && a.EntityId == $"{userId}/{managerRole}");
        Assert.Equal("admin@demo.example", removed.ActorName);
        Assert.Contains(managerRole, removed.Before, StringComparison.Ordinal);
        var summary = Assert.Single(entries, a => a.Action == "RolesChanged");
        Assert.Equal("{\"Roles\":[\"Employee\",\"Manager\"]}", summary.Before);
        Assert.Equal("{\"Roles\":[\"Employee\",\"HR\"]}", summary.After);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_admin_cannot_remove_their_own_admin_role_or_deactivate_themselves(DatabaseProvider provider)
    {
        var app = await App(provider);
        var (email, userId, _) = await TestAccounts.CreateAsync(app, [Roles.Admin, Roles.Employee]);
        var self = await app.SignedInAsync(email, TestAccounts.Password);

        var demote = await SaveAsync(self, userId, true, Roles.Employee);
        var deactivate = await SaveAsync(self, userId, false, Roles.Admin, Roles.Employee);

        Assert.Contains("You cannot remove your own Admin role; another administrator can.", await TextAsync(demote), StringComparison.Ordinal);
        Assert.Contains("You cannot deactivate your own account; another administrator can.", await TextAsync(deactivate), StringComparison.Ordinal);
        Assert.Contains(Roles.Admin, await RolesAsync(app, userId));
        Assert.True((await TestAccounts.UserAsync(app, userId)).IsActive);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Staff_cannot_get_the_partner_role_and_deactivating_an_account_renews_its_stamp(DatabaseProvider provider)
    {
        var app = await App(provider);
        var admin = await app.SignedInAsync("admin@demo.example");
        var (email, userId, _) = await TestAccounts.CreateAsync(app, [Roles.Employee]);
        var stamp = (await TestAccounts.UserAsync(app, userId)).SecurityStamp;

        var partner = await SaveAsync(admin, userId, true, Roles.Employee, Roles.Partner);
        var deactivate = await SaveAsync(admin, userId, false, Roles.Employee);

        Assert.Contains("A staff account cannot have the role Partner.", await TextAsync(partner), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, deactivate.StatusCode);
        var account = await TestAccounts.UserAsync(app, userId);
        Assert.False(account.IsActive);
        Assert.NotEqual(stamp, account.SecurityStamp);
        Assert.DoesNotContain(Roles.Partner, await RolesAsync(app, userId));
        Assert.NotEqual(HttpStatusCode.Redirect, (await InwardApp.SignInAsync(app.Client(), email, TestAccounts.Password)).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Users_are_found_by_name_or_email_with_their_roles(DatabaseProvider provider)
    {
        var app = await App(provider);
        var admin = await app.SignedInAsync("admin@demo.example");
        var (email, userId, _) = await TestAccounts.CreateAsync(app, [Roles.Communicator, Roles.Employee]);

        var html = await admin.GetStringAsync($"/admin/users?q={Uri.EscapeDataString(email.ToUpperInvariant())}");

        Assert.Contains($"/admin/users/{userId}", html, StringComparison.Ordinal);
        Assert.Contains("Communicator", html, StringComparison.Ordinal);
        Assert.DoesNotContain("admin@demo.example</span>", html, StringComparison.Ordinal);
    }
}
