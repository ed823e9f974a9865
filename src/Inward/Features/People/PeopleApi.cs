using System.ComponentModel;
using System.Security.Claims;
using System.Text.Json.Serialization;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Inward.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.People;

/// <summary>
/// A person as the API shows them. Employee number, language and account status are for people managers only
/// (the same rule as the profile page): for everyone else they are left out of the JSON.
/// </summary>
public sealed record PersonDetails(
    int Id, string Name, string Email, int? JobRoleId, string? JobRole, int? DepartmentId, string? Department,
    int? LocationId, string? Location, int? ManagerId, string? Manager, DateOnly? HireDate, bool IsFrontline, bool IsActive,
    IReadOnlyList<PersonCard> Reports,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? EmployeeNumber = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Language = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? HasAccount = null);

/// <summary>A department with its direct sub-departments. Headcounts count active people.</summary>
public sealed record DepartmentDetails(
    int Id, string Name, string? Description, int? ParentId, string? Parent, int Members, int MembersIncludingSubDepartments,
    IReadOnlyList<DepartmentNode> SubDepartments);

/// <summary>/api/v1/people and /api/v1/departments: the directory and the organisation for staff.</summary>
public static class PeopleApi
{
    public const int MaxSearchLength = 200;

    public static IEndpointRouteBuilder MapPeopleApi(this IEndpointRouteBuilder app)
    {
        // Staff only (partners get 403); per-user rate limit; the errors every endpoint can answer are declared once.
        var api = app.MapApiV1("People", Capability.UseIntranet);

        api.MapGet("/people", SearchPeopleAsync);
        api.MapGet("/people/{id:int}", GetPersonAsync);
        api.MapGet("/departments", ListDepartmentsAsync);
        api.MapGet("/departments/{id:int}", GetDepartmentAsync);
        return app;
    }

    [EndpointSummary("Search the people directory")]
    [EndpointDescription("Active people ordered by name, filtered by a search term (name, e-mail, employee number or job role), a department "
        + "(including its sub-departments) and a location. Inactive people are included only for people managers who ask for them.")]
    public static async Task<Results<Ok<PagedList<PersonCard>>, ValidationProblem, ProblemHttpResult>> SearchPeopleAsync(
        PeopleQueries people,
        ClaimsPrincipal user,
        [Description("Part of a name, e-mail or job role, or a whole employee number.")] string? search = null,
        [Description("Only people in this department or its sub-departments.")] int? departmentId = null,
        [Description("Only people at this location.")] int? locationId = null,
        [Description("Include deactivated people (people managers only).")] bool includeInactive = false,
        [Description("Page number, from 1.")] int page = 1,
        [Description("Items per page, 1 to 200.")] int pageSize = ApiPaging.DefaultPageSize)
    {
        var errors = ApiPaging.Validate(page, pageSize);
        if (search?.Length > MaxSearchLength)
        {
            errors["search"] = [$"search must be at most {MaxSearchLength} characters."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        if (includeInactive && !user.Has(Capability.ManagePeople))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
                detail: "Only people managers may include inactive people.");
        }
        var result = await people.SearchAsync(new DirectoryFilter(search, departmentId, locationId, includeInactive, page, pageSize));
        return TypedResults.Ok(new PagedList<PersonCard>(result.Items, page, pageSize, result.Total));
    }

    [EndpointSummary("Get a person")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [EndpointDescription("A person's profile and active direct reports. Deactivated people are found by people managers only.")]
    public static async Task<Results<Ok<PersonDetails>, ProblemHttpResult>> GetPersonAsync(
        PeopleQueries people, ClaimsPrincipal user, [Description("The person's id.")] int id)
    {
        var p = await people.ProfileAsync(id);
        var manager = user.Has(Capability.ManagePeople);
        if (p is null || (!p.IsActive && !manager))
        {
            return NotFound($"There is no person {id}.");
        }
        return TypedResults.Ok(new PersonDetails(p.Id, p.Name, p.Email, p.JobRoleId, p.JobRole, p.DepartmentId, p.Department,
            p.LocationId, p.Location, p.ManagerId, p.Manager, p.HireDate, p.IsFrontline, p.IsActive, p.Reports,
            manager ? p.EmployeeNumber : null, manager ? p.Language : null, manager ? p.HasAccount : null));
    }

    [EndpointSummary("List departments")]
    [EndpointDescription("All departments ordered by name, or only the direct sub-departments of parentId. "
        + "Headcount counts the active people directly in each department.")]
    public static async Task<Results<Ok<PagedList<DepartmentNode>>, ValidationProblem>> ListDepartmentsAsync(
        InwardDbContext db,
        [Description("Only the direct sub-departments of this department.")] int? parentId = null,
        [Description("Page number, from 1.")] int page = 1,
        [Description("Items per page, 1 to 200.")] int pageSize = ApiPaging.DefaultPageSize)
    {
        var errors = ApiPaging.Validate(page, pageSize);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var query = db.Departments.AsNoTracking();
        if (parentId is { } parent)
        {
            query = query.Where(d => d.ParentId == parent);
        }
        var total = await query.CountAsync();
        var items = await Nodes(db, query.OrderBy(d => d.Name).ThenBy(d => d.Id).Skip((page - 1) * pageSize).Take(pageSize)).ToListAsync();
        return TypedResults.Ok(new PagedList<DepartmentNode>(items, page, pageSize, total));
    }

    [EndpointSummary("Get a department")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [EndpointDescription("A department, its direct sub-departments and how many active people it has, with and without its sub-departments.")]
    public static async Task<Results<Ok<DepartmentDetails>, ProblemHttpResult>> GetDepartmentAsync(
        InwardDbContext db, PeopleQueries people, [Description("The department's id.")] int id)
    {
        var d = await db.Departments.AsNoTracking().Where(d => d.Id == id)
            .Select(d => new { d.Id, d.Name, d.Description, d.ParentId, Parent = d.Parent!.Name }).SingleOrDefaultAsync();
        if (d is null)
        {
            return NotFound($"There is no department {id}.");
        }
        var tree = await people.DepartmentAndDescendantsAsync(id);
        var active = db.Employees.AsNoTracking().Where(e => e.IsActive);
        var direct = await active.CountAsync(e => e.DepartmentId == id);
        var all = await active.CountAsync(e => e.DepartmentId != null && tree.Contains(e.DepartmentId.Value));
        var subDepartments = await Nodes(db, db.Departments.AsNoTracking().Where(s => s.ParentId == id).OrderBy(s => s.Name).ThenBy(s => s.Id)).ToListAsync();
        return TypedResults.Ok(new DepartmentDetails(d.Id, d.Name, d.Description, d.ParentId, d.Parent, direct, all, subDepartments));
    }

    private static IQueryable<DepartmentNode> Nodes(InwardDbContext db, IQueryable<Department> departments) =>
        departments.Select(d => new DepartmentNode(d.Id, d.Name, d.ParentId, db.Employees.Count(e => e.DepartmentId == d.Id && e.IsActive)));

    private static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail);
}
