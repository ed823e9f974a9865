using System.ComponentModel;
using System.Globalization;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Inward.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using static Inward.Features.Listening.SurveyProblems;

namespace Inward.Features.Listening.Pulses;

public sealed record RecurrenceRequest(
    [property: Description("weekly, monthly or quarterly; none (or null) makes the draft a one-off survey again.")] string? Cadence,
    [property: Description("How many days each cycle stays open: 1 to 7 (weekly), 28 (monthly) or 89 (quarterly).")] int? OpenDays);

public sealed record RecurrenceChangeRequest(
    [property: Description("weekly, monthly or quarterly; null keeps the cadence.")] string? Cadence,
    [property: Description("How many days each coming cycle stays open (at most 7, 28 or 89 for the cadence); null keeps it.")] int? OpenDays);

public sealed record RecurrenceResponse(int SurveyId, int? SeriesId, PulseCadence? Cadence, int? OpenDays, int? Cycle, DateTime? StoppedAt, DateTime? NextOpensAt);

/// <summary>
/// /api/v1/surveys/{id}/recurrence (ManageSurveys): make a draft a recurring pulse, change a running series for its cycles
/// to come (PATCH), or stop it; and
/// /api/v1/surveys/{id}/trends: the series' closed cycles for a group, with the same access and suppression as the results.
/// </summary>
public static class PulsesApi
{
    public static IEndpointRouteBuilder MapPulsesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapApiV1("Surveys", Capability.UseIntranet);
        api.MapGet("/surveys/{id:int}/recurrence", GetAsync).RequireAuthorization(nameof(Capability.ManageSurveys));
        api.MapPut("/surveys/{id:int}/recurrence", SetAsync).AcceptsJson<RecurrenceRequest>().RequireAuthorization(nameof(Capability.ManageSurveys));
        api.MapPatch("/surveys/{id:int}/recurrence", ChangeAsync).AcceptsJson<RecurrenceChangeRequest>().RequireAuthorization(nameof(Capability.ManageSurveys));
        api.MapPost("/surveys/{id:int}/recurrence/stop", StopAsync).RequireAuthorization(nameof(Capability.ManageSurveys));
        api.MapGet("/surveys/{id:int}/trends", TrendsAsync);
        return app;
    }

    [EndpointSummary("A survey's recurrence (ManageSurveys)")]
    [EndpointDescription("Its series, cadence, days open, cycle number, when it was stopped and when the next cycle opens; nulls for a one-off survey.")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<Ok<RecurrenceResponse>, ProblemHttpResult>> GetAsync(PulseCycles pulses, SurveyResponding responding, int id,
        CancellationToken ct) =>
        await responding.FormAsync(id, ct) is null ? NotFound() : TypedResults.Ok(await BodyAsync(pulses, id, ct));

    [EndpointSummary("Make a draft survey a recurring pulse (ManageSurveys)")]
    [EndpointDescription("The draft becomes cycle 1; once it is launched, a new cycle (a copy with its audience frozen again) opens every week, month or "
        + "quarter from its opening and stays open the given days. Only drafts (409 otherwise).")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public static async Task<Results<Ok<RecurrenceResponse>, ValidationProblem, ProblemHttpResult>> SetAsync(PulseCycles pulses, SurveyResponding responding,
        HttpContext http, int id, CancellationToken ct)
    {
        if (await responding.FormAsync(id, ct) is not { } form)
        {
            return NotFound();
        }
        if (form.Survey.Status != SurveyStatus.Draft)
        {
            return Conflict("Recurrence is set while the survey is a draft; a launched series can only be stopped.");
        }
        var (request, problem) = await JsonBody.ReadAsync<RecurrenceRequest>(http.Request, ct);
        if (problem is not null)
        {
            return problem;
        }
        var errors = PulseCycles.Check(request!.Cadence, request.OpenDays, out var cadence);
        if (errors.Count > 0)
        {
            return Validation(errors);
        }
        return await pulses.SetRecurrenceAsync(id, cadence, request.OpenDays ?? 0, http.User, ct) switch
        {
            SurveyChange.NotFound => NotFound(),
            SurveyChange.NotDraft => Conflict("Recurrence is set while the survey is a draft; a launched series can only be stopped."),
            _ => TypedResults.Ok(await BodyAsync(pulses, id, ct)),
        };
    }

    [EndpointSummary("Change a running pulse series (ManageSurveys)")]
    [EndpointDescription("Changes the cadence and/or days open for the cycles still to come (a value left out stays). The open cycle keeps its dates; the "
        + "next cycle opens one new period after the latest cycle opened, never before that cycle closes nor before now, and periods that began before "
        + "the change are skipped. 400 with the fields at fault; 409 when the survey is not in a running series (stopped, or a one-off).")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public static async Task<Results<Ok<RecurrenceResponse>, ValidationProblem, ProblemHttpResult>> ChangeAsync(PulseCycles pulses, InwardDbContext db, HttpContext http,
        int id, CancellationToken ct)
    {
        if (!await db.Set<Survey>().AnyAsync(s => s.Id == id, ct))
        {
            return NotFound();
        }
        var (request, problem) = await JsonBody.ReadAsync<RecurrenceChangeRequest>(http.Request, ct);
        if (problem is not null)
        {
            return problem;
        }
        var (change, errors) = await pulses.ChangeAsync(id, request!.Cadence, request.OpenDays, ct);
        return change switch
        {
            SurveyChange.NotFound => NotFound(),
            SurveyChange.NotDraft => Conflict("This survey is not part of a running series."),
            SurveyChange.Invalid => Validation(errors),
            _ => TypedResults.Ok(await BodyAsync(pulses, id, ct)),
        };
    }

    [EndpointSummary("Stop a pulse series (ManageSurveys)")]
    [EndpointDescription("No further cycle is launched; an open cycle still closes on its date. 409 when the survey is not recurring or already stopped.")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public static async Task<Results<Ok<RecurrenceResponse>, ProblemHttpResult>> StopAsync(PulseCycles pulses, int id, CancellationToken ct) =>
        await pulses.StopAsync(id, ct) switch
        {
            SurveyChange.NotFound => NotFound(),
            SurveyChange.NotDraft => Conflict("This survey is not part of a running series."),
            _ => TypedResults.Ok(await BodyAsync(pulses, id, ct)),
        };

    [EndpointSummary("Trends across the cycles of a pulse")]
    [EndpointDescription("For each closed cycle of the survey's series: participation, eNPS, each dimension's % favourable and mean, each agreement or 0–10 "
        + "question's figures, for the whole company or a department (HR: any; managers: their own and below). Every point is suppressed (null) on its "
        + "own when its group had fewer than k responses in that cycle or could be worked out by subtraction.")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<Ok<SurveyTrendView>, ProblemHttpResult>> TrendsAsync(PulseTrends trends, HttpContext http, int id, CancellationToken ct,
        [Description("Department id.")] int? department = null)
    {
        var (access, view) = await trends.ForAsync(id, http.User, department, CultureInfo.CurrentUICulture, ct);
        return Refusal(access) is { } refused ? refused : TypedResults.Ok(view!);
    }

    private static async Task<RecurrenceResponse> BodyAsync(PulseCycles pulses, int id, CancellationToken ct) =>
        await pulses.ForSurveyAsync(id, ct) is { } info
            ? new(id, info.SeriesId, info.Cadence, info.OpenDays, info.Number, info.StoppedUtc, info.NextOpensUtc)
            : new(id, null, null, null, null, null, null);
}
