using System.ComponentModel;
using System.Globalization;
using System.Security.Claims;
using Inward.Features.Audiences;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Inward.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Posts;

public sealed record PostTextRequest(int? DepartmentId, [property: Description("en, ar or pl; null for a department variant in the default language.")] string? Language,
    string? Title, string? Body);

public sealed record PostRequest(
    [property: Description("Announcement, News, Briefing, SuccessStory or NewsletterIssue.")] string? Type,
    string? Title,
    [property: Description("Markdown.")] string? Body,
    [property: Description("The audience rule: include and exclude clauses.")] AudienceRule? Audience,
    bool Pinned, bool MustRead, DateOnly? MustReadDue,
    [property: Description("UTC.")] DateTime? ExpiresUtc,
    [property: Description("UTC; when set, publishing (or approval) schedules the post for this time.")] DateTime? PublishAtUtc,
    bool Urgent, bool? AllowComments, bool? AllowReactions,
    [property: Description("Department variants and translations.")] IReadOnlyList<PostTextRequest>? Texts,
    [property: Description("Why this change, kept in the post's history.")] string? ChangeNote);

public sealed record SubmitRequest([property: Description("Communicator, HR or Admin.")] string? ApproverRole);

public sealed record RejectRequest([property: Description("What needs to change (required).")] string? Comment);

public sealed record PublishRequest(
    [property: Description("UTC; in the future to schedule, omitted to publish now.")] DateTime? At,
    [property: Description("On a published post: notify readers again.")] bool Renotify);

public sealed record PostListItem(int Id, string Type, string Status, string Title, string AuthorName, DateTime UpdatedUtc, DateTime? PublishedUtc,
    DateTime? PublishAtUtc, DateTime? ExpiresUtc);

public sealed record PostSourceResponse(int Id, string Type, string Status, string Title, string Body, AudienceRule Audience, bool Pinned, bool MustRead,
    DateOnly? MustReadDue, DateTime? PublishedUtc, DateTime? PublishAtUtc, DateTime? ExpiresUtc, bool Urgent, bool AllowComments, bool AllowReactions,
    string? ApproverRole, string? ReviewComment, string AuthorName, DateTime CreatedUtc, DateTime UpdatedUtc, DateTime? EditedUtc,
    IReadOnlyList<PostTextInput> Texts);

public sealed record ReceiptCountResponse(int? Id, string? Name, int Reached, int Opened, int Acknowledged);

public sealed record PostReceiptsResponse(int PostId, bool MustRead, ReceiptCountResponse Total, IReadOnlyList<ReceiptCountResponse> Departments,
    [property: Description("Per department variant; Id null is the default text.")] IReadOnlyList<ReceiptCountResponse> Variants);

