using System.Globalization;
using System.Text;
using Inward.Features.Audiences;
using Inward.Features.Comments;

namespace Inward.Features.Wins;

/// <summary>A win as typed in a form or sent to the API (text fields, before checking).</summary>
public sealed record WinInput(string? Title, string? Kind, string? Description, string? WonOn, string? Evidence, string? EvidenceUrl);

/// <summary>A validation error: <paramref name="Field"/> names the input, <paramref name="Message"/> is an English localiser key.</summary>
public sealed record WinError(string Field, string Message, params object[] Arguments);

/// <summary>The outcome of <see cref="WinRules.Check"/>: errors, or the parsed kind and date.</summary>
public sealed record WinCheck(IReadOnlyList<WinError> Errors, WinKind Kind, DateOnly WonOn)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>What a credited person or department is called, for the story draft.</summary>
public sealed record StoryCredit(IReadOnlyList<string> People, IReadOnlyList<(int Id, string Name)> Departments);

/// <summary>The labels of the story body, in the communicator's language.</summary>
public sealed record StoryLabels(string Team, string Evidence, string WonOn);

/// <summary>Validation of wins, resolving credited people and drafting the success story: pure functions.</summary>
public static class WinRules
{
    public static readonly DateOnly Earliest = new(2000, 1, 1);

    public static string KindName(WinKind kind) => kind switch
    {
        WinKind.ContractSigned => "Contract signed",
        WinKind.SalesTargetReached => "Sales target reached",
        WinKind.CustomerPraise => "Customer praise",
        _ => "Other",
    };

    public static bool TryParseKind(string? text, out WinKind kind) =>
        Enum.TryParse(text, ignoreCase: true, out kind) && Enum.IsDefined(kind) && !int.TryParse(text, CultureInfo.InvariantCulture, out _);

    public static WinCheck Check(WinInput input, DateOnly today)
    {
        var errors = new List<WinError>();
        var title = input.Title?.Trim() ?? "";
        if (title.Length == 0)
        {
            errors.Add(new("Title", "Give the win a title."));
        }
        else if (title.Length > Win.TitleMax)
        {
            errors.Add(new("Title", "The title can be at most {0} characters.", Win.TitleMax));
        }
        if (!TryParseKind(input.Kind, out var kind))
        {
            errors.Add(new("Kind", "Choose what kind of win it is."));
        }
        if ((input.Description?.Trim().Length ?? 0) == 0)
        {
            errors.Add(new("Description", "Describe the win."));
        }
        else if (input.Description!.Length > Win.DescriptionMax)
        {
            errors.Add(new("Description", "The description can be at most {0} characters.", Win.DescriptionMax));
        }
        var wonOn = today;
        if (!DateOnly.TryParseExact(input.WonOn?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out wonOn))
        {
            errors.Add(new("WonOn", "Give the date of the win (YYYY-MM-DD)."));
        }
        else if (wonOn > today)
        {
            errors.Add(new("WonOn", "The date of the win cannot be in the future."));
        }
        else if (wonOn < Earliest)
        {
            errors.Add(new("WonOn", "The date of the win must be in 2000 or later."));
        }
        if (input.Evidence is { Length: > Win.EvidenceMax })
        {
            errors.Add(new("Evidence", "The evidence can be at most {0} characters.", Win.EvidenceMax));
        }
        if (!string.IsNullOrWhiteSpace(input.EvidenceUrl) && !IsWebLink(input.EvidenceUrl.Trim()))
        {
            errors.Add(new("EvidenceUrl", "The evidence link must be an http or https address."));
        }
        return new(errors, kind, wonOn);
    }

    public static bool IsWebLink(string url) =>
        url.Length <= Win.UrlMax && Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && !string.IsNullOrEmpty(uri.Host);

    /// <summary>
    /// The people named in <paramref name="text"/> (names or e-mails separated by commas, semicolons or new lines; a
    /// leading "@" is allowed) among <paramref name="directory"/>. Unknown or ambiguous names are errors.
    /// </summary>
    public static (IReadOnlyList<int> Ids, IReadOnlyList<WinError> Errors) ResolvePeople(string? text, IReadOnlyCollection<MentionablePerson> directory)
    {
        var ids = new List<int>();
        var errors = new List<WinError>();
        foreach (var raw in (text ?? "").Split([',', ';', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var entry = string.Join(' ', raw.TrimStart('@').Split(' ', StringSplitOptions.RemoveEmptyEntries));
            if (entry.Length == 0)
            {
                continue;
            }
            var matches = directory.Where(p => string.Equals(p.Email, entry, StringComparison.OrdinalIgnoreCase)).ToList();
            if (matches.Count == 0)
            {
                matches = [.. directory.Where(p => string.Equals(p.Name, entry, StringComparison.OrdinalIgnoreCase))];
            }
            switch (matches.Count)
            {
                case 0:
                    errors.Add(new("People", "Nobody called “{0}” was found.", entry));
                    break;
                case > 1:
                    errors.Add(new("People", "Several people are called “{0}”: use their e-mail.", entry));
                    break;
                default:
                    if (!ids.Contains(matches[0].EmployeeId))
                    {
                        ids.Add(matches[0].EmployeeId);
                    }
                    break;
            }
        }
        return (ids, errors);
    }

    /// <summary>
    /// The success-story draft of a win: its title, a Markdown body (description, credited team, evidence) and an
    /// audience: the credited departments with their sub-departments, or everyone when no department is credited.
    /// </summary>
    public static (string Title, string Body, AudienceRule Audience) StoryDraft(Win win, StoryCredit credit, StoryLabels labels)
    {
        var body = new StringBuilder();
        body.Append(win.Description.Trim()).Append("\n\n");
        var team = credit.People.Concat(credit.Departments.Select(d => d.Name)).Select(Escape).ToList();
        if (team.Count > 0)
        {
            body.Append("**").Append(labels.Team).Append(":** ").AppendJoin(", ", team).Append("\n\n");
        }
        if (!string.IsNullOrWhiteSpace(win.Evidence) || !string.IsNullOrWhiteSpace(win.EvidenceUrl))
        {
            body.Append("**").Append(labels.Evidence).Append(":** ");
            if (!string.IsNullOrWhiteSpace(win.Evidence))
            {
                body.Append(win.Evidence.Trim());
            }
            if (!string.IsNullOrWhiteSpace(win.EvidenceUrl))
            {
                body.Append(string.IsNullOrWhiteSpace(win.Evidence) ? "" : " ").Append('<').Append(win.EvidenceUrl.Trim()).Append('>');
            }
            body.Append("\n\n");
        }
        body.Append('*').Append(labels.WonOn).Append('*');
        var audience = credit.Departments.Count == 0
            ? AudienceRule.EveryoneInternal()
            : new AudienceRule { Include = [new AudienceClause { Departments = [.. credit.Departments.Select(d => new DepartmentChoice(d.Id, true))] }] };
        var title = win.Title.Length <= Posts.Post.TitleMax ? win.Title : win.Title[..Posts.Post.TitleMax];
        return (title, body.ToString(), audience);
    }

    /// <summary>Backslash-escapes Markdown punctuation so a name shows as written.</summary>
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (@"\`*_{}[]()#+-.!<>|~".Contains(c, StringComparison.Ordinal))
            {
                sb.Append('\\');
            }
            sb.Append(c);
        }
        return sb.ToString();
    }
}
