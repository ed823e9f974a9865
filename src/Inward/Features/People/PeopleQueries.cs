using System.Globalization;
using System.Security.Claims;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.People;

public sealed record PersonCard(int Id, string Name, string Email, string? JobRole, string? Department, string? Location, bool IsActive);

public sealed record PersonProfile(int Id, string Name, string Email, string? EmployeeNumber, int? DepartmentId, string? Department,
    int? LocationId, string? Location, int? JobRoleId, string? JobRole, int? ManagerId, string? Manager, DateOnly? HireDate,
    string Language, bool IsFrontline, bool IsActive, IReadOnlyList<PersonCard> Reports, bool HasAccount);

public sealed record DirectoryFilter(string? Search, int? DepartmentId, int? LocationId, bool IncludeInactive = false, int Page = 1, int PageSize = 25);

public sealed record DirectoryPage(IReadOnlyList<PersonCard> Items, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (int)Math.Ceiling(Total / (double)PageSize));
}

public sealed record DepartmentNode(int Id, string Name, int? ParentId, int Headcount);

/// <summary>Read side of People, also the query service other features use (STYLE.md habit 3).</summary>
public sealed class PeopleQueries(InwardDbContext db)
{
    public const int MaxPageSize = 200;

    /// <summary>
    /// A manager's team: everyone who reports to them directly or indirectly (active people only), found by walking
    /// the manager links downwards. A loop in the links cannot make this spin.
    /// </summary>
    public async Task<HashSet<int>> TeamOfAsync(int managerEmployeeId)
    {
        var links = await db.Employees.AsNoTracking().Where(e => e.IsActive && e.ManagerId != null)
            .Select(e => new { e.Id, ManagerId = e.ManagerId!.Value }).ToListAsync();
        var reports = links.ToLookup(l => l.ManagerId, l => l.Id);
        var team = new HashSet<int>();
        var queue = new Queue<int>([managerEmployeeId]);
        while (queue.TryDequeue(out var current))
        {
            foreach (var report in reports[current])
            {
                if (report != managerEmployeeId && team.Add(report))
                {
                    queue.Enqueue(report);
                }
            }
        }
        return team;
    }

    public static int? EmployeeIdOf(ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(InwardClaimsPrincipalFactory.EmployeeClaim), CultureInfo.InvariantCulture, out var id) ? id : null;

    public async Task<PersonCard?> CardOfUserAsync(ClaimsPrincipal user) =>
        EmployeeIdOf(user) is { } id ? await Cards(db.Employees.Where(e => e.Id == id)).SingleOrDefaultAsync() : null;

    public async Task<(int Headcount, int Departments)> CountsAsync() =>
        (await db.Employees.CountAsync(e => e.IsActive), await db.Departments.CountAsync());

