namespace Inward.Features.Notifications;

/// <summary>English names (localisation keys) of notification kinds.</summary>
public static class NotificationTexts
{
    public static string KindName(string kind) => kind switch
    {
        "post" => "New post",
        "must-read" => "Must read",
        "mention" => "Mention",
        "reminder" => "Reminder",
        _ => "Notification",
    };
}
