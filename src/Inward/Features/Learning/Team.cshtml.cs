using Inward.Features.Learning.Assignments;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inward.Features.Learning;

/// <summary>A manager's view of their team's training (direct and indirect reports): the overdue list and progress per course.</summary>
[RequireCapability(Capability.SeeTeam)]
public sealed class TeamModel(LearningRecords records) : PageModel
{
    public sealed record CourseProgress(int CourseId, string Course, int Assigned, int Completed, int Overdue);

    public int TeamSize { get; private set; }
    public IReadOnlyList<AssignmentView> Overdue { get; private set; } = [];
    public IReadOnlyList<CourseProgress> Courses { get; private set; } = [];
    public IReadOnlyList<AssignmentView> Open { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var team = await records.TeamAsync(User);
        TeamSize = team.Count;
        var rows = await records.OfEmployeesAsync(team, new AssignmentFilter(), ct);
        Overdue = [.. rows.Where(r => r.State == AssignmentState.Overdue).OrderBy(r => r.DueDate).ThenBy(r => r.PersonName, StringComparer.CurrentCulture)];
        Open = [.. rows.Where(r => r.State == AssignmentState.Open).OrderBy(r => r.DueDate ?? DateOnly.MaxValue).ThenBy(r => r.PersonName, StringComparer.CurrentCulture)];
        Courses = [.. rows.GroupBy(r => (r.CourseId, r.CourseTitle))
            .Select(g => new CourseProgress(g.Key.CourseId, g.Key.CourseTitle, g.Count(), g.Count(r => r.State == AssignmentState.Completed),
                g.Count(r => r.State == AssignmentState.Overdue)))
            .OrderBy(c => c.Course, StringComparer.CurrentCulture)];
    }
}
