using Inward.Features.People;
using Inward.Platform.Audit;
using Inward.Platform.Data;
using Inward.Platform.Metrics;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Plan;

public enum PlanOutcomeKind
{
    Done,
    Invalid,
    NotFound,
}

/// <summary>What a plan operation did: done (with the id of what it created or changed), refused with errors, or nothing found.</summary>
public sealed record PlanOutcome(PlanOutcomeKind Kind, int Id, IReadOnlyList<PlanError> Errors)
{
    public static readonly PlanOutcome NotFound = new(PlanOutcomeKind.NotFound, 0, []);

    public static PlanOutcome Done(int id) => new(PlanOutcomeKind.Done, id, []);

    public static PlanOutcome Invalid(IEnumerable<PlanError> errors) =>
        new(PlanOutcomeKind.Invalid, 0, [.. errors.DistinctBy(e => e.Field)]);

    public static PlanOutcome Invalid(string field, string message, params object[] args) => Invalid([new PlanError(field, message, args)]);

    public bool Succeeded => Kind == PlanOutcomeKind.Done;
}

/// <summary>The result of acknowledging: the version acknowledged and whether this call recorded it (false when it already was).</summary>
public sealed record Acknowledgement(int Version, DateTime AcknowledgedUtc, bool Recorded);

/// <summary>
/// Every change to a plan: each operation validates its input, then saves everything in one SaveChanges (one
/// transaction), so nothing is ever saved half. Archived plans no longer change; drafts are invisible to employees.
/// </summary>
public sealed class PlanService(InwardDbContext db, MetricRegistry metrics, CurrentActor actor, TimeProvider clock, SuggestionMail mail)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private DateOnly Today => DateOnly.FromDateTime(Now);

    public async Task<PlanOutcome> CreatePlanAsync(PlanForm form, CancellationToken ct = default)
    {
        var (errors, budget, ownerId) = await CheckPlanAsync(form, ct);
        if (errors.Count > 0)
        {
            return PlanOutcome.Invalid(errors);
        }
        var plan = new InternalMarketingPlan
        {
            Title = form.Title!.Trim(),
            Summary = Clean(form.Summary),
            StartsOn = form.StartsOn!.Value,
            EndsOn = form.EndsOn!.Value,
            Budget = budget!.Value,
            OwnerEmployeeId = ownerId,
            Status = PlanStatus.Draft,
            CreatedUtc = Now,
            UpdatedUtc = Now,
        };
        db.Set<InternalMarketingPlan>().Add(plan);
        await db.SaveChangesAsync(ct);
        return PlanOutcome.Done(plan.Id);
    }

    public async Task<PlanOutcome> UpdatePlanAsync(int planId, PlanForm form, CancellationToken ct = default)
    {
        if (await EditablePlanAsync(planId, ct) is not { } plan)
        {
            return await MissingOrArchivedAsync(planId, ct);
        }
        var (errors, budget, ownerId) = await CheckPlanAsync(form, ct);
        if (errors.Count == 0)
        {
            var initiatives = await db.Set<Initiative>().Where(i => i.PlanId == planId)
                .Select(i => new { i.StartsOn, i.EndsOn, i.BudgetPlanned }).ToListAsync(ct);
            var planned = initiatives.Sum(i => i.BudgetPlanned);
            if (budget < planned)
            {
                errors.Add(new("Budget", "The initiatives already plan {0}: the budget cannot be lower.", PlanRules.Amount(planned)));
            }
            var outside = initiatives.Count(i => i.StartsOn < form.StartsOn || i.EndsOn > form.EndsOn);
            if (outside > 0)
            {
                errors.Add(new("StartsOn", "{0} initiatives would fall outside the new period. Move them first.", outside));
            }
        }
        if (errors.Count > 0)
        {
            return PlanOutcome.Invalid(errors);
        }
        plan.Title = form.Title!.Trim();
        plan.Summary = Clean(form.Summary);
        plan.StartsOn = form.StartsOn!.Value;
        plan.EndsOn = form.EndsOn!.Value;
        plan.Budget = budget!.Value;
        plan.OwnerEmployeeId = ownerId;
        Touch(plan);
        await db.SaveChangesAsync(ct);
        return PlanOutcome.Done(plan.Id);
    }

    public async Task<PlanOutcome> AddGoalAsync(int planId, GoalForm form, CancellationToken ct = default)
    {
        if (await EditablePlanAsync(planId, ct) is not { } plan)
        {
            return await MissingOrArchivedAsync(planId, ct);
        }
        var errors = PlanRules.ValidateGoal(form.Title, form.Description);
        if (errors.Count > 0)
        {
            return PlanOutcome.Invalid(errors);
        }
        var last = await db.Set<PlanGoal>().Where(g => g.PlanId == planId).MaxAsync(g => (int?)g.SortOrder, ct) ?? 0;
        var goal = new PlanGoal { PlanId = planId, Title = form.Title!.Trim(), Description = Clean(form.Description), SortOrder = last + 1 };
        db.Set<PlanGoal>().Add(goal);
        Touch(plan);
        await db.SaveChangesAsync(ct);
        return PlanOutcome.Done(goal.Id);
    }

    public async Task<PlanOutcome> UpdateGoalAsync(int planId, int goalId, GoalForm form, CancellationToken ct = default)
    {
        if (await EditablePlanAsync(planId, ct) is not { } plan)
        {
            return await MissingOrArchivedAsync(planId, ct);
        }
        if (await db.Set<PlanGoal>().SingleOrDefaultAsync(g => g.Id == goalId && g.PlanId == planId, ct) is not { } goal)
        {
            return PlanOutcome.NotFound;
        }
        var errors = PlanRules.ValidateGoal(form.Title, form.Description);
        if (errors.Count > 0)
        {
            return PlanOutcome.Invalid(errors);
        }
        goal.Title = form.Title!.Trim();
        goal.Description = Clean(form.Description);
        Touch(plan);
        await db.SaveChangesAsync(ct);
        return PlanOutcome.Done(goal.Id);
    }

    /// <summary>Deletes a goal with its KPIs and readings; its initiatives stay, no longer linked to a goal.</summary>
    public async Task<PlanOutcome> DeleteGoalAsync(int planId, int goalId, CancellationToken ct = default)
    {
        if (await EditablePlanAsync(planId, ct) is not { } plan)
        {
            return await MissingOrArchivedAsync(planId, ct);
        }
        if (await db.Set<PlanGoal>().SingleOrDefaultAsync(g => g.Id == goalId && g.PlanId == planId, ct) is not { } goal)
        {
            return PlanOutcome.NotFound;
        }
        // Unlinked explicitly: the SetNull cascade is the database's, and the tracked rows must agree with it.
        foreach (var initiative in await db.Set<Initiative>().Where(i => i.GoalId == goalId).ToListAsync(ct))
        {
            initiative.GoalId = null;
        }
        db.Set<PlanGoal>().Remove(goal);
        Touch(plan);
        await db.SaveChangesAsync(ct);
        return PlanOutcome.Done(goalId);
    }

    /// <summary>Moves a goal one place up (<paramref name="up"/>) or down; renumbers all goals so the order stays gap-free.</summary>
    public async Task<PlanOutcome> MoveGoalAsync(int planId, int goalId, bool up, CancellationToken ct = default)
    {
        if (await EditablePlanAsync(planId, ct) is not { } plan)
        {
            return await MissingOrArchivedAsync(planId, ct);
        }
        var goals = await db.Set<PlanGoal>().Where(g => g.PlanId == planId).OrderBy(g => g.SortOrder).ThenBy(g => g.Id).ToListAsync(ct);
        var index = goals.FindIndex(g => g.Id == goalId);
        if (index < 0)
        {
            return PlanOutcome.NotFound;
        }
        var target = up ? index - 1 : index + 1;
        if (target >= 0 && target < goals.Count)
        {
            (goals[index], goals[target]) = (goals[target], goals[index]);
        }
        for (var i = 0; i < goals.Count; i++)
        {
            goals[i].SortOrder = i + 1;
        }
        Touch(plan);
        await db.SaveChangesAsync(ct);
        return PlanOutcome.Done(goalId);
    }

    /// <summary>Creates (<paramref name="kpiId"/> null) or changes a KPI.</summary>
    public async Task<PlanOutcome> SaveKpiAsync(int planId, int? kpiId, KpiForm form, CancellationToken ct = default)
    {
        if (await EditablePlanAsync(planId, ct) is not { } plan)
        {
            return await MissingOrArchivedAsync(planId, ct);
        }
        Kpi? kpi = null;
        if (kpiId is { } id && (kpi = await db.Set<Kpi>().SingleOrDefaultAsync(k => k.Id == id && db.Set<PlanGoal>().Any(g => g.Id == k.GoalId && g.PlanId == planId), ct)) is null)
        {
            return PlanOutcome.NotFound;
        }
        var errors = new List<PlanError>();
        var baseline = PlanNumbers.Read(form.Baseline, "Baseline", errors);
        var target = PlanNumbers.Read(form.Target, "Target", errors);
        errors.AddRange(PlanRules.ValidateKpi(form.Name, form.Source == KpiSource.Manual ? form.Unit : null, baseline, target, form.Direction));
        if (form.GoalId is not { } goalId || !await db.Set<PlanGoal>().AnyAsync(g => g.Id == goalId && g.PlanId == planId, ct))
        {
            errors.Add(new("GoalId", "Choose one of this plan's goals."));
        }
        if (!Enum.IsDefined(form.Source) || !Enum.IsDefined(form.Direction))
        {
            errors.Add(new("Source", "Choose where the value comes from."));
        }
        string? metricKey = null;
        int? departmentId = null;
        if (form.Source == KpiSource.Metric)
        {
            if (string.IsNullOrWhiteSpace(form.MetricKey) || metrics.Find(form.MetricKey) is not { } definition)
            {
                errors.Add(new("MetricKey", "Choose a metric from the list."));
            }
            else
            {
                metricKey = definition.Key;
                if (form.MetricDepartmentId is { } dep)
                {
                    if (!definition.ByDepartment)
                    {
                        errors.Add(new("MetricDepartmentId", "This metric is measured for the whole company only."));
                    }
                    else if (!await db.Departments.AnyAsync(d => d.Id == dep, ct))
                    {
                        errors.Add(new("MetricDepartmentId", "Choose a department from the list."));
                    }
                    departmentId = dep;
                }
            }
        }
        if (errors.Count > 0)
        {
            return PlanOutcome.Invalid(errors);
        }
        if (kpi is null)
        {
            kpi = new Kpi { Name = "" };
            db.Set<Kpi>().Add(kpi);
        }
        kpi.GoalId = form.GoalId!.Value;
        kpi.Name = form.Name!.Trim();
        kpi.Source = form.Source;
        kpi.MetricKey = metricKey;
        kpi.MetricDepartmentId = departmentId;
        kpi.Unit = form.Source == KpiSource.Manual ? Clean(form.Unit) : null;
        kpi.Baseline = baseline;
        kpi.Target = target;
        kpi.Direction = form.Direction;
        Touch(plan);
        await db.SaveChangesAsync(ct);
        return PlanOutcome.Done(kpi.Id);
    }

    public async Task<PlanOutcome> DeleteKpiAsync(int planId, int kpiId, CancellationToken ct = default)
    {
        if (await EditablePlanAsync(planId, ct) is not { } plan)
        {
            return await MissingOrArchivedAsync(planId, ct);
        }
        if (await FindKpiAsync(planId, kpiId, ct) is not { } kpi)
        {
            return PlanOutcome.NotFound;
        }
        db.Set<Kpi>().Remove(kpi);
        Touch(plan);
        await db.SaveChangesAsync(ct);
        return PlanOutcome.Done(kpiId);
    }

    /// <summary>Records a value of a manual KPI. Readings are live: they do not need a new published version.</summary>
    public async Task<PlanOutcome> AddReadingAsync(int planId, int kpiId, ReadingForm form, CancellationToken ct = default)
    {
        if (await EditablePlanAsync(planId, ct) is null)
        {
            return await MissingOrArchivedAsync(planId, ct);
        }
        if (await FindKpiAsync(planId, kpiId, ct) is not { } kpi)
        {
            return PlanOutcome.NotFound;
        }
        var errors = new List<PlanError>();
        var value = PlanNumbers.Read(form.Value, "Value", errors);
        errors.AddRange(PlanRules.ValidateReading(value, form.MeasuredOn, form.Note, Today));
        if (kpi.Source != KpiSource.Manual)
        {
            errors.Add(new("Value", "This KPI reads its value from a metric; readings are for manual KPIs."));
        }
        if (errors.Count > 0)
        {
            return PlanOutcome.Invalid(errors);
        }
        var reading = new KpiReading
        {
            KpiId = kpiId,
            Value = value!.Value,
            MeasuredOn = form.MeasuredOn!.Value,
            Note = Clean(form.Note),
            RecordedByUserId = actor.UserId,
            RecordedUtc = Now,
        };
        db.Set<KpiReading>().Add(reading);
        await db.SaveChangesAsync(ct);
        return PlanOutcome.Done(reading.Id);
    }

    public async Task<PlanOutcome> DeleteReadingAsync(int planId, int readingId, CancellationToken ct = default)
    {
        if (await EditablePlanAsync(planId, ct) is null)
        {
            return await MissingOrArchivedAsync(planId, ct);
        }
        var reading = await db.Set<KpiReading>().SingleOrDefaultAsync(r => r.Id == readingId
            && db.Set<Kpi>().Any(k => k.Id == r.KpiId && db.Set<PlanGoal>().Any(g => g.Id == k.GoalId && g.PlanId == planId)), ct);
        if (reading is null)
        {
            return PlanOutcome.NotFound;
        }
        db.Set<KpiReading>().Remove(reading);
        await db.SaveChangesAsync(ct);
        return PlanOutcome.Done(readingId);
    }

    /// <summary>Creates (<paramref name="initiativeId"/> null) or changes an initiative, refusing budgets beyond the plan's.</summary>
    public async Task<PlanOutcome> SaveInitiativeAsync(int planId, int? initiativeId, InitiativeForm form, CancellationToken ct = default)
    {
        if (await EditablePlanAsync(planId, ct) is not { } plan)
        {
            return await MissingOrArchivedAsync(planId, ct);
        }
        Initiative? initiative = null;
        if (initiativeId is { } id && (initiative = await db.Set<Initiative>().Include(i => i.AudienceDepartments)
                .SingleOrDefaultAsync(i => i.Id == id && i.PlanId == planId, ct)) is null)
        {
            return PlanOutcome.NotFound;
        }
        var errors = new List<PlanError>();
        var planned = PlanNumbers.Read(form.BudgetPlanned, "BudgetPlanned", errors);
        var spent = PlanNumbers.Read(form.BudgetSpent, "BudgetSpent", errors);
        errors.AddRange(PlanRules.ValidateInitiative(form.Title, form.Description, form.OwnerRole, form.StartsOn, form.EndsOn,
            planned, spent, plan.StartsOn, plan.EndsOn));
        if (!Enum.IsDefined(form.Status))
        {
            errors.Add(new("Status", "Choose a status from the list."));
        }
        if (form.GoalId is { } goalId && !await db.Set<PlanGoal>().AnyAsync(g => g.Id == goalId && g.PlanId == planId, ct))
        {
            errors.Add(new("GoalId", "Choose one of this plan's goals."));
        }
        if (!string.IsNullOrWhiteSpace(form.TacticKey) && TacticCatalogue.Find(form.TacticKey) is null)
        {
            errors.Add(new("TacticKey", "Choose a tactic from the catalogue."));
        }
        var ownerId = await OwnerAsync(form.OwnerEmail, errors, ct);
        var audienceIds = form.AudienceDepartmentIds.Distinct().ToList();
        var audience = await db.Departments.Where(d => audienceIds.Contains(d.Id)).ToListAsync(ct);
        if (audience.Count != audienceIds.Count)
        {
            errors.Add(new("AudienceDepartmentIds", "Choose departments from the list."));
        }
        if (errors.Count == 0)
        {
            var others = await db.Set<Initiative>().Where(i => i.PlanId == planId && i.Id != (initiativeId ?? 0))
                .Select(i => i.BudgetPlanned).ToListAsync(ct);
            if (PlanRules.BudgetExceeded(plan.Budget, others.Sum(), planned!.Value) is { } over)
            {
                errors.Add(over);
            }
        }
        if (errors.Count > 0)
        {
            return PlanOutcome.Invalid(errors);
        }
        if (initiative is null)
        {
            var last = await db.Set<Initiative>().Where(i => i.PlanId == planId).MaxAsync(i => (int?)i.SortOrder, ct) ?? 0;
            initiative = new Initiative { PlanId = planId, Title = "", SortOrder = last + 1 };
            db.Set<Initiative>().Add(initiative);
        }
        initiative.GoalId = form.GoalId;
        initiative.TacticKey = string.IsNullOrWhiteSpace(form.TacticKey) ? null : form.TacticKey;
        initiative.Title = form.Title!.Trim();
        initiative.Description = Clean(form.Description);
        initiative.OwnerEmployeeId = ownerId;
        initiative.OwnerRole = Clean(form.OwnerRole);
        initiative.AudienceDepartments.Clear();
        initiative.AudienceDepartments.AddRange(audience);
        initiative.StartsOn = form.StartsOn!.Value;
        initiative.EndsOn = form.EndsOn!.Value;
        initiative.Status = form.Status;
        initiative.BudgetPlanned = planned!.Value;
        initiative.BudgetSpent = spent!.Value;
        Touch(plan);
        await db.SaveChangesAsync(ct);
        return PlanOutcome.Done(initiative.Id);
    }

    public async Task<PlanOutcome> DeleteInitiativeAsync(int planId, int initiativeId, CancellationToken ct = default)
    {
        if (await EditablePlanAsync(planId, ct) is not { } plan)
        {
            return await MissingOrArchivedAsync(planId, ct);
        }
        if (await db.Set<Initiative>().SingleOrDefaultAsync(i => i.Id == initiativeId && i.PlanId == planId, ct) is not { } initiative)
        {
            return PlanOutcome.NotFound;
        }
        db.Set<Initiative>().Remove(initiative);
        Touch(plan);
        await db.SaveChangesAsync(ct);
        return PlanOutcome.Done(initiativeId);
    }

    /// <summary>Freezes the working copy into the next version, which employees then see. A plan needs a goal to be published.</summary>
    public async Task<PlanOutcome> PublishAsync(int planId, string? changeNote, CancellationToken ct = default)
    {
        if (await EditablePlanAsync(planId, ct) is null)
        {
            return await MissingOrArchivedAsync(planId, ct);
        }
        var plan = await db.Set<InternalMarketingPlan>()
            .Include(p => p.Owner)
            .Include(p => p.Goals).ThenInclude(g => g.Kpis).ThenInclude(k => k.MetricDepartment)
            .Include(p => p.Initiatives).ThenInclude(i => i.Owner)
            .Include(p => p.Initiatives).ThenInclude(i => i.AudienceDepartments)
            .AsSplitQuery()
            .SingleAsync(p => p.Id == planId, ct);
        var errors = new List<PlanError>();
        if (plan.Goals.Count == 0)
        {
            errors.Add(new("ChangeNote", "Add at least one goal before publishing."));
        }
        if (changeNote?.Trim().Length > PlanRules.MaxChangeNote)
        {
            errors.Add(new("ChangeNote", "Use at most {0} characters.", PlanRules.MaxChangeNote));
        }
        else if (plan.PublishedVersion > 0 && string.IsNullOrWhiteSpace(changeNote))
        {
            errors.Add(new("ChangeNote", "Say what changed since version {0}: employees read it before they acknowledge again.", plan.PublishedVersion));
        }
        if (errors.Count > 0)
        {
            return PlanOutcome.Invalid(errors);
        }
        var version = new PlanVersion
        {
            PlanId = planId,
            Number = plan.PublishedVersion + 1,
            PublishedUtc = Now,
            PublishedByUserId = actor.UserId,
            ChangeNote = Clean(changeNote),
            SnapshotJson = PlanSnapshot.Of(plan).ToJson(),
        };
        db.Set<PlanVersion>().Add(version);
        plan.PublishedVersion = version.Number;
        plan.Status = PlanStatus.Published;
        plan.HasUnpublishedChanges = false;
        plan.UpdatedUtc = Now;
        await db.SaveChangesAsync(ct);
        return PlanOutcome.Done(version.Number);
    }

    public async Task<PlanOutcome> ArchiveAsync(int planId, CancellationToken ct = default)
    {
        if (await EditablePlanAsync(planId, ct) is not { } plan)
        {
            return await MissingOrArchivedAsync(planId, ct);
        }
        plan.Status = PlanStatus.Archived;
        plan.UpdatedUtc = Now;
        await db.SaveChangesAsync(ct);
        return PlanOutcome.Done(planId);
    }

    /// <summary>"I have read this plan" for the latest published version; a second call changes nothing. Null when the plan is not published.</summary>
    public async Task<Acknowledgement?> AcknowledgeAsync(int planId, int employeeId, CancellationToken ct = default)
    {
        var version = await db.Set<PlanVersion>()
            .Where(v => v.PlanId == planId && db.Set<InternalMarketingPlan>().Any(p => p.Id == planId && p.Status == PlanStatus.Published))
            .OrderByDescending(v => v.Number).Select(v => new { v.Id, v.Number }).FirstOrDefaultAsync(ct);
        if (version is null)
        {
            return null;
        }
        var existing = await db.Set<PlanAcknowledgement>().AsNoTracking()
            .SingleOrDefaultAsync(a => a.PlanVersionId == version.Id && a.EmployeeId == employeeId, ct);
        if (existing is not null)
        {
            return new Acknowledgement(version.Number, existing.AcknowledgedUtc, false);
        }
        var ack = new PlanAcknowledgement { PlanVersionId = version.Id, EmployeeId = employeeId, AcknowledgedUtc = Now };
        db.Set<PlanAcknowledgement>().Add(ack);
        try
        {
            await db.SaveChangesAsync(ct);
            return new Acknowledgement(version.Number, ack.AcknowledgedUtc, true);
        }
        catch (DbUpdateException)
        {
            // A double click won the race: the unique index kept one acknowledgement, which is what was asked for.
            db.ChangeTracker.Clear();
            var won = await db.Set<PlanAcknowledgement>().AsNoTracking()
                .SingleAsync(a => a.PlanVersionId == version.Id && a.EmployeeId == employeeId, ct);
            return new Acknowledgement(version.Number, won.AcknowledgedUtc, false);
        }
    }

    /// <summary>An employee's suggestion on a published plan.</summary>
    public async Task<PlanOutcome> SuggestAsync(int planId, int employeeId, string? text, CancellationToken ct = default)
    {
        var status = await db.Set<InternalMarketingPlan>().Where(p => p.Id == planId).Select(p => (PlanStatus?)p.Status).SingleOrDefaultAsync(ct);
        if (status is null or PlanStatus.Draft)
        {
            return PlanOutcome.NotFound;
        }
        if (status == PlanStatus.Archived)
        {
            return PlanOutcome.Invalid("Text", "This plan is archived and no longer takes suggestions.");
        }
        var errors = PlanRules.ValidateSuggestion(text);
        if (errors.Count > 0)
        {
            return PlanOutcome.Invalid(errors);
        }
        var suggestion = new PlanSuggestion
        {
            PlanId = planId,
            AuthorEmployeeId = employeeId,
            Text = text!.Trim(),
            CreatedUtc = Now,
            Status = SuggestionStatus.New,
        };
        db.Set<PlanSuggestion>().Add(suggestion);
        await db.SaveChangesAsync(ct);
        return PlanOutcome.Done(suggestion.Id);
    }

    /// <summary>Sets a suggestion's status and public answer; the author is told by e-mail when the answer changed.</summary>
    public async Task<PlanOutcome> AnswerAsync(int planId, int suggestionId, SuggestionStatus status, string? answer, int? answeredByEmployeeId,
        CancellationToken ct = default)
    {
        var suggestion = await db.Set<PlanSuggestion>().Include(s => s.Author)
            .SingleOrDefaultAsync(s => s.Id == suggestionId && s.PlanId == planId, ct);
        if (suggestion is null)
        {
            return PlanOutcome.NotFound;
        }
        if (!Enum.IsDefined(status))
        {
            return PlanOutcome.Invalid("Status", "Choose a status from the list.");
        }
        var errors = PlanRules.ValidateAnswer(status, answer);
        if (errors.Count > 0)
        {
            return PlanOutcome.Invalid(errors);
        }
        var cleaned = Clean(answer);
        var answerChanged = cleaned is not null && !string.Equals(cleaned, suggestion.Answer, StringComparison.Ordinal);
        suggestion.Status = status;
        suggestion.Answer = cleaned;
        suggestion.AnsweredUtc = cleaned is null ? null : answerChanged ? Now : suggestion.AnsweredUtc;
        suggestion.AnsweredByEmployeeId = cleaned is null ? null : answerChanged ? answeredByEmployeeId : suggestion.AnsweredByEmployeeId;
        await db.SaveChangesAsync(ct);
        if (answerChanged && suggestion.Author is { IsActive: true } author)
        {
            var title = await db.Set<InternalMarketingPlan>().Where(p => p.Id == planId).Select(p => p.Title).SingleAsync(ct);
            await mail.SendAnswerAsync(author, title, planId, suggestion, ct);
        }
        return PlanOutcome.Done(suggestion.Id);
    }

    private async Task<(List<PlanError> Errors, decimal? Budget, int? OwnerId)> CheckPlanAsync(PlanForm form, CancellationToken ct)
    {
        var errors = new List<PlanError>();
        var budget = PlanNumbers.Read(form.Budget, "Budget", errors);
        errors.AddRange(PlanRules.ValidatePlan(form.Title, form.Summary, form.StartsOn, form.EndsOn, budget));
        var ownerId = await OwnerAsync(form.OwnerEmail, errors, ct);
        return (errors, budget, ownerId);
    }

    /// <summary>The active employee with this e-mail (case-insensitive), null for an empty field, an error otherwise.</summary>
    private async Task<int?> OwnerAsync(string? email, List<PlanError> errors, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return null;
        }
        var normalized = email.Trim().ToUpperInvariant();
        var id = await db.Employees.Where(e => e.NormalizedEmail == normalized && e.IsActive).Select(e => (int?)e.Id).SingleOrDefaultAsync(ct);
        if (id is null)
        {
            errors.Add(new("OwnerEmail", "No active employee has this e-mail address."));
        }
        return id;
    }

    private Task<InternalMarketingPlan?> EditablePlanAsync(int planId, CancellationToken ct) =>
        db.Set<InternalMarketingPlan>().SingleOrDefaultAsync(p => p.Id == planId && p.Status != PlanStatus.Archived, ct);

    private async Task<PlanOutcome> MissingOrArchivedAsync(int planId, CancellationToken ct) =>
        await db.Set<InternalMarketingPlan>().AnyAsync(p => p.Id == planId, ct)
            ? PlanOutcome.Invalid("", "This plan is archived and can no longer be changed.")
            : PlanOutcome.NotFound;

    private Task<Kpi?> FindKpiAsync(int planId, int kpiId, CancellationToken ct) =>
        db.Set<Kpi>().SingleOrDefaultAsync(k => k.Id == kpiId && db.Set<PlanGoal>().Any(g => g.Id == k.GoalId && g.PlanId == planId), ct);

    private void Touch(InternalMarketingPlan plan)
    {
        plan.HasUnpublishedChanges = true;
        plan.UpdatedUtc = Now;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
