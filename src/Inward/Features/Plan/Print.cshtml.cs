using Inward.Features.Settings;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inward.Features.Plan;

/// <summary>The plan on one printable page (the print style sheet drops navigation). Same visibility as the calendar.</summary>
[RequireCapability(Capability.UseIntranet)]
public sealed class PrintModel(PlanViews views, CompanyProfile company) : PageModel
{
    public PlanView Plan { get; private set; } = null!;
    public string Currency { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await views.ReadableAsync(id, User.Has(Capability.ManagePlan), HttpContext.RequestAborted) is not { } plan)
        {
            return NotFound();
        }
        Plan = plan;
        Currency = (await company.GetAsync()).Currency;
        return Page();
    }
}
