using System.ComponentModel;
using System.Globalization;
using Inward.Platform.Identity;
using Inward.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Inward.Features.Panel;

public sealed record PanelNominationRequest([property: Description("The employee id.")] int EmployeeId,
    [property: Description("Why they are nominated, at most 1000 characters.")] string? Reason);

public sealed record PanelInvitationRequest([property: Description("True to join the panel, false to decline.")] bool Accept);

public sealed record PanelTopicRequest([property: Description("1 to 200 characters.")] string? Title,
    [property: Description("The first post (Markdown), 1 to 4000 characters.")] string? Text);

public sealed record PanelPostRequest([property: Description("Markdown, 1 to 4000 characters.")] string? Text);

public sealed record PanelInputRequest([property: Description("The issue, 1 to 200 characters.")] string? Title,
    [property: Description("What the panel said (Markdown), 1 to 4000 characters.")] string? Input);

public sealed record PanelInputUpdateRequest([property: Description("Open, InProgress, Done or Declined.")] string? Status,
    [property: Description("What was done with it (Markdown); required for Done and Declined.")] string? Outcome);

/// <summary>/api/v1/panel: the top-performer advisory panel, readable by its members and HR (ManagePeople) only.</summary>
public static class PanelApi
{
    public static IEndpointRouteBuilder MapPanelApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapApiV1("Panel", Capability.UseIntranet);
        api.MapGet("/panel", GetAsync);
        api.MapPost("/panel/members", NominateAsync).AcceptsJson<PanelNominationRequest>().RequireAuthorization(nameof(Capability.ManagePeople));
        api.MapDelete("/panel/members/{id:int}", RemoveAsync).RequireAuthorization(nameof(Capability.ManagePeople));
        api.MapPost("/panel/invitation", RespondAsync).AcceptsJson<PanelInvitationRequest>();
        api.MapPost("/panel/topics", CreateTopicAsync).AcceptsJson<PanelTopicRequest>();
        api.MapGet("/panel/topics/{id:int}", ThreadAsync);
        api.MapPost("/panel/topics/{id:int}/posts", PostAsync).AcceptsJson<PanelPostRequest>();
        api.MapPost("/panel/inputs", RecordInputAsync).AcceptsJson<PanelInputRequest>().RequireAuthorization(nameof(Capability.ManagePeople));
        api.MapPost("/panel/inputs/{id:int}", UpdateInputAsync).AcceptsJson<PanelInputUpdateRequest>().RequireAuthorization(nameof(Capability.ManagePeople));
        return app;
    }

    [EndpointSummary("The panel: members, threads and the input record (members and HR)")]
    public static async Task<Results<Ok<PanelOverview>, ProblemHttpResult>> GetAsync(PanelDesk panel, HttpContext http, CancellationToken ct) =>
        (await panel.ViewerAsync(http.User, ct)).CanRead ? TypedResults.Ok(await panel.OverviewAsync(ct)) : Forbidden();

    [EndpointSummary("Nominate a top performer and invite them (HR)")]
    public static async Task<Results<Ok<PanelOverview>, ValidationProblem, ProblemHttpResult>> NominateAsync(PanelDesk panel, HttpContext http, CancellationToken ct)
    {
        var (request, problem) = await JsonBody.ReadAsync<PanelNominationRequest>(http.Request, ct);
        if (problem is not null)
        {
            return problem;
        }
        return await panel.NominateAsync(await panel.ViewerAsync(http.User, ct), request!.EmployeeId, request.Reason, ct) is { } error
            ? TypedResults.ValidationProblem(Errors([error]))
            : TypedResults.Ok(await panel.OverviewAsync(ct));
    }

    [EndpointSummary("Take someone off the panel or withdraw an invitation (HR)")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(PanelDesk panel, int id, CancellationToken ct) =>
        await panel.RemoveAsync(id, ct) ? TypedResults.NoContent() : NotFound("No panel member with this id.");

    [EndpointSummary("Accept or decline my invitation")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<NoContent, ProblemHttpResult>> RespondAsync(PanelDesk panel, HttpContext http, CancellationToken ct)
    {
        var (request, problem) = await JsonBody.ReadAsync<PanelInvitationRequest>(http.Request, ct);
        if (problem is not null)
        {
            return problem;
        }
        return await panel.RespondAsync(await panel.ViewerAsync(http.User, ct), request!.Accept, ct) ? TypedResults.NoContent()
            : NotFound("You have no open invitation to the panel.");
    }

    [EndpointSummary("Start a discussion thread (members and HR)")]
    public static async Task<Results<Created<PanelThread>, ValidationProblem, ProblemHttpResult>> CreateTopicAsync(PanelDesk panel, HttpContext http,
        CancellationToken ct)
    {
        var viewer = await panel.ViewerAsync(http.User, ct);
        if (!viewer.CanRead)
        {
            return Forbidden();
        }
        var (request, problem) = await JsonBody.ReadAsync<PanelTopicRequest>(http.Request, ct);
        if (problem is not null)
        {
            return problem;
        }
        var (id, errors) = await panel.CreateTopicAsync(viewer, request!.Title, request.Text, ct);
        return id is { } topicId
            ? TypedResults.Created($"/api/v1/panel/topics/{topicId.ToString(CultureInfo.InvariantCulture)}", (await panel.ThreadAsync(topicId, ct))!)
            : TypedResults.ValidationProblem(Errors(errors));
    }

    [EndpointSummary("A discussion thread (members and HR)")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<Ok<PanelThread>, ProblemHttpResult>> ThreadAsync(PanelDesk panel, HttpContext http, int id, CancellationToken ct)
    {
        if (!(await panel.ViewerAsync(http.User, ct)).CanRead)
        {
            return Forbidden();
        }
        return await panel.ThreadAsync(id, ct) is { } thread ? TypedResults.Ok(thread) : NotFound("No panel thread with this id.");
    }

    [EndpointSummary("Post in a thread (members and HR)")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<Ok<PanelThread>, ValidationProblem, ProblemHttpResult>> PostAsync(PanelDesk panel, HttpContext http, int id, CancellationToken ct)
    {
        var viewer = await panel.ViewerAsync(http.User, ct);
        if (!viewer.CanRead)
        {
            return Forbidden();
        }
        if (await panel.ThreadAsync(id, ct) is null)
        {
            return NotFound("No panel thread with this id.");
        }
        var (request, problem) = await JsonBody.ReadAsync<PanelPostRequest>(http.Request, ct);
        if (problem is not null)
        {
            return problem;
        }
        var (_, error) = await panel.PostAsync(viewer, id, request!.Text, ct);
        return error is not null ? TypedResults.ValidationProblem(Errors([error])) : TypedResults.Ok((await panel.ThreadAsync(id, ct))!);
    }

    [EndpointSummary("Record the panel's input on an issue (HR)")]
    public static async Task<Results<Ok<PanelOverview>, ValidationProblem, ProblemHttpResult>> RecordInputAsync(PanelDesk panel, HttpContext http, CancellationToken ct)
    {
        var (request, problem) = await JsonBody.ReadAsync<PanelInputRequest>(http.Request, ct);
        if (problem is not null)
        {
            return problem;
        }
        var (id, errors) = await panel.RecordInputAsync(request!.Title, request.Input, ct);
        return id is null ? TypedResults.ValidationProblem(Errors(errors)) : TypedResults.Ok(await panel.OverviewAsync(ct));
    }

    [EndpointSummary("Record where an input stands and what was done with it (HR)")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<Ok<PanelOverview>, ValidationProblem, ProblemHttpResult>> UpdateInputAsync(PanelDesk panel, HttpContext http, int id,
        CancellationToken ct)
    {
        if (!await panel.InputExistsAsync(id, ct))
        {
            return NotFound("No panel input with this id.");
        }
        var (request, problem) = await JsonBody.ReadAsync<PanelInputUpdateRequest>(http.Request, ct);
        if (problem is not null)
        {
            return problem;
        }
        var (found, error) = await panel.UpdateInputAsync(id, request!.Status, request.Outcome, ct);
        return !found ? NotFound("No panel input with this id.")
            : error is not null ? TypedResults.ValidationProblem(Errors([error]))
            : TypedResults.Ok(await panel.OverviewAsync(ct));
    }

    private static Dictionary<string, string[]> Errors(IEnumerable<PanelError> errors) =>
        errors.GroupBy(e => char.ToLowerInvariant(e.Field[0]) + e.Field[1..], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => string.Format(CultureInfo.InvariantCulture, e.Message, e.Arguments)).ToArray(), StringComparer.Ordinal);

    private static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail);

    private static ProblemHttpResult Forbidden() =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: "The panel is open to its members and HR only.");
}
