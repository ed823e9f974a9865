using System.ComponentModel;
using System.Security.Claims;
using Inward.Features.People;
using Inward.Platform.Identity;
using Inward.Platform.Text;
using Inward.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Inward.Features.Touchpoints;

/// <summary>A customer touchpoint as the API shows it. The brand promise comes as Markdown and as sanitised HTML.</summary>
public sealed record TouchpointResponse(int Id, string Name, string Channel, string? Description, int? DepartmentId, string? Department,
    IReadOnlyList<NamedRef> JobRoles, string BrandPromise, string BrandPromiseHtml, IReadOnlyList<string> Behaviours, string? MomentOfTruth,
    DateTime UpdatedUtc);

/// <summary>A touchpoint in a list.</summary>
public sealed record TouchpointListItem(int Id, string Name, string Channel, int? DepartmentId, string? Department, IReadOnlyList<NamedRef> JobRoles);

/// <summary>Creates or replaces a touchpoint. Channel is one of Phone, Email, Chat, SocialMedia, Website, InPerson, Delivery, OnSite, Document, Event, Other.</summary>
public sealed record TouchpointRequest(
    [property: Description("Name, 1 to 200 characters.")] string? Name,
    [property: Description("How the customer meets us: Phone, Email, Chat, SocialMedia, Website, InPerson, Delivery, OnSite, Document, Event or Other.")] string? Channel,
    string? Description,
    [property: Description("Owning department; null for company-wide.")] int? DepartmentId,
    [property: Description("Owning job roles.")] int[]? JobRoleIds,
    [property: Description("The brand promise at this moment (Markdown).")] string? BrandPromise,
    [property: Description("Expected behaviours in order, at most 20 lines of 300 characters.")] string[]? Behaviours,
    [property: Description("What can go wrong here (plain text).")] string? MomentOfTruth);

public sealed record TouchpointRef(int Id, string Name, string Channel);

/// <summary>A published role expectation card. Touchpoints are those the job role owns now.</summary>
public sealed record RoleCardResponse(int JobRoleId, string JobRole, int Version, DateTime PublishedUtc, string BrandPromise, string BrandPromiseHtml,
    IReadOnlyList<string> Behaviours, IReadOnlyList<RoleCardKpiItem> Kpis, IReadOnlyList<TrainingItem> Training, IReadOnlyList<TouchpointRef> Touchpoints);

/// <summary>The caller's card and whether they accepted its current version.</summary>
public sealed record MyRoleCardResponse(RoleCardResponse Card, bool Acknowledged, DateTime? AcknowledgedUtc);

/// <summary>Accepts the card version the caller read; it must be the current one.</summary>
public sealed record AcknowledgementRequest([property: Description("The version number that was read.")] int Version);

/// <summary>/api/v1/touchpoints and /api/v1/role-cards.</summary>
public static class TouchpointsApi
{
    public static IEndpointRouteBuilder MapTouchpointsApi(this IEndpointRouteBuilder app)
    {
        var touchpoints = app.MapApiV1("Touchpoints", Capability.UseIntranet);
        touchpoints.MapGet("/touchpoints", ListAsync);
        touchpoints.MapGet("/touchpoints/{id:int}", GetAsync);
        touchpoints.MapPost("/touchpoints", CreateAsync).RequireAuthorization(nameof(Capability.ManagePlan)).AcceptsJson<TouchpointRequest>();
        touchpoints.MapPut("/touchpoints/{id:int}", UpdateAsync).RequireAuthorization(nameof(Capability.ManagePlan)).AcceptsJson<TouchpointRequest>();
        touchpoints.MapDelete("/touchpoints/{id:int}", DeleteAsync).RequireAuthorization(nameof(Capability.ManagePlan));

        var cards = app.MapApiV1("Role expectation cards", Capability.UseIntranet);
        cards.MapGet("/role-cards", ListCardsAsync);
        cards.MapGet("/role-cards/mine", MineAsync);
        cards.MapPost("/role-cards/mine/acknowledgement", AcknowledgeAsync).AcceptsJson<AcknowledgementRequest>();
        return app;
    }

