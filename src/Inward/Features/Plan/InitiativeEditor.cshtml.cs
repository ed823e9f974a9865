using Inward.Platform.Data;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Plan;

/// <summary>An initiative of a plan: new ones start from a catalogue tactic (?tactic=key) or blank.</summary>
[RequireCapability(Capability.ManagePlan)]
public sealed class InitiativeEditorModel(InwardDbContext db, PlanService plans, IStringLocalizer<Strings> T) : PageModel
{
    [BindProperty] public InitiativeForm Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    public int Id { get; private set; }
    public int? InitiativeId { get; private set; }
    public string PlanTitle { get; private set; } = "";
    public bool Archived { get; private set; }
    public Tactic? Tactic => TacticCatalogue.Find(Input.TacticKey);
    public IReadOnlyList<(int Id, string Title)> Goals { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Departments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, int? initiativeId, string? tactic)
    {
        if (!await LoadAsync(id, initiativeId))
        {
            return NotFound();
        }
        if (initiativeId is { } iid)
        {
            var i = await db.Set<Initiative>().AsNoTracking().Include(x => x.Owner).Include(x => x.AudienceDepartments).SingleAsync(x => x.Id == iid);
            Input = new InitiativeForm
            {
                GoalId = i.GoalId, TacticKey = i.TacticKey, Title = i.Title, Description = i.Description, OwnerEmail = i.Owner?.Email,
                OwnerRole = i.OwnerRole, AudienceDepartmentIds = [.. i.AudienceDepartments.Select(d => d.Id)], StartsOn = i.StartsOn, EndsOn = i.EndsOn,
                Status = i.Status, BudgetPlanned = PlanNumbers.Format(i.BudgetPlanned), BudgetSpent = PlanNumbers.Format(i.BudgetSpent),
            };
            return Page();
        }
        var plan = await db.Set<InternalMarketingPlan>().AsNoTracking().SingleAsync(p => p.Id == id);
        var employees = await db.Employees.CountAsync(e => e.IsActive);
        Input = new InitiativeForm { StartsOn = plan.StartsOn, EndsOn = plan.EndsOn, BudgetPlanned = "0", BudgetSpent = "0" };
        if (TacticCatalogue.Find(tactic) is { } t)
        {
            // The catalogue pre-fills title, description and a cost estimate for the company's size; the editor adjusts them.
            Input.TacticKey = t.Key;
            Input.Title = T[t.Name];
            Input.Description = T[t.Summary];
            Input.BudgetPlanned = PlanNumbers.Format(t.CostFor(employees));
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int? initiativeId)
    {
        var outcome = await plans.SaveInitiativeAsync(id, initiativeId, Input, HttpContext.RequestAborted);
        return await AfterAsync(outcome, id, initiativeId, outcome.Succeeded ? $"/plans/{id}/initiatives/{outcome.Id}?done=saved" : "");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, int initiativeId)
    {
        var outcome = await plans.DeleteInitiativeAsync(id, initiativeId, HttpContext.RequestAborted);
        return await AfterAsync(outcome, id, initiativeId, $"/plans/{id}?done=saved");
    }

    private async Task<IActionResult> AfterAsync(PlanOutcome outcome, int id, int? initiativeId, string next)
    {
        if (outcome.Kind == PlanOutcomeKind.NotFound)
        {
            return NotFound();
        }
        if (outcome.Succeeded)
        {
            return Redirect(next);
        }
        PlanPages.AddErrors(ModelState, T, outcome.Errors, nameof(Input));
        return await LoadAsync(id, initiativeId) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, int? initiativeId)
    {
        var plan = await db.Set<InternalMarketingPlan>().AsNoTracking().Where(p => p.Id == id).Select(p => new { p.Title, p.Status }).SingleOrDefaultAsync();
        if (plan is null || (initiativeId is { } iid && !await db.Set<Initiative>().AnyAsync(i => i.Id == iid && i.PlanId == id)))
        {
            return false;
        }
        Id = id;
        InitiativeId = initiativeId;
        PlanTitle = plan.Title;
        Archived = plan.Status == PlanStatus.Archived;
        Goals = (await db.Set<PlanGoal>().AsNoTracking().Where(g => g.PlanId == id).OrderBy(g => g.SortOrder).ThenBy(g => g.Id)
            .Select(g => new { g.Id, g.Title }).ToListAsync()).Select(g => (g.Id, g.Title)).ToList();
        Departments = (await db.Departments.AsNoTracking().OrderBy(d => d.Name).Select(d => new { d.Id, d.Name }).ToListAsync())
            .Select(d => (d.Id, d.Name)).ToList();
        return true;
    }
}
