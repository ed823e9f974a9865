using Microsoft.AspNetCore.Mvc;

namespace Inward.Features.Notifications;

/// <param name="Unread">Unread notifications of the signed-in person.</param>
/// <param name="RealTime">Whether the SignalR browser client was built (npm step); without it the page has no live updates.</param>
public sealed record BellModel(int Unread, bool RealTime);

/// <summary>The layout's bell: a link to /notifications with the unread count, kept current by notifications.js.</summary>
public sealed class NotificationBell(NotificationViews views, IWebHostEnvironment environment) : ViewComponent
{
    /// <summary>Where the build copies the npm package's browser bundle (see Inward.csproj, target SignalRClient).</summary>
    public const string ClientScript = "lib/signalr/signalr.min.js";

    private static bool? _realTime;

    private static bool RealTimeAvailable(IWebHostEnvironment environment) =>
        _realTime ??= environment.WebRootFileProvider.GetFileInfo(ClientScript).Exists;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (HttpContext.User.Identity?.IsAuthenticated != true)
        {
            return Content("");
        }
        var count = await views.UnreadCountAsync(HttpContext.User, HttpContext.RequestAborted);
        return View("/Features/Notifications/_Bell.cshtml", new BellModel(count, RealTimeAvailable(environment)));
    }
}

