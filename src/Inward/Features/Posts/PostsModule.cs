using Inward.Platform.Demo;
using Inward.Platform.Jobs;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inward.Features.Posts;

/// <summary>Targeted posts (issue 5): authoring, the personalised feed, must-read receipts and the banner.</summary>
public static class PostsModule
{
    public static WebApplicationBuilder AddPosts(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<PostViews>();
        builder.Services.AddSingleton<FeedCache>();
        builder.Services.AddSingleton<FeedQueries>();
        builder.Services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, FeedPeopleWatcher>();
        builder.Services.AddScoped<PostPublisher>();
        builder.Services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, PostAudienceIndexer>();
        builder.Services.AddScoped<PostAuthoring>();
        builder.Services.AddScoped<PostReceiptCounts>();
        builder.Services.AddJobHandler<ScheduledPublicationJob>(PostAuthoring.PublishAtJob);
        builder.Services.AddJobHandler<PostExpiryJob>(PostAuthoring.ExpireJob);
        builder.Services.AddScoped<IDemoContent, PostsDemoContent>();
        builder.Services.AddSingleton<Platform.Cli.ICliCommand, SeedPostsCommand>();
        builder.Services.Configure<RazorPagesOptions>(o => o.Conventions.AddPageRoute("/Posts/Editor", "/posts/{id:int}/edit"));
        return builder;
    }

    public static WebApplication MapPosts(this WebApplication app)
    {
        app.MapPostsApi();
        app.MapPostsAuthoringApi();
        return app;
    }
}
