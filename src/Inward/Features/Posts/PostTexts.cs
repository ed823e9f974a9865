namespace Inward.Features.Posts;

/// <summary>English names (localiser keys) of post types.</summary>
public static class PostTexts
{
    public static string TypeName(PostType type) => type switch
    {
        PostType.Announcement => "Announcement",
        PostType.News => "News",
        PostType.Briefing => "Briefing",
        PostType.SuccessStory => "Success story",
        PostType.NewsletterIssue => "Newsletter issue",
        _ => type.ToString(),
    };
}

/// <summary>English names (localiser keys) of statuses and languages.</summary>
public static class PostStatusTexts
{
    public static string StatusName(PostStatus status) => status switch
    {
        PostStatus.Draft => "Draft",
        PostStatus.InReview => "In review",
        PostStatus.Scheduled => "Scheduled",
        PostStatus.Published => "Published",
        PostStatus.Expired => "Expired",
        _ => status.ToString(),
    };

    public static string LanguageName(string? language) => language switch
    {
        "en" => "English",
        "ar" => "Arabic",
        "pl" => "Polish",
        _ => "Default language",
    };
}
