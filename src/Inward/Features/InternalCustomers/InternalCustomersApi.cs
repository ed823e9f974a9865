using System.ComponentModel;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Inward.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.InternalCustomers;

/// <summary>A service edge to create or replace. Departments are required and must differ; owners are optional employee ids.</summary>
public sealed record ServiceEdgeRequest(
    [property: Description("The serving department (internal supplier).")] int? FromDepartmentId,
    [property: Description("The served department (internal customer).")] int? ToDepartmentId,
    [property: Description("What the serving department delivers, at most 500 characters.")] string? Delivers,
    [property: Description("Needs and wants of the served department.")] string? NeedsAndWants,
    [property: Description("Service expectations, e.g. \"reply within 4 working hours\".")] string? Expectations,
    [property: Description("Employee who owns the link on the serving side.")] int? ServingOwnerId,
    [property: Description("Employee who owns the link on the served side.")] int? ServedOwnerId,
    string? Notes)
{
    public ServiceEdgeInput ToInput() => new()
    {
        FromDepartmentId = FromDepartmentId,
        ToDepartmentId = ToDepartmentId,
        Delivers = Delivers,
        NeedsAndWants = NeedsAndWants,
        Expectations = Expectations,
        ServingOwnerId = ServingOwnerId,
        ServedOwnerId = ServedOwnerId,
        Notes = Notes,
    };
}

/// <summary>/api/v1/internal-customers: the service map for staff; editors (ManagePlan) change it.</summary>
public static class InternalCustomersApi
{
    public static IEndpointRouteBuilder MapInternalCustomersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapApiV1("Internal-customer map", Capability.UseIntranet);

        api.MapGet("/internal-customers", ListAsync);
        api.MapGet("/internal-customers/{id:int}", GetAsync);
        // JSON bodies are read after authorisation (ADR 0005).
        api.MapPost("/internal-customers", CreateAsync).RequireAuthorization(nameof(Capability.ManagePlan))
            .AcceptsJson<ServiceEdgeRequest>();
        api.MapPut("/internal-customers/{id:int}", UpdateAsync).RequireAuthorization(nameof(Capability.ManagePlan))
            .AcceptsJson<ServiceEdgeRequest>();
        api.MapDelete("/internal-customers/{id:int}", DeleteAsync).RequireAuthorization(nameof(Capability.ManagePlan));
        return app;
    }

    [EndpointSummary("List service links")]
    [EndpointDescription("Department → department service links ordered by serving, then served department. With department, only the "
        + "links where that department serves or is served (both directions).")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<Ok<PagedList<ServiceEdgeView>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        ServiceMap map, InwardDbContext db, CancellationToken ct,
        [Description("Only links where this department serves or is served.")] int? department = null,
        [Description("Page number, from 1.")] int page = 1,
        [Description("Items per page, 1 to 200.")] int pageSize = ApiPaging.DefaultPageSize)
    {
        var errors = ApiPaging.Validate(page, pageSize);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        if (department is { } d && !await db.Departments.AnyAsync(x => x.Id == d, ct))
        {
            return NotFound($"There is no department {d}.");
        }
        var all = await map.ListAsync(department, ct);
        return TypedResults.Ok(new PagedList<ServiceEdgeView>([.. all.Skip((page - 1) * pageSize).Take(pageSize)], page, pageSize, all.Count));
    }

    [EndpointSummary("Get a service link")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<Ok<ServiceEdgeView>, ProblemHttpResult>> GetAsync(ServiceMap map, [Description("The link's id.")] int id, CancellationToken ct) =>
        await map.FindAsync(id, ct) is { } edge ? TypedResults.Ok(edge) : NotFound($"There is no service link {id}.");

    [EndpointSummary("Create a service link")]
    [EndpointDescription("400 when a field is missing or wrong (including a department serving itself or an unknown department or owner); "
        + "409 when the serving department already has a link to the served department.")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public static async Task<Results<Created<ServiceEdgeView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        ServiceMap map, HttpRequest http, CancellationToken ct)
    {
        var (request, error) = await JsonBody.ReadAsync<ServiceEdgeRequest>(http, ct);
        if (request is null)
        {
            return error!;
        }
        var result = await map.SaveAsync(null, request.ToInput(), ct);
        return result.Outcome switch
        {
            EdgeSaveOutcome.Saved => TypedResults.Created($"/api/v1/internal-customers/{result.Id}", (await map.FindAsync(result.Id, ct))!),
            EdgeSaveOutcome.Invalid => Invalid(result),
            _ => Conflict(result),
        };
    }

    [EndpointSummary("Replace a service link")]
    [EndpointDescription("Replaces every field of the link; the same rules as creating apply.")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public static async Task<Results<Ok<ServiceEdgeView>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        ServiceMap map, [Description("The link's id.")] int id, HttpRequest http, CancellationToken ct)
    {
        var (request, error) = await JsonBody.ReadAsync<ServiceEdgeRequest>(http, ct);
        if (request is null)
        {
            return error!;
        }
        var result = await map.SaveAsync(id, request.ToInput(), ct);
        return result.Outcome switch
        {
            EdgeSaveOutcome.Saved => TypedResults.Ok((await map.FindAsync(id, ct))!),
            EdgeSaveOutcome.NotFound => NotFound($"There is no service link {id}."),
            EdgeSaveOutcome.Invalid => Invalid(result),
            _ => Conflict(result),
        };
    }

    [EndpointSummary("Delete a service link")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(ServiceMap map, [Description("The link's id.")] int id, CancellationToken ct) =>
        await map.DeleteAsync(id, ct) ? TypedResults.NoContent() : NotFound($"There is no service link {id}.");

    private static ValidationProblem Invalid(EdgeSaveResult result) => TypedResults.ValidationProblem(
        result.Problems.GroupBy(p => Camel(p.Field)).ToDictionary(g => g.Key, g => g.Select(Text).ToArray(), StringComparer.Ordinal));

    private static ProblemHttpResult Conflict(EdgeSaveResult result) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: string.Join(" ", result.Problems.Select(Text)));

    private static string Text(EdgeProblem p) => string.Format(System.Globalization.CultureInfo.InvariantCulture, p.Message, p.Args);

    private static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    private static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail);
}
