using Microsoft.AspNetCore.Http.HttpResults;

namespace Inward.Features.Listening;

/// <summary>
/// The problem details every survey API answers with (surveys, reminders, pulses, service quality): one wording each, so an
/// unknown survey, a refused group and a refused filter read the same whichever endpoint is asked (the anonymity suite
/// compares them byte for byte).
/// </summary>
internal static class SurveyProblems
{
    public static ProblemHttpResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "No survey with this id.");

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: detail);

    public static ValidationProblem Validation(IEnumerable<SurveyError> errors) =>
        TypedResults.ValidationProblem(errors.GroupBy(e => e.Field, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Format()).ToArray(), StringComparer.Ordinal));

    /// <summary>The answer to a results read that was not allowed (unknown, not yours, filter refused), or null when it was.</summary>
    public static ProblemHttpResult? Refusal(ResultsAccess access) => access switch
    {
        ResultsAccess.NotFound => NotFound(),
        ResultsAccess.Forbidden => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
            detail: "Results are for HR and for managers of the group."),
        ResultsAccess.FilterRefused => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Filter not available",
            detail: ResultFilterQuery.Refused),
        _ => null,
    };
}
