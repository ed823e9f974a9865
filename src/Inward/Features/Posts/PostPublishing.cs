using Inward.Platform.Data;
using Inward.Platform.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Posts;

/// <summary>
/// A post went live (or was re-published with "notify again"). <paramref name="Sequence"/> tells publications of the same
/// post apart (ticks of the publication moment), so a re-notification is a new job while a retried one is not.
/// </summary>
public sealed record PostPublished(int PostId, bool Renotify, long Sequence);

/// <summary>
/// Reacts to a publication: in-app notifications, e-mail, webhooks... Each registered handler runs as its own background
/// job (kind "posts.published.&lt;name&gt;"), so one failing channel retries without repeating the others. The post is loaded
/// fresh; a handler is not called when the post is no longer published.
/// </summary>
public interface IPostPublishedHandler
{
    Task HandleAsync(Post post, PostPublished published, CancellationToken ct);
}

public sealed record PostPublishedChannel(string Kind);

public static class PostPublishingExtensions
{
    /// <summary>Registers <typeparamref name="THandler"/> to run, as a background job, after every publication.</summary>
    public static IServiceCollection AddPostPublishedHandler<THandler>(this IServiceCollection services, string name)
        where THandler : class, IPostPublishedHandler
    {
        var kind = "posts.published." + name;
        services.AddScoped<THandler>();
        services.AddSingleton(new PostPublishedChannel(kind));
        services.AddScoped(sp => new PostPublishedJob<THandler>(sp.GetRequiredService<InwardDbContext>(), sp.GetRequiredService<THandler>()));
        services.AddJobHandler<PostPublishedJob<THandler>>(kind);
        return services;
    }
}

/// <summary>The background job that calls one <see cref="IPostPublishedHandler"/>.</summary>
public sealed class PostPublishedJob<THandler>(InwardDbContext db, THandler handler) : IJobHandler where THandler : IPostPublishedHandler
{
    public async Task HandleAsync(JobContext job, CancellationToken ct)
    {
        var published = job.PayloadAs<PostPublished>();
        var post = await db.Set<Post>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == published.PostId, ct);
        if (post is { Status: PostStatus.Published })
        {
            await handler.HandleAsync(post, published, ct);
        }
    }
}

/// <summary>Puts a post live and queues one job per publication channel, saved together with the post (all or nothing).</summary>
public sealed class PostPublisher(InwardDbContext db, IJobScheduler jobs, IEnumerable<PostPublishedChannel> channels, TimeProvider clock)
{
    /// <summary>
    /// Marks <paramref name="post"/> published now (keeping its first publication time) and saves every pending change
    /// together with the channel jobs. <paramref name="renotify"/> on an already published post sends the news again.
    /// </summary>
    public async Task PublishAsync(Post post, bool renotify = false, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var first = post.Status != PostStatus.Published;
        post.PublishedUtc ??= now;
        post.Status = PostStatus.Published;
        if (post.Id == 0)
        {
            await db.SaveChangesAsync(ct);
        }
        if (first || renotify)
        {
            var published = new PostPublished(post.Id, !first, now.Ticks);
            foreach (var channel in channels.Distinct())
            {
                await jobs.EnqueueAsync(channel.Kind, published, idempotencyKey: $"{channel.Kind}:{post.Id}:{now.Ticks}", ct: ct);
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
