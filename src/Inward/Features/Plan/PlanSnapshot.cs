using System.Text.Json;
using System.Text.Json.Serialization;

namespace Inward.Features.Plan;

/// <summary>
/// What a published version freezes (stored as JSON in <see cref="PlanVersion.SnapshotJson"/>): the plan as employees
/// read it. Ids point back at the working rows, so KPI values, initiative statuses and spending can be shown live.
/// </summary>
public sealed record PlanSnapshot(
    string Title, string? Summary, DateOnly StartsOn, DateOnly EndsOn, decimal Budget, int? OwnerEmployeeId, string? Owner,
    IReadOnlyList<GoalSnapshot> Goals, IReadOnlyList<InitiativeSnapshot> Initiatives)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static PlanSnapshot FromJson(string json) =>
        JsonSerializer.Deserialize<PlanSnapshot>(json, Json) ?? throw new InvalidOperationException("Empty plan snapshot.");

    /// <summary>The snapshot of a plan's working copy; the plan must be loaded with goals, KPIs, initiatives, owners and audiences.</summary>
    public static PlanSnapshot Of(InternalMarketingPlan plan) => new(
        plan.Title, plan.Summary, plan.StartsOn, plan.EndsOn, plan.Budget, plan.OwnerEmployeeId, plan.Owner?.Name,
        [.. plan.Goals.OrderBy(g => g.SortOrder).ThenBy(g => g.Id).Select(g => new GoalSnapshot(g.Id, g.Title, g.Description,
            [.. g.Kpis.OrderBy(k => k.Id).Select(k => new KpiSnapshot(k.Id, k.Name, k.Source, k.MetricKey, k.MetricDepartmentId,
                k.MetricDepartment?.Name, k.Unit, k.Baseline, k.Target, k.Direction))]))],
        [.. plan.Initiatives.OrderBy(i => i.StartsOn).ThenBy(i => i.SortOrder).ThenBy(i => i.Id).Select(i => new InitiativeSnapshot(
            i.Id, i.GoalId, i.TacticKey, i.Title, i.Description, i.OwnerEmployeeId, i.Owner?.Name, i.OwnerRole,
            [.. i.AudienceDepartments.Select(d => d.Name).Order(StringComparer.Ordinal)], i.StartsOn, i.EndsOn, i.Status,
            i.BudgetPlanned, i.BudgetSpent))]);
}

public sealed record GoalSnapshot(int Id, string Title, string? Description, IReadOnlyList<KpiSnapshot> Kpis);

public sealed record KpiSnapshot(
    int Id, string Name, KpiSource Source, string? MetricKey, int? MetricDepartmentId, string? MetricDepartment, string? Unit,
    decimal? Baseline, decimal? Target, KpiDirection Direction);

/// <summary>An initiative as published; an empty <see cref="Audience"/> means everyone.</summary>
public sealed record InitiativeSnapshot(
    int Id, int? GoalId, string? TacticKey, string Title, string? Description, int? OwnerEmployeeId, string? Owner, string? OwnerRole,
    IReadOnlyList<string> Audience, DateOnly StartsOn, DateOnly EndsOn, InitiativeStatus Status, decimal BudgetPlanned, decimal BudgetSpent);
