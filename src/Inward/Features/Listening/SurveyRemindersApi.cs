using Inward.Platform.Data;
using Inward.Platform.Identity;
using Inward.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using static Inward.Features.Listening.SurveyProblems;

namespace Inward.Features.Listening;

/// <summary>A reminder round: <c>reminded</c> is null when showing it could narrow a group below the anonymity threshold.</summary>
public sealed record ReminderRoundResponse(string Round, bool Manual, DateOnly SentOn, int? Reminded);

/// <summary>
/// /api/v1/surveys/{id}/reminders (ManageSurveys): the reminder rounds of a survey and "remind non-respondents now". Who was
/// or was not reminded is never returned: only a count, and only when it passes the anonymity rule.
/// </summary>
public static class SurveyRemindersApi
{
    public static IEndpointRouteBuilder MapSurveyRemindersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapApiV1("Surveys", Capability.ManageSurveys);
        api.MapGet("/surveys/{id:int}/reminders", ListAsync);
        api.MapPost("/surveys/{id:int}/reminders", RemindAsync);
        return app;
    }

    [EndpointSummary("List a survey's reminder rounds (ManageSurveys)")]
    [EndpointDescription("Automatic (before, last-day) and manual rounds with the day they went out and how many people they reached, "
        + "null when that number could be subtracted to a group below the anonymity threshold.")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<Ok<IReadOnlyList<ReminderRoundResponse>>, ProblemHttpResult>> ListAsync(InwardDbContext db, SurveyReminders reminders,
        int id, CancellationToken ct)
    {
        if (!await db.Set<Survey>().AnyAsync(s => s.Id == id, ct))
        {
            return NotFound();
        }
        return TypedResults.Ok<IReadOnlyList<ReminderRoundResponse>>([.. (await reminders.RoundsAsync(id, ct)).Select(ToResponse)]);
    }

    [EndpointSummary("Remind the non-respondents of an open survey now (ManageSurveys)")]
    [EndpointDescription("In the app and by e-mail, each person about the survey only. Once a day per survey (429 after that); 409 when the survey "
        + "does not take answers.")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests, "application/problem+json")]
    public static async Task<Results<Ok<ReminderRoundResponse>, ProblemHttpResult>> RemindAsync(SurveyReminders reminders, int id, CancellationToken ct)
    {
        var (outcome, round) = await reminders.RemindNowAsync(id, ct);
        return outcome switch
        {
            RemindOutcome.NotFound => NotFound(),
            RemindOutcome.NotOpen => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict",
                detail: "This survey does not take answers now, so nobody is reminded."),
            RemindOutcome.AlreadyToday => TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Already reminded today",
                detail: "Non-respondents of this survey were already reminded today. Please try again tomorrow."),
            _ => TypedResults.Ok(ToResponse(round!)),
        };
    }

    private static ReminderRoundResponse ToResponse(ReminderRoundView r) => new(r.Round, r.Manual, r.SentOn, r.Reminded);
}
