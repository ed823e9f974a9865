using System.Globalization;
using System.Text;
using Inward.Features.Audiences;
using Inward.Features.People;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Inward.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Posts;

/// <summary>
/// Who a post reaches now, who opened it and who acknowledged it, per department and per location; who is overdue; CSV.
/// Communicators see everyone; managers see only their team (direct and indirect reports), and only for published posts.
/// </summary>
[RequireCapability(Capability.UseIntranet)]
public sealed class ReceiptsModel(InwardDbContext db, AudienceResolver resolver, PeopleQueries peopleQueries, TimeProvider clock) : PageModel
{
    public sealed record Person(int Id, string Name, string Email, string? Department, string? Location, DateTime? OpenedUtc, DateTime? AcknowledgedUtc);

    /// <summary>One line of a breakdown (a department or a location; null name: none).</summary>
    public sealed record GroupRow(string? Name, int Reached, int Opened, int Acknowledged);

    public int Id { get; private set; }
    public string Title { get; private set; } = "";
    public bool MustRead { get; private set; }
    public DateOnly? Due { get; private set; }
    /// <summary>True when the figures are narrowed to the signed-in manager's team.</summary>
    public bool TeamOnly { get; private set; }
    public IReadOnlyList<GroupRow> Rows { get; private set; } = [];
    public IReadOnlyList<GroupRow> Locations { get; private set; } = [];
    public GroupRow Total { get; private set; } = new(null, 0, 0, 0);
    public IReadOnlyList<Person> Overdue { get; private set; } = [];

    private List<Person> people = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) switch { null => Forbid(), false => NotFound(), true => Page() };

    public async Task<IActionResult> OnGetCsvAsync(int id, CancellationToken ct)
    {
        switch (await LoadAsync(id, ct))
        {
            case null:
                return Forbid();
            case false:
                return NotFound();
        }
        var csv = new StringBuilder(CsvSafe.Row("Name", "Email", "Department", "Location", "Opened (UTC)", "Acknowledged (UTC)", "Overdue"));
        var overdue = Overdue.Select(p => p.Id).ToHashSet();
        foreach (var p in people)
        {
            csv.Append(CsvSafe.Row(p.Name, p.Email, p.Department, p.Location, Iso(p.OpenedUtc), Iso(p.AcknowledgedUtc), overdue.Contains(p.Id) ? "yes" : ""));
        }
        return File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", $"post-{id.ToString(CultureInfo.InvariantCulture)}-receipts.csv");
    }

    private static string Iso(DateTime? at) => at?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "";

    /// <summary>True when loaded, false for an unknown post (or, for a manager, one that is not published), null when not allowed.</summary>
    private async Task<bool?> LoadAsync(int id, CancellationToken ct)
    {
        HashSet<int>? team = null;
        if (!User.Has(Capability.Communicate))
        {
            if (!User.Has(Capability.SeeTeam))
            {
                return null;
            }
            TeamOnly = true;
            team = PeopleQueries.EmployeeIdOf(User) is { } me ? await peopleQueries.TeamOfAsync(me) : [];
        }
        var post = await db.Set<Post>().AsNoTracking().Where(p => p.Id == id)
            .Select(p => new { p.Title, p.MustRead, p.MustReadDue, p.AudienceJson, p.Status }).SingleOrDefaultAsync(ct);
        if (post is null || (TeamOnly && post.Status != PostStatus.Published))
        {
            return false;
        }
        Id = id;
        Title = post.Title;
        MustRead = post.MustRead;
        Due = post.MustReadDue;
        var rule = AudienceRule.FromJson(post.AudienceJson) ?? new AudienceRule();
        var members = (await resolver.MemberEmployeeIdsAsync(rule, ct)).ToHashSet();
        if (team is not null)
        {
            members.IntersectWith(team);
        }
        var reads = await db.Set<PostRead>().AsNoTracking().Where(r => r.PostId == id).ToDictionaryAsync(r => r.EmployeeId, r => r.FirstOpenedUtc, ct);
        var acks = await db.Set<PostAcknowledgement>().AsNoTracking().Where(a => a.PostId == id).ToDictionaryAsync(a => a.EmployeeId, a => a.AcknowledgedUtc, ct);
        var employees = await db.Employees.AsNoTracking().Where(e => e.IsActive)
            .Select(e => new { e.Id, e.Name, e.Email, Department = e.Department != null ? e.Department.Name : null, Location = e.Location != null ? e.Location.Name : null })
            .ToListAsync(ct);
        people = [.. employees.Where(e => members.Contains(e.Id))
            .Select(e => new Person(e.Id, e.Name, e.Email, e.Department, e.Location, reads.TryGetValue(e.Id, out var r) ? r : null, acks.TryGetValue(e.Id, out var a) ? a : null))
            .OrderBy(p => p.Department, StringComparer.CurrentCulture).ThenBy(p => p.Name, StringComparer.CurrentCulture)];
        Rows = Breakdown(people, p => p.Department);
        Locations = Breakdown(people, p => p.Location);
        Total = new(null, people.Count, people.Count(p => p.OpenedUtc is not null), people.Count(p => p.AcknowledgedUtc is not null));
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Overdue = MustRead && Due is { } due && due < today ? [.. people.Where(p => p.AcknowledgedUtc is null)] : [];
        return true;
    }

    private static List<GroupRow> Breakdown(IEnumerable<Person> people, Func<Person, string?> by) =>
        [.. people.GroupBy(by).Select(g => new GroupRow(g.Key, g.Count(), g.Count(p => p.OpenedUtc is not null), g.Count(p => p.AcknowledgedUtc is not null)))
            .OrderBy(r => r.Name is null).ThenBy(r => r.Name, StringComparer.CurrentCulture)];
}
