using Inward.Features.Audiences;
using Inward.Features.Learning.Certificates;
using Inward.Platform.Data;
using Inward.Platform.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inward.Features.Learning.Assignments;

public sealed class LearningOptions
{
    /// <summary>Learning:ReminderDaysBefore: the "due soon" reminder goes out this many days before the due date.</summary>
    public int ReminderDaysBefore { get; set; } = 3;
    /// <summary>Learning:RecertifyDaysBefore: people are assigned a course again this many days before their certificate expires.</summary>
    public int RecertifyDaysBefore { get; set; } = 30;
    /// <summary>Learning:Evaluate: when the assignment rules are evaluated.</summary>
    public string Evaluate { get; set; } = "daily 03:00";
    /// <summary>Learning:Reminders: when due-soon and overdue reminders go out.</summary>
    public string Reminders { get; set; } = "daily 08:30";
}

/// <summary>An evaluation: every rule (the daily run), or only <paramref name="RuleId"/> (after the rule was saved).</summary>
public sealed record AssignmentRun(int? RuleId = null);

/// <summary>
/// Keeps assignments in step with the rules, the roster and completions: people a rule reaches get its courses
/// (with the due date of the rule), open assignments of people a rule no longer reaches are cancelled (so a person who
/// changes role or department swaps the old rule's courses for the new one's), completions after an assignment complete
/// it, and people whose certificate expires within Learning:RecertifyDaysBefore are assigned the course again.
/// Everything is added to the job's DbContext and saved with the job's completion, in one transaction.
/// </summary>
public sealed class AssignmentEvaluator(InwardDbContext db, AudienceResolver resolver, IOptions<LearningOptions> options, TimeProvider clock) : IJobHandler
{
    public const string Kind = "learning.assignments";

    private sealed record PersonCourse(string PersonKey, int CourseId);

    public async Task HandleAsync(JobContext job, CancellationToken ct) => await EvaluateAsync(job.PayloadAs<AssignmentRun>().RuleId, ct);

    public async Task EvaluateAsync(int? onlyRuleId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var population = await resolver.PopulationAsync(includePartners: true, ct);
        var people = population.Members.ToDictionary(KeyOf, StringComparer.Ordinal);
        var courses = await db.Set<Course>().AsNoTracking().Select(c => new { c.Id, c.AudienceJson, c.Status, c.RecertifyMonths }).ToDictionaryAsync(c => c.Id, ct);
        var rules = await db.Set<AssignmentRule>().AsNoTracking().Where(r => onlyRuleId == null || r.Id == onlyRuleId).ToListAsync(ct);
        var pathCourses = (await db.Set<LearningPathCourse>().AsNoTracking().OrderBy(p => p.Position).Select(p => new { p.PathId, p.CourseId }).ToListAsync(ct))
            .ToLookup(p => p.PathId, p => p.CourseId);
        var open = await db.Set<LearningAssignment>().Where(a => a.Status == AssignmentStatus.Open).ToListAsync(ct);
        var held = (await db.Set<LearningAssignment>().AsNoTracking().Where(a => a.Status == AssignmentStatus.Completed)
                .Select(a => new { a.PersonKey, a.CourseId }).ToListAsync(ct))
            .Select(a => new PersonCourse(a.PersonKey, a.CourseId)).ToHashSet();
        var completions = (await db.Set<CourseCompletion>().AsNoTracking()
                .Select(c => new { c.Id, c.CourseId, c.UserId, c.EmployeeId, c.CompletedUtc }).ToListAsync(ct))
            .GroupBy(c => new PersonCourse(LearningAssignment.KeyOf(c.EmployeeId, c.UserId), c.CourseId))
            .ToDictionary(g => g.Key, g => g.MaxBy(c => c.CompletedUtc)!);

        // 1. Cancel open rule assignments whose rule no longer reaches the person (or no longer includes the course).
        var wanted = new Dictionary<int, (AssignmentRule Rule, HashSet<int> Courses, AudienceRule? Audience)>();
        foreach (var rule in rules)
        {
            IEnumerable<int> targets = rule.CourseId is { } c ? [c] : rule.PathId is { } p ? pathCourses[p] : [];
            wanted[rule.Id] = (rule, targets.Where(id => courses.TryGetValue(id, out var course) && course.Status == CourseStatus.Published).ToHashSet(),
                rule.IsActive ? ParseOrNull(rule.AudienceJson) : null);
        }
        bool Reaches(int ruleId, string personKey, int courseId) =>
            wanted.TryGetValue(ruleId, out var w) && w.Audience is { } audience && w.Courses.Contains(courseId)
            && people.TryGetValue(personKey, out var facts) && AudienceRules.Matches(audience, facts, population.Tree, today)
            && MayTake(facts, courses[courseId].AudienceJson, population.Tree, today);
        foreach (var a in open)
        {
            var stale = a.Reason == AssignmentReason.Rule
                ? a.RuleId is { } ruleId ? (onlyRuleId is null || ruleId == onlyRuleId) && !Reaches(ruleId, a.PersonKey, a.CourseId) : onlyRuleId is null
                : onlyRuleId is null && !people.ContainsKey(a.PersonKey);
            if (stale)
            {
                a.Status = AssignmentStatus.Cancelled;
                a.CancelledUtc = now;
            }
        }

        // 2. Complete open assignments the person has completed since they were assigned.
        foreach (var a in open.Where(a => a.Status == AssignmentStatus.Open))
        {
            if (completions.TryGetValue(new(a.PersonKey, a.CourseId), out var done) && done.CompletedUtc >= a.AssignedUtc)
            {
                Complete(a, done.Id, done.CompletedUtc);
            }
        }

        // 3. Assign what the rules ask for and the person does not have yet (open or completed).
        held.UnionWith(open.Where(a => a.Status != AssignmentStatus.Cancelled).Select(a => new PersonCourse(a.PersonKey, a.CourseId)));
        var added = new List<LearningAssignment>();
        foreach (var (rule, targets, audience) in wanted.Values)
        {
            if (audience is null || targets.Count == 0)
            {
                continue;
            }
            foreach (var facts in population.Members.Where(m => AudienceRules.Matches(audience, m, population.Tree, today)))
            {
                var key = KeyOf(facts);
                foreach (var courseId in targets)
                {
                    if (!MayTake(facts, courses[courseId].AudienceJson, population.Tree, today) || !held.Add(new(key, courseId)))
                    {
                        continue;
                    }
                    var assignment = new LearningAssignment
                    {
                        PersonKey = key, EmployeeId = facts.EmployeeId, CourseId = courseId, PathId = rule.PathId, RuleId = rule.Id,
                        Reason = AssignmentReason.Rule, AssignedUtc = now, Status = AssignmentStatus.Open,
                        DueDate = LearningSchedule.DueDate(rule.DueBasis, rule.DueDays, today, facts.HireDate),
                    };
                    // Someone already certified (and not expired) is not sent through the course again.
                    if (completions.TryGetValue(new(key, courseId), out var done)
                        && (LearningSchedule.ExpiresUtc(done.CompletedUtc, courses[courseId].RecertifyMonths) is not { } expires || expires > now))
                    {
                        Complete(assignment, done.Id, done.CompletedUtc);
                    }
                    db.Add(assignment);
                    added.Add(assignment);
                }
            }
        }

        if (onlyRuleId is null)
        {
            var openKeys = open.Concat(added).Where(a => a.Status == AssignmentStatus.Open).Select(a => new PersonCourse(a.PersonKey, a.CourseId)).ToHashSet();
            await RecertifyAsync(people, openKeys, now, ct);
        }
    }

