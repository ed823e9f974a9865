using Inward.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.InternalCustomers;

/// <summary>A service edge with the names of its departments and owners, as pages and the API show it.</summary>
public sealed record ServiceEdgeView(
    int Id, int FromDepartmentId, string FromDepartment, int ToDepartmentId, string ToDepartment,
    string Delivers, string? NeedsAndWants, string? Expectations,
    int? ServingOwnerId, string? ServingOwner, int? ServedOwnerId, string? ServedOwner, string? Notes);

public enum EdgeSaveOutcome
{
    Saved,
    NotFound,
    Invalid,
    /// <summary>The ordered pair of departments already has an edge.</summary>
    Duplicate,
}

public sealed record EdgeSaveResult(EdgeSaveOutcome Outcome, int Id, IReadOnlyList<EdgeProblem> Problems)
{
    public static EdgeSaveResult Saved(int id) => new(EdgeSaveOutcome.Saved, id, []);
    public static readonly EdgeSaveResult NotFound = new(EdgeSaveOutcome.NotFound, 0, []);
    public static EdgeSaveResult Invalid(IReadOnlyList<EdgeProblem> problems) => new(EdgeSaveOutcome.Invalid, 0, problems);
}

/// <summary>Reads and writes the internal-customer map; the pages and the API share these rules.</summary>
public sealed class ServiceMap(InwardDbContext db, TimeProvider clock)
{
    /// <summary>All edges, or those where the department serves or is served; ordered by serving, then served department.</summary>
    public async Task<List<ServiceEdgeView>> ListAsync(int? departmentId = null, CancellationToken ct = default)
    {
        var query = db.Set<ServiceEdge>().AsNoTracking();
        if (departmentId is { } d)
        {
            query = query.Where(e => e.FromDepartmentId == d || e.ToDepartmentId == d);
        }
        return await Project(query.OrderBy(e => e.FromDepartment!.Name).ThenBy(e => e.ToDepartment!.Name).ThenBy(e => e.Id)).ToListAsync(ct);
    }

    public async Task<ServiceEdgeView?> FindAsync(int id, CancellationToken ct = default) =>
        await Project(db.Set<ServiceEdge>().AsNoTracking().Where(e => e.Id == id)).SingleOrDefaultAsync(ct);

    /// <summary>Creates (id null) or updates an edge; nothing is saved unless every check passes.</summary>
    public async Task<EdgeSaveResult> SaveAsync(int? id, ServiceEdgeInput input, CancellationToken ct = default)
    {
        ServiceEdge? edge = null;
        if (id is { } existing)
        {
            edge = await db.Set<ServiceEdge>().SingleOrDefaultAsync(e => e.Id == existing, ct);
            if (edge is null)
            {
                return EdgeSaveResult.NotFound;
            }
        }
        var problems = ServiceEdgeRules.Validate(input);
        var departments = await db.Departments.AsNoTracking()
            .Where(d => d.Id == input.FromDepartmentId || d.Id == input.ToDepartmentId)
            .ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        if (input.FromDepartmentId is { } from && !departments.ContainsKey(from))
        {
            problems.Add(new(nameof(input.FromDepartmentId), "The serving department does not exist."));
        }
        if (input.ToDepartmentId is { } to && !departments.ContainsKey(to))
        {
            problems.Add(new(nameof(input.ToDepartmentId), "The served department does not exist."));
        }
        await CheckOwnerAsync(input.ServingOwnerId, nameof(input.ServingOwnerId), "The owner on the serving side must be an active employee.");
        await CheckOwnerAsync(input.ServedOwnerId, nameof(input.ServedOwnerId), "The owner on the served side must be an active employee.");
        if (problems.Count > 0)
        {
            return EdgeSaveResult.Invalid(problems);
        }
        var (fromId, toId) = (input.FromDepartmentId!.Value, input.ToDepartmentId!.Value);
        if (await db.Set<ServiceEdge>().AnyAsync(e => e.FromDepartmentId == fromId && e.ToDepartmentId == toId && e.Id != (id ?? 0), ct))
        {
            return Duplicate();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (edge is null)
        {
            edge = new ServiceEdge { Delivers = "", CreatedUtc = now };
            db.Set<ServiceEdge>().Add(edge);
        }
        edge.FromDepartmentId = fromId;
        edge.ToDepartmentId = toId;
        edge.Delivers = ServiceEdgeRules.Clean(input.Delivers)!;
        edge.NeedsAndWants = ServiceEdgeRules.Clean(input.NeedsAndWants);
        edge.Expectations = ServiceEdgeRules.Clean(input.Expectations);
        edge.ServingOwnerId = input.ServingOwnerId;
        edge.ServedOwnerId = input.ServedOwnerId;
        edge.Notes = ServiceEdgeRules.Clean(input.Notes);
        edge.UpdatedUtc = now;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone added the same pair between the check and the save: the unique index refused it.
            db.ChangeTracker.Clear();
            return Duplicate();
        }
        return EdgeSaveResult.Saved(edge.Id);

        EdgeSaveResult Duplicate() => new(EdgeSaveOutcome.Duplicate, 0,
            [new(nameof(input.ToDepartmentId), "{0} already serves {1} on the map: edit that link instead.", departments[fromId], departments[toId])]);

        async Task CheckOwnerAsync(int? ownerId, string field, string message)
        {
            if (ownerId is { } o && !await db.Employees.AnyAsync(e => e.Id == o && e.IsActive, ct))
            {
                problems.Add(new(field, message));
            }
        }
    }

    public async Task<bool> DeleteAsync(int id, CancellationToken ct = default)
    {
        var edge = await db.Set<ServiceEdge>().SingleOrDefaultAsync(e => e.Id == id, ct);
        if (edge is null)
        {
            return false;
        }
        db.Set<ServiceEdge>().Remove(edge);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static IQueryable<ServiceEdgeView> Project(IQueryable<ServiceEdge> query) => query.Select(e => new ServiceEdgeView(
        e.Id, e.FromDepartmentId, e.FromDepartment!.Name, e.ToDepartmentId, e.ToDepartment!.Name,
        e.Delivers, e.NeedsAndWants, e.Expectations,
        e.ServingOwnerId, e.ServingOwner!.Name, e.ServedOwnerId, e.ServedOwner!.Name, e.Notes));
}
