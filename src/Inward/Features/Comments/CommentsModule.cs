using Inward.Features.PartnerNews;

namespace Inward.Features.Comments;

/// <summary>
/// Comments, reactions and mentions on posts (issue 5), and the partners' read-only side of the news (/partner/news),
/// which has no module of its own.
/// </summary>
public static class CommentsModule
{
    public static WebApplicationBuilder AddComments(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<PostConversation>();
        return builder;
    }

    public static WebApplication MapComments(this WebApplication app)
    {
        app.MapCommentsApi();
        app.MapPartnerNewsApi();
        return app;
    }
}