    /// <summary>Re-assigns the holders of certificates that expire within the lead time, once per certificate.</summary>
    private async Task RecertifyAsync(Dictionary<string, MemberFacts> people, HashSet<PersonCourse> openKeys, DateTime now, CancellationToken ct)
    {
        var lead = Math.Max(0, options.Value.RecertifyDaysBefore);
        var horizon = now.AddDays(lead);
        var expiring = (await db.Set<Certificate>().AsNoTracking().Where(c => c.ExpiresUtc != null && c.ExpiresUtc <= horizon && c.RevokedUtc == null)
                .Select(c => new { c.Id, c.CourseId, c.UserId, c.EmployeeId, c.CompletedUtc, c.ExpiresUtc }).ToListAsync(ct))
            .GroupBy(c => new PersonCourse(LearningAssignment.KeyOf(c.EmployeeId, c.UserId), c.CourseId))
            .Select(g => g.MaxBy(c => c.CompletedUtc)!).ToList();
        if (expiring.Count == 0)
        {
            return;
        }
        var alreadyFor = (await db.Set<LearningAssignment>().AsNoTracking().Where(a => a.CertificateId != null).Select(a => a.CertificateId!.Value).ToListAsync(ct))
            .ToHashSet();
        var newer = (await db.Set<Certificate>().AsNoTracking().Select(c => new { c.CourseId, c.UserId, c.EmployeeId, c.CompletedUtc }).ToListAsync(ct))
            .GroupBy(c => new PersonCourse(LearningAssignment.KeyOf(c.EmployeeId, c.UserId), c.CourseId))
            .ToDictionary(g => g.Key, g => g.Max(c => c.CompletedUtc));
        foreach (var cert in expiring)
        {
            var key = new PersonCourse(LearningAssignment.KeyOf(cert.EmployeeId, cert.UserId), cert.CourseId);
            if (!LearningSchedule.RecertificationDue(cert.ExpiresUtc, now, lead) || alreadyFor.Contains(cert.Id) || openKeys.Contains(key)
                || newer[key] > cert.CompletedUtc || !people.TryGetValue(key.PersonKey, out var facts))
            {
                continue;
            }
            db.Add(new LearningAssignment
            {
                PersonKey = key.PersonKey, EmployeeId = facts.EmployeeId, CourseId = cert.CourseId, Reason = AssignmentReason.Recertification,
                CertificateId = cert.Id, AssignedUtc = now, Status = AssignmentStatus.Open,
                DueDate = DateOnly.FromDateTime(cert.ExpiresUtc!.Value),
            });
        }
    }

    private static void Complete(LearningAssignment a, int completionId, DateTime completedUtc)
    {
        a.Status = AssignmentStatus.Completed;
        a.CompletedUtc = completedUtc;
        a.CompletionId = completionId;
    }

    public static string KeyOf(MemberFacts m) =>
        m.EmployeeId is { } id ? LearningAssignment.EmployeeKey(id) : LearningAssignment.UserKey(m.PartnerUserId ?? "");

    /// <summary>
    /// Employees may be assigned any course; a partner user only a course whose own audience names their organisation
    /// (nothing internal reaches partners, even through a mistaken rule).
    /// </summary>
    public static bool MayTake(MemberFacts facts, string courseAudienceJson, DepartmentTree tree, DateOnly today) =>
        !facts.IsPartner || (ParseOrNull(courseAudienceJson) is { } audience && AudienceRules.Matches(audience, facts, tree, today));

    public static AudienceRule? ParseOrNull(string? json)
    {
        try
        {
            return AudienceRule.FromJson(json);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