    [EndpointSummary("List customer touchpoints")]
    [EndpointDescription("Touchpoints ordered by department and name. department keeps those owned by a department or its sub-departments; "
        + "jobRole keeps those a job role owns.")]
    public static async Task<Results<Ok<PagedList<TouchpointListItem>>, ValidationProblem>> ListAsync(
        TouchpointQueries queries,
        [Description("Only touchpoints of this department or its sub-departments.")] int? department = null,
        [Description("Only touchpoints this job role owns.")] int? jobRole = null,
        [Description("Page number, from 1.")] int page = 1,
        [Description("Items per page, 1 to 200.")] int pageSize = ApiPaging.DefaultPageSize)
    {
        var errors = ApiPaging.Validate(page, pageSize);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var all = await queries.ListAsync(department, jobRole);
        var items = all.Skip((page - 1) * pageSize).Take(pageSize)
            .Select(t => new TouchpointListItem(t.Id, t.Name, t.Channel.ToString(), t.DepartmentId, t.Department, t.JobRoles)).ToList();
        return TypedResults.Ok(new PagedList<TouchpointListItem>(items, page, pageSize, all.Count));
    }

    [EndpointSummary("Get a customer touchpoint")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<Ok<TouchpointResponse>, ProblemHttpResult>> GetAsync(TouchpointQueries queries, [Description("The touchpoint's id.")] int id) =>
        await queries.DetailsAsync(id) is { } t ? TypedResults.Ok(Response(t)) : NotFound($"There is no touchpoint {id}.");

    [EndpointSummary("Create a customer touchpoint")]
    [EndpointDescription("Plan editors only. Unknown departments or job roles, an empty name or brand promise and too long texts are 400.")]
    public static async Task<Results<Created<TouchpointResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        TouchpointEditor editor, TouchpointQueries queries, HttpRequest http, CancellationToken ct)
    {
        var (request, problem) = await JsonBody.ReadAsync<TouchpointRequest>(http, ct);
        if (request is null)
        {
            return problem!;
        }
        var form = Form(request);
        var problems = await editor.ValidateAsync(form);
        if (problems.Count > 0)
        {
            return Invalid(problems);
        }
        var touchpoint = new Touchpoint { Name = "" };
        await editor.SaveAsync(touchpoint, form);
        return TypedResults.Created($"/api/v1/touchpoints/{touchpoint.Id}", Response((await queries.DetailsAsync(touchpoint.Id))!));
    }

    [EndpointSummary("Replace a customer touchpoint")]
    [EndpointDescription("Plan editors only. Every field is replaced; the same rules as for creating apply.")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<Ok<TouchpointResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        TouchpointEditor editor, TouchpointQueries queries, [Description("The touchpoint's id.")] int id, HttpRequest http, CancellationToken ct)
    {
        var (request, problem) = await JsonBody.ReadAsync<TouchpointRequest>(http, ct);
        if (request is null)
        {
            return problem!;
        }
        if (await editor.FindTrackedAsync(id) is not { } touchpoint)
        {
            return NotFound($"There is no touchpoint {id}.");
        }
        var form = Form(request);
        var problems = await editor.ValidateAsync(form);
        if (problems.Count > 0)
        {
            return Invalid(problems);
        }
        await editor.SaveAsync(touchpoint, form);
        return TypedResults.Ok(Response((await queries.DetailsAsync(id))!));
    }

