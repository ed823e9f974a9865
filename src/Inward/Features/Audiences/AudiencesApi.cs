using Inward.Platform.Identity;
using Inward.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Audiences;

/// <summary>How many people an audience rule reaches now.</summary>
public sealed record AudienceCountResponse(int Count, int Employees, int PartnerUsers);

/// <summary>/api/v1/audiences.</summary>
public static class AudiencesApi
{
    public static IEndpointRouteBuilder MapAudiencesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiV1("Audiences", Capability.Communicate);
        group.MapPost("/audiences/count", CountAsync).AcceptsJson<AudienceRule>()
            .WithSummary("Count the people an audience rule reaches")
            .WithDescription("A person is reached when they match at least one include clause and no exclude clause; within a clause every " +
                "criterion given must hold, values of one criterion are alternatives. Partner users are reached only by clauses naming their organisation.");
        return app;
    }

    public static async Task<Results<Ok<AudienceCountResponse>, ValidationProblem, ProblemHttpResult>> CountAsync(
        AudienceResolver resolver, IStringLocalizer<Strings> t, HttpRequest http, CancellationToken ct)
    {
        var (rule, problem) = await JsonBody.ReadAsync<AudienceRule>(http, ct);
        if (rule is null)
        {
            return problem!;
        }
        var errors = await resolver.ValidateAsync(rule, ct);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors.GroupBy(e => e.Field.Length == 0 ? "rule" : e.Field, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(e => t[e.Message, e.Arguments].Value).ToArray(), StringComparer.Ordinal));
        }
        var preview = await resolver.PreviewAsync(rule, 0, ct);
        return TypedResults.Ok(new AudienceCountResponse(preview.Count, preview.Employees, preview.PartnerUsers));
    }
}
