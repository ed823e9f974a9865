using Inward.Platform.Data;
using Inward.Platform.Identity;
using Inward.Platform.Metrics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Plan;

/// <summary>A KPI of a plan: manual (with its readings) or bound to a live metric, optionally narrowed to a department.</summary>
[RequireCapability(Capability.ManagePlan)]
public sealed class KpiEditorModel(InwardDbContext db, PlanService plans, MetricRegistry metrics, IStringLocalizer<Strings> T) : PageModel
{
    [BindProperty] public KpiForm Input { get; set; } = new();
    [BindProperty] public ReadingForm Reading { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    public int Id { get; private set; }
    public int? KpiId { get; private set; }
    public string PlanTitle { get; private set; } = "";
    public bool Archived { get; private set; }
    public IReadOnlyList<(int Id, string Title)> Goals { get; private set; } = [];
    public IReadOnlyList<MetricDefinition> Metrics => metrics.All;
    public IReadOnlyList<(int Id, string Name)> Departments { get; private set; } = [];
    public IReadOnlyList<KpiReading> Readings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, int? kpiId, int? goalId)
    {
        if (!await LoadAsync(id, kpiId))
        {
            return NotFound();
        }
        if (kpiId is { } k)
        {
            var kpi = await db.Set<Kpi>().AsNoTracking().SingleAsync(x => x.Id == k);
            Input = new KpiForm
            {
                GoalId = kpi.GoalId, Name = kpi.Name, Source = kpi.Source, MetricKey = kpi.MetricKey, MetricDepartmentId = kpi.MetricDepartmentId,
                Unit = kpi.Unit, Baseline = PlanNumbers.Format(kpi.Baseline), Target = PlanNumbers.Format(kpi.Target), Direction = kpi.Direction,
            };
        }
        else
        {
            Input = new KpiForm { GoalId = goalId };
        }
        Reading = new ReadingForm { MeasuredOn = DateOnly.FromDateTime(DateTime.UtcNow) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int? kpiId)
    {
        var outcome = await plans.SaveKpiAsync(id, kpiId, Input, HttpContext.RequestAborted);
        return await AfterAsync(outcome, id, kpiId, nameof(Input), outcome.Succeeded ? $"/plans/{id}/kpis/{outcome.Id}?done=saved" : "");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, int kpiId)
    {
        var outcome = await plans.DeleteKpiAsync(id, kpiId, HttpContext.RequestAborted);
        return await AfterAsync(outcome, id, kpiId, "", $"/plans/{id}?done=saved");
    }

    public async Task<IActionResult> OnPostAddReadingAsync(int id, int kpiId)
    {
        var outcome = await plans.AddReadingAsync(id, kpiId, Reading, HttpContext.RequestAborted);
        return await AfterAsync(outcome, id, kpiId, nameof(Reading), $"/plans/{id}/kpis/{kpiId}?done=reading");
    }

    public async Task<IActionResult> OnPostDeleteReadingAsync(int id, int kpiId, int readingId)
    {
        var outcome = await plans.DeleteReadingAsync(id, readingId, HttpContext.RequestAborted);
        return await AfterAsync(outcome, id, kpiId, "", $"/plans/{id}/kpis/{kpiId}?done=saved");
    }

    private async Task<IActionResult> AfterAsync(PlanOutcome outcome, int id, int? kpiId, string prefix, string next)
    {
        if (outcome.Kind == PlanOutcomeKind.NotFound)
        {
            return NotFound();
        }
        if (outcome.Succeeded)
        {
            return Redirect(next);
        }
        PlanPages.AddErrors(ModelState, T, outcome.Errors, prefix);
        return await LoadAsync(id, kpiId) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, int? kpiId)
    {
        var plan = await db.Set<InternalMarketingPlan>().AsNoTracking().Where(p => p.Id == id).Select(p => new { p.Title, p.Status }).SingleOrDefaultAsync();
        if (plan is null)
        {
            return false;
        }
        if (kpiId is { } k && !await db.Set<Kpi>().AnyAsync(x => x.Id == k && db.Set<PlanGoal>().Any(g => g.Id == x.GoalId && g.PlanId == id)))
        {
            return false;
        }
        Id = id;
        KpiId = kpiId;
        PlanTitle = plan.Title;
        Archived = plan.Status == PlanStatus.Archived;
        Goals = (await db.Set<PlanGoal>().AsNoTracking().Where(g => g.PlanId == id).OrderBy(g => g.SortOrder).ThenBy(g => g.Id)
            .Select(g => new { g.Id, g.Title }).ToListAsync()).Select(g => (g.Id, g.Title)).ToList();
        Departments = (await db.Departments.AsNoTracking().OrderBy(d => d.Name).Select(d => new { d.Id, d.Name }).ToListAsync())
            .Select(d => (d.Id, d.Name)).ToList();
        Readings = kpiId is { } kid
            ? await db.Set<KpiReading>().AsNoTracking().Where(r => r.KpiId == kid).OrderByDescending(r => r.MeasuredOn).ThenByDescending(r => r.Id).ToListAsync()
            : [];
        return true;
    }
}
