using Inward.Features.Audiences;
using Inward.Features.Learning.Assignments;
using Inward.Platform.Data;
using Inward.Platform.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Learning.Paths;

/// <summary>A problem with a path or rule: the field concerned and an English localiser key with {0} placeholders.</summary>
public sealed record LearningError(string Field, string Message, params object[] Arguments);

public sealed record PathInput(string? Title, string? Description, IReadOnlyList<int>? CourseIds);

public sealed record RuleInput(string? Title, int? CourseId, int? PathId, AudienceRule? Audience, DueBasis DueBasis, int? DueDays, bool IsActive);

public sealed record PathSummary(int Id, string Title, string Description, IReadOnlyList<(int Id, string Title)> Courses, DateTime UpdatedUtc);

public sealed record RuleSummary(int Id, string Title, int? CourseId, int? PathId, string Target, string AudienceJson, DueBasis DueBasis, int? DueDays,
    bool IsActive, int Open, int Completed);

/// <summary>
/// Learning paths and assignment rules: validation, saving, and queuing an evaluation whenever a rule or its path
/// changes (so assignments follow at once, not only at the daily run). Used by the pages and the API alike.
/// </summary>
public sealed class LearningPaths(InwardDbContext db, AudienceResolver resolver, IJobScheduler jobs, TimeProvider clock)
{
    public async Task<IReadOnlyList<(int Id, string Title, CourseStatus Status)>> CoursesAsync(CancellationToken ct) =>
        (await db.Set<Course>().AsNoTracking().Where(c => c.Status != CourseStatus.Archived).OrderBy(c => c.Title)
            .Select(c => new { c.Id, c.Title, c.Status }).ToListAsync(ct)).Select(c => (c.Id, c.Title, c.Status)).ToList();

    public async Task<IReadOnlyList<PathSummary>> PathsAsync(CancellationToken ct)
    {
        var paths = await db.Set<LearningPath>().AsNoTracking().OrderBy(p => p.Title).Select(p => new { p.Id, p.Title, p.Description, p.UpdatedUtc }).ToListAsync(ct);
        var courses = (await db.Set<LearningPathCourse>().AsNoTracking().Join(db.Set<Course>(), pc => pc.CourseId, c => c.Id,
                (pc, c) => new { pc.PathId, pc.Position, c.Id, c.Title }).ToListAsync(ct))
            .ToLookup(x => x.PathId);
        return [.. paths.Select(p => new PathSummary(p.Id, p.Title, p.Description,
            [.. courses[p.Id].OrderBy(c => c.Position).Select(c => (c.Id, c.Title))], p.UpdatedUtc))];
    }

    public async Task<PathSummary?> PathAsync(int id, CancellationToken ct) => (await PathsAsync(ct)).FirstOrDefault(p => p.Id == id);

