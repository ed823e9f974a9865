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
