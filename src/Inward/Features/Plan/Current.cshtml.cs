using Inward.Features.People;
using Inward.Features.Settings;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Plan;

/// <summary>
/// The plan as employees see it: /plan is the current plan, /plan/{id} any published one. Everyone internal reads it,
/// acknowledges it and suggests; suggestions and their answers are public.
/// </summary>
[RequireCapability(Capability.UseIntranet)]
public sealed class CurrentModel(PlanViews views, PlanService plans, CompanyProfile company, IStringLocalizer<Strings> T) : PageModel
{
    [BindProperty] public SuggestionForm Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    public PlanView? View { get; private set; }
    public string Currency { get; private set; } = "";
    public AcknowledgementState Acknowledgement { get; private set; } = new(null, null, false);
    public IReadOnlyList<SuggestionView> Suggestions { get; private set; } = [];
    public bool HasEmployee => PeopleQueries.EmployeeIdOf(User) is not null;

    public sealed class SuggestionForm
    {
        public string? Text { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int? id) =>
        await LoadAsync(id) || id is null ? Page() : NotFound();

    public async Task<IActionResult> OnPostAcknowledgeAsync(int? id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        if (PeopleQueries.EmployeeIdOf(User) is not { } employeeId)
        {
            ModelState.AddModelError("", T["Only accounts linked to an employee can acknowledge the plan."]);
            return Page();
        }
        if (View!.Status == PlanStatus.Archived)
        {
            ModelState.AddModelError("", T["This plan is archived and is no longer acknowledged."]);
            return Page();
        }
        await plans.AcknowledgeAsync(View.PlanId, employeeId, HttpContext.RequestAborted);
        return Redirect($"{PlanUrl()}?done=acknowledged#acknowledge");
    }

    public async Task<IActionResult> OnPostSuggestAsync(int? id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        if (PeopleQueries.EmployeeIdOf(User) is not { } employeeId)
        {
            ModelState.AddModelError("", T["Only accounts linked to an employee can make suggestions."]);
            return Page();
        }
        var outcome = await plans.SuggestAsync(View!.PlanId, employeeId, Input.Text, HttpContext.RequestAborted);
        if (outcome.Succeeded)
        {
            return Redirect($"{PlanUrl()}?done=suggested#suggestion-{outcome.Id}");
        }
        PlanPages.AddErrors(ModelState, T, outcome.Errors, nameof(Input));
        return Page();
    }

    /// <summary>The address of this plan: /plan for the current one, /plan/{id} otherwise.</summary>
    public string PlanUrl() => View is { IsCurrent: true } ? "/plan" : $"/plan/{View?.PlanId}";

    private async Task<bool> LoadAsync(int? id)
    {
        var ct = HttpContext.RequestAborted;
        View = id is { } planId ? await views.PublishedAsync(planId, ct) : await views.CurrentAsync(ct);
        if (View is null)
        {
            return false;
        }
        Currency = (await company.GetAsync()).Currency;
        Acknowledgement = await views.AcknowledgementOfAsync(View.PlanId, PeopleQueries.EmployeeIdOf(User), ct);
        Suggestions = await views.SuggestionsAsync(View.PlanId, ct: ct);
        return true;
    }
}
