using System.Globalization;

namespace Inward.Features.Posts;

/// <summary>The checked form fields of a post.</summary>
public sealed record PostFields(PostType Type, DateOnly? Due, DateTime? Expires, IReadOnlyList<(string Field, string Message)> Errors);

/// <summary>Pure validation of a post's fields (the audience is validated by the audience rules).</summary>
public static class PostRules
{
    public const int CommentMax = 2000;

    /// <summary>The languages a post can be translated into.</summary>
    public static readonly IReadOnlyList<string> Languages = ["en", "ar", "pl"];

    /// <summary>The roles an author may ask for approval.</summary>
    public static readonly IReadOnlyList<string> ApproverRoles = [Platform.Identity.Roles.Communicator, Platform.Identity.Roles.HR, Platform.Identity.Roles.Admin];

    /// <summary>
    /// Reads an optional UTC time ("yyyy-MM-ddTHH:mm[:ss]") and checks it against <paramref name="now"/> and the expiry:
    /// a publication time must lie in the future. Returns the time (null when empty) and the problems.
    /// </summary>
    public static (DateTime? At, IReadOnlyList<(string Field, string Message)> Errors) CheckPublishAt(string? publishAt, DateTime now)
    {
        if (string.IsNullOrWhiteSpace(publishAt))
        {
            return (null, []);
        }
        if (!TryParseUtc(publishAt, out var at))
        {
            return (null, [("PublishAtUtc", "Enter the publication time as a date and time.")]);
        }
        return at <= now ? (at, [("PublishAtUtc", "The publication time must be in the future.")]) : (at, []);
    }

    /// <summary>The problems of a schedule given as times (the API): publication in the future, expiry after it.</summary>
    public static IReadOnlyList<(string Field, string Message)> CheckSchedule(DateTime? publishAt, DateTime? expires, DateTime now)
    {
        var errors = new List<(string, string)>();
        if (publishAt is { } p && p <= now)
        {
            errors.Add(("PublishAtUtc", "The publication time must be in the future."));
        }
        if (expires is { } e)
        {
            if (e <= now)
            {
                errors.Add(("ExpiresUtc", "The expiry must be in the future."));
            }
            else if (publishAt is { } q && e <= q)
            {
                errors.Add(("ExpiresUtc", "The expiry must be after the publication."));
            }
        }
        return errors;
    }

    /// <summary>A rejection needs a reason the author can act on.</summary>
    public static string? CheckRejection(string? comment) =>
        string.IsNullOrWhiteSpace(comment) ? "Say what needs to change."
        : comment.Trim().Length > CommentMax ? "The comment is too long." : null;

    public static string? CheckApproverRole(string? role) =>
        role is not null && ApproverRoles.Contains(role, StringComparer.Ordinal) ? null : "Choose who approves the post.";

    /// <summary>
    /// Checks variants and translations: each names a department and/or a language (en, ar, pl), has a title and a
    /// text, and no two share the same department and language.
    /// </summary>
    public static IReadOnlyList<(string Field, string Message)> CheckTexts(IReadOnlyList<PostTextInput> texts, IReadOnlySet<int> departments)
    {
        var errors = new List<(string, string)>();
        var seen = new HashSet<(int?, string?)>();
        for (var i = 0; i < texts.Count; i++)
        {
            var t = texts[i];
            var field = $"Texts[{i.ToString(CultureInfo.InvariantCulture)}]";
            var language = NormaliseLanguage(t.Language);
            if (t.DepartmentId is null && language is null)
            {
                errors.Add(($"{field}.DepartmentId", "Choose a department or a language for each variant."));
                continue;
            }
            if (t.DepartmentId is { } d && !departments.Contains(d))
            {
                errors.Add(($"{field}.DepartmentId", "Unknown department."));
            }
            if (t.Language is not null && language is null)
            {
                errors.Add(($"{field}.Language", "Choose English, Arabic or Polish."));
            }
            if (string.IsNullOrWhiteSpace(t.Title))
            {
                errors.Add(($"{field}.Title", "Enter a title."));
            }
            else if (t.Title.Trim().Length > Post.TitleMax)
            {
                errors.Add(($"{field}.Title", "The title is too long."));
            }
            if (string.IsNullOrWhiteSpace(t.Body))
            {
                errors.Add(($"{field}.Body", "Write the message."));
            }
            else if (t.Body.Length > Post.BodyMax)
            {
                errors.Add(($"{field}.Body", "The message is too long."));
            }
            if (!seen.Add((t.DepartmentId, language)))
            {
                errors.Add(($"{field}.DepartmentId", "Two variants have the same department and language."));
            }
        }
        if (texts.Count > MaxTexts)
        {
            errors.Add(("Texts", "A post can have at most {0} variants and translations."));
        }
        return errors;
    }

    public const int MaxTexts = 50;

    /// <summary>"en", "ar" or "pl" (case-insensitive, blank = null); anything else is null.</summary>
    public static string? NormaliseLanguage(string? language) =>
        string.IsNullOrWhiteSpace(language) ? null : Languages.FirstOrDefault(l => string.Equals(l, language.Trim(), StringComparison.OrdinalIgnoreCase));

    public static bool TryParseUtc(string text, out DateTime utc)
    {
        if (DateTime.TryParseExact(text.Trim(), ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd"], CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed))
        {
            utc = DateTime.SpecifyKind(parsed, DateTimeKind.Utc);
            return true;
        }
        utc = default;
        return false;
    }

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
