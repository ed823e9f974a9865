using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inward.Features.Plan;

/// <summary>
/// The initiatives on a month or quarter calendar. Everyone internal sees published plans (the published version with live
/// statuses); drafts exist only for plan editors.
/// </summary>
[RequireCapability(Capability.UseIntranet)]
public sealed class CalendarModel(PlanViews views) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? View { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }

    public PlanView Plan { get; private set; } = null!;
    public PlanCalendar Calendar { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await views.ReadableAsync(id, User.Has(Capability.ManagePlan), HttpContext.RequestAborted) is not { } plan)
        {
            return NotFound();
        }
        Plan = plan;
        var view = string.Equals(View, "quarter", StringComparison.OrdinalIgnoreCase) ? CalendarView.Quarter : CalendarView.Month;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        // Without a month: this month while the plan runs, else the plan's first month.
        var from = PlanCalendar.ParseMonth(From)
            ?? (today >= plan.Plan.StartsOn && today <= plan.Plan.EndsOn ? today : plan.Plan.StartsOn);
        Calendar = PlanCalendar.Build(plan.Plan.Initiatives, view, from);
        return Page();
    }

    public string Link(CalendarView view, DateOnly month) =>
        $"/plans/{Plan.PlanId}/calendar?view={(view == CalendarView.Quarter ? "quarter" : "month")}&from={month:yyyy-MM}";
}
