using Inward.Features.Learning.Assignments;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inward.Features.Learning;

/// <summary>My training: open assignments by due date (overdue first), then what I completed.</summary>
[Authorize(Policy = LearningAssignmentsModule.LearnerPolicy)]
public sealed class AssignedModel(LearningRecords records) : PageModel
{
    public IReadOnlyList<AssignmentView> Open { get; private set; } = [];
    public IReadOnlyList<AssignmentView> Completed { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var rows = await records.MineAsync(User, new AssignmentFilter(), ct);
        Open = [.. rows.Where(r => r.State is AssignmentState.Open or AssignmentState.Overdue)
            .OrderBy(r => r.State == AssignmentState.Overdue ? 0 : 1).ThenBy(r => r.DueDate ?? DateOnly.MaxValue)];
        Completed = [.. rows.Where(r => r.State == AssignmentState.Completed).OrderByDescending(r => r.CompletedUtc)];
    }
}
