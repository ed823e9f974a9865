using Inward.Features.Posts;
using Inward.Platform.Data;
using Inward.Platform.Demo;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Wins;

/// <summary>A few wins for Brightwheel Cycles; the Lyon contract is already told as the demo success story (after posts, order 60).</summary>
internal sealed class WinsDemoContent(TimeProvider clock) : IDemoContent
{
    public string Name => "wins";
    public int Order => 70;

    public async Task<bool> SeedAsync(InwardDbContext db, CancellationToken ct)
    {
        if (await db.Set<Win>().AnyAsync(ct))
        {
            return false;
        }
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Name, d => d.Id, ct);
        var employee = await AccountAsync(db, "employee", ct);
        var comms = await AccountAsync(db, "comms", ct);
        var manager = await AccountAsync(db, "manager", ct);
        if (employee is null || comms is null || manager is null)
        {
            return false;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var lyonStory = await db.Set<Post>().Where(p => p.Title == "Lyon wins the city bike-share contract").Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);

        var wins = new List<(Win Win, int[] People, string[] Departments)>
        {
            (Make("Lyon city bike-share contract signed", WinKind.ContractSigned,
                "Three-year service contract for **400 city bikes** in Lyon, won against two national competitors.",
                "Signed contract LY-2026-114.", null, 5, comms), [comms.Value.EmployeeId], ["Sales & Marketing", "Field Service", "Logistics"]),
            (Make("Customer Service hits 95% first-call resolution", WinKind.SalesTargetReached,
                "For the first time the whole team solved 95% of calls on the first contact, two months ahead of the plan.",
                "Monthly service report: 95.3% in October.", null, 12, manager), [manager.Value.EmployeeId, employee.Value.EmployeeId], ["Customer Service"]),
            (Make("A rider thanks our repair team", WinKind.CustomerPraise,
                "A commuter in Gdańsk wrote to thank us: her bike was repaired and back the same afternoon.",
                "> \"Fast, friendly and the bike rides like new.\"", "https://reviews.example/brightwheel/2291", 3, employee), [employee.Value.EmployeeId], ["Field Service"]),
            (Make("Dealer network grows to 40 shops", WinKind.Other,
                "Two more dealers joined the Cycle Hub network this month.", null, null, 20, comms), [], ["Sales & Marketing"]),
        };
        foreach (var (win, _, _) in wins)
        {
            db.Add(win);
        }
        if (lyonStory is { } storyId)
        {
            wins[0].Win.StoryPostId = storyId;
            wins[0].Win.StoryCreatedUtc = now.AddDays(-4);
        }
        await db.SaveChangesAsync(ct);
        foreach (var (win, people, names) in wins)
        {
            db.AddRange(people.Distinct().Select(p => new WinPerson { WinId = win.Id, EmployeeId = p }));
            db.AddRange(names.Where(departments.ContainsKey).Select(n => new WinDepartment { WinId = win.Id, DepartmentId = departments[n] }));
        }
        await db.SaveChangesAsync(ct);
        return true;

        Win Make(string title, WinKind kind, string description, string? evidence, string? url, int daysAgo, (string UserId, int EmployeeId, string Name)? author) => new()
        {
            Title = title, Kind = kind, Description = description, Evidence = evidence, EvidenceUrl = url, WonOn = today.AddDays(-daysAgo),
            AuthorUserId = author!.Value.UserId, AuthorEmployeeId = author.Value.EmployeeId, AuthorName = author.Value.Name,
            CreatedUtc = now.AddDays(-daysAgo), UpdatedUtc = now.AddDays(-daysAgo),
        };
    }

    private static async Task<(string UserId, int EmployeeId, string Name)?> AccountAsync(InwardDbContext db, string name, CancellationToken ct)
    {
        var email = $"{name}@{DemoCompany.Domain}".ToUpperInvariant();
        var user = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == email && u.EmployeeId != null)
            .Select(u => new { u.Id, u.EmployeeId, u.DisplayName }).SingleOrDefaultAsync(ct);
        return user is null ? null : (user.Id, user.EmployeeId!.Value, user.DisplayName);
    }
}