/// <summary>/api/v1/posts for authors: list, create, update, delete drafts, the lifecycle, the source and receipts.</summary>
public static class PostsAuthoringApi
{
    public static IEndpointRouteBuilder MapPostsAuthoringApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapApiV1("Post authoring", Capability.Communicate);
        api.MapGet("/posts", ListAsync).WithSummary("Every post, for authors (optionally of one status), most recently changed first")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapPost("/posts", CreateAsync).WithSummary("Create a draft post").AcceptsJson<PostRequest>()
            .ProducesValidationProblem();
        api.MapPut("/posts/{id:int}", UpdateAsync).WithSummary("Change a post's content (a published post keeps its history)").AcceptsJson<PostRequest>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapDelete("/posts/{id:int}", DeleteAsync).WithSummary("Delete a draft")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/posts/{id:int}/source", SourceAsync).WithSummary("A post as its author sees it: every field, variants and translations")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/posts/{id:int}/receipts", ReceiptsAsync).WithSummary("Reached, opened and acknowledged, per department and per variant")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/posts/{id:int}/submit", SubmitAsync).WithSummary("Submit a draft for review by the holders of a role").AcceptsJson<SubmitRequest>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/posts/{id:int}/publish", PublishAsync).WithSummary("Publish now or at a time (refused when posts need approval)")
            .AcceptsJson<PublishRequest>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/posts/{id:int}/unpublish", UnpublishAsync).WithSummary("Take a published or scheduled post back to draft")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        // Reviewers hold the approver role the author chose (HR approves without being an author): checked per post.
        var review = app.MapApiV1("Post authoring", Capability.UseIntranet);
        review.MapPost("/posts/{id:int}/approve", ApproveAsync).WithSummary("Approve a post in review: it is published, or scheduled when it has a time")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        review.MapPost("/posts/{id:int}/reject", RejectAsync).WithSummary("Return a post in review to its author with a comment")
            .AcceptsJson<RejectRequest>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static ProblemHttpResult NotFound(int id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"There is no post {id.ToString(CultureInfo.InvariantCulture)}.");

    private static IResult Failure(PostActionResult result, IStringLocalizer<Strings> t) => result.Failure switch
    {
        PostActionFailure.Forbidden => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: t[result.Message!]),
        PostActionFailure.Conflict => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: t[result.Message!]),
        _ => TypedResults.ValidationProblem(new Dictionary<string, string[]> { [""] = [t[result.Message!]] }),
    };

    public static async Task<Results<Ok<PagedList<PostListItem>>, ValidationProblem>> ListAsync(InwardDbContext db, CancellationToken ct,
        [Description("Draft, InReview, Scheduled, Published or Expired.")] string? status = null,
        [Description("Page number, from 1.")] int page = 1,
        [Description("Items per page, 1 to 200.")] int pageSize = ApiPaging.DefaultPageSize)
    {
        var errors = ApiPaging.Validate(page, pageSize);
        PostStatus? filter = null;
        if (status is not null)
        {
            if (Enum.TryParse<PostStatus>(status, ignoreCase: true, out var s) && Enum.IsDefined(s) && !int.TryParse(status, out _))
            {
                filter = s;
            }
            else
            {
                errors["status"] = ["status must be Draft, InReview, Scheduled, Published or Expired."];
            }
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var query = db.Set<Post>().AsNoTracking();
        if (filter is { } f)
        {
            query = query.Where(p => p.Status == f);
        }
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(p => p.UpdatedUtc).ThenByDescending(p => p.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(p => new { p.Id, p.Type, p.Status, p.Title, p.AuthorName, p.UpdatedUtc, p.PublishedUtc, p.PublishAtUtc, p.ExpiresUtc }).ToListAsync(ct);
        return TypedResults.Ok(new PagedList<PostListItem>([.. rows.Select(p => new PostListItem(p.Id, p.Type.ToString(), p.Status.ToString(), p.Title,
            p.AuthorName, p.UpdatedUtc, p.PublishedUtc, p.PublishAtUtc, p.ExpiresUtc))], page, pageSize, total));
    }

    public static async Task<IResult> CreateAsync(HttpRequest request, InwardDbContext db, PostAuthoring authoring, AudienceResolver resolver,
        TimeProvider clock, IStringLocalizer<Strings> t, ClaimsPrincipal user, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<PostRequest>(request, ct);
        if (problem is not null)
        {
            return problem;
        }
        var (draft, errors) = await ValidateAsync(body!, null, db, resolver, clock, t, ct);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var post = await authoring.SaveAsync(null, draft!, user, body!.ChangeNote, ct);
        return TypedResults.Created($"/api/v1/posts/{post.Id.ToString(CultureInfo.InvariantCulture)}/source", await SourceOfAsync(post, authoring, ct));
    }

    public static async Task<IResult> UpdateAsync(HttpRequest request, InwardDbContext db, PostAuthoring authoring, AudienceResolver resolver,
        TimeProvider clock, IStringLocalizer<Strings> t, ClaimsPrincipal user, int id, CancellationToken ct)
    {
        var post = await db.Set<Post>().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (post is null)
        {
            return NotFound(id);
        }
        var (body, problem) = await JsonBody.ReadAsync<PostRequest>(request, ct);
        if (problem is not null)
        {
            return problem;
        }
        var (draft, errors) = await ValidateAsync(body!, post, db, resolver, clock, t, ct);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        post = await authoring.SaveAsync(post, draft!, user, body!.ChangeNote, ct);
        return TypedResults.Ok(await SourceOfAsync(post, authoring, ct));
    }

    public static async Task<IResult> DeleteAsync(InwardDbContext db, int id, CancellationToken ct)
    {
        var post = await db.Set<Post>().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (post is null)
        {
            return NotFound(id);
        }
        if (post.Status != PostStatus.Draft)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: "Only drafts can be deleted: unpublish the post first.");
        }
        db.Remove(post);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<PostSourceResponse>, ProblemHttpResult>> SourceAsync(InwardDbContext db, PostAuthoring authoring, int id, CancellationToken ct)
    {
        var post = await db.Set<Post>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        return post is null ? NotFound(id) : TypedResults.Ok(await SourceOfAsync(post, authoring, ct));
    }

    public static async Task<Results<Ok<PostReceiptsResponse>, ProblemHttpResult>> ReceiptsAsync(PostReceiptCounts counts, int id, CancellationToken ct)
    {
        if (await counts.ForPostAsync(id, ct) is not { } s)
        {
            return NotFound(id);
        }
        static ReceiptCountResponse R(ReceiptCount c) => new(c.Id, c.Name, c.Reached, c.Opened, c.Acknowledged);
        return TypedResults.Ok(new PostReceiptsResponse(s.PostId, s.MustRead, R(s.Total), [.. s.Departments.Select(R)], [.. s.Variants.Select(R)]));
    }

    public static async Task<IResult> SubmitAsync(HttpRequest request, InwardDbContext db, PostAuthoring authoring, IStringLocalizer<Strings> t,
        ClaimsPrincipal user, int id, CancellationToken ct)
    {
        var post = await db.Set<Post>().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (post is null)
        {
            return NotFound(id);
        }
        var (body, problem) = await JsonBody.ReadAsync<SubmitRequest>(request, ct);
        if (problem is not null)
        {
            return problem;
        }
        var result = await authoring.SubmitAsync(post, body!.ApproverRole, user, ct);
        return result.Succeeded ? TypedResults.Ok(await SourceOfAsync(post, authoring, ct)) : Failure(result, t);
    }

    public static async Task<IResult> ApproveAsync(InwardDbContext db, PostAuthoring authoring, IStringLocalizer<Strings> t, ClaimsPrincipal user, int id,
        CancellationToken ct)
    {
        var post = await db.Set<Post>().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (post is null)
        {
            return NotFound(id);
        }
        var result = await authoring.ApproveAsync(post, user, ct);
        return result.Succeeded ? TypedResults.Ok(await SourceOfAsync(post, authoring, ct)) : Failure(result, t);
    }

    public static async Task<IResult> RejectAsync(HttpRequest request, InwardDbContext db, PostAuthoring authoring, IStringLocalizer<Strings> t,
        ClaimsPrincipal user, int id, CancellationToken ct)
    {
        var post = await db.Set<Post>().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (post is null)
        {
            return NotFound(id);
        }
        var (body, problem) = await JsonBody.ReadAsync<RejectRequest>(request, ct);
        if (problem is not null)
        {
            return problem;
        }
        var result = await authoring.RejectAsync(post, user, body!.Comment, ct);
        return result.Succeeded ? TypedResults.Ok(await SourceOfAsync(post, authoring, ct)) : Failure(result, t);
    }

    public static async Task<IResult> PublishAsync(HttpRequest request, InwardDbContext db, PostAuthoring authoring, TimeProvider clock,
        IStringLocalizer<Strings> t, int id, CancellationToken ct)
    {
        var post = await db.Set<Post>().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (post is null)
        {
            return NotFound(id);
        }
        var (body, problem) = await JsonBody.ReadAsync<PublishRequest>(request, ct);
        if (problem is not null)
        {
            return problem;
        }
        var at = Utc(body!.At);
        if (post.Status != PostStatus.Published)
        {
            var errors = PostRules.CheckSchedule(at, post.ExpiresUtc, clock.GetUtcNow().UtcDateTime);
            if (errors.Count > 0)
            {
                return TypedResults.ValidationProblem(errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => t[e.Message].Value).ToArray()));
            }
            if (await authoring.RequiresApprovalAsync(ct))
            {
                return Failure(new(PostActionFailure.Forbidden, "Posts need approval: submit it for review."), t);
            }
            post.PublishAtUtc = at;
        }
        var result = await authoring.PublishAsync(post, body.Renotify, ct);
        return result.Succeeded ? TypedResults.Ok(await SourceOfAsync(post, authoring, ct)) : Failure(result, t);
    }

    public static async Task<IResult> UnpublishAsync(InwardDbContext db, PostAuthoring authoring, IStringLocalizer<Strings> t, int id, CancellationToken ct)
    {
        var post = await db.Set<Post>().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (post is null)
        {
            return NotFound(id);
        }
        var result = await authoring.UnpublishAsync(post, ct);
        return result.Succeeded ? TypedResults.Ok(await SourceOfAsync(post, authoring, ct)) : Failure(result, t);
    }

    private static DateTime? Utc(DateTime? at) => at is not { } a ? null
        : a.Kind == DateTimeKind.Local ? a.ToUniversalTime() : DateTime.SpecifyKind(a, DateTimeKind.Utc);

    private static async Task<(PostDraft? Draft, Dictionary<string, string[]> Errors)> ValidateAsync(PostRequest body, Post? post, InwardDbContext db,
        AudienceResolver resolver, TimeProvider clock, IStringLocalizer<Strings> t, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new List<(string Field, string Message)>();
        var live = post?.Status is PostStatus.Published or PostStatus.Expired;
        var publishAt = live ? null : Utc(body.PublishAtUtc);
        var expires = Utc(body.ExpiresUtc);
        var fields = PostRules.Check(body.Title, body.Type, body.Body, body.MustRead,
            body.MustReadDue?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null, null, now);
        errors.AddRange(fields.Errors);
        errors.AddRange(PostRules.CheckSchedule(publishAt, expires, now).Where(e => !(live && e.Field == "PublishAtUtc")));
        if (live && expires is { } e && post!.PublishedUtc is { } published && e <= published)
        {
            errors.Add(("ExpiresUtc", "The expiry must be after the publication."));
        }
        var texts = (body.Texts ?? []).Select(x => new PostTextInput(x?.DepartmentId, x?.Language, x?.Title ?? "", x?.Body ?? "")).ToList();
        var departments = (await db.Departments.AsNoTracking().Select(d => d.Id).ToListAsync(ct)).ToHashSet();
        errors.AddRange(PostRules.CheckTexts(texts, departments));
        var result = errors.GroupBy(x => x.Field).ToDictionary(g => g.Key, g => g.Select(x => t[x.Message, PostRules.MaxTexts].Value).ToArray());
        foreach (var a in await resolver.ValidateAsync(body.Audience, ct))
        {
            var key = a.Field.Length == 0 ? "Audience" : $"Audience.{a.Field}";
            result[key] = [.. result.GetValueOrDefault(key) ?? [], t[a.Message, a.Arguments].Value];
        }
        if (result.Count > 0)
        {
            return (null, result);
        }
        return (new PostDraft(fields.Type, body.Title!, body.Body!, body.Audience!, body.Pinned, body.MustRead, fields.Due, expires, publishAt,
            body.Urgent, body.AllowComments ?? true, body.AllowReactions ?? true, texts), result);
    }

    private static async Task<PostSourceResponse> SourceOfAsync(Post p, PostAuthoring authoring, CancellationToken ct)
    {
        AudienceRule audience;
        try
        {
            audience = AudienceRule.FromJson(p.AudienceJson) ?? new AudienceRule();
        }
        catch (System.Text.Json.JsonException)
        {
            audience = new AudienceRule();
        }
        return new(p.Id, p.Type.ToString(), p.Status.ToString(), p.Title, p.Body, audience, p.Pinned, p.MustRead, p.MustReadDue, p.PublishedUtc,
            p.PublishAtUtc, p.ExpiresUtc, p.Urgent, p.AllowComments, p.AllowReactions, p.ApproverRole, p.ReviewComment, p.AuthorName, p.CreatedUtc,
            p.UpdatedUtc, p.EditedUtc, await authoring.TextsAsync(p.Id, ct));
    }
}
