using Inward.Features.Posts;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.SignalR;
using StackExchange.Redis;

namespace Inward.Features.Notifications;

/// <summary>In-app notifications (issue 5): the notifier every feature uses, the bell and the list, real-time delivery.</summary>
public static class NotificationsModule
{
    /// <summary>Anyone who uses the intranet or the extranet: everyone has their own notifications.</summary>
    public const string ReaderPolicy = "NotificationReader";

    public static IReadOnlyList<string> ReaderRoles =>
        [.. RoleRules.RolesWith(Capability.UseIntranet).Union(RoleRules.RolesWith(Capability.UseExtranet)).Distinct(StringComparer.Ordinal)];

    public static WebApplicationBuilder AddNotifications(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<Notifier>();
        services.AddScoped<NotificationViews>();
        services.AddSingleton<NotificationPush>();
        services.AddPostPublishedHandler<InAppPostChannel>(InAppPostChannel.Name);
        services.AddAuthorizationBuilder()
            .AddPolicy(ReaderPolicy, p => p.RequireAuthenticatedUser().RequireRole(ReaderRoles));

        services.AddSingleton<IUserIdProvider, EmployeeIdUserIdProvider>();
        var signalR = services.AddSignalR();
        // Several instances: each one's connections get every instance's pushes through Redis pub/sub, on channels
        // named "<Redis:KeyPrefix>signalr..." (its own connection, beside the data-protection one in PlatformModule).
        var redis = builder.Configuration["Redis:Configuration"];
        if (!string.IsNullOrWhiteSpace(redis))
        {
            var prefix = (builder.Configuration["Redis:KeyPrefix"] ?? "inward:") + "signalr";
            signalR.AddStackExchangeRedis(redis, o => o.Configuration.ChannelPrefix = RedisChannel.Literal(prefix));
        }
        return builder;
    }

    public static WebApplication MapNotifications(this WebApplication app)
    {
        app.MapNotificationsApi();
        app.MapHub<NotificationHub>(NotificationHub.Path);
        return app;
    }
}
