using Inward.Features.People;
using Inward.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Touchpoints;

public sealed record NamedRef(int Id, string Name);

/// <summary>A touchpoint in a list: enough to group, filter and link it.</summary>
public sealed record TouchpointSummary(int Id, string Name, TouchpointChannel Channel, int? DepartmentId, string? Department,
    IReadOnlyList<NamedRef> JobRoles, string BrandPromise);

public sealed record TouchpointDetails(int Id, string Name, TouchpointChannel Channel, string? Description, int? DepartmentId, string? Department,
    IReadOnlyList<NamedRef> JobRoles, string BrandPromise, IReadOnlyList<string> Behaviours, string? MomentOfTruth, DateTime UpdatedUtc);

/// <summary>Read side of touchpoints; role cards and other features read touchpoints through it.</summary>
public sealed class TouchpointQueries(InwardDbContext db, PeopleQueries people)
{
    /// <summary>
    /// Touchpoints ordered by department and name; a department filter includes its sub-departments, a job role
    /// filter keeps the touchpoints that role owns.
    /// </summary>
    public async Task<List<TouchpointSummary>> ListAsync(int? departmentId = null, int? jobRoleId = null)
    {
        var query = db.Set<Touchpoint>().AsNoTracking();
        if (departmentId is { } dep)
        {
            var ids = await people.DepartmentAndDescendantsAsync(dep);
            query = query.Where(t => t.DepartmentId != null && ids.Contains(t.DepartmentId.Value));
        }
        if (jobRoleId is { } role)
        {
            query = query.Where(t => t.JobRoles.Any(r => r.Id == role));
        }
        var rows = await query
            .Select(t => new
            {
                t.Id, t.Name, t.Channel, t.DepartmentId, Department = t.Department!.Name, t.BrandPromise,
                Roles = t.JobRoles.Select(r => new NamedRef(r.Id, r.Name)).ToList(),
            })
            .ToListAsync();
        return [.. rows
            .OrderBy(t => t.Department is null).ThenBy(t => t.Department, StringComparer.CurrentCulture)
            .ThenBy(t => t.Name, StringComparer.CurrentCulture).ThenBy(t => t.Id)
            .Select(t => new TouchpointSummary(t.Id, t.Name, t.Channel, t.DepartmentId, t.Department,
                [.. t.Roles.OrderBy(r => r.Name, StringComparer.CurrentCulture)], t.BrandPromise))];
    }

    public async Task<TouchpointDetails?> DetailsAsync(int id)
    {
        var t = await db.Set<Touchpoint>().AsNoTracking().Where(t => t.Id == id)
            .Select(t => new
            {
                t.Id, t.Name, t.Channel, t.Description, t.DepartmentId, Department = t.Department!.Name, t.BrandPromise, t.Behaviours,
                t.MomentOfTruth, t.UpdatedUtc, Roles = t.JobRoles.Select(r => new NamedRef(r.Id, r.Name)).ToList(),
            })
            .SingleOrDefaultAsync();
        return t is null ? null : new TouchpointDetails(t.Id, t.Name, t.Channel, t.Description, t.DepartmentId, t.Department,
            [.. t.Roles.OrderBy(r => r.Name, StringComparer.CurrentCulture)], t.BrandPromise, TouchpointLines.Split(t.Behaviours), t.MomentOfTruth, t.UpdatedUtc);
    }

    /// <summary>The touchpoints a job role owns, for its expectation card.</summary>
    public Task<List<TouchpointSummary>> OwnedByAsync(int jobRoleId) => ListAsync(jobRoleId: jobRoleId);
}
