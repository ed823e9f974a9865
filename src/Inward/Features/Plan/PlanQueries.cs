using Inward.Platform.Data;
using Inward.Platform.Metrics;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Plan;

/// <summary>Which plan is current, and its latest version (used by the metrics, so it must not depend on the registry).</summary>
public sealed class CurrentPlan(InwardDbContext db, TimeProvider clock)
{
    public async Task<int?> IdAsync(CancellationToken ct = default)
    {
        var candidates = await db.Set<InternalMarketingPlan>().AsNoTracking()
            .Where(p => p.Status == PlanStatus.Published)
            .Select(p => new PlanCandidate(p.Id, p.Status, p.StartsOn, p.EndsOn,
                db.Set<PlanVersion>().Where(v => v.PlanId == p.Id).Max(v => (DateTime?)v.PublishedUtc)))
            .ToListAsync(ct);
        return PlanRules.CurrentPlan(candidates, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
    }

    /// <summary>The id of the latest published version of a plan, or null when it was never published.</summary>
    public Task<int?> LatestVersionIdAsync(int planId, CancellationToken ct = default) =>
        db.Set<PlanVersion>().Where(v => v.PlanId == planId).OrderByDescending(v => v.Number).Select(v => (int?)v.Id).FirstOrDefaultAsync(ct);
}

/// <summary>A KPI's value now: from its latest reading (manual) or from the metric registry (live).</summary>
public sealed record KpiLive(decimal? Value, string? Unit, MetricUnit? MetricUnit, string? Reason, DateOnly? MeasuredOn, KpiProgress Progress, string? MetricName);

public sealed record SuggestionView(int Id, string Text, string? Author, DateTime CreatedUtc, SuggestionStatus Status, string? Answer, DateTime? AnsweredUtc);

/// <summary>What an employee has acknowledged of a plan: the latest version, an earlier one, or nothing.</summary>
public sealed record AcknowledgementState(int? Version, DateTime? AcknowledgedUtc, bool Latest);

/// <summary>
/// A published plan as employees see it: the latest version's snapshot, with what is live applied to it — KPI values,
/// and the status and spending of initiatives that still exist.
/// </summary>
public sealed record PlanView(
    int PlanId, PlanStatus Status, int Version, DateTime? PublishedUtc, string? ChangeNote, bool IsCurrent, PlanSnapshot Plan,
    IReadOnlyDictionary<int, KpiLive> Kpis, BudgetSummary Budget)
{
    public bool IsWorkingCopy => Version == 0;
}

/// <summary>The read side of plans for pages, the API and the home card.</summary>
public sealed class PlanViews(InwardDbContext db, MetricRegistry metrics, CurrentPlan current)
{
    /// <summary>The published plan (latest version), or null when it does not exist or was never published.</summary>
    public async Task<PlanView?> PublishedAsync(int planId, CancellationToken ct = default)
    {
        var plan = await db.Set<InternalMarketingPlan>().AsNoTracking().Where(p => p.Id == planId && p.Status != PlanStatus.Draft)
            .Select(p => new { p.Id, p.Status }).SingleOrDefaultAsync(ct);
        var version = await db.Set<PlanVersion>().AsNoTracking().Where(v => v.PlanId == planId).OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);
        if (plan is null || version is null)
        {
            return null;
        }
        var snapshot = await WithLiveInitiativesAsync(PlanSnapshot.FromJson(version.SnapshotJson), ct);
        return new PlanView(plan.Id, plan.Status, version.Number, version.PublishedUtc, version.ChangeNote,
            await current.IdAsync(ct) == plan.Id, snapshot, await LiveKpisAsync(snapshot, ct), BudgetSummary.Of(snapshot));
    }

    /// <summary>The working copy as it would be published now (editors' preview; version 0).</summary>
    public async Task<PlanView?> WorkingCopyAsync(int planId, CancellationToken ct = default)
    {
        var plan = await LoadWorkingCopyAsync(planId, ct);
        if (plan is null)
        {
            return null;
        }
        var snapshot = PlanSnapshot.Of(plan);
        return new PlanView(plan.Id, plan.Status, 0, null, null, false, snapshot, await LiveKpisAsync(snapshot, ct), BudgetSummary.Of(snapshot));
    }

    /// <summary>
    /// What a reader may see of a plan: the published version for everyone internal; for plan editors, a draft's working copy.
    /// Null (404) for unknown plans and for drafts the reader may not see.
    /// </summary>
    public async Task<PlanView?> ReadableAsync(int planId, bool editor, CancellationToken ct = default) =>
        await PublishedAsync(planId, ct) ?? (editor ? await WorkingCopyAsync(planId, ct) : null);

    /// <summary>The current plan's latest version without live values (cheap: for the home page).</summary>
    public async Task<(int PlanId, int Version, PlanSnapshot Plan)?> CurrentSnapshotAsync(CancellationToken ct = default)
    {
        if (await current.IdAsync(ct) is not { } id)
        {
            return null;
        }
        var version = await db.Set<PlanVersion>().AsNoTracking().Where(v => v.PlanId == id).OrderByDescending(v => v.Number)
            .Select(v => new { v.Number, v.SnapshotJson }).FirstAsync(ct);
        return (id, version.Number, PlanSnapshot.FromJson(version.SnapshotJson));
    }

