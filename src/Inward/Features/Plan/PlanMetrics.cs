using Inward.Features.People;
using Inward.Platform.Data;
using Inward.Platform.Metrics;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Plan;

/// <summary>Metrics of the current plan: who acknowledged it, how many suggestions got an answer, initiatives done, budget spent.</summary>
internal sealed class PlanMetrics(InwardDbContext db, CurrentPlan current, PeopleQueries people) : IMetricProvider
{
    public const string AcknowledgementRate = "plan.acknowledgement-rate";
    public const string SuggestionsAnswered = "plan.suggestions-answered";
    public const string InitiativesDone = "plan.initiatives-done";
    public const string BudgetSpent = "plan.budget-spent";

    public IEnumerable<MetricDefinition> Definitions =>
    [
        new(AcknowledgementRate, "Plan acknowledgement rate", "Share of active employees who acknowledged the latest version of the current plan.", MetricUnit.Percent, true, "Plan"),
        new(SuggestionsAnswered, "Plan suggestions answered", "Share of suggestions on the current plan that have a public answer.", MetricUnit.Percent, false, "Plan"),
        new(InitiativesDone, "Plan initiatives done", "Share of the current plan's initiatives that are done.", MetricUnit.Percent, false, "Plan"),
        new(BudgetSpent, "Plan budget spent", "Money spent on the current plan's initiatives as a share of what they planned.", MetricUnit.Percent, false, "Plan"),
    ];

    public async Task<MetricValue> EvaluateAsync(string key, MetricScope scope, CancellationToken ct)
    {
        if (await current.IdAsync(ct) is not { } planId)
        {
            return MetricValue.Unavailable("No plan has been published yet.");
        }
        switch (key)
        {
            case AcknowledgementRate:
                var versionId = await current.LatestVersionIdAsync(planId, ct);
                var active = await people.ActiveEmployeesInAsync(scope.DepartmentId);
                var whole = await active.CountAsync(ct);
                var part = await active.CountAsync(e => db.Set<PlanAcknowledgement>().Any(a => a.PlanVersionId == versionId && a.EmployeeId == e.Id), ct);
                return MetricValue.Share(part, whole);
            case SuggestionsAnswered:
                var suggestions = db.Set<PlanSuggestion>().Where(s => s.PlanId == planId);
                return MetricValue.Share(await suggestions.CountAsync(s => s.Answer != null, ct), await suggestions.CountAsync(ct));
            case InitiativesDone:
                var initiatives = db.Set<Initiative>().Where(i => i.PlanId == planId);
                return MetricValue.Share(await initiatives.CountAsync(i => i.Status == InitiativeStatus.Done, ct), await initiatives.CountAsync(ct));
            case BudgetSpent:
                var money = await db.Set<Initiative>().Where(i => i.PlanId == planId).Select(i => new { i.BudgetPlanned, i.BudgetSpent }).ToListAsync(ct);
                var planned = money.Sum(m => m.BudgetPlanned);
                return planned == 0 ? MetricValue.Unavailable("Nothing is planned yet.") : MetricValue.Of(100m * money.Sum(m => m.BudgetSpent) / planned);
            default:
                throw new ArgumentOutOfRangeException(nameof(key), key, "Not a plan metric.");
        }
    }
}
