using System.ComponentModel;
using System.Globalization;
using Inward.Platform.Identity;
using Inward.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Inward.Features.Comments;

public sealed record CommentResponse(int Id, int PostId, string AuthorName, string? BodyMarkdown, string? BodyHtml, DateTime CreatedUtc, DateTime? EditedUtc,
    bool Hidden, bool Mine, bool CanEdit, bool CanDelete);

public sealed record CommentsResponse(int PostId, bool AllowComments, bool AllowReactions, IReadOnlyList<CommentResponse> Comments);

public sealed record ReactionResponse(string Kind, int Count, bool Mine);

public sealed record ReactionsResponse(int PostId, bool AllowReactions, IReadOnlyList<ReactionResponse> Reactions);

public sealed record CommentRequest([property: Description("Plain text or Markdown, 1 to 2000 characters. @Name, @[Full Name] or @e-mail mentions a reader of the post.")] string? Body);

/// <summary>/api/v1/posts/{id}/comments and /reactions: the conversation of a post the signed-in person may read (404 otherwise).</summary>
public static class CommentsApi
{
    public static IEndpointRouteBuilder MapCommentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapApiV1("Comments", Capability.UseIntranet);
        api.MapGet("/posts/{id:int}/comments", ListAsync);
        api.MapPost("/posts/{id:int}/comments", AddAsync).AcceptsJson<CommentRequest>();
        api.MapPut("/posts/{id:int}/comments/{commentId:int}", EditAsync).AcceptsJson<CommentRequest>();
        api.MapDelete("/posts/{id:int}/comments/{commentId:int}", DeleteAsync);
        api.MapGet("/posts/{id:int}/reactions", ReactionsAsync);
        api.MapPut("/posts/{id:int}/reactions/{kind}", AddReactionAsync);
        api.MapDelete("/posts/{id:int}/reactions/{kind}", RemoveReactionAsync);
        return app;
    }

    [EndpointSummary("List the comments of a post")]
    [EndpointDescription("Oldest first. Hidden comments have no body unless you moderate (Communicate). Empty when the post turned comments off.")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<Ok<CommentsResponse>, ProblemHttpResult>> ListAsync(PostConversation conversations, HttpContext http, int id,
        CancellationToken ct) =>
        await conversations.GetAsync(http.User, id, ct) is { } c
            ? TypedResults.Ok(new CommentsResponse(id, c.AllowComments, c.AllowReactions, [.. c.Comments.Select(x => ToResponse(id, x))]))
            : NotFound();

    [EndpointSummary("Comment on a post")]
    [EndpointDescription("Mentions notify readers of the post; the response never says who was notified.")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public static async Task<Results<Created<CommentResponse>, ValidationProblem, ProblemHttpResult>> AddAsync(PostConversation conversations,
        HttpContext http, int id, CancellationToken ct)
    {
        if (await conversations.GetAsync(http.User, id, ct) is null)
        {
            return NotFound();
        }
        var (request, problem) = await JsonBody.ReadAsync<CommentRequest>(http.Request, ct);
        if (problem is not null)
        {
            return problem;
        }
        var result = await conversations.AddAsync(http.User, id, request!.Body, ct);
        return result.Outcome switch
        {
            ConversationOutcome.Done => TypedResults.Created(
                $"/api/v1/posts/{id.ToString(CultureInfo.InvariantCulture)}/comments/{result.Comment!.Id.ToString(CultureInfo.InvariantCulture)}",
                ToResponse(id, result.Comment)),
            _ => Fail<Created<CommentResponse>>(result),
        };
    }

    [EndpointSummary("Change your own comment")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<Ok<CommentResponse>, ValidationProblem, ProblemHttpResult>> EditAsync(PostConversation conversations,
        HttpContext http, int id, int commentId, CancellationToken ct)
    {
        if (await conversations.CommentAsync(http.User, id, commentId, ct) is not { } existing)
        {
            return NotFound();
        }
        if (!existing.CanEdit)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: "Only its author can change a comment.");
        }
        var (request, problem) = await JsonBody.ReadAsync<CommentRequest>(http.Request, ct);
        if (problem is not null)
        {
            return problem;
        }
        var result = await conversations.EditAsync(http.User, id, commentId, request!.Body, ct);
        return result.Outcome == ConversationOutcome.Done ? TypedResults.Ok(ToResponse(id, result.Comment!)) : Fail<Ok<CommentResponse>>(result);
    }

    [EndpointSummary("Delete a comment (your own, or any when you moderate)")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteAsync(PostConversation conversations, HttpContext http,
        int id, int commentId, CancellationToken ct)
    {
        var result = await conversations.DeleteAsync(http.User, id, commentId, ct);
        return result.Outcome == ConversationOutcome.Done ? TypedResults.NoContent() : Fail<NoContent>(result);
    }

    [EndpointSummary("Reaction counts of a post")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<Ok<ReactionsResponse>, ProblemHttpResult>> ReactionsAsync(PostConversation conversations, HttpContext http, int id,
        CancellationToken ct) =>
        await conversations.GetAsync(http.User, id, ct) is { } c
            ? TypedResults.Ok(new ReactionsResponse(id, c.AllowReactions, [.. c.Reactions.Select(r => new ReactionResponse(r.Kind, r.Count, r.Mine))]))
            : NotFound();

    [EndpointSummary("React to a post (idempotent)")]
    [EndpointDescription("kind: like, celebrate, insightful or thanks. One reaction per person and kind.")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> AddReactionAsync(PostConversation conversations, HttpContext http,
        int id, string kind, CancellationToken ct) => ReactAsync(conversations, http, id, kind, true, ct);

    [EndpointSummary("Take back a reaction (idempotent)")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RemoveReactionAsync(PostConversation conversations, HttpContext http,
        int id, string kind, CancellationToken ct) => ReactAsync(conversations, http, id, kind, false, ct);

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ReactAsync(PostConversation conversations, HttpContext http,
        int id, string kind, bool on, CancellationToken ct)
    {
        var result = await conversations.ReactAsync(http.User, id, kind, on, ct);
        return result.Outcome == ConversationOutcome.Done ? TypedResults.NoContent() : Fail<NoContent>(result, "kind");
    }

    private static CommentResponse ToResponse(int postId, CommentView c) =>
        new(c.Id, postId, c.AuthorName, c.Body, c.Body is null ? null : Platform.Text.SafeMarkdown.ToHtml(c.Body), c.CreatedUtc, c.EditedUtc, c.Hidden,
            c.Mine, c.CanEdit, c.CanDelete);

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "No post with this id targets you.");

    private static Results<TOk, ValidationProblem, ProblemHttpResult> Fail<TOk>(ConversationResult result, string field = "body")
        where TOk : IResult => result.Outcome switch
    {
        ConversationOutcome.Invalid => TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [result.Error!] }),
        ConversationOutcome.Closed => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Closed", detail: result.Error),
        ConversationOutcome.Forbidden => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
            detail: "Only its author or a moderator can do this."),
        _ => NotFound(),
    };
}