    public async Task<DirectoryPage> SearchAsync(DirectoryFilter filter)
    {
        var pageSize = Math.Clamp(filter.PageSize, 1, MaxPageSize);
        var page = Math.Max(1, filter.Page);
        var query = db.Employees.AsNoTracking();
        if (!filter.IncludeInactive)
        {
            query = query.Where(e => e.IsActive);
        }
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            // Upper-case both sides: case-insensitive on SQLite and PostgreSQL alike (EF translates ToUpper to SQL upper).
#pragma warning disable CA1304, CA1311, CA1862
            var term = filter.Search.Trim().ToUpperInvariant();
            query = query.Where(e => e.Name.ToUpper().Contains(term) || e.NormalizedEmail.Contains(term)
                || (e.EmployeeNumber != null && e.EmployeeNumber.ToUpper() == term)
                || (e.JobRole != null && e.JobRole.Name.ToUpper().Contains(term)));
#pragma warning restore CA1304, CA1311, CA1862
        }
        if (filter.DepartmentId is { } dep)
        {
            var ids = await DepartmentAndDescendantsAsync(dep);
            query = query.Where(e => e.DepartmentId != null && ids.Contains(e.DepartmentId.Value));
        }
        if (filter.LocationId is { } loc)
        {
            query = query.Where(e => e.LocationId == loc);
        }
        var total = await query.CountAsync();
        var items = await Cards(query.OrderBy(e => e.Name).ThenBy(e => e.Id).Skip((page - 1) * pageSize).Take(pageSize)).ToListAsync();
        return new DirectoryPage(items, total, page, pageSize);
    }

    public async Task<PersonProfile?> ProfileAsync(int id)
    {
        var p = await db.Employees.AsNoTracking().Where(e => e.Id == id).Select(e => new
        {
            e.Id, e.Name, e.Email, e.EmployeeNumber, e.DepartmentId, Department = e.Department!.Name, e.LocationId, Location = e.Location!.Name,
            e.JobRoleId, JobRole = e.JobRole!.Name, e.ManagerId, Manager = e.Manager!.Name, e.HireDate, e.Language, e.IsFrontline, e.IsActive,
        }).SingleOrDefaultAsync();
        if (p is null)
        {
            return null;
        }
        var reports = await Cards(db.Employees.Where(e => e.ManagerId == id && e.IsActive).OrderBy(e => e.Name)).ToListAsync();
        var hasAccount = await db.Users.AnyAsync(u => u.EmployeeId == id);
        return new PersonProfile(p.Id, p.Name, p.Email, p.EmployeeNumber, p.DepartmentId, p.Department, p.LocationId, p.Location, p.JobRoleId,
            p.JobRole, p.ManagerId, p.Manager, p.HireDate, p.Language, p.IsFrontline, p.IsActive, reports, hasAccount);
    }

    public async Task<IReadOnlyList<DepartmentNode>> DepartmentsAsync()
    {
        var counts = await db.Employees.Where(e => e.IsActive && e.DepartmentId != null)
            .GroupBy(e => e.DepartmentId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count);
        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.Name).Select(d => new { d.Id, d.Name, d.ParentId }).ToListAsync();
        return departments.Select(d => new DepartmentNode(d.Id, d.Name, d.ParentId, counts.GetValueOrDefault(d.Id))).ToList();
    }

    public async Task<List<int>> DepartmentAndDescendantsAsync(int departmentId)
    {
        var all = await db.Departments.AsNoTracking().Select(d => new { d.Id, d.ParentId }).ToListAsync();
        var result = new List<int> { departmentId };
        for (var i = 0; i < result.Count; i++)
        {
            result.AddRange(all.Where(d => d.ParentId == result[i]).Select(d => d.Id));
        }
        return result;
    }

    /// <summary>
    /// Active employees of the whole company, or of one department and its sub-departments: the population
    /// that metrics count (e.g. an acknowledgement rate is acknowledged ÷ this).
    /// </summary>
    public async Task<IQueryable<Employee>> ActiveEmployeesInAsync(int? departmentId)
    {
        if (departmentId is not { } id)
        {
            return db.Employees.AsNoTracking().Where(e => e.IsActive);
        }
        var ids = await DepartmentAndDescendantsAsync(id);
        return db.Employees.AsNoTracking().Where(e => e.IsActive && e.DepartmentId != null && ids.Contains(e.DepartmentId.Value));
    }

    /// <summary>Active members of a department and their manager links, for the org chart.</summary>
    public async Task<IReadOnlyList<(PersonCard Person, int? ManagerId)>> OrgChartAsync(int departmentId)
    {
        var rows = await db.Employees.AsNoTracking().Where(e => e.DepartmentId == departmentId && e.IsActive).OrderBy(e => e.Name)
            .Select(e => new { Card = new PersonCard(e.Id, e.Name, e.Email, e.JobRole!.Name, e.Department!.Name, e.Location!.Name, e.IsActive), e.ManagerId })
            .ToListAsync();
        return rows.Select(r => (r.Card, r.ManagerId)).ToList();
    }

    private static IQueryable<PersonCard> Cards(IQueryable<Employee> query) =>
        query.Select(e => new PersonCard(e.Id, e.Name, e.Email, e.JobRole!.Name, e.Department!.Name, e.Location!.Name, e.IsActive));
}
