using System.Security.Claims;
using Inward.Platform.Identity;
using Inward.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Inward.Features.Account;

public sealed record MeResponse(string Id, string Email, string Name, IReadOnlyList<string> Roles);

public static class AccountApi
{
    public static IEndpointRouteBuilder MapAccountApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1")
            .WithTags("Account")
            .RequireRateLimiting(WebSetup.ApiLimit)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapGet("/me", GetMeAsync)
            .RequireAuthorization(nameof(Capability.UseApi))
            .WithSummary("The signed-in user (cookie or personal access token).");
        return app;
    }

    private static async Task<Results<Ok<MeResponse>, ProblemHttpResult>> GetMeAsync(ClaimsPrincipal principal, UserManager<InwardUser> users)
    {
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return TypedResults.Problem(title: "Unknown user", statusCode: StatusCodes.Status401Unauthorized);
        }
        var roles = await users.GetRolesAsync(user);
        return TypedResults.Ok(new MeResponse(user.Id, user.Email ?? "", user.DisplayName, [.. roles.Order(StringComparer.Ordinal)]));
    }
}
