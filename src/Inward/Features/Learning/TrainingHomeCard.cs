using Inward.Features.Learning.Assignments;
using Microsoft.AspNetCore.Mvc;

namespace Inward.Features.Learning;

public sealed record TrainingHomeCardModel(IReadOnlyList<AssignmentView> Due, int OpenCount);

/// <summary>"Your training" on the home page: the open assignments due first (overdue ones on top). Nothing when none are open.</summary>
public sealed class TrainingHomeCard(LearningRecords records) : ViewComponent
{
    public const int Shown = 3;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var open = (await records.MineAsync(HttpContext.User, new AssignmentFilter(), HttpContext.RequestAborted))
            .Where(a => a.State is AssignmentState.Open or AssignmentState.Overdue)
            .OrderBy(a => a.State == AssignmentState.Overdue ? 0 : 1).ThenBy(a => a.DueDate ?? DateOnly.MaxValue).ToList();
        return open.Count == 0 ? Content("") : View("/Features/Learning/_TrainingHomeCard.cshtml", new TrainingHomeCardModel([.. open.Take(Shown)], open.Count));
    }
}
