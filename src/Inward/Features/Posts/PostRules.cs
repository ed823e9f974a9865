using System.Globalization;

namespace Inward.Features.Posts;

/// <summary>The checked form fields of a post.</summary>
public sealed record PostFields(PostType Type, DateOnly? Due, DateTime? Expires, IReadOnlyList<(string Field, string Message)> Errors);

/// <summary>Pure validation of a post's fields (the audience is validated by the audience rules).</summary>
public static class PostRules
{
    /// <summary>
    /// Checks the fields; <paramref name="publishAt"/> is when the post is (or will be) published, null for a draft.
    /// Dates are ISO: due "yyyy-MM-dd", expiry "yyyy-MM-ddTHH:mm" in UTC.
    /// </summary>
    public static PostFields Check(string? title, string? type, string? body, bool mustRead, string? due, string? expires, DateTime? publishAt, DateTime now)
    {
        var errors = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(title))
        {
            errors.Add(("Title", "Enter a title."));
        }
        else if (title.Trim().Length > Post.TitleMax)
        {
            errors.Add(("Title", "The title is too long."));
        }
        if (!Enum.TryParse<PostType>(type, ignoreCase: false, out var postType) || !Enum.IsDefined(postType) || int.TryParse(type, out _))
        {
            errors.Add(("Type", "Choose a type."));
        }
        if (string.IsNullOrWhiteSpace(body))
        {
            errors.Add(("Body", "Write the message."));
        }
        else if (body.Length > Post.BodyMax)
        {
            errors.Add(("Body", "The message is too long."));
        }
        DateOnly? dueDate = null;
        if (mustRead && !string.IsNullOrWhiteSpace(due))
        {
            if (DateOnly.TryParseExact(due.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                dueDate = d;
            }
            else
            {
                errors.Add(("MustReadDue", "Enter the due date as a date."));
            }
        }
        DateTime? expiresUtc = null;
        if (!string.IsNullOrWhiteSpace(expires))
        {
            if (DateTime.TryParseExact(expires.Trim(), ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd"], CultureInfo.InvariantCulture,
                    DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var e))
            {
                expiresUtc = DateTime.SpecifyKind(e, DateTimeKind.Utc);
                if (expiresUtc <= now)
                {
                    errors.Add(("ExpiresUtc", "The expiry must be in the future."));
                }
                else if (publishAt is { } p && expiresUtc <= p)
                {
                    errors.Add(("ExpiresUtc", "The expiry must be after the publication."));
                }
            }
            else
            {
                errors.Add(("ExpiresUtc", "Enter the expiry as a date and time."));
            }
        }
        return new(postType, dueDate, expiresUtc, errors);
    }
}
