using Inward.Platform.Identity;
using Inward.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Inward.Features.Posts;

public sealed record FeedItemResponse(int Id, string Type, string Title, string Excerpt, DateTime PublishedUtc, bool Pinned, bool MustRead,
    DateOnly? MustReadDue, bool Acknowledged);

/// <summary>A feed page; <paramref name="Older"/> is passed as ?before= to get the next page (null at the end).</summary>
public sealed record FeedResponse(IReadOnlyList<FeedItemResponse> Items, string? Older);

public sealed record PostResponse(int Id, string Type, string Title, string BodyMarkdown, string BodyHtml, DateTime PublishedUtc, DateTime? ExpiresUtc,
    bool Pinned, bool MustRead, DateOnly? MustReadDue, DateTime? AcknowledgedUtc);

/// <summary>/api/v1/feed and /api/v1/posts: what the signed-in person may read, and acknowledging must-reads.</summary>
public static class PostsApi
{
    public static IEndpointRouteBuilder MapPostsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapApiV1("Posts", Capability.UseIntranet);
        api.MapGet("/feed", FeedAsync).WithSummary("The signed-in person's feed: pinned, unacknowledged must-reads, then newest (25 per page; ?before= the previous page's 'older' cursor)")
            .ProducesValidationProblem();
        api.MapGet("/posts/{id:int}", GetAsync).WithSummary("A post that targets the signed-in person (404 otherwise)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/posts/{id:int}/acknowledgement", AcknowledgeAsync).WithSummary("Confirm a must-read post (idempotent)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<Results<Ok<FeedResponse>, ValidationProblem>> FeedAsync(PostViews views, HttpContext http, string? before, CancellationToken ct)
    {
        if (!FeedCursor.TryParse(before, out var cursor))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["before"] = ["Use the 'older' value of the previous page."] });
        }
        var feed = await views.FeedAsync(http.User, cursor, ct);
        return TypedResults.Ok(new FeedResponse([.. feed.Items.Select(i => new FeedItemResponse(i.Id, i.Type.ToString(), i.Title, i.Excerpt,
            i.PublishedUtc, i.Pinned, i.MustRead, i.MustReadDue, i.Acknowledged))], feed.Older?.ToString()));
    }

    public static async Task<Results<Ok<PostResponse>, ProblemHttpResult>> GetAsync(PostViews views, HttpContext http, int id, CancellationToken ct)
    {
        if (await views.PostAsync(http.User, id, ct) is not { } p)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found");
        }
        await views.RecordReadAsync(id, http.User, ct);
        return TypedResults.Ok(new PostResponse(p.Id, p.Type.ToString(), p.Title, p.Body, Platform.Text.SafeMarkdown.ToHtml(p.Body), p.PublishedUtc,
            p.ExpiresUtc, p.Pinned, p.MustRead, p.MustReadDue, p.AcknowledgedUtc));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> AcknowledgeAsync(PostViews views, HttpContext http, int id, CancellationToken ct) =>
        await views.AcknowledgeAsync(id, http.User, ct) ? TypedResults.NoContent()
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "No must-read post with this id targets you.");
}
