using System.Globalization;
using System.Text;
using Inward.Features.Learning.Assignments;
using Inward.Platform.Audit;
using Inward.Platform.Identity;
using Inward.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Learning;

/// <summary>Completion of assigned training by department and course (ManageLearning), with a CSV export.</summary>
[RequireCapability(Capability.ManageLearning)]
public sealed class ReportModel(LearningRecords records, Platform.Data.InwardDbContext db, AuditLog audit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Course { get; set; }

    public IReadOnlyList<CompletionRow> Rows { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Courses { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostExportAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        await audit.RecordAsync("Export", nameof(LearningAssignment), Course?.ToString(CultureInfo.InvariantCulture),
            new { Export = "learning-completion-by-department", Course, Rows = Rows.Count });
        var csv = new StringBuilder(CsvSafe.Row("Course", "Department", "Assigned", "Completed", "Overdue", "Completion %"));
        foreach (var r in Rows)
        {
            csv.Append(CsvSafe.Row(r.Course, r.Department, Text(r.Assigned), Text(r.Completed), Text(r.Overdue),
                r.Rate?.ToString("0.0", CultureInfo.InvariantCulture) ?? ""));
        }
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
        return File(bytes, "text/csv; charset=utf-8", "learning-completion.csv");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Rows = await records.CompletionByDepartmentAsync(Course, ct);
        Courses = (await db.Set<Course>().AsNoTracking().OrderBy(c => c.Title).Select(c => new { c.Id, c.Title }).ToListAsync(ct))
            .Select(c => new SelectListItem(c.Title, Text(c.Id), c.Id == Course)).ToList();
    }

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);
}
