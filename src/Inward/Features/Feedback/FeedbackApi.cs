using System.ComponentModel;
using System.Globalization;
using Inward.Platform.Identity;
using Inward.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Inward.Features.Feedback;

public sealed record FeedbackMessageResponse(int Id, bool FromAuthor, string? ResponderName, string TextMarkdown, string TextHtml, DateOnly SentOn,
    string? NewStatus);

/// <summary>A card as the caller may see it: <c>authorName</c> is null for anonymous cards, and there are dates, never times.</summary>
public sealed record FeedbackCardResponse(int Id, string Category, string Recipient, int? DepartmentId, string? DepartmentName, string Status,
    bool Anonymous, string? AuthorName, string TextMarkdown, string TextHtml, DateOnly ReceivedOn, DateOnly? ClosedOn, bool OnBoard, bool Mine,
    bool CanAnswer, IReadOnlyList<FeedbackMessageResponse> Messages);

public sealed record FeedbackBoardResponse(int Id, string Category, string Status, string TextMarkdown, string TextHtml, string AnswerMarkdown,
    string AnswerHtml, DateOnly ClosedOn);

public sealed record FeedbackCardRequest(
    [property: Description("CompanyPolicies, HR, InternalMarketing, MyJob, Customers or Other.")] string? Category,
    [property: Description("HR, Department or PlanOwner.")] string? Recipient,
    [property: Description("The department addressed when recipient is Department.")] int? DepartmentId,
    [property: Description("Markdown, 1 to 4000 characters.")] string? Text,
    [property: Description("True: the card keeps no trace of who wrote it; replies reach you through your own inbox.")] bool Anonymous,
    [property: Description("True: show it on the \"you said, we did\" board once resolved (never with your name).")] bool OnBoard);

public sealed record FeedbackReplyRequest([property: Description("Markdown, 1 to 4000 characters.")] string? Text);

public sealed record FeedbackStatusRequest(
    [property: Description("UnderReview, Planned, Done or Declined.")] string? Status,
    [property: Description("An answer for the author (Markdown); required for Done and Declined.")] string? Answer);

public sealed record FeedbackBoardRequest([property: Description("True to show the card on the board once resolved.")] bool Show);

