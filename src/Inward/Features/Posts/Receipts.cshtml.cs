using System.Globalization;
using System.Text;
using Inward.Features.Audiences;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Inward.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Posts;

/// <summary>Who a post reaches now, who opened it, who acknowledged it, per department; who is overdue; CSV export.</summary>
[RequireCapability(Capability.Communicate)]
public sealed class ReceiptsModel(InwardDbContext db, AudienceResolver resolver, TimeProvider clock) : PageModel
{
    public sealed record Person(int Id, string Name, string Email, string? Department, DateTime? OpenedUtc, DateTime? AcknowledgedUtc);

    public sealed record DepartmentRow(string? Name, int Reached, int Opened, int Acknowledged);

    public int Id { get; private set; }
    public string Title { get; private set; } = "";
    public bool MustRead { get; private set; }
    public DateOnly? Due { get; private set; }
    public IReadOnlyList<DepartmentRow> Rows { get; private set; } = [];
    public DepartmentRow Total { get; private set; } = new(null, 0, 0, 0);
    public IReadOnlyList<Person> Overdue { get; private set; } = [];

    private List<Person> people = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        var csv = new StringBuilder(CsvSafe.Row("Name", "Email", "Department", "Opened (UTC)", "Acknowledged (UTC)", "Overdue"));
        foreach (var p in people)
        {
            csv.Append(CsvSafe.Row(p.Name, p.Email, p.Department, Iso(p.OpenedUtc), Iso(p.AcknowledgedUtc), Overdue.Contains(p) ? "yes" : ""));
        }
        return File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", $"post-{id.ToString(CultureInfo.InvariantCulture)}-receipts.csv");
    }

    private static string Iso(DateTime? at) => at?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "";

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var post = await db.Set<Post>().AsNoTracking().Where(p => p.Id == id)
            .Select(p => new { p.Title, p.MustRead, p.MustReadDue, p.AudienceJson }).SingleOrDefaultAsync(ct);
        if (post is null)
        {
            return false;
        }
        Id = id;
        Title = post.Title;
        MustRead = post.MustRead;
        Due = post.MustReadDue;
        var rule = AudienceRule.FromJson(post.AudienceJson) ?? new AudienceRule();
        var members = (await resolver.MemberEmployeeIdsAsync(rule, ct)).ToHashSet();
        var reads = await db.Set<PostRead>().AsNoTracking().Where(r => r.PostId == id).ToDictionaryAsync(r => r.EmployeeId, r => r.FirstOpenedUtc, ct);
        var acks = await db.Set<PostAcknowledgement>().AsNoTracking().Where(a => a.PostId == id).ToDictionaryAsync(a => a.EmployeeId, a => a.AcknowledgedUtc, ct);
        var employees = await db.Employees.AsNoTracking().Where(e => e.IsActive)
            .Select(e => new { e.Id, e.Name, e.Email, Department = e.Department != null ? e.Department.Name : null })
            .ToListAsync(ct);
        people = [.. employees.Where(e => members.Contains(e.Id))
            .Select(e => new Person(e.Id, e.Name, e.Email, e.Department, reads.TryGetValue(e.Id, out var r) ? r : null, acks.TryGetValue(e.Id, out var a) ? a : null))
            .OrderBy(p => p.Department, StringComparer.CurrentCulture).ThenBy(p => p.Name, StringComparer.CurrentCulture)];
        Rows = [.. people.GroupBy(p => p.Department).Select(g => new DepartmentRow(g.Key, g.Count(), g.Count(p => p.OpenedUtc is not null), g.Count(p => p.AcknowledgedUtc is not null)))
            .OrderBy(r => r.Name is null).ThenBy(r => r.Name, StringComparer.CurrentCulture)];
        Total = new(null, people.Count, people.Count(p => p.OpenedUtc is not null), people.Count(p => p.AcknowledgedUtc is not null));
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Overdue = MustRead && Due is { } due && due < today ? [.. people.Where(p => p.AcknowledgedUtc is null)] : [];
        return true;
    }
}
