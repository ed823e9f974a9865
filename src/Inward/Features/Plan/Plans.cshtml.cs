using Inward.Platform.Data;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Plan;

/// <summary>Plan editors' list of every plan (drafts, published, archived) and the form to start a new one.</summary>
[RequireCapability(Capability.ManagePlan)]
public sealed class PlansModel(InwardDbContext db, PlanService plans, CurrentPlan current, IStringLocalizer<Strings> T) : PageModel
{
    [BindProperty] public PlanForm Input { get; set; } = new();

    public sealed record Row(int Id, string Title, PlanStatus Status, DateOnly StartsOn, DateOnly EndsOn, int PublishedVersion, bool HasUnpublishedChanges);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int? CurrentId { get; private set; }

    public async Task OnGetAsync()
    {
        var year = DateTime.UtcNow.Year;
        Input = new PlanForm { StartsOn = new DateOnly(year + 1, 1, 1), EndsOn = new DateOnly(year + 1, 12, 31), Budget = "0" };
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var outcome = await plans.CreatePlanAsync(Input, HttpContext.RequestAborted);
        if (outcome.Succeeded)
        {
            return Redirect($"/plans/{outcome.Id}?done=created");
        }
        PlanPages.AddErrors(ModelState, T, outcome.Errors, nameof(Input));
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Rows = await db.Set<InternalMarketingPlan>().AsNoTracking()
            .OrderBy(p => p.Status).ThenByDescending(p => p.StartsOn).ThenByDescending(p => p.Id)
            .Select(p => new Row(p.Id, p.Title, p.Status, p.StartsOn, p.EndsOn, p.PublishedVersion, p.HasUnpublishedChanges))
            .ToListAsync();
        CurrentId = await current.IdAsync();
    }
}