    public async Task<IReadOnlyList<RuleSummary>> RulesAsync(CancellationToken ct, int? onlyId = null)
    {
        var rules = await db.Set<AssignmentRule>().AsNoTracking().Where(r => onlyId == null || r.Id == onlyId).OrderBy(r => r.Title).ToListAsync(ct);
        var courseTitles = await db.Set<Course>().AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Title, ct);
        var pathTitles = await db.Set<LearningPath>().AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Title, ct);
        var counts = (await db.Set<LearningAssignment>().AsNoTracking().Where(a => a.RuleId != null && a.Status != AssignmentStatus.Cancelled)
                .GroupBy(a => new { a.RuleId, a.Status }).Select(g => new { g.Key.RuleId, g.Key.Status, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(x => (x.RuleId!.Value, x.Status), x => x.Count);
        return [.. rules.Select(r => new RuleSummary(r.Id, r.Title, r.CourseId, r.PathId,
            r.CourseId is { } c ? courseTitles.GetValueOrDefault(c, "") : pathTitles.GetValueOrDefault(r.PathId ?? 0, ""),
            r.AudienceJson, r.DueBasis, r.DueDays, r.IsActive,
            counts.GetValueOrDefault((r.Id, AssignmentStatus.Open)), counts.GetValueOrDefault((r.Id, AssignmentStatus.Completed))))];
    }

    public async Task<List<LearningError>> ValidateAsync(PathInput input, CancellationToken ct)
    {
        var errors = new List<LearningError>();
        var title = input.Title?.Trim() ?? "";
        if (title.Length == 0 || title.Length > LearningPath.TitleMax)
        {
            errors.Add(new("Title", "Enter a title of 1 to {0} characters.", LearningPath.TitleMax));
        }
        if ((input.Description?.Length ?? 0) > LearningPath.DescriptionMax)
        {
            errors.Add(new("Description", "The description can have at most {0} characters.", LearningPath.DescriptionMax));
        }
        var ids = input.CourseIds ?? [];
        if (ids.Count == 0)
        {
            errors.Add(new("CourseIds", "A path needs at least one course."));
        }
        else if (ids.Count > LearningPath.MaxCourses)
        {
            errors.Add(new("CourseIds", "A path can have at most {0} courses.", LearningPath.MaxCourses));
        }
        else if (ids.Distinct().Count() != ids.Count)
        {
            errors.Add(new("CourseIds", "Each course can be in a path only once."));
        }
        else
        {
            var known = await db.Set<Course>().AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct);
            var unknown = ids.Except(known).Take(5).ToList();
            if (unknown.Count > 0)
            {
                errors.Add(new("CourseIds", "Unknown course: {0}.", string.Join(", ", unknown)));
            }
        }
        return errors;
    }

    public async Task<int> CreateAsync(PathInput input, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var path = new LearningPath { Title = input.Title!.Trim(), Description = input.Description?.Trim() ?? "", CreatedUtc = now, UpdatedUtc = now };
        path.Courses = [.. input.CourseIds!.Select((id, i) => new LearningPathCourse { CourseId = id, Position = i })];
        db.Add(path);
        await db.SaveChangesAsync(ct);
        return path.Id;
    }

    /// <summary>False when there is no such path.</summary>
    public async Task<bool> UpdateAsync(int id, PathInput input, CancellationToken ct)
    {
        var path = await db.Set<LearningPath>().Include(p => p.Courses).SingleOrDefaultAsync(p => p.Id == id, ct);
        if (path is null)
        {
            return false;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        path.Title = input.Title!.Trim();
        path.Description = input.Description?.Trim() ?? "";
        path.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        db.RemoveRange(path.Courses);
        await db.SaveChangesAsync(ct);
        path.Courses = [.. input.CourseIds!.Select((courseId, i) => new LearningPathCourse { CourseId = courseId, Position = i })];
        await db.SaveChangesAsync(ct);
        foreach (var ruleId in await db.Set<AssignmentRule>().Where(r => r.PathId == id).Select(r => r.Id).ToListAsync(ct))
        {
            await jobs.EnqueueAsync(AssignmentEvaluator.Kind, new AssignmentRun(ruleId), ct: ct);
        }
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>Deletes the path and its rules; their open assignments are cancelled, completed ones stay as history.</summary>
    public async Task<bool> DeleteAsync(int id, CancellationToken ct)
    {
        var path = await db.Set<LearningPath>().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (path is null)
        {
            return false;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var ruleIds = await db.Set<AssignmentRule>().Where(r => r.PathId == id).Select(r => r.Id).ToListAsync(ct);
        await CancelOpenAsync(ruleIds, ct);
        db.Remove(path);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    public async Task<List<LearningError>> ValidateAsync(RuleInput input, CancellationToken ct)
    {
        var errors = new List<LearningError>();
        var title = input.Title?.Trim() ?? "";
        if (title.Length == 0 || title.Length > AssignmentRule.TitleMax)
        {
            errors.Add(new("Title", "Enter a title of 1 to {0} characters.", AssignmentRule.TitleMax));
        }
        if ((input.CourseId is null) == (input.PathId is null))
        {
            errors.Add(new("Target", "Choose either a course or a learning path."));
        }
        else if (input.CourseId is { } courseId && !await db.Set<Course>().AnyAsync(c => c.Id == courseId, ct))
        {
            errors.Add(new("Target", "Unknown course: {0}.", courseId));
        }
        else if (input.PathId is { } pathId && !await db.Set<LearningPath>().AnyAsync(p => p.Id == pathId, ct))
        {
            errors.Add(new("Target", "Unknown learning path: {0}.", pathId));
        }
        if (!Enum.IsDefined(input.DueBasis))
        {
            errors.Add(new("DueBasis", "Choose when the training is due."));
        }
        else if (input.DueBasis != DueBasis.None && (input.DueDays is not { } days || days < 0 || days > LearningSchedule.MaxDueDays))
        {
            errors.Add(new("DueDays", "The number of days must be between 0 and {0}.", LearningSchedule.MaxDueDays));
        }
        foreach (var e in await resolver.ValidateAsync(input.Audience, ct))
        {
            errors.Add(new(e.Field.Length == 0 ? "Audience" : "Audience." + e.Field, e.Message, e.Arguments));
        }
        return errors;
    }

    public async Task<int> CreateAsync(RuleInput input, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rule = new AssignmentRule { Title = "", AudienceJson = "", CreatedUtc = now };
        Apply(rule, input, now);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(rule);
        await db.SaveChangesAsync(ct);
        await jobs.EnqueueAsync(AssignmentEvaluator.Kind, new AssignmentRun(rule.Id), ct: ct);
        await tx.CommitAsync(ct);
        return rule.Id;
    }

    public async Task<bool> UpdateAsync(int id, RuleInput input, CancellationToken ct)
    {
        var rule = await db.Set<AssignmentRule>().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (rule is null)
        {
            return false;
        }
        Apply(rule, input, clock.GetUtcNow().UtcDateTime);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await jobs.EnqueueAsync(AssignmentEvaluator.Kind, new AssignmentRun(id), ct: ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>Deletes the rule; its open assignments are cancelled, completed ones stay as history.</summary>
    public async Task<bool> DeleteRuleAsync(int id, CancellationToken ct)
    {
        var rule = await db.Set<AssignmentRule>().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (rule is null)
        {
            return false;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await CancelOpenAsync([id], ct);
        db.Remove(rule);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    private async Task CancelOpenAsync(List<int> ruleIds, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var a in await db.Set<LearningAssignment>().Where(a => a.RuleId != null && ruleIds.Contains(a.RuleId.Value) && a.Status == AssignmentStatus.Open)
                     .ToListAsync(ct))
        {
            a.Status = AssignmentStatus.Cancelled;
            a.CancelledUtc = now;
        }
    }

    private static void Apply(AssignmentRule rule, RuleInput input, DateTime now)
    {
        rule.Title = input.Title!.Trim();
        rule.CourseId = input.CourseId;
        rule.PathId = input.PathId;
        rule.AudienceJson = input.Audience!.ToJson();
        rule.DueBasis = input.DueBasis;
        rule.DueDays = input.DueBasis == DueBasis.None ? null : input.DueDays;
        rule.IsActive = input.IsActive;
        rule.UpdatedUtc = now;
    }
}
