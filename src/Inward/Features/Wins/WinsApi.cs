using System.ComponentModel;
using System.Globalization;
using Inward.Platform.Identity;
using Inward.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Inward.Features.Wins;

public sealed record CreditResponse(int Id, string Name);

public sealed record WinResponse(int Id, string Title, string Kind, string DescriptionMarkdown, string DescriptionHtml, DateOnly WonOn, string? Evidence,
    string? EvidenceUrl, string AuthorName, bool Mine, DateTime CreatedUtc, DateTime UpdatedUtc, IReadOnlyList<CreditResponse> People,
    IReadOnlyList<CreditResponse> Departments, int? StoryPostId);

public sealed record WinRequest(
    [property: Description("1 to 200 characters.")] string? Title,
    [property: Description("ContractSigned, SalesTargetReached, CustomerPraise or Other.")] string? Kind,
    [property: Description("Markdown, at most 4000 characters.")] string? Description,
    [property: Description("The day of the win, YYYY-MM-DD, not in the future.")] string? WonOn,
    [property: Description("Employee ids credited.")] IReadOnlyList<int>? People,
    [property: Description("Department ids credited.")] IReadOnlyList<int>? Departments,
    [property: Description("What shows it happened (Markdown), at most 2000 characters.")] string? Evidence,
    [property: Description("An http(s) link to the evidence.")] string? EvidenceUrl);

public sealed record StoryResponse(int PostId, string EditUrl, bool Created);

/// <summary>/api/v1/wins: everyone internal lists, reads and logs wins and edits their own; Communicate turns one into a story draft.</summary>
public static class WinsApi
{
    public static IEndpointRouteBuilder MapWinsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapApiV1("Wins", Capability.UseIntranet);
        api.MapGet("/wins", ListAsync);
        api.MapGet("/wins/{id:int}", GetAsync);
        api.MapPost("/wins", CreateAsync).AcceptsJson<WinRequest>();
        api.MapPut("/wins/{id:int}", UpdateAsync).AcceptsJson<WinRequest>();
        api.MapPost("/wins/{id:int}/story", StoryAsync).RequireAuthorization(nameof(Capability.Communicate));
        return app;
    }

    [EndpointSummary("List wins")]
    [EndpointDescription("Newest first; optionally only one kind, or those credited to a department (with its sub-departments) or its people.")]
    public static async Task<Results<Ok<PagedList<WinResponse>>, ValidationProblem>> ListAsync(WinLog wins, HttpContext http, CancellationToken ct,
        [Description("Department id.")] int? department = null,
        [Description("ContractSigned, SalesTargetReached, CustomerPraise or Other.")] string? kind = null,
        [Description("Page number, from 1.")] int page = 1,
        [Description("Items per page, 1 to 200.")] int pageSize = ApiPaging.DefaultPageSize)
    {
        var errors = ApiPaging.Validate(page, pageSize);
        WinKind? parsed = null;
        if (kind is not null)
        {
            if (WinRules.TryParseKind(kind, out var k))
            {
                parsed = k;
            }
            else
            {
                errors["kind"] = ["kind must be ContractSigned, SalesTargetReached, CustomerPraise or Other."];
            }
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var result = await wins.ListAsync(new WinFilter(department, parsed, page, pageSize), ct);
        return TypedResults.Ok(new PagedList<WinResponse>([.. result.Items.Select(w => ToResponse(w, http))], page, pageSize, result.Total));
    }

    [EndpointSummary("Get a win")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<Ok<WinResponse>, ProblemHttpResult>> GetAsync(WinLog wins, HttpContext http, int id, CancellationToken ct) =>
        await wins.GetAsync(id, ct) is { } win ? TypedResults.Ok(ToResponse(win, http)) : NotFound();

    [EndpointSummary("Log a win")]
    public static async Task<Results<Created<WinResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(WinLog wins, HttpContext http,
        CancellationToken ct)
    {
        var (request, problem) = await JsonBody.ReadAsync<WinRequest>(http.Request, ct);
        if (problem is not null)
        {
            return problem;
        }
        var (change, errors) = await CheckAsync(wins, request!, ct);
        if (change is null)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var id = await wins.CreateAsync(http.User, change, ct);
        return TypedResults.Created($"/api/v1/wins/{id.ToString(CultureInfo.InvariantCulture)}", ToResponse((await wins.GetAsync(id, ct))!, http));
    }

    [EndpointSummary("Change a win you logged")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<Ok<WinResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(WinLog wins, HttpContext http, int id,
        CancellationToken ct)
    {
        if (await wins.GetAsync(id, ct) is not { } existing)
        {
            return NotFound();
        }
        if (!WinLog.IsAuthor(http.User, existing))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: "Only the person who logged a win can change it.");
        }
        var (request, problem) = await JsonBody.ReadAsync<WinRequest>(http.Request, ct);
        if (problem is not null)
        {
            return problem;
        }
        var (change, errors) = await CheckAsync(wins, request!, ct);
        if (change is null)
        {
            return TypedResults.ValidationProblem(errors);
        }
        await wins.UpdateAsync(id, change, ct);
        return TypedResults.Ok(ToResponse((await wins.GetAsync(id, ct))!, http));
    }

    [EndpointSummary("Turn a win into a success-story draft (Communicate)")]
    [EndpointDescription("Creates a draft post of type SuccessStory pre-filled from the win and links it. When the win already has its story, "
        + "that post comes back with created = false.")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<Created<StoryResponse>, Ok<StoryResponse>, ProblemHttpResult>> StoryAsync(WinLog wins, HttpContext http, int id,
        CancellationToken ct)
    {
        var (outcome, postId) = await wins.TurnIntoStoryAsync(http.User, id, ct);
        if (outcome == StoryOutcome.NotFound)
        {
            return NotFound();
        }
        var post = postId!.Value.ToString(CultureInfo.InvariantCulture);
        var response = new StoryResponse(postId.Value, $"/posts/{post}/edit", outcome == StoryOutcome.Created);
        return outcome == StoryOutcome.Created ? TypedResults.Created($"/posts/{post}/edit", response) : TypedResults.Ok(response);
    }

    private static async Task<(WinChange? Change, Dictionary<string, string[]> Errors)> CheckAsync(WinLog wins, WinRequest request, CancellationToken ct)
    {
        var input = new WinInput(request.Title, request.Kind, request.Description, request.WonOn, request.Evidence, request.EvidenceUrl);
        var (change, errors) = await wins.CheckAsync(input, request.People ?? [], request.Departments ?? [], ct);
        return (change, errors.GroupBy(e => char.ToLowerInvariant(e.Field[0]) + e.Field[1..], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => string.Format(CultureInfo.InvariantCulture, e.Message, e.Arguments)).ToArray(), StringComparer.Ordinal));
    }

    private static WinResponse ToResponse(WinView w, HttpContext http) =>
        new(w.Id, w.Title, w.Kind.ToString(), w.Description, Platform.Text.SafeMarkdown.ToHtml(w.Description), w.WonOn, w.Evidence, w.EvidenceUrl,
            w.AuthorName, WinLog.IsAuthor(http.User, w), w.CreatedUtc, w.UpdatedUtc, [.. w.People.Select(p => new CreditResponse(p.Id, p.Name))],
            [.. w.Departments.Select(d => new CreditResponse(d.Id, d.Name))], w.StoryPostId);

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "No win with this id.");
}
