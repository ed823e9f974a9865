using Inward.Features.People;
using Microsoft.AspNetCore.Mvc;

namespace Inward.Features.Plan;

public sealed record PlanHomeCardModel(int PlanId, string Title, IReadOnlyList<string> Goals, bool HasEmployee, AcknowledgementState Acknowledgement);

/// <summary>The plan's card on the home page: the current plan, its goals, and a nudge to read and acknowledge the latest version.</summary>
public sealed class PlanHomeCard(PlanViews views) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (await views.CurrentSnapshotAsync(HttpContext.RequestAborted) is not { } current)
        {
            return Content("");
        }
        var employeeId = PeopleQueries.EmployeeIdOf(HttpContext.User);
        var ack = await views.AcknowledgementOfAsync(current.PlanId, employeeId, HttpContext.RequestAborted);
        return View("/Features/Plan/_PlanHomeCard.cshtml", new PlanHomeCardModel(current.PlanId, current.Plan.Title,
            [.. current.Plan.Goals.Select(g => g.Title)], employeeId is not null, ack));
    }
}
