using Inward.Platform.Identity;

namespace Inward.Features.Audiences;

/// <summary>
/// Audience rules shared by communications (issue 5), learning (issue 6) and surveys (issue 7): the model, the pure
/// evaluator, the database resolver, the editor partial and its live count.
/// </summary>
public static class AudiencesModule
{
    /// <summary>
    /// Who may build audiences and count them: holders of Communicate (post authors) or ManagePlan (plan, learning and
    /// survey owners: Communicator, HR, Admin). ManagePeople holders (HR, Admin) are all ManagePlan holders already.
    /// Counting reveals group sizes, so ordinary employees and partners may not.
    /// </summary>
    public const string AuthorPolicy = "AudienceAuthor";

    public static IReadOnlyList<string> AuthorRoles =>
        [.. RoleRules.RolesWith(Capability.Communicate).Union(RoleRules.RolesWith(Capability.ManagePlan)).Distinct(StringComparer.Ordinal)];

    public static WebApplicationBuilder AddAudiences(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<AudienceResolver>();
        services.AddScoped<AudienceForms>();
        services.AddAuthorizationBuilder()
            .AddPolicy(AuthorPolicy, p => p.RequireAuthenticatedUser().RequireRole(AuthorRoles));
        return builder;
    }

    public static WebApplication MapAudiences(this WebApplication app)
    {
        app.MapAudiencesApi();
        return app;
    }
}
