namespace Inward.Features.Comments;

/// <summary>Comments, reactions and mentions on posts (issue 5).</summary>
public static class CommentsModule
{
    public static WebApplicationBuilder AddComments(this WebApplicationBuilder builder) => builder;

    public static WebApplication MapComments(this WebApplication app) => app;
}
