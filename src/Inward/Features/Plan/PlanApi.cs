using System.ComponentModel;
using System.Security.Claims;
using Inward.Features.People;
using Inward.Features.Settings;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Inward.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Plan;

public sealed record KpiResponse(
    int Id, string Name, string Source, string? MetricKey, int? MetricDepartmentId, string? MetricDepartment, string? Unit,
    decimal? Baseline, decimal? Target, string Direction, decimal? Current, int? ProgressPercent, bool Met, string? Reason);

public sealed record GoalResponse(int Id, string Title, string? Description, IReadOnlyList<KpiResponse> Kpis);

public sealed record InitiativeResponse(
    int Id, int? GoalId, string? TacticKey, string Title, string? Description, string? Owner, string? OwnerRole, IReadOnlyList<string> Audience,
    DateOnly StartsOn, DateOnly EndsOn, string Status, decimal BudgetPlanned, decimal BudgetSpent);

public sealed record BudgetResponse(decimal Budget, decimal Planned, decimal Spent, decimal? SpentPercent, string Currency);

/// <summary>
/// A plan as employees read it: the latest published version (version 0 is an editor's view of a draft's working copy),
/// with live KPI values and live initiative statuses and spending.
/// </summary>
public sealed record PlanResponse(
    int Id, string Status, int Version, DateTime? PublishedUtc, string? ChangeNote, bool IsCurrent, string Title, string? Summary,
    DateOnly StartsOn, DateOnly EndsOn, string? Owner, BudgetResponse Budget, IReadOnlyList<GoalResponse> Goals, IReadOnlyList<InitiativeResponse> Initiatives);

public sealed record PlanListItem(int Id, string Title, string Status, DateOnly StartsOn, DateOnly EndsOn, decimal Budget, int PublishedVersion,
    bool HasUnpublishedChanges, bool IsCurrent);

public sealed record SuggestionResponse(int Id, string Text, string? Author, DateTime CreatedUtc, string Status, string? Answer, DateTime? AnsweredUtc);

public sealed record AcknowledgementResponse(int PlanId, int Version, DateTime AcknowledgedUtc, bool Recorded);

public sealed record SuggestionRequest([property: Description("The suggestion, 5 to 2000 characters.")] string? Text);

public sealed record AnswerRequest(
    [property: Description("New, Considered, Adopted or Declined.")] string? Status,
    [property: Description("The public answer (required for Adopted and Declined), at most 4000 characters.")] string? Answer);

/// <summary>/api/v1/plan and /api/v1/plans: the current plan, acknowledgements and suggestions for staff; the list and answers for plan editors.</summary>
public static class PlanApi
{
    public static IEndpointRouteBuilder MapPlanApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapApiV1("Plan", Capability.UseIntranet);

