using System.Globalization;
using Inward.Features.People;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Inward.Features.Notifications;

/// <summary>
/// /hubs/notifications: a signed-in person's open pages listen here for "notified" messages. The server only pushes;
/// clients call nothing. Partner users (no employee id) may connect but have nothing pushed yet.
/// </summary>
[Authorize(Policy = NotificationsModule.ReaderPolicy)]
public sealed class NotificationHub : Hub
{
    public const string Path = "/hubs/notifications";
    public const string NotifiedMethod = "notified";
}

/// <summary>SignalR's user of a connection is the employee id claim, the key notifications are stored under.</summary>
public sealed class EmployeeIdUserIdProvider : IUserIdProvider
{
    public string? GetUserId(HubConnectionContext connection) => UserKey(PeopleQueries.EmployeeIdOf(connection.User));

    public static string? UserKey(int? employeeId) => employeeId?.ToString(CultureInfo.InvariantCulture);
}

/// <summary>What an open page receives: enough to bump the bell and offer "new posts — show".</summary>
public sealed record PushedNotification(string Kind, string Title, string Url);

/// <summary>
/// Sends saved notifications to the open pages of their recipients, in batches of user ids (one backplane message per
/// batch and user with Redis). Best effort: the rows are saved already, so a failed push is logged, never thrown.
/// </summary>
public sealed class NotificationPush(IHubContext<NotificationHub> hub, ILogger<NotificationPush> log)
{
    public const int BatchSize = 1000;

    public async Task NotifiedAsync(IEnumerable<int> employeeIds, PushedNotification notification, CancellationToken ct = default)
    {
        foreach (var batch in employeeIds.Select(id => EmployeeIdUserIdProvider.UserKey(id)!).Chunk(BatchSize))
        {
            try
            {
                await hub.Clients.Users(batch).SendAsync(NotificationHub.NotifiedMethod, notification, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Real-time push of {Count} notifications failed; they are saved and shown on the next page.", batch.Length);
            }
        }
    }
}
