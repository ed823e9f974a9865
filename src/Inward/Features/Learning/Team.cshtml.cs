using Inward.Features.Learning.Assignments;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inward.Features.Learning;

/// <summary>A manager's view of their team's training (direct and indirect reports): the overdue list and progress per course.</summary>
[RequireCapability(Capability.SeeTeam)]
public sealed class TeamModel(LearningRecords records) : PageModel
{
    /// <summary>How many overdue and how many open assignments the page lists (the earliest due first); the counts per course cover all.</summary>
    public const int ListMax = 200;

    public int TeamSize { get; private set; }
    public IReadOnlyList<AssignmentView> Overdue { get; private set; } = [];
    public IReadOnlyList<CourseCounts> Courses { get; private set; } = [];
    public IReadOnlyList<AssignmentView> Open { get; private set; } = [];
    public int OverdueTotal { get; private set; }
    public int OpenTotal { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var team = await records.TeamAsync(User);
        TeamSize = team.Count;
        Courses = [.. (await records.CountsPerCourseOfEmployeesAsync(team, ct)).OrderBy(c => c.Course, StringComparer.CurrentCulture)];
        OverdueTotal = Courses.Sum(c => c.Overdue);
        OpenTotal = Courses.Sum(c => c.Open);
        Overdue = [.. (await records.OfEmployeesAsync(team, new AssignmentFilter(State: AssignmentState.Overdue), ct, ListMax))
            .OrderBy(r => r.DueDate).ThenBy(r => r.PersonName, StringComparer.CurrentCulture)];
        Open = [.. (await records.OfEmployeesAsync(team, new AssignmentFilter(State: AssignmentState.Open), ct, ListMax))
            .OrderBy(r => r.DueDate ?? DateOnly.MaxValue).ThenBy(r => r.PersonName, StringComparer.CurrentCulture)];
    }
}