        api.MapGet("/plan", GetCurrentAsync);
        api.MapGet("/plans", ListAsync).RequireAuthorization(nameof(Capability.ManagePlan));
        api.MapGet("/plans/{id:int}", GetAsync);
        api.MapPost("/plans/{id:int}/acknowledgement", AcknowledgeAsync);
        api.MapGet("/plans/{id:int}/suggestions", ListSuggestionsAsync);
        api.MapPost("/plans/{id:int}/suggestions", SuggestAsync).AcceptsJson<SuggestionRequest>();
        api.MapPost("/plans/{id:int}/suggestions/{suggestionId:int}/answer", AnswerAsync).RequireAuthorization(nameof(Capability.ManagePlan))
            .AcceptsJson<AnswerRequest>();
        return app;
    }

    [EndpointSummary("Get the current plan")]
    [EndpointDescription("The current internal-marketing plan: the published plan whose period contains today (the most recently published "
        + "if several do), else the most recently published plan. KPI values, initiative statuses and spending are live.")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<Ok<PlanResponse>, ProblemHttpResult>> GetCurrentAsync(PlanViews views, CompanyProfile company, CancellationToken ct)
    {
        var view = await views.CurrentAsync(ct);
        return view is null ? NotFound("No plan has been published yet.") : TypedResults.Ok(ToResponse(view, (await company.GetAsync()).Currency));
    }

    [EndpointSummary("List plans (plan editors)")]
    [EndpointDescription("Every plan, drafts and archived ones included, newest period first; optionally only one status (Draft, Published, Archived).")]
    public static async Task<Results<Ok<PagedList<PlanListItem>>, ValidationProblem>> ListAsync(
        InwardDbContext db, CurrentPlan current, CancellationToken ct,
        [Description("Draft, Published or Archived.")] string? status = null,
        [Description("Page number, from 1.")] int page = 1,
        [Description("Items per page, 1 to 200.")] int pageSize = ApiPaging.DefaultPageSize)
    {
        var errors = ApiPaging.Validate(page, pageSize);
        PlanStatus? filter = null;
        if (status is not null)
        {
            if (Enum.TryParse<PlanStatus>(status, ignoreCase: true, out var s) && Enum.IsDefined(s))
            {
                filter = s;
            }
            else
            {
                errors["status"] = ["status must be Draft, Published or Archived."];
            }
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var query = db.Set<InternalMarketingPlan>().AsNoTracking();
        if (filter is { } f)
        {
            query = query.Where(p => p.Status == f);
        }
        var total = await query.CountAsync(ct);
        var currentId = await current.IdAsync(ct);
        var rows = await query.OrderByDescending(p => p.StartsOn).ThenByDescending(p => p.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(p => new { p.Id, p.Title, p.Status, p.StartsOn, p.EndsOn, p.Budget, p.PublishedVersion, p.HasUnpublishedChanges })
            .ToListAsync(ct);
        var items = rows.Select(p => new PlanListItem(p.Id, p.Title, p.Status.ToString(), p.StartsOn, p.EndsOn, p.Budget, p.PublishedVersion,
            p.HasUnpublishedChanges, p.Id == currentId)).ToList();
        return TypedResults.Ok(new PagedList<PlanListItem>(items, page, pageSize, total));
    }

    [EndpointSummary("Get a plan")]
    [EndpointDescription("A published or archived plan's latest version with live values. Plan editors also get drafts (version 0: the working copy); "
        + "for everyone else a draft does not exist.")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<Ok<PlanResponse>, ProblemHttpResult>> GetAsync(
        PlanViews views, CompanyProfile company, ClaimsPrincipal user, [Description("The plan's id.")] int id, CancellationToken ct)
    {
        var view = await views.ReadableAsync(id, user.Has(Capability.ManagePlan), ct);
        return view is null ? NotFound($"There is no plan {id}.") : TypedResults.Ok(ToResponse(view, (await company.GetAsync()).Currency));
    }

    [EndpointSummary("Acknowledge a plan")]
    [EndpointDescription("\"I have read this plan\" for the signed-in employee and the plan's latest published version. Repeating it changes "
        + "nothing (recorded is then false).")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<Ok<AcknowledgementResponse>, ProblemHttpResult>> AcknowledgeAsync(
        InwardDbContext db, PlanService plans, ClaimsPrincipal user, [Description("The plan's id.")] int id, CancellationToken ct)
    {
        var status = await StatusAsync(db, id, ct);
        if (status is null or PlanStatus.Draft)
        {
            return NotFound($"There is no plan {id}.");
        }
        if (status == PlanStatus.Archived)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Archived", detail: "This plan is archived and is no longer acknowledged.");
        }
        if (PeopleQueries.EmployeeIdOf(user) is not { } employeeId)
        {
            return NoEmployee();
        }
        var ack = await plans.AcknowledgeAsync(id, employeeId, ct);
        return ack is null ? NotFound($"There is no plan {id}.") : TypedResults.Ok(new AcknowledgementResponse(id, ack.Version, ack.AcknowledgedUtc, ack.Recorded));
    }

    [EndpointSummary("List a plan's suggestions")]
    [EndpointDescription("Every suggestion on a published or archived plan, newest first, with its status and public answer.")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<Ok<IReadOnlyList<SuggestionResponse>>, ProblemHttpResult>> ListSuggestionsAsync(
        InwardDbContext db, PlanViews views, ClaimsPrincipal user, [Description("The plan's id.")] int id, CancellationToken ct)
    {
        var status = await StatusAsync(db, id, ct);
        if (status is null || (status == PlanStatus.Draft && !user.Has(Capability.ManagePlan)))
        {
            return NotFound($"There is no plan {id}.");
        }
        var list = await views.SuggestionsAsync(id, ct: ct);
        return TypedResults.Ok<IReadOnlyList<SuggestionResponse>>([.. list.Select(ToResponse)]);
    }

    [EndpointSummary("Suggest something on a plan")]
    [EndpointDescription("Any employee may suggest on a published plan; the plan's editors answer publicly.")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<Created<SuggestionResponse>, ValidationProblem, ProblemHttpResult>> SuggestAsync(
        PlanService plans, PlanViews views, ClaimsPrincipal user, [Description("The plan's id.")] int id, HttpRequest http, CancellationToken ct)
    {
        var (request, problem) = await JsonBody.ReadAsync<SuggestionRequest>(http, ct);
        if (request is null)
        {
            return problem!;
        }
        if (PeopleQueries.EmployeeIdOf(user) is not { } employeeId)
        {
            return NoEmployee();
        }
        var outcome = await plans.SuggestAsync(id, employeeId, request.Text, ct);
        return outcome.Kind switch
        {
            PlanOutcomeKind.NotFound => NotFound($"There is no plan {id}."),
            PlanOutcomeKind.Invalid => Invalid(outcome),
            _ => TypedResults.Created($"/api/v1/plans/{id}/suggestions", ToResponse((await views.SuggestionsAsync(id, ct: ct)).Single(s => s.Id == outcome.Id))),
        };
    }

    [EndpointSummary("Answer a suggestion (plan editors)")]
    [EndpointDescription("Sets the suggestion's status and its public answer; when the answer changes, its author is told by e-mail.")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<Ok<SuggestionResponse>, ValidationProblem, ProblemHttpResult>> AnswerAsync(
        PlanService plans, PlanViews views, ClaimsPrincipal user, [Description("The plan's id.")] int id,
        [Description("The suggestion's id.")] int suggestionId, HttpRequest http, CancellationToken ct)
    {
        var (request, problem) = await JsonBody.ReadAsync<AnswerRequest>(http, ct);
        if (request is null)
        {
            return problem!;
        }
        if (!Enum.TryParse<SuggestionStatus>(request.Status ?? "", ignoreCase: true, out var status) || !Enum.IsDefined(status)
            || int.TryParse(request.Status, out _))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = ["status must be New, Considered, Adopted or Declined."] });
        }
        var outcome = await plans.AnswerAsync(id, suggestionId, status, request.Answer, PeopleQueries.EmployeeIdOf(user), ct);
        return outcome.Kind switch
        {
            PlanOutcomeKind.NotFound => NotFound($"There is no suggestion {suggestionId} on plan {id}."),
            PlanOutcomeKind.Invalid => Invalid(outcome),
            _ => TypedResults.Ok(ToResponse((await views.SuggestionsAsync(id, ct: ct)).Single(s => s.Id == suggestionId))),
        };
    }

    public static PlanResponse ToResponse(PlanView view, string currency)
    {
        var p = view.Plan;
        return new PlanResponse(view.PlanId, view.Status.ToString(), view.Version, view.PublishedUtc, view.ChangeNote, view.IsCurrent, p.Title, p.Summary,
            p.StartsOn, p.EndsOn, p.Owner,
            new BudgetResponse(p.Budget, view.Budget.Planned, view.Budget.Spent, view.Budget.SpentShare, currency),
            [.. p.Goals.Select(g => new GoalResponse(g.Id, g.Title, g.Description, [.. g.Kpis.Select(k =>
            {
                var live = view.Kpis[k.Id];
                return new KpiResponse(k.Id, k.Name, k.Source.ToString(), k.MetricKey, k.MetricDepartmentId, k.MetricDepartment,
                    k.Unit ?? live.MetricUnit?.ToString(), k.Baseline, k.Target, k.Direction.ToString(), live.Value, live.Progress.Percent, live.Progress.Met, live.Reason);
            })]))],
            [.. p.Initiatives.Select(i => new InitiativeResponse(i.Id, i.GoalId, i.TacticKey, i.Title, i.Description, i.Owner, i.OwnerRole, i.Audience,
                i.StartsOn, i.EndsOn, i.Status.ToString(), i.BudgetPlanned, i.BudgetSpent))]);
    }

    private static SuggestionResponse ToResponse(SuggestionView s) =>
        new(s.Id, s.Text, s.Author, s.CreatedUtc, s.Status.ToString(), s.Answer, s.AnsweredUtc);

    private static Task<PlanStatus?> StatusAsync(InwardDbContext db, int id, CancellationToken ct) =>
        db.Set<InternalMarketingPlan>().Where(p => p.Id == id).Select(p => (PlanStatus?)p.Status).SingleOrDefaultAsync(ct);

    private static ValidationProblem Invalid(PlanOutcome outcome) =>
        TypedResults.ValidationProblem(outcome.Errors.GroupBy(e => e.Field.Length == 0 ? "plan" : char.ToLowerInvariant(e.Field[0]) + e.Field[1..])
            .ToDictionary(g => g.Key, g => g.Select(e => e.Format()).ToArray()));

    private static ProblemHttpResult NoEmployee() =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: "Only accounts linked to an employee can do this.");

    private static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail);
}
