using Inward.Features.People;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Plan;

/// <summary>Plan editors' inbox of suggestions: set the status and write the public answer.</summary>
[RequireCapability(Capability.ManagePlan)]
public sealed class SuggestionsModel(InwardDbContext db, PlanViews views, PlanService plans, IStringLocalizer<Strings> T) : PageModel
{
    [BindProperty] public AnswerForm Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public SuggestionStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    public int Id { get; private set; }
    public string PlanTitle { get; private set; } = "";
    public IReadOnlyList<SuggestionView> Items { get; private set; } = [];
    public int? FailedId { get; private set; }

    public sealed class AnswerForm
    {
        public SuggestionStatus Status { get; set; }
        public string? Answer { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAnswerAsync(int id, int suggestionId)
    {
        var outcome = await plans.AnswerAsync(id, suggestionId, Input.Status, Input.Answer, PeopleQueries.EmployeeIdOf(User), HttpContext.RequestAborted);
        if (outcome.Kind == PlanOutcomeKind.NotFound)
        {
            return NotFound();
        }
        if (outcome.Succeeded)
        {
            return Redirect($"/plans/{id}/suggestions?done=answered{(Status is { } s ? "&status=" + s : "")}#suggestion-{suggestionId}");
        }
        PlanPages.AddErrors(ModelState, T, outcome.Errors, nameof(Input));
        FailedId = suggestionId;
        return await LoadAsync(id) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id)
    {
        var title = await db.Set<InternalMarketingPlan>().Where(p => p.Id == id).Select(p => p.Title).SingleOrDefaultAsync();
        if (title is null)
        {
            return false;
        }
        Id = id;
        PlanTitle = title;
        Items = await views.SuggestionsAsync(id, Status is { } s && Enum.IsDefined(s) ? s : null, HttpContext.RequestAborted);
        return true;
    }
}
