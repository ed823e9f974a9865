using System.Security.Claims;
using Inward.Features.People;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Audiences;

/// <summary>Everyone an audience could reach right now: active employees' facts, active partner users, the tree.</summary>
public sealed record AudiencePopulation(IReadOnlyList<MemberFacts> Members, DepartmentTree Tree, DateOnly Today);

/// <summary>How many people a rule reaches and the first few names (for the editor's preview).</summary>
public sealed record AudiencePreview(int Count, int Employees, int PartnerUsers, IReadOnlyList<string> FirstNames);

/// <summary>
/// Applies audience rules to the people in the database at read time, so a person who moves department sees what now
/// targets them. One projection query for the active employees, one for group memberships, one for partner users;
/// then the pure <see cref="AudienceRules.Matches"/> in memory (10,000 employees are a few hundred kilobytes).
/// </summary>
public sealed class AudienceResolver(InwardDbContext db, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<AudienceKnownIds> KnownIdsAsync(CancellationToken ct = default) => new(
        (await db.Departments.Select(d => d.Id).ToListAsync(ct)).ToHashSet(),
        (await db.Locations.Select(l => l.Id).ToListAsync(ct)).ToHashSet(),
        (await db.JobRoles.Select(r => r.Id).ToListAsync(ct)).ToHashSet(),
        (await db.Groups.Select(g => g.Id).ToListAsync(ct)).ToHashSet(),
        (await db.PartnerOrganisations.Select(p => p.Id).ToListAsync(ct)).ToHashSet());

    public async Task<IReadOnlyList<AudienceError>> ValidateAsync(AudienceRule? rule, CancellationToken ct = default) =>
        AudienceRules.Validate(rule, await KnownIdsAsync(ct));

    public async Task<DepartmentTree> TreeAsync(CancellationToken ct = default) =>
        new((await db.Departments.AsNoTracking().Select(d => new { d.Id, d.ParentId }).ToListAsync(ct)).Select(d => (d.Id, d.ParentId)));

    /// <summary>The facts of every active employee and active partner user, loaded once per call.</summary>
    public async Task<AudiencePopulation> PopulationAsync(bool includePartners = true, CancellationToken ct = default)
    {
        var employees = await db.Employees.AsNoTracking().Where(e => e.IsActive)
            .Select(e => new { e.Id, e.DepartmentId, e.LocationId, e.JobRoleId, e.HireDate, e.IsFrontline, e.Language })
            .ToListAsync(ct);
        var groups = (await db.GroupMembers.AsNoTracking()
                .Join(db.Employees.Where(e => e.IsActive), m => m.EmployeeId, e => e.Id, (m, e) => new { m.EmployeeId, m.GroupId })
                .ToListAsync(ct))
            .GroupBy(m => m.EmployeeId).ToDictionary(g => g.Key, g => (IReadOnlyCollection<int>)g.Select(m => m.GroupId).ToHashSet());
        var managers = await ManagerIdsAsync(ct);
        var members = employees.Select(e => new MemberFacts
        {
            EmployeeId = e.Id, DepartmentId = e.DepartmentId, LocationId = e.LocationId, JobRoleId = e.JobRoleId, HireDate = e.HireDate,
            IsFrontline = e.IsFrontline, Language = e.Language, GroupIds = groups.GetValueOrDefault(e.Id) ?? [], IsActive = true,
            ManagesOthers = managers.Contains(e.Id),
        }).ToList();
        if (includePartners)
        {
            var partners = await db.Users.AsNoTracking().Where(u => u.IsActive && u.EmployeeId == null && u.PartnerOrganisationId != null)
                .Select(u => new { u.Id, u.PartnerOrganisationId }).ToListAsync(ct);
            members.AddRange(partners.Select(p => MemberFacts.Partner(p.PartnerOrganisationId!.Value, true, p.Id)));
        }
        return new(members, await TreeAsync(ct), Today);
    }

    /// <summary>People reached: active employees plus active partner users.</summary>
    public async Task<int> CountAsync(AudienceRule rule, CancellationToken ct = default)
    {
        var population = await PopulationAsync(NamesPartners(rule), ct);
        return population.Members.Count(m => AudienceRules.Matches(rule, m, population.Tree, population.Today));
    }

    /// <summary>Ids of the active employees reached (partner users have no employee id; see <see cref="MemberPartnerUserIdsAsync"/>).</summary>
    public async Task<IReadOnlyList<int>> MemberEmployeeIdsAsync(AudienceRule rule, CancellationToken ct = default)
    {
        var population = await PopulationAsync(includePartners: false, ct);
        return population.Members.Where(m => AudienceRules.Matches(rule, m, population.Tree, population.Today))
            .Select(m => m.EmployeeId!.Value).Order().ToList();
    }

    /// <summary>User ids of the active partner users reached.</summary>
    public async Task<IReadOnlyList<string>> MemberPartnerUserIdsAsync(AudienceRule rule, CancellationToken ct = default)
    {
        var orgs = rule.Include.SelectMany(c => c.PartnerOrganisations).Distinct().ToList();
        if (orgs.Count == 0)
        {
            return [];
        }
        var partners = await db.Users.AsNoTracking().Where(u => u.IsActive && u.EmployeeId == null && u.PartnerOrganisationId != null
                && orgs.Contains(u.PartnerOrganisationId.Value))
            .Select(u => new { u.Id, u.PartnerOrganisationId }).ToListAsync(ct);
        return partners.Where(p => AudienceRules.Matches(rule, MemberFacts.Partner(p.PartnerOrganisationId!.Value, true, p.Id), DepartmentTree.Empty, Today))
            .Select(p => p.Id).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The count, split, and the first names alphabetically (employees first, then partner users).</summary>
    public async Task<AudiencePreview> PreviewAsync(AudienceRule rule, int take = 20, CancellationToken ct = default)
    {
        var employeeIds = await MemberEmployeeIdsAsync(rule, ct);
        var partnerIds = await MemberPartnerUserIdsAsync(rule, ct);
        List<string> names = employeeIds.Count == 0 || take <= 0 ? [] : await db.Employees.AsNoTracking().Where(e => employeeIds.Contains(e.Id))
            .OrderBy(e => e.Name).ThenBy(e => e.Id).Select(e => e.Name).Take(take).ToListAsync(ct);
        if (names.Count < take && partnerIds.Count > 0)
        {
            names.AddRange(await db.Users.AsNoTracking().Where(u => partnerIds.Contains(u.Id)).OrderBy(u => u.DisplayName)
                .Select(u => u.DisplayName).Take(take - names.Count).ToListAsync(ct));
        }
        return new(employeeIds.Count + partnerIds.Count, employeeIds.Count, partnerIds.Count, names);
    }

    /// <summary>The facts of one employee as they are now (null when unknown).</summary>
    public async Task<MemberFacts?> FactsOfEmployeeAsync(int employeeId, CancellationToken ct = default)
    {
        var e = await db.Employees.AsNoTracking().Where(x => x.Id == employeeId)
            .Select(x => new { x.Id, x.DepartmentId, x.LocationId, x.JobRoleId, x.HireDate, x.IsFrontline, x.Language, x.IsActive })
            .SingleOrDefaultAsync(ct);
        if (e is null)
        {
            return null;
        }
        var groups = await db.GroupMembers.AsNoTracking().Where(m => m.EmployeeId == employeeId).Select(m => m.GroupId).ToListAsync(ct);
        var managesOthers = await db.Employees.AsNoTracking().AnyAsync(x => x.IsActive && x.ManagerId == employeeId, ct);
        return new MemberFacts
        {
            EmployeeId = e.Id, DepartmentId = e.DepartmentId, LocationId = e.LocationId, JobRoleId = e.JobRoleId, HireDate = e.HireDate,
            IsFrontline = e.IsFrontline, Language = e.Language, GroupIds = groups.ToHashSet(), IsActive = e.IsActive, ManagesOthers = managesOthers,
        };
    }

    /// <summary>Employees with at least one active direct report (the "manages others" level).</summary>
    private async Task<HashSet<int>> ManagerIdsAsync(CancellationToken ct) =>
        (await db.Employees.AsNoTracking().Where(e => e.IsActive && e.ManagerId != null).Select(e => e.ManagerId!.Value).Distinct().ToListAsync(ct))
            .ToHashSet();

    /// <summary>
    /// The facts of a signed-in user: their employee record, or their partner organisation. Null for a user with
    /// neither (e.g. a bare admin account), who is in no audience.
    /// </summary>
    public async Task<MemberFacts?> FactsOfAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (PeopleQueries.EmployeeIdOf(user) is { } employeeId)
        {
            return await FactsOfEmployeeAsync(employeeId, ct);
        }
        if (user.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
        {
            var partner = await db.Users.AsNoTracking().Where(u => u.Id == userId && u.EmployeeId == null && u.PartnerOrganisationId != null)
                .Select(u => new { u.PartnerOrganisationId, u.IsActive }).SingleOrDefaultAsync(ct);
            if (partner is not null)
            {
                return MemberFacts.Partner(partner.PartnerOrganisationId!.Value, partner.IsActive, userId);
            }
        }
        return null;
    }

    public async Task<bool> IncludesAsync(AudienceRule rule, int employeeId, CancellationToken ct = default) =>
        await FactsOfEmployeeAsync(employeeId, ct) is { } facts && await MatchesAsync(rule, facts, ct);

    public async Task<bool> IncludesAsync(AudienceRule rule, ClaimsPrincipal user, CancellationToken ct = default) =>
        await FactsOfAsync(user, ct) is { } facts && await MatchesAsync(rule, facts, ct);

    private async Task<bool> MatchesAsync(AudienceRule rule, MemberFacts facts, CancellationToken ct)
    {
        var needsTree = rule.Include.Concat(rule.Exclude).Any(c => c.Departments.Any(d => d.IncludeSubDepartments));
        return AudienceRules.Matches(rule, facts, needsTree ? await TreeAsync(ct) : DepartmentTree.Empty, Today);
    }

    private static bool NamesPartners(AudienceRule rule) => rule.Include.Any(c => c.PartnerOrganisations.Count > 0);
}
