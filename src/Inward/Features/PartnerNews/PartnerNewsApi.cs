using Inward.Features.Posts;
using Inward.Platform.Identity;
using Inward.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Inward.Features.PartnerNews;

public sealed record PartnerNewsItem(int Id, string Type, string Title, string Excerpt, DateTime PublishedUtc, bool Pinned);

/// <summary>A page; <paramref name="Older"/> is passed as ?before= to get the next page (null at the end).</summary>
public sealed record PartnerNewsPage(IReadOnlyList<PartnerNewsItem> Items, string? Older);

public sealed record PartnerNewsPost(int Id, string Type, string Title, string BodyMarkdown, string BodyHtml, DateTime PublishedUtc, DateTime? ExpiresUtc);

/// <summary>
/// /api/v1/partner/news: what the company shares with the signed-in partner user's organisation. The audience rules reach a
/// partner user only through a clause naming their organisation (never "everyone" or employee criteria), so
/// <see cref="PostViews"/> serves partners as it serves employees. Read-only: partners have no employee record to
/// acknowledge with, and comments stay internal.
/// </summary>
public static class PartnerNewsApi
{
    public static IEndpointRouteBuilder MapPartnerNewsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapApiV1("Partner news", Capability.UseExtranet);
        api.MapGet("/partner/news", FeedAsync);
        api.MapGet("/partner/news/{id:int}", GetAsync);
        return app;
    }

    [EndpointSummary("Posts shared with your partner organisation")]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public static async Task<Results<Ok<PartnerNewsPage>, ValidationProblem>> FeedAsync(PostViews views, HttpContext http, string? before, CancellationToken ct)
    {
        if (!FeedCursor.TryParse(before, out var cursor))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["before"] = ["Use the 'older' value of the previous page."] });
        }
        var feed = await views.FeedAsync(http.User, cursor, ct);
        return TypedResults.Ok(new PartnerNewsPage([.. feed.Items.Select(i => new PartnerNewsItem(i.Id, i.Type.ToString(), i.Title, i.Excerpt, i.PublishedUtc, i.Pinned))],
            feed.Older?.ToString()));
    }

    [EndpointSummary("A post shared with your partner organisation (404 otherwise)")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<Ok<PartnerNewsPost>, ProblemHttpResult>> GetAsync(PostViews views, HttpContext http, int id, CancellationToken ct) =>
        await views.PostAsync(http.User, id, ct) is { } p
            ? TypedResults.Ok(new PartnerNewsPost(p.Id, p.Type.ToString(), p.Title, p.Body, Platform.Text.SafeMarkdown.ToHtml(p.Body), p.PublishedUtc, p.ExpiresUtc))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "No post with this id is shared with your organisation.");
}