    public async Task<PlanView?> CurrentAsync(CancellationToken ct = default) =>
        await current.IdAsync(ct) is { } id ? await PublishedAsync(id, ct) : null;

    public Task<InternalMarketingPlan?> LoadWorkingCopyAsync(int planId, CancellationToken ct = default) =>
        db.Set<InternalMarketingPlan>().AsNoTracking()
            .Include(p => p.Owner)
            .Include(p => p.Goals).ThenInclude(g => g.Kpis).ThenInclude(k => k.MetricDepartment)
            .Include(p => p.Initiatives).ThenInclude(i => i.Owner)
            .Include(p => p.Initiatives).ThenInclude(i => i.AudienceDepartments)
            .AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Id == planId, ct);

    public async Task<AcknowledgementState> AcknowledgementOfAsync(int planId, int? employeeId, CancellationToken ct = default)
    {
        if (employeeId is not { } id)
        {
            return new AcknowledgementState(null, null, false);
        }
        var latest = await db.Set<PlanVersion>().Where(v => v.PlanId == planId).MaxAsync(v => (int?)v.Number, ct);
        var mine = await db.Set<PlanAcknowledgement>().AsNoTracking()
            .Where(a => a.EmployeeId == id)
            .Join(db.Set<PlanVersion>().Where(v => v.PlanId == planId), a => a.PlanVersionId, v => v.Id, (a, v) => new { v.Number, a.AcknowledgedUtc })
            .OrderByDescending(x => x.Number).FirstOrDefaultAsync(ct);
        return mine is null ? new AcknowledgementState(null, null, false) : new AcknowledgementState(mine.Number, mine.AcknowledgedUtc, mine.Number == latest);
    }

    public async Task<IReadOnlyList<SuggestionView>> SuggestionsAsync(int planId, SuggestionStatus? status = null, CancellationToken ct = default)
    {
        var query = db.Set<PlanSuggestion>().AsNoTracking().Where(s => s.PlanId == planId);
        if (status is { } st)
        {
            query = query.Where(s => s.Status == st);
        }
        return await query.OrderByDescending(s => s.CreatedUtc).ThenByDescending(s => s.Id)
            .Select(s => new SuggestionView(s.Id, s.Text, s.Author!.Name, s.CreatedUtc, s.Status, s.Answer, s.AnsweredUtc))
            .ToListAsync(ct);
    }

    /// <summary>Live values of every KPI of the snapshot, by KPI id.</summary>
    public async Task<IReadOnlyDictionary<int, KpiLive>> LiveKpisAsync(PlanSnapshot plan, CancellationToken ct = default)
    {
        var kpis = plan.Goals.SelectMany(g => g.Kpis).ToList();
        var manualIds = kpis.Where(k => k.Source == KpiSource.Manual).Select(k => k.Id).ToList();
        var readings = await db.Set<KpiReading>().AsNoTracking().Where(r => manualIds.Contains(r.KpiId))
            .Select(r => new { r.KpiId, r.Value, r.MeasuredOn, r.Id }).ToListAsync(ct);
        var latest = readings.GroupBy(r => r.KpiId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.MeasuredOn).ThenByDescending(r => r.Id).First());
        var result = new Dictionary<int, KpiLive>();
        foreach (var k in kpis)
        {
            if (k.Source == KpiSource.Manual)
            {
                var reading = latest.GetValueOrDefault(k.Id);
                result[k.Id] = new KpiLive(reading?.Value, k.Unit, null, reading is null ? "No value entered yet." : null, reading?.MeasuredOn,
                    PlanRules.Progress(reading?.Value, k.Baseline, k.Target, k.Direction), null);
                continue;
            }
            var definition = k.MetricKey is null ? null : metrics.Find(k.MetricKey);
            var value = definition is null ? null : await metrics.EvaluateAsync(definition.Key, new MetricScope(k.MetricDepartmentId), ct);
            result[k.Id] = new KpiLive(value?.Value, null, definition?.Unit, definition is null ? "This metric is no longer available." : value?.Reason, null,
                PlanRules.Progress(value?.Value, k.Baseline, k.Target, k.Direction), definition?.Name);
        }
        return result;
    }

    /// <summary>Statuses and spending move on after publishing: take them from the initiatives that still exist.</summary>
    private async Task<PlanSnapshot> WithLiveInitiativesAsync(PlanSnapshot plan, CancellationToken ct)
    {
        var ids = plan.Initiatives.Select(i => i.Id).ToList();
        var live = await db.Set<Initiative>().AsNoTracking().Where(i => ids.Contains(i.Id))
            .Select(i => new { i.Id, i.Status, i.BudgetSpent }).ToDictionaryAsync(i => i.Id, ct);
        return plan with
        {
            Initiatives = [.. plan.Initiatives.Select(i => live.TryGetValue(i.Id, out var l) ? i with { Status = l.Status, BudgetSpent = l.BudgetSpent } : i)],
        };
    }
}
