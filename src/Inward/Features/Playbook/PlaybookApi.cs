using System.Security.Claims;
using System.Text.Json;
using Inward.Features.People;
using Inward.Platform.Identity;
using Inward.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Playbook;

/// <summary>The draft plan the playbook created.</summary>
public sealed record CreatedDraftPlan(int Id, string Title, string EditUrl);

/// <summary>/api/v1/playbook: profile in, proposal out; and the proposal turned into a draft plan.</summary>
public static class PlaybookApi
{
    public static IEndpointRouteBuilder MapPlaybookApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/playbook")
            .RequireAuthorization(nameof(Capability.ManagePlan))
            .RequireRateLimiting(WebSetup.ApiLimit)
            .WithTags("Playbook")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        api.MapPost("", ProposeAsync);
        api.MapPost("/plans", CreatePlanAsync);
        return app;
    }

    [EndpointSummary("Propose a playbook")]
    [EndpointDescription("Turns a company profile into a 90-day plan, a 12-month outline, three goals with KPIs and ready-to-use templates. "
        + "Deterministic: the same profile gives the same proposal. Texts are in the caller's language; each initiative lists the rules that chose it.")]
    public static async Task<Results<Ok<PlaybookView>, ValidationProblem>> ProposeAsync(
        [FromBody] PlaybookAnswers? answers, PlaybookService playbook, IStringLocalizer<Strings> t, CancellationToken ct)
    {
        var (profile, problem) = await CheckAsync(answers, playbook, ct);
        if (profile is null)
        {
            return problem!;
        }
        return TypedResults.Ok(PlaybookView.Of(PlaybookService.Propose(profile), t));
    }

    [EndpointSummary("Create a draft plan from a playbook")]
    [EndpointDescription("Proposes a playbook for the profile and saves it as a draft internal-marketing plan with its goals, KPIs and "
        + "initiatives, all or nothing. The plan's period is the 12 months from the start date; its budget is the profile's total budget.")]
    public static async Task<Results<Created<CreatedDraftPlan>, ValidationProblem>> CreatePlanAsync(
        [FromBody] PlaybookAnswers? answers, PlaybookService playbook, ClaimsPrincipal user, CancellationToken ct)
    {
        var (profile, problem) = await CheckAsync(answers, playbook, ct);
        if (profile is null)
        {
            return problem!;
        }
        var plan = await playbook.CreateDraftPlanAsync(PlaybookService.Propose(profile), PeopleQueries.EmployeeIdOf(user), ct);
        return TypedResults.Created($"/api/v1/plans/{plan.Id}", new CreatedDraftPlan(plan.Id, plan.Title, $"/plans/{plan.Id}"));
    }

    private static async Task<(PlaybookProfile?, ValidationProblem?)> CheckAsync(PlaybookAnswers? answers, PlaybookService playbook, CancellationToken ct)
    {
        if (answers is null)
        {
            return (null, TypedResults.ValidationProblem(new Dictionary<string, string[]> { [""] = ["Send the playbook profile as a JSON object."] }));
        }
        var (profile, errors) = await playbook.ValidateAsync(answers, ct);
        if (profile is null)
        {
            return (null, TypedResults.ValidationProblem(errors
                .GroupBy(e => JsonNamingPolicy.CamelCase.ConvertName(e.Field), StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(e => e.English).ToArray(), StringComparer.Ordinal)));
        }
        return (profile, null);
    }
}
