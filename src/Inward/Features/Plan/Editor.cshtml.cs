using Inward.Platform.Data;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Plan;

/// <summary>
/// The plan editor: the plan's fields, its goals (add, edit, reorder, delete), links to KPIs and initiatives, publishing
/// with a change note and archiving. Every change edits the working copy; employees see only published versions.
/// </summary>
[RequireCapability(Capability.ManagePlan)]
public sealed class EditorModel(InwardDbContext db, PlanService plans, PlanViews views, Settings.CompanyProfile company, IStringLocalizer<Strings> T) : PageModel
{
    [BindProperty] public PlanForm Input { get; set; } = new();
    [BindProperty] public GoalForm Goal { get; set; } = new();
    [BindProperty] public string? ChangeNote { get; set; }
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    public int Id { get; private set; }
    public PlanView View { get; private set; } = null!;
    public InternalMarketingPlan Plan { get; private set; } = null!;
    public int NewSuggestions { get; private set; }
    public string Currency { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        Input = new PlanForm
        {
            Title = Plan.Title,
            Summary = Plan.Summary,
            StartsOn = Plan.StartsOn,
            EndsOn = Plan.EndsOn,
            Budget = PlanNumbers.Format(Plan.Budget),
            OwnerEmail = Plan.Owner?.Email,
        };
        return Page();
    }

    public Task<IActionResult> OnPostAsync(int id) =>
        RunAsync(id, () => plans.UpdatePlanAsync(id, Input, HttpContext.RequestAborted), nameof(Input), "saved", keepInput: true);

    public Task<IActionResult> OnPostAddGoalAsync(int id) =>
        RunAsync(id, () => plans.AddGoalAsync(id, Goal, HttpContext.RequestAborted), nameof(Goal), "goal-added");

    public Task<IActionResult> OnPostSaveGoalAsync(int id, int goalId) =>
        RunAsync(id, () => plans.UpdateGoalAsync(id, goalId, Goal, HttpContext.RequestAborted), nameof(Goal), "goal-saved");

    public Task<IActionResult> OnPostDeleteGoalAsync(int id, int goalId) =>
        RunAsync(id, () => plans.DeleteGoalAsync(id, goalId, HttpContext.RequestAborted), nameof(Goal), "goal-deleted");

    public Task<IActionResult> OnPostMoveGoalAsync(int id, int goalId, bool up) =>
        RunAsync(id, () => plans.MoveGoalAsync(id, goalId, up, HttpContext.RequestAborted), nameof(Goal), "goal-moved");

    public Task<IActionResult> OnPostPublishAsync(int id) =>
        RunAsync(id, () => plans.PublishAsync(id, ChangeNote, HttpContext.RequestAborted), "", "published");

    public Task<IActionResult> OnPostArchiveAsync(int id) =>
        RunAsync(id, () => plans.ArchiveAsync(id, HttpContext.RequestAborted), "", "archived");

    /// <summary>Runs an operation: done → back to the editor; unknown ids → 404; errors → the editor with them.</summary>
    private async Task<IActionResult> RunAsync(int id, Func<Task<PlanOutcome>> operation, string prefix, string done, bool keepInput = false)
    {
        var outcome = await operation();
        if (outcome.Kind == PlanOutcomeKind.NotFound)
        {
            return NotFound();
        }
        if (outcome.Succeeded)
        {
            return Redirect($"/plans/{id}?done={done}");
        }
        PlanPages.AddErrors(ModelState, T, outcome.Errors, prefix);
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        if (!keepInput)
        {
            Input = new PlanForm
            {
                Title = Plan.Title, Summary = Plan.Summary, StartsOn = Plan.StartsOn, EndsOn = Plan.EndsOn,
                Budget = PlanNumbers.Format(Plan.Budget), OwnerEmail = Plan.Owner?.Email,
            };
        }
        return Page();
    }

    private async Task<bool> LoadAsync(int id)
    {
        var ct = HttpContext.RequestAborted;
        if (await views.LoadWorkingCopyAsync(id, ct) is not { } plan || await views.WorkingCopyAsync(id, ct) is not { } view)
        {
            return false;
        }
        Id = id;
        Plan = plan;
        View = view;
        NewSuggestions = await db.Set<PlanSuggestion>().CountAsync(s => s.PlanId == id && s.Status == SuggestionStatus.New, ct);
        Currency = (await company.GetAsync()).Currency;
        return true;
    }
}
