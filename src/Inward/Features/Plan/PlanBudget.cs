namespace Inward.Features.Plan;

/// <summary>Planned and spent money of one group of initiatives (a goal, a status or a tactic); Key is null for "none".</summary>
public sealed record BudgetLine(string? Key, decimal Planned, decimal Spent, int Initiatives);

/// <summary>The plan's budget against what its initiatives plan and spend, grouped three ways.</summary>
public sealed record BudgetSummary(
    decimal Budget, decimal Planned, decimal Spent, IReadOnlyList<BudgetLine> ByGoal, IReadOnlyList<BudgetLine> ByStatus, IReadOnlyList<BudgetLine> ByTactic)
{
    public decimal Unplanned => Budget - Planned;

    /// <summary>Spent ÷ planned in percent, null when nothing is planned.</summary>
    public decimal? SpentShare => Planned == 0 ? null : decimal.Round(100m * Spent / Planned, 1);

    /// <summary>Pure: goals in the snapshot's order (initiatives without a goal last), statuses in their order, tactics by key.</summary>
    public static BudgetSummary Of(PlanSnapshot plan)
    {
        var initiatives = plan.Initiatives;
        var goalIds = plan.Goals.Select(g => g.Id).ToList();
        var byGoal = initiatives
            .GroupBy(i => i.GoalId is { } g && goalIds.Contains(g) ? g : (int?)null)
            .OrderBy(g => g.Key is { } id ? goalIds.IndexOf(id) : int.MaxValue)
            .Select(g => Line(g.Key?.ToString(System.Globalization.CultureInfo.InvariantCulture), g))
            .ToList();
        var byStatus = initiatives.GroupBy(i => i.Status).OrderBy(g => g.Key).Select(g => Line(g.Key.ToString(), g)).ToList();
        var byTactic = initiatives.GroupBy(i => i.TacticKey).OrderBy(g => g.Key is null).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Line(g.Key, g)).ToList();
        return new BudgetSummary(plan.Budget, initiatives.Sum(i => i.BudgetPlanned), initiatives.Sum(i => i.BudgetSpent), byGoal, byStatus, byTactic);
    }

    private static BudgetLine Line(string? key, IEnumerable<InitiativeSnapshot> items)
    {
        var list = items.ToList();
        return new BudgetLine(key, list.Sum(i => i.BudgetPlanned), list.Sum(i => i.BudgetSpent), list.Count);
    }
}