    [EndpointSummary("Delete a customer touchpoint")]
    [EndpointDescription("Plan editors only. Role cards stop listing it at once.")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(TouchpointEditor editor, [Description("The touchpoint's id.")] int id)
    {
        if (await editor.FindTrackedAsync(id) is not { } touchpoint)
        {
            return NotFound($"There is no touchpoint {id}.");
        }
        await editor.DeleteAsync(touchpoint);
        return TypedResults.NoContent();
    }

    [EndpointSummary("List published role expectation cards")]
    [EndpointDescription("The current published version of every job role's card, ordered by job role.")]
    public static async Task<Ok<List<RoleCardResponse>>> ListCardsAsync(RoleCardQueries queries) =>
        TypedResults.Ok((await queries.PublishedListAsync()).Select(Response).ToList());

    [EndpointSummary("My role expectation card")]
    [EndpointDescription("The caller's job role card and whether they accepted its current version. 404 when the account has no employee "
        + "record or the job role has no published card.")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<Ok<MyRoleCardResponse>, ProblemHttpResult>> MineAsync(RoleCardQueries queries, ClaimsPrincipal user)
    {
        var mine = await queries.MineAsync(user);
        if (mine is null)
        {
            return NotFound("Your account is not linked to an employee record.");
        }
        return mine.Card is { } card
            ? TypedResults.Ok(new MyRoleCardResponse(Response(card), mine.AcknowledgedUtc is not null, mine.AcknowledgedUtc))
            : NotFound("Your job role has no published expectation card.");
    }

    [EndpointSummary("Accept my role expectation card")]
    [EndpointDescription("Records that the caller read and accepts the given version of their card. Accepting again changes nothing; "
        + "a version that is no longer current is 409, so read the new one first.")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public static async Task<Results<Ok<MyRoleCardResponse>, ProblemHttpResult>> AcknowledgeAsync(
        RoleCardQueries queries, ClaimsPrincipal user, HttpRequest http, CancellationToken ct)
    {
        var (request, problem) = await JsonBody.ReadAsync<AcknowledgementRequest>(http, ct);
        if (request is null)
        {
            return problem!;
        }
        if (PeopleQueries.EmployeeIdOf(user) is not { } employeeId)
        {
            return NotFound("Your account is not linked to an employee record.");
        }
        var outcome = await queries.AcknowledgeAsync(employeeId, request.Version);
        if (outcome == AcknowledgeOutcome.NoCard)
        {
            return NotFound("Your job role has no published expectation card.");
        }
        var mine = (await queries.ForEmployeeAsync(employeeId))!;
        if (outcome == AcknowledgeOutcome.Outdated)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict",
                detail: $"Version {request.Version} is not the current version of your card; the current version is {mine.Card!.Version}.");
        }
        return TypedResults.Ok(new MyRoleCardResponse(Response(mine.Card!), true, mine.AcknowledgedUtc));
    }

    private static TouchpointForm Form(TouchpointRequest r) => new()
    {
        Name = r.Name,
        Channel = r.Channel,
        Description = r.Description,
        DepartmentId = r.DepartmentId,
        JobRoleIds = [.. r.JobRoleIds ?? []],
        BrandPromise = r.BrandPromise,
        Behaviours = TouchpointLines.Join((r.Behaviours ?? []).Select(b => b ?? "")),
        MomentOfTruth = r.MomentOfTruth,
    };

    private static ValidationProblem Invalid(List<FieldProblem> problems) =>
        TypedResults.ValidationProblem(problems.GroupBy(p => char.ToLowerInvariant(p.Field[0]) + p.Field[1..], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Format()).ToArray(), StringComparer.Ordinal));

    private static TouchpointResponse Response(TouchpointDetails t) => new(t.Id, t.Name, t.Channel.ToString(), t.Description, t.DepartmentId,
        t.Department, t.JobRoles, t.BrandPromise, SafeMarkdown.Render(t.BrandPromise).Value ?? "", t.Behaviours, t.MomentOfTruth, t.UpdatedUtc);

    private static RoleCardResponse Response(PublishedCard c) => new(c.JobRoleId, c.JobRole, c.Version, c.PublishedUtc, c.Content.BrandPromise,
        SafeMarkdown.Render(c.Content.BrandPromise).Value ?? "", c.Content.Behaviours, c.Content.Kpis, c.Content.Training,
        [.. c.Touchpoints.Select(t => new TouchpointRef(t.Id, t.Name, t.Channel.ToString()))]);

    private static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail);
}
