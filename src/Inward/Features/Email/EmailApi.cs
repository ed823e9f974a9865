using System.ComponentModel;
using System.Security.Claims;
using Inward.Features.People;
using Inward.Platform.Identity;
using Inward.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Inward.Features.Email;

public sealed record EmailPreferencesResponse([property: Description("Daily, Weekly or Off.")] string Digest);

public sealed record EmailPreferencesRequest([property: Description("Daily, Weekly or Off.")] string? Digest);

/// <summary>/api/v1/me/email-preferences: the caller's digest preference.</summary>
public static class EmailApi
{
    public static IEndpointRouteBuilder MapEmailApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapApiV1("E-mail", Capability.UseIntranet);
        api.MapGet("/me/email-preferences", GetAsync);
        api.MapPut("/me/email-preferences", PutAsync).AcceptsJson<EmailPreferencesRequest>();
        return app;
    }

    [EndpointSummary("Get my e-mail preferences")]
    [EndpointDescription("How often the caller receives the digest of posts that were not e-mailed at once: Daily, Weekly (the default) or Off.")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<Ok<EmailPreferencesResponse>, ProblemHttpResult>> GetAsync(EmailPreferences preferences, ClaimsPrincipal user, CancellationToken ct) =>
        PeopleQueries.EmployeeIdOf(user) is { } id
            ? TypedResults.Ok(new EmailPreferencesResponse((await preferences.GetAsync(id, ct)).ToString()))
            : NoEmployee();

    [EndpointSummary("Change my e-mail preferences")]
    [EndpointDescription("Sets the digest to Daily, Weekly or Off. Must-read and urgent posts are e-mailed whatever this says.")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<Ok<EmailPreferencesResponse>, ValidationProblem, ProblemHttpResult>> PutAsync(
        EmailPreferences preferences, ClaimsPrincipal user, HttpRequest http, CancellationToken ct)
    {
        var (request, problem) = await JsonBody.ReadAsync<EmailPreferencesRequest>(http, ct);
        if (request is null)
        {
            return problem!;
        }
        if (PeopleQueries.EmployeeIdOf(user) is not { } id)
        {
            return NoEmployee();
        }
        if (!EmailPreferences.ParseDigest(request.Digest, out var digest))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["digest"] = ["digest must be Daily, Weekly or Off."] });
        }
        await preferences.SetAsync(id, digest, ct);
        return TypedResults.Ok(new EmailPreferencesResponse(digest.ToString()));
    }

    private static ProblemHttpResult NoEmployee() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "This account is not linked to an employee, so it has no e-mail preferences.");
}
