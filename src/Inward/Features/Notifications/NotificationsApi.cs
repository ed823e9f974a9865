using Inward.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Inward.Features.Notifications;

public sealed record NotificationResponse(long Id, string Kind, string Title, string Url, DateTime CreatedUtc, DateTime? ReadUtc);

public sealed record UnreadCountResponse(int Unread);

public sealed record MarkedReadResponse(int Marked);

/// <summary>/api/v1/notifications: the caller's own notifications (employees and partners alike).</summary>
public static class NotificationsApi
{
    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        // The reader policy: partners have UseExtranet, not UseIntranet, and get their own notifications too.
        var api = app.MapApiV1("Notifications", NotificationsModule.ReaderPolicy);
        api.MapGet("/notifications", ListAsync).WithSummary("The caller's notifications, newest first (page from 1, pageSize 1..200, unread=true for unread only)")
            .ProducesValidationProblem();
        api.MapGet("/notifications/unread-count", UnreadAsync).WithSummary("How many of the caller's notifications are unread");
        api.MapPost("/notifications/{id:long}/read", MarkReadAsync).WithSummary("Mark one of the caller's notifications read (idempotent; 404 for any other id)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/notifications/read", MarkAllReadAsync).WithSummary("Mark all of the caller's notifications read");
        return app;
    }

    public static async Task<Results<Ok<PagedList<NotificationResponse>>, ValidationProblem>> ListAsync(
        NotificationViews views, HttpContext http, int? page, int? pageSize, bool? unread, CancellationToken ct)
    {
        var (p, size) = (page ?? 1, pageSize ?? ApiPaging.DefaultPageSize);
        if (ApiPaging.Validate(p, size) is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var list = await views.ListAsync(http.User, p, size, unread == true, ct);
        return TypedResults.Ok(new PagedList<NotificationResponse>(
            [.. list.Items.Select(n => new NotificationResponse(n.Id, n.Kind, n.Title, n.Url, n.CreatedUtc, n.ReadUtc))], list.Page, list.PageSize, list.Total));
    }

    public static async Task<Ok<UnreadCountResponse>> UnreadAsync(NotificationViews views, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(new UnreadCountResponse(await views.UnreadCountAsync(http.User, ct)));

    public static async Task<Results<Ok<NotificationResponse>, ProblemHttpResult>> MarkReadAsync(NotificationViews views, HttpContext http, long id, CancellationToken ct) =>
        await views.MarkReadAsync(http.User, id, ct) is { } n
            ? TypedResults.Ok(new NotificationResponse(n.Id, n.Kind, n.Title, n.Url, n.CreatedUtc, n.ReadUtc))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "You have no notification with this id.");

    public static async Task<Ok<MarkedReadResponse>> MarkAllReadAsync(NotificationViews views, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(new MarkedReadResponse(await views.MarkAllReadAsync(http.User, ct)));
}
