using System.ComponentModel;
using Inward.Platform.Identity;
using Inward.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Inward.Features.Webhooks;

public sealed record WebhookResponse(int Id, string Name, [property: Description("Slack or Teams.")] string Kind,
    [property: Description("The URL, masked: it is a secret.")] string MaskedUrl,
    [property: Description("Null: all posts; else posts whose audience reaches someone in this department or its sub-departments.")] int? DepartmentId,
    string? DepartmentName, DateTime UpdatedUtc);

public sealed record WebhookRequest(
    [property: Description("At most 100 characters.")] string? Name,
    [property: Description("Slack or Teams.")] string? Kind,
    [property: Description("The incoming-webhook URL (https). On PUT, null keeps the saved URL.")] string? Url,
    [property: Description("Null for all posts, or a department id.")] int? DepartmentId);

/// <summary>/api/v1/webhooks: Slack and Teams webhooks (settings managers).</summary>
public static class WebhooksApi
{
    public static IEndpointRouteBuilder MapWebhooksApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapApiV1("Webhooks", Capability.ManageSettings);
        api.MapGet("/webhooks", ListAsync);
        api.MapGet("/webhooks/{id:int}", GetAsync);
        api.MapPost("/webhooks", CreateAsync).AcceptsJson<WebhookRequest>();
        api.MapPut("/webhooks/{id:int}", UpdateAsync).AcceptsJson<WebhookRequest>();
        api.MapDelete("/webhooks/{id:int}", DeleteAsync);
        return app;
    }

    [EndpointSummary("List webhooks")]
    [EndpointDescription("Every Slack and Microsoft Teams webhook that hears about new posts, with masked URLs.")]
    public static async Task<Ok<IReadOnlyList<WebhookResponse>>> ListAsync(WebhookStore store, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<WebhookResponse>>([.. (await store.ListAsync(ct)).Select(ToResponse)]);

    [EndpointSummary("Get a webhook")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<Ok<WebhookResponse>, ProblemHttpResult>> GetAsync(WebhookStore store, [Description("The webhook's id.")] int id, CancellationToken ct) =>
        await store.GetAsync(id, ct) is { } w ? TypedResults.Ok(ToResponse(w)) : NotFound(id);

    [EndpointSummary("Add a webhook")]
    [EndpointDescription("https only; the address must be on the public internet. The URL is never returned again.")]
    public static async Task<Results<Created<WebhookResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(WebhookStore store, HttpRequest http, CancellationToken ct)
    {
        var (request, problem) = await JsonBody.ReadAsync<WebhookRequest>(http, ct);
        if (request is null)
        {
            return problem!;
        }
        var outcome = await store.SaveAsync(null, ToInput(request), ct);
        if (!outcome.Ok)
        {
            return Invalid(outcome);
        }
        return TypedResults.Created($"/api/v1/webhooks/{outcome.Id}", ToResponse((await store.GetAsync(outcome.Id!.Value, ct))!));
    }

    [EndpointSummary("Change a webhook")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<Ok<WebhookResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(WebhookStore store,
        [Description("The webhook's id.")] int id, HttpRequest http, CancellationToken ct)
    {
        var (request, problem) = await JsonBody.ReadAsync<WebhookRequest>(http, ct);
        if (request is null)
        {
            return problem!;
        }
        var outcome = await store.SaveAsync(id, ToInput(request), ct);
        if (outcome.NotFound)
        {
            return NotFound(id);
        }
        return outcome.Ok ? TypedResults.Ok(ToResponse((await store.GetAsync(id, ct))!)) : Invalid(outcome);
    }

    [EndpointSummary("Delete a webhook")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(WebhookStore store, [Description("The webhook's id.")] int id, CancellationToken ct) =>
        await store.DeleteAsync(id, ct) ? TypedResults.NoContent() : NotFound(id);

    private static WebhookInput ToInput(WebhookRequest r) => new() { Name = r.Name, Kind = r.Kind, Url = r.Url, DepartmentId = r.DepartmentId };

    private static WebhookResponse ToResponse(WebhookView w) => new(w.Id, w.Name, w.Kind.ToString(), w.MaskedUrl, w.DepartmentId, w.DepartmentName, w.UpdatedUtc);

    private static ValidationProblem Invalid(WebhookOutcome outcome) =>
        TypedResults.ValidationProblem(outcome.Errors.GroupBy(e => char.ToLowerInvariant(e.Field[0]) + e.Field[1..])
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));

    private static ProblemHttpResult NotFound(int id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"There is no webhook {id}.");
}
