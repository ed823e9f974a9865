using System.Security.Claims;
using Inward.Features.Audiences;
using Inward.Features.Learning.Certificates;
using Inward.Features.People;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Learning.Assignments;

public sealed record AssignmentView(int Id, int CourseId, string CourseTitle, int? PathId, string? PathTitle, string PersonKey, int? EmployeeId,
    string PersonName, int? DepartmentId, string? Department, DateTime AssignedUtc, DateOnly? DueDate, AssignmentState State, AssignmentReason Reason,
    DateTime? CompletedUtc);

public sealed record AssignmentFilter(int? CourseId = null, int? PathId = null, int? DepartmentId = null, AssignmentState? State = null, bool IncludeCancelled = false);

public sealed record CertificateView(int Id, string PublicId, int CourseId, string CourseTitle, string PersonName, string UserId, int? EmployeeId,
    DateTime CompletedUtc, int? ScorePercent, DateTime? ExpiresUtc, CertificateState State);

/// <summary>Assignments of one course over a set of people; <see cref="Open"/> excludes the overdue ones.</summary>
public sealed record CourseCounts(int CourseId, string Course, int Assigned, int Completed, int Overdue)
{
    public int Open => Assigned - Completed - Overdue;
}

/// <summary>One row of the completion report: a course in a department.</summary>
public sealed record CompletionRow(int CourseId, string Course, int? DepartmentId, string Department, int Assigned, int Completed, int Overdue)
{
    public decimal? Rate => Assigned == 0 ? null : decimal.Round(100m * Completed / Assigned, 1);
}

/// <summary>
/// Who may see which learning records, and the queries behind the pages and the API: one's own (employee or partner
/// user), a manager's team (direct and indirect reports), everyone (ManageLearning). A partner user sees only courses
/// whose audience names their organisation.
/// </summary>
public sealed class LearningRecords(InwardDbContext db, PeopleQueries people, AudienceResolver resolver, TimeProvider clock)
{
    public const int MaxRows = 5000;

    public DateTime Now => clock.GetUtcNow().UtcDateTime;
    public DateOnly Today => DateOnly.FromDateTime(Now);

    /// <summary>The signed-in person's key: their employee record, else (a partner user) their account; null for neither.</summary>
    public static string? PersonKeyOf(ClaimsPrincipal user)
    {
        if (PeopleQueries.EmployeeIdOf(user) is { } employeeId)
        {
            return LearningAssignment.EmployeeKey(employeeId);
        }
        return user.Has(Capability.UseExtranet) && user.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId ? LearningAssignment.UserKey(userId) : null;
    }

    public async Task<HashSet<int>> TeamAsync(ClaimsPrincipal user) =>
        PeopleQueries.EmployeeIdOf(user) is { } me ? await people.TeamOfAsync(me) : [];

    public async Task<IReadOnlyList<AssignmentView>> MineAsync(ClaimsPrincipal user, AssignmentFilter filter, CancellationToken ct)
    {
        if (PersonKeyOf(user) is not { } key)
        {
            return [];
        }
        var rows = await QueryAsync(db.Set<LearningAssignment>().Where(a => a.PersonKey == key), filter, ct);
        return user.Has(Capability.UseIntranet) ? rows : await PartnerCoursesOnlyAsync(user, rows, ct);
    }

    /// <summary>The employees' assignments, the first <paramref name="take"/> in list order (open first, earliest due first).</summary>
    public async Task<IReadOnlyList<AssignmentView>> OfEmployeesAsync(IReadOnlyCollection<int> employeeIds, AssignmentFilter filter, CancellationToken ct,
        int take = MaxRows) =>
        employeeIds.Count == 0 ? [] : await QueryAsync(OfEmployees(employeeIds), filter, ct, take);

    private IQueryable<LearningAssignment> OfEmployees(IReadOnlyCollection<int> employeeIds) =>
        db.Set<LearningAssignment>().Where(a => a.EmployeeId != null && employeeIds.Contains(a.EmployeeId.Value));

