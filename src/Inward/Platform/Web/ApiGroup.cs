using Inward.Platform.Identity;

namespace Inward.Platform.Web;

/// <summary>The one way a feature opens its part of the API.</summary>
public static class ApiGroup
{
    /// <summary>
    /// A /api/v1 group for one feature: the capability its endpoints need unless they say otherwise, the API rate limit,
    /// the OpenAPI tag, and the problem responses every endpoint can give (401, 403, 429).
    /// </summary>
    public static RouteGroupBuilder MapApiV1(this IEndpointRouteBuilder app, string tag, Capability capability) =>
        app.MapApiV1(tag, capability.ToString());

    /// <summary>The same, for endpoints whose rule is a named policy rather than one capability (e.g. "intranet or extranet").</summary>
    public static RouteGroupBuilder MapApiV1(this IEndpointRouteBuilder app, string tag, string policy) =>
        app.MapGroup("/api/v1")
            .RequireAuthorization(policy)
            .RequireRateLimiting(WebSetup.ApiLimit)
            .WithTags(tag)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
}
