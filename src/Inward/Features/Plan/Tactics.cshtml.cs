using Inward.Platform.Data;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Plan;

/// <summary>The tactic catalogue for everyone internal; plan editors can add a tactic to a draft or published plan.</summary>
[RequireCapability(Capability.UseIntranet)]
public sealed class TacticsModel(InwardDbContext db) : PageModel
{
    public IReadOnlyList<(int Id, string Title)> EditablePlans { get; private set; } = [];
    public int Employees { get; private set; }

    /// <summary>With a tactic and a plan (the "add to plan" form), editors go on to the new initiative pre-filled from the tactic.</summary>
    public async Task<IActionResult> OnGetAsync(string? tactic, int? plan)
    {
        if (plan is { } planId && TacticCatalogue.Find(tactic) is { } t && User.Has(Capability.ManagePlan))
        {
            return Redirect($"/plans/{planId}/initiatives?tactic={Uri.EscapeDataString(t.Key)}");
        }
        Employees = await db.Employees.CountAsync(e => e.IsActive);
        if (User.Has(Capability.ManagePlan))
        {
            EditablePlans = (await db.Set<InternalMarketingPlan>().AsNoTracking().Where(p => p.Status != PlanStatus.Archived)
                .OrderByDescending(p => p.StartsOn).Select(p => new { p.Id, p.Title }).ToListAsync()).Select(p => (p.Id, p.Title)).ToList();
        }
        return Page();
    }
}