    /// <summary>
    /// Assigned, completed and overdue counts per course over the employees' assignments (cancelled ones left out),
    /// counted in the database: a large team has far more assignments than a page can list.
    /// </summary>
    public async Task<IReadOnlyList<CourseCounts>> CountsPerCourseOfEmployeesAsync(IReadOnlyCollection<int> employeeIds, CancellationToken ct)
    {
        if (employeeIds.Count == 0)
        {
            return [];
        }
        var today = Today;
        var rows = await OfEmployees(employeeIds).AsNoTracking().Where(a => a.Status != AssignmentStatus.Cancelled)
            .GroupBy(a => a.CourseId)
            .Select(g => new
            {
                CourseId = g.Key, Assigned = g.Count(),
                Completed = g.Count(a => a.Status == AssignmentStatus.Completed),
                Overdue = g.Count(a => a.Status == AssignmentStatus.Open && a.DueDate != null && a.DueDate < today),
            }).ToListAsync(ct);
        var ids = rows.Select(r => r.CourseId).ToList();
        var titles = await db.Set<Course>().AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Title, ct);
        return [.. rows.Select(r => new CourseCounts(r.CourseId, titles.GetValueOrDefault(r.CourseId, ""), r.Assigned, r.Completed, r.Overdue))];
    }

    public async Task<IReadOnlyList<AssignmentView>> AllAsync(AssignmentFilter filter, CancellationToken ct) =>
        await QueryAsync(db.Set<LearningAssignment>(), filter, ct);

    private async Task<IReadOnlyList<AssignmentView>> QueryAsync(IQueryable<LearningAssignment> query, AssignmentFilter filter, CancellationToken ct,
        int take = MaxRows)
    {
        var today = Today;
        if (filter.CourseId is { } courseId)
        {
            query = query.Where(a => a.CourseId == courseId);
        }
        if (filter.PathId is { } pathId)
        {
            query = query.Where(a => a.PathId == pathId);
        }
        if (filter.DepartmentId is { } departmentId)
        {
            var departments = await people.DepartmentAndDescendantsAsync(departmentId);
            query = query.Where(a => db.Employees.Any(e => e.Id == a.EmployeeId && e.DepartmentId != null && departments.Contains(e.DepartmentId.Value)));
        }
        query = filter.State switch
        {
            AssignmentState.Completed => query.Where(a => a.Status == AssignmentStatus.Completed),
            AssignmentState.Cancelled => query.Where(a => a.Status == AssignmentStatus.Cancelled),
            AssignmentState.Overdue => query.Where(a => a.Status == AssignmentStatus.Open && a.DueDate != null && a.DueDate < today),
            AssignmentState.Open => query.Where(a => a.Status == AssignmentStatus.Open && (a.DueDate == null || a.DueDate >= today)),
            _ => filter.IncludeCancelled ? query : query.Where(a => a.Status != AssignmentStatus.Cancelled),
        };
        var rows = await query
            .OrderBy(a => a.Status == AssignmentStatus.Open ? 0 : 1).ThenBy(a => a.DueDate == null).ThenBy(a => a.DueDate).ThenByDescending(a => a.AssignedUtc)
            .Take(take)
            .Select(a => new
            {
                a.Id, a.CourseId, CourseTitle = db.Set<Course>().Where(c => c.Id == a.CourseId).Select(c => c.Title).FirstOrDefault(),
                a.PathId, PathTitle = db.Set<LearningPath>().Where(p => p.Id == a.PathId).Select(p => p.Title).FirstOrDefault(),
                a.PersonKey, a.EmployeeId, a.AssignedUtc, a.DueDate, a.Status, a.Reason, a.CompletedUtc,
            }).ToListAsync(ct);
        var employeeIds = rows.Where(r => r.EmployeeId != null).Select(r => r.EmployeeId!.Value).Distinct().ToList();
        var employees = await db.Employees.AsNoTracking().Where(e => employeeIds.Contains(e.Id))
            .Select(e => new { e.Id, e.Name, e.DepartmentId, Department = e.Department!.Name }).ToDictionaryAsync(e => e.Id, ct);
        var userIds = rows.Where(r => r.EmployeeId == null && r.PersonKey.StartsWith("u:", StringComparison.Ordinal)).Select(r => r.PersonKey[2..]).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return [.. rows.Select(r =>
        {
            var e = r.EmployeeId is { } id ? employees.GetValueOrDefault(id) : null;
            var name = e?.Name ?? (r.PersonKey.Length > 2 ? users.GetValueOrDefault(r.PersonKey[2..]) : null) ?? "";
            return new AssignmentView(r.Id, r.CourseId, r.CourseTitle ?? "", r.PathId, r.PathTitle, r.PersonKey, r.EmployeeId, name, e?.DepartmentId,
                e?.Department, r.AssignedUtc, r.DueDate, LearningSchedule.StateOf(r.Status, r.DueDate, today), r.Reason, r.CompletedUtc);
        })];
    }

    /// <summary>A partner user's rows, limited to courses whose audience names their organisation.</summary>
    private async Task<IReadOnlyList<AssignmentView>> PartnerCoursesOnlyAsync(ClaimsPrincipal user, IReadOnlyList<AssignmentView> rows, CancellationToken ct)
    {
        var allowed = await PartnerCourseIdsAsync(user, rows.Select(r => r.CourseId).Distinct().ToList(), ct);
        return [.. rows.Where(r => allowed.Contains(r.CourseId))];
    }

    private async Task<HashSet<int>> PartnerCourseIdsAsync(ClaimsPrincipal user, List<int> courseIds, CancellationToken ct)
    {
        if (await resolver.FactsOfAsync(user, ct) is not { IsPartner: true } facts)
        {
            return [];
        }
        var courses = await db.Set<Course>().AsNoTracking().Where(c => courseIds.Contains(c.Id)).Select(c => new { c.Id, c.AudienceJson }).ToListAsync(ct);
        return [.. courses.Where(c => AssignmentEvaluator.MayTake(facts, c.AudienceJson, DepartmentTree.Empty, Today)).Select(c => c.Id)];
    }

    public async Task<IReadOnlyList<CertificateView>> CertificatesOfAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (PersonKeyOf(user) is not { } key)
        {
            return [];
        }
        var employeeId = PeopleQueries.EmployeeIdOf(user);
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var query = employeeId is { } id ? db.Set<Certificate>().Where(c => c.EmployeeId == id) : db.Set<Certificate>().Where(c => c.EmployeeId == null && c.UserId == userId);
        var rows = await CertificatesAsync(query.OrderByDescending(c => c.CompletedUtc), ct);
        if (user.Has(Capability.UseIntranet))
        {
            return rows;
        }
        var allowed = await PartnerCourseIdsAsync(user, rows.Select(r => r.CourseId).Distinct().ToList(), ct);
        return [.. rows.Where(r => allowed.Contains(r.CourseId))];
    }

    public async Task<CertificateView?> CertificateAsync(string publicId, CancellationToken ct) =>
        Certificate.IsWellFormed(publicId) ? (await CertificatesAsync(db.Set<Certificate>().Where(c => c.PublicId == publicId), ct)).SingleOrDefault() : null;

    /// <summary>The holder, people with ManageLearning, and the holder's managers (up the reporting line) may open a certificate.</summary>
    public async Task<bool> MayViewAsync(ClaimsPrincipal user, CertificateView certificate)
    {
        if (user.Has(Capability.ManageLearning))
        {
            return true;
        }
        if (PeopleQueries.EmployeeIdOf(user) is { } me)
        {
            return certificate.EmployeeId == me
                || (certificate.EmployeeId is { } holder && user.Has(Capability.SeeTeam) && (await people.TeamOfAsync(me)).Contains(holder));
        }
        return certificate.EmployeeId is null && certificate.UserId == user.FindFirstValue(ClaimTypes.NameIdentifier)
            && (await PartnerCourseIdsAsync(user, [certificate.CourseId], default)).Contains(certificate.CourseId);
    }

    private async Task<IReadOnlyList<CertificateView>> CertificatesAsync(IQueryable<Certificate> query, CancellationToken ct)
    {
        var now = Now;
        var rows = await query.AsNoTracking().Select(c => new { c.Id, c.PublicId, c.CourseId, c.CourseTitle, c.PersonName, c.UserId, c.EmployeeId,
            c.CompletedUtc, c.ScorePercent, c.ExpiresUtc, c.RevokedUtc }).ToListAsync(ct);
        return [.. rows.Select(c => new CertificateView(c.Id, c.PublicId, c.CourseId, c.CourseTitle, c.PersonName, c.UserId, c.EmployeeId, c.CompletedUtc,
            c.ScorePercent, c.ExpiresUtc, LearningSchedule.Validity(c.ExpiresUtc, c.RevokedUtc, now)))];
    }

    /// <summary>Completion by department for every course with assignments (cancelled ones left out), optionally of one course.</summary>
    public async Task<IReadOnlyList<CompletionRow>> CompletionByDepartmentAsync(int? courseId, CancellationToken ct)
    {
        var today = Today;
        var rows = await db.Set<LearningAssignment>().AsNoTracking()
            .Where(a => a.Status != AssignmentStatus.Cancelled && a.EmployeeId != null && (courseId == null || a.CourseId == courseId))
            .Join(db.Employees, a => a.EmployeeId, e => e.Id, (a, e) => new { a.CourseId, e.DepartmentId, a.Status, a.DueDate })
            .GroupBy(x => new { x.CourseId, x.DepartmentId })
            .Select(g => new
            {
                g.Key.CourseId, g.Key.DepartmentId, Assigned = g.Count(),
                Completed = g.Count(x => x.Status == AssignmentStatus.Completed),
                Overdue = g.Count(x => x.Status == AssignmentStatus.Open && x.DueDate != null && x.DueDate < today),
            }).ToListAsync(ct);
        var courses = await db.Set<Course>().AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Title, ct);
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        return [.. rows.Select(r => new CompletionRow(r.CourseId, courses.GetValueOrDefault(r.CourseId, ""), r.DepartmentId,
                r.DepartmentId is { } d ? departments.GetValueOrDefault(d, "") : "", r.Assigned, r.Completed, r.Overdue))
            .OrderBy(r => r.Course, StringComparer.CurrentCulture).ThenBy(r => r.Department, StringComparer.CurrentCulture)];
    }
}
