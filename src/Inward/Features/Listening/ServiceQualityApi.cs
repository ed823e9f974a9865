using Inward.Platform.Identity;
using Inward.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Inward.Features.Listening;

/// <summary>GET /api/v1/surveys/{id}/service-quality: the serving × served matrix, with the access rules of the results.</summary>
public static class ServiceQualityApi
{
    public static IEndpointRouteBuilder MapServiceQualityApi(this IEndpointRouteBuilder app)
    {
        app.MapApiV1("Surveys", Capability.UseIntranet).MapGet("/surveys/{id:int}/service-quality", GetAsync);
        return app;
    }

    [EndpointSummary("Internal service quality matrix of a survey")]
    [EndpointDescription("Serving department × served department: mean perception, % favourable and perception − expectation gap per cell and per "
        + "serving department, each suppressed (state Suppressed, figures null) below the anonymity threshold or where margins would allow "
        + "subtraction; chains ending at a front-line department with their weakest shown link. HR sees every department, a manager the rows "
        + "and columns of their own department and below, others 403. Answers appear once the survey has closed.")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<Ok<ServiceQualityView>, ProblemHttpResult>> GetAsync(ServiceQualityResults matrix, HttpContext http, int id,
        CancellationToken ct)
    {
        var (access, view) = await matrix.ForAsync(id, http.User, ct);
        return SurveyProblems.Refusal(access) is { } refused ? refused : TypedResults.Ok(view!);
    }
}

/// <summary>The matrix on the results page (Results.cshtml invokes it); renders nothing for surveys without service-quality items.</summary>
public sealed class ServiceQualityMatrix(ServiceQualityResults matrix) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int surveyId)
    {
        var (access, view) = await matrix.ForAsync(surveyId, UserClaimsPrincipal, HttpContext.RequestAborted);
        return access == ResultsAccess.Allowed && view is { HasItems: true }
            ? View("/Features/Listening/_ServiceQuality.cshtml", view)
            : Content("");
    }
}
