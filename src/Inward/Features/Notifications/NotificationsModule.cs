namespace Inward.Features.Notifications;

/// <summary>In-app notifications (issue 5): the notifier every feature uses, the bell and the list, real-time delivery.</summary>
public static class NotificationsModule
{
    public static WebApplicationBuilder AddNotifications(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<Notifier>();
        return builder;
    }

    public static WebApplication MapNotifications(this WebApplication app) => app;
}