/// <summary>/api/v1/feedback: everyone internal writes cards and follows their own; recipients answer the cards addressed to them.</summary>
public static class FeedbackApi
{
    public static IEndpointRouteBuilder MapFeedbackApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapApiV1("Feedback", Capability.UseIntranet);
        api.MapPost("/feedback", CreateAsync).AcceptsJson<FeedbackCardRequest>();
        api.MapGet("/feedback", MineAsync);
        api.MapGet("/feedback/inbox", InboxAsync);
        api.MapGet("/feedback/board", BoardAsync);
        api.MapGet("/feedback/{id:int}", GetAsync);
        api.MapPost("/feedback/{id:int}/replies", ReplyAsync).AcceptsJson<FeedbackReplyRequest>();
        api.MapPost("/feedback/{id:int}/status", StatusAsync).AcceptsJson<FeedbackStatusRequest>();
        api.MapPost("/feedback/{id:int}/board", SetBoardAsync).AcceptsJson<FeedbackBoardRequest>();
        return app;
    }

    [EndpointSummary("Write a feedback card")]
    [EndpointDescription("At most 10 cards a day per person (429 beyond). An anonymous card stores no user id; see docs/adr/0013.")]
    public static async Task<Results<Created<FeedbackCardResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(FeedbackDesk desk, HttpContext http,
        CancellationToken ct)
    {
        var (request, problem) = await JsonBody.ReadAsync<FeedbackCardRequest>(http.Request, ct);
        if (problem is not null)
        {
            return problem;
        }
        var (change, errors) = await desk.CheckAsync(
            new CardInput(request!.Category, request.Recipient, request.DepartmentId, request.Text, request.Anonymous, request.OnBoard), ct);
        if (change is null)
        {
            return TypedResults.ValidationProblem(Errors(errors));
        }
        var viewer = await desk.ViewerAsync(http.User, ct);
        if (await desk.CreateAsync(viewer, change, ct) is not { } id)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many cards today",
                detail: $"You can send at most {FeedbackRules.CardsPerDay} feedback cards a day. Please try again tomorrow.");
        }
        return TypedResults.Created($"/api/v1/feedback/{id.ToString(CultureInfo.InvariantCulture)}", ToResponse((await desk.GetAsync(viewer, id, ct))!));
    }

    [EndpointSummary("My feedback cards")]
    [EndpointDescription("The caller's own cards, named and anonymous, newest first (without the conversation; GET one card for it).")]
    public static async Task<Ok<IReadOnlyList<FeedbackCardResponse>>> MineAsync(FeedbackDesk desk, HttpContext http, CancellationToken ct)
    {
        var cards = await desk.MyCardsAsync(await desk.ViewerAsync(http.User, ct), ct);
        return TypedResults.Ok<IReadOnlyList<FeedbackCardResponse>>([.. cards.Select(ToResponse)]);
    }

    [EndpointSummary("Cards addressed to me")]
    [EndpointDescription("HR cards (AnswerHrFeedback), the cards of the department one manages, and the plan owner's cards (ManagePlan or the "
        + "current plan's owner), newest first, one page at a time. 403 for someone who answers no cards.")]
    public static async Task<Results<Ok<PagedList<FeedbackCardResponse>>, ValidationProblem, ProblemHttpResult>> InboxAsync(FeedbackDesk desk,
        HttpContext http, CancellationToken ct,
        [Description("Received, UnderReview, Planned, Done or Declined.")] string? status = null,
        [Description("CompanyPolicies, HR, InternalMarketing, MyJob, Customers or Other.")] string? category = null,
        [Description("From 1.")] int? page = null,
        [Description("1 to 200; default 50.")] int? pageSize = null)
    {
        var (p, size) = (page ?? 1, pageSize ?? FeedbackDesk.InboxPageSize);
        var errors = ApiPaging.Validate(p, size);
        FeedbackStatus? s = null;
        FeedbackCategory? c = null;
        if (status is not null)
        {
            if (FeedbackRules.TryParse<FeedbackStatus>(status, out var parsed))
            {
                s = parsed;
            }
            else
            {
                errors["status"] = ["status must be Received, UnderReview, Planned, Done or Declined."];
            }
        }
        if (category is not null)
        {
            if (FeedbackRules.TryParse<FeedbackCategory>(category, out var parsed))
            {
                c = parsed;
            }
            else
            {
                errors["category"] = ["category must be CompanyPolicies, HR, InternalMarketing, MyJob, Customers or Other."];
            }
        }
        var viewer = await desk.ViewerAsync(http.User, ct);
        if (!viewer.IsRecipient)
        {
            return Forbidden("No feedback cards are addressed to you.");
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var (cards, total) = await desk.InboxAsync(viewer, s, c, p, size, ct);
        return TypedResults.Ok(new PagedList<FeedbackCardResponse>([.. cards.Select(ToResponse)], p, size, total));
    }

    [EndpointSummary("The \"you said, we did\" board")]
    [EndpointDescription("Resolved cards whose author opted in, with the closing answer; never an author.")]
    public static async Task<Ok<IReadOnlyList<FeedbackBoardResponse>>> BoardAsync(FeedbackDesk desk, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<FeedbackBoardResponse>>([.. (await desk.BoardAsync(ct)).Select(b => new FeedbackBoardResponse(b.Id,
            b.Category.ToString(), b.Status.ToString(), b.Text, Platform.Text.SafeMarkdown.ToHtml(b.Text), b.Answer,
            Platform.Text.SafeMarkdown.ToHtml(b.Answer), b.ClosedOn))]);

    [EndpointSummary("A feedback card and its conversation")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<Ok<FeedbackCardResponse>, ProblemHttpResult>> GetAsync(FeedbackDesk desk, HttpContext http, int id, CancellationToken ct) =>
        await desk.GetAsync(await desk.ViewerAsync(http.User, ct), id, ct) is { } card ? TypedResults.Ok(ToResponse(card)) : NotFound();

    [EndpointSummary("Reply on a card")]
    [EndpointDescription("The author replies on their card (anonymously on an anonymous card); a recipient replies on a card addressed to them.")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<Ok<FeedbackCardResponse>, ValidationProblem, ProblemHttpResult>> ReplyAsync(FeedbackDesk desk, HttpContext http,
        int id, CancellationToken ct)
    {
        var viewer = await desk.ViewerAsync(http.User, ct);
        if (await desk.GetAsync(viewer, id, ct) is null)
        {
            return NotFound();
        }
        var (request, problem) = await JsonBody.ReadAsync<FeedbackReplyRequest>(http.Request, ct);
        if (problem is not null)
        {
            return problem;
        }
        var (outcome, error) = await desk.ReplyAsync(viewer, id, request!.Text, ct);
        return await AfterAsync(desk, viewer, id, outcome, error, ct);
    }

    [EndpointSummary("Change a card's status (recipients)")]
    [EndpointDescription("UnderReview, Planned, Done or Declined; Done and Declined need an answer; a closed card stays closed. The author gets 403.")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<Ok<FeedbackCardResponse>, ValidationProblem, ProblemHttpResult>> StatusAsync(FeedbackDesk desk, HttpContext http,
        int id, CancellationToken ct)
    {
        var viewer = await desk.ViewerAsync(http.User, ct);
        if (await desk.GetAsync(viewer, id, ct) is not { } card)
        {
            return NotFound();
        }
        if (!card.IsRecipient)
        {
            return Forbidden("Only the recipients of a card change its status.");
        }
        var (request, problem) = await JsonBody.ReadAsync<FeedbackStatusRequest>(http.Request, ct);
        if (problem is not null)
        {
            return problem;
        }
        var (outcome, error) = await desk.ChangeStatusAsync(viewer, id, request!.Status, request.Answer, ct);
        return await AfterAsync(desk, viewer, id, outcome, error, ct);
    }

    [EndpointSummary("Show or hide my card on the board (author)")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<Ok<FeedbackCardResponse>, ValidationProblem, ProblemHttpResult>> SetBoardAsync(FeedbackDesk desk, HttpContext http,
        int id, CancellationToken ct)
    {
        var viewer = await desk.ViewerAsync(http.User, ct);
        if (await desk.GetAsync(viewer, id, ct) is not { } card)
        {
            return NotFound();
        }
        if (!card.IsAuthor)
        {
            return Forbidden("Only the author of a card decides whether it shows on the board.");
        }
        var (request, problem) = await JsonBody.ReadAsync<FeedbackBoardRequest>(http.Request, ct);
        if (problem is not null)
        {
            return problem;
        }
        return await AfterAsync(desk, viewer, id, await desk.SetBoardAsync(viewer, id, request!.Show, ct), null, ct);
    }

    private static async Task<Results<Ok<FeedbackCardResponse>, ValidationProblem, ProblemHttpResult>> AfterAsync(FeedbackDesk desk, FeedbackViewer viewer,
        int id, FeedbackOutcome outcome, FeedbackError? error, CancellationToken ct) => outcome switch
        {
            FeedbackOutcome.NotFound => NotFound(),
            FeedbackOutcome.Forbidden => Forbidden("You cannot do this on this card."),
            FeedbackOutcome.Invalid => TypedResults.ValidationProblem(Errors([error!])),
            _ => TypedResults.Ok(ToResponse((await desk.GetAsync(viewer, id, ct))!)),
        };

    private static Dictionary<string, string[]> Errors(IEnumerable<FeedbackError> errors) =>
        errors.GroupBy(e => char.ToLowerInvariant(e.Field[0]) + e.Field[1..], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => string.Format(CultureInfo.InvariantCulture, e.Message, e.Arguments)).ToArray(), StringComparer.Ordinal);

    private static FeedbackCardResponse ToResponse(CardView c) =>
        new(c.Id, c.Category.ToString(), c.Recipient.ToString(), c.DepartmentId, c.DepartmentName, c.Status.ToString(), c.IsAnonymous, c.AuthorName, c.Text,
            Platform.Text.SafeMarkdown.ToHtml(c.Text), c.ReceivedOn, c.ClosedOn, c.OnBoard, c.IsAuthor, c.IsRecipient,
            [.. c.Messages.Select(m => new FeedbackMessageResponse(m.Id, m.FromAuthor, m.ResponderName, m.Text, Platform.Text.SafeMarkdown.ToHtml(m.Text),
                m.SentOn, m.NewStatus?.ToString()))]);

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "No feedback card with this id for you.");

    private static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: detail);
}
