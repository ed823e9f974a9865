using System.Globalization;
using System.Net;
using Inward.Features.People;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Inward.Tests.Admin;
using Inward.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Inward.Tests.Posts.PostsTests;

namespace Inward.Tests.Posts;

/// <summary>Receipts per department and location, and the manager's view narrowed to their own team.</summary>
public sealed class ReceiptsTests(Apps apps) : IntegrationTest(apps)
{
    private static string Yesterday() => DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory, MemberData(nameof(Providers))]
    public async Task A_manager_sees_receipts_and_overdue_people_of_their_own_team_only(DatabaseProvider provider)
    {
        var app = await App(provider);
        var department = await DepartmentAsync(app);
        var (managerEmail, _, managerEmployee) = await TestAccounts.CreateAsync(app, [Roles.Manager]);
        var done = await PersonAsync(app, department);
        var late = await PersonAsync(app, department);
        var stranger = await PersonAsync(app, department);
        var location = await TestAccounts.WithDbAsync(app, async db =>
        {
            var place = new Location { Name = $"Depot {Guid.NewGuid():N}"[..20] };
            db.Locations.Add(place);
            await db.SaveChangesAsync();
            foreach (var e in await db.Employees.Where(e => e.Id == done.EmployeeId || e.Id == late.EmployeeId).ToListAsync())
            {
                e.ManagerId = managerEmployee;
                e.LocationId = place.Id;
            }
            await db.SaveChangesAsync();
            return place.Name;
        });
        var title = $"Safety briefing {Guid.NewGuid():N}";
        var id = await PublishAsync(app, Form(title, department, mustRead: true, due: Yesterday()));
        var doneApi = await app.ApiClientAsync(done.Email);
        Assert.Equal(HttpStatusCode.NoContent, (await doneApi.PostAsync($"/api/v1/posts/{id}/acknowledgement", null)).StatusCode);

        var manager = await app.SignedInAsync(managerEmail, TestAccounts.Password);
        var receipts = await manager.GetStringAsync($"/posts/{id}/receipts");
        Assert.Contains("Only your team", receipts, StringComparison.Ordinal);
        Assert.Contains(location, receipts, StringComparison.Ordinal);
        Assert.Contains(late.Name, receipts, StringComparison.Ordinal);
        Assert.DoesNotContain(stranger.Name, receipts, StringComparison.Ordinal);
        Assert.DoesNotContain($"/posts/{id}/edit", receipts, StringComparison.Ordinal);

        var csv = await manager.GetStringAsync($"/posts/{id}/receipts?handler=Csv");
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Name,Email,Department,Location,", lines[0], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
        Assert.Contains(lines, l => l.Contains(late.Email, StringComparison.Ordinal) && l.TrimEnd().EndsWith(",yes", StringComparison.Ordinal));
        Assert.DoesNotContain(stranger.Email, csv, StringComparison.Ordinal);

        var team = await manager.GetStringAsync("/team/must-reads");
        Assert.Contains(title, team, StringComparison.Ordinal);
        Assert.Contains(late.Name, team, StringComparison.Ordinal);
        Assert.DoesNotContain(done.Name, team, StringComparison.Ordinal);

        // The communicator sees everyone, with the location breakdown.
        var comms = await app.SignedInAsync("comms@demo.example");
        var all = await comms.GetStringAsync($"/posts/{id}/receipts");
        Assert.Contains(stranger.Name, all, StringComparison.Ordinal);
        Assert.Contains("By location", all, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Managers_never_see_drafts_and_employees_never_see_receipts(DatabaseProvider provider)
    {
        var app = await App(provider);
        var department = await DepartmentAsync(app);
        var draft = await PublishAsync(app, Form($"Draft {Guid.NewGuid():N}", department, action: "draft"));
        var published = await PublishAsync(app, Form($"Live {Guid.NewGuid():N}", department));
        var manager = await app.SignedInAsync("manager@demo.example");
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/posts/{draft}/receipts")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/posts/{published}/receipts")).StatusCode);
        var employee = await app.SignedInAsync("employee@demo.example");
        var refused = await employee.GetAsync($"/posts/{published}/receipts");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("access-denied", refused.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Redirect, (await employee.GetAsync("/team/must-reads")).StatusCode);
    }
}
