namespace Inward.Features.Comments;

/// <summary>
/// One "@" in a text: an e-mail address (<c>@anna@firm.example</c>), a bracketed name (<c>@[Anna Maria Kowalska]</c>) or
/// up to <see cref="Mentions.MaxWords"/> words (<c>@Anna Kowalska</c>). <see cref="Names"/> lists the possible names
/// longest first, because "@Anna Kowalska thanks!" may mean "Anna Kowalska" or "Anna Kowalska thanks".
/// </summary>
public sealed record Mention(string? Email, IReadOnlyList<string> Names);

/// <summary>Someone who can be mentioned: an employee who may read the post.</summary>
public sealed record MentionablePerson(int EmployeeId, string Name, string Email);

/// <summary>Finds mentions in text and matches them to people: pure functions, no I/O.</summary>
public static class Mentions
{
    public const int MaxWords = 4;
    public const int MaxMentions = 20;
    public const int MaxNameLength = 100;

    /// <summary>The mentions of <paramref name="text"/> in order (at most <see cref="MaxMentions"/>; duplicates kept once).</summary>
    public static IReadOnlyList<Mention> Parse(string? text)
    {
        var result = new List<Mention>();
        if (string.IsNullOrEmpty(text))
        {
            return result;
        }
        for (var i = 0; i < text.Length && result.Count < MaxMentions; i++)
        {
            if (text[i] != '@' || (i > 0 && IsWordChar(text[i - 1])))
            {
                continue;
            }
            var mention = ReadBracketed(text, i + 1, out var end) ?? ReadEmail(text, i + 1, out end) ?? ReadWords(text, i + 1, out end);
            if (mention is not null && !result.Contains(mention, MentionComparer.Instance))
            {
                result.Add(mention);
            }
            i = Math.Max(i, end - 1);
        }
        return result;
    }

    /// <summary>
    /// The employee ids the mentions name among <paramref name="people"/>: an e-mail matches exactly (case-insensitive); a
    /// name matches whole names (case-insensitive), trying the longest possible name first. A name shared by several people
    /// names them all. <paramref name="people"/> should be only those who may be notified, so people outside never influence the result.
    /// </summary>
    public static IReadOnlySet<int> Match(IEnumerable<Mention> mentions, IEnumerable<MentionablePerson> people)
    {
        var list = people.ToList();
        var found = new HashSet<int>();
        foreach (var mention in mentions)
        {
            if (mention.Email is { } email)
            {
                found.UnionWith(list.Where(p => string.Equals(p.Email, email, StringComparison.OrdinalIgnoreCase)).Select(p => p.EmployeeId));
                continue;
            }
            foreach (var name in mention.Names)
            {
                var matches = list.Where(p => string.Equals(Normalise(p.Name), Normalise(name), StringComparison.OrdinalIgnoreCase)).ToList();
                if (matches.Count > 0)
                {
                    found.UnionWith(matches.Select(p => p.EmployeeId));
                    break;
                }
            }
        }
        return found;
    }

    /// <summary>Whether any mention could mean <paramref name="person"/> (by e-mail or by any of its possible names).</summary>
    public static bool CouldName(IEnumerable<Mention> mentions, MentionablePerson person) =>
        mentions.Any(m => m.Email is { } email
            ? string.Equals(email, person.Email, StringComparison.OrdinalIgnoreCase)
            : m.Names.Any(n => string.Equals(Normalise(n), Normalise(person.Name), StringComparison.OrdinalIgnoreCase)));

    private static string Normalise(string name) => string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '.' or '-' or '+' or '@';

    private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c is '-' or '\'' or '’' || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark;

    private static Mention? ReadBracketed(string text, int start, out int end)
    {
        end = start;
        if (start >= text.Length || text[start] != '[')
        {
            return null;
        }
        var close = text.IndexOf(']', start + 1);
        if (close < 0 || close - start - 1 > MaxNameLength || text.AsSpan(start + 1, close - start - 1).ContainsAny('\n', '\r'))
        {
            return null;
        }
        var name = Normalise(text[(start + 1)..close]);
        end = close + 1;
        return name.Length == 0 ? null : new Mention(null, [name]);
    }

    private static Mention? ReadEmail(string text, int start, out int end)
    {
        end = start;
        var i = start;
        while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '.' or '_' or '%' or '+' or '-'))
        {
            i++;
        }
        if (i == start || i >= text.Length || text[i] != '@')
        {
            return null;
        }
        var at = i++;
        while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '.' or '-'))
        {
            i++;
        }
        var domain = text[(at + 1)..i].TrimEnd('.', '-');
        var dot = domain.LastIndexOf('.');
        if (dot <= 0 || domain.Length - dot - 1 < 2 || !domain[(dot + 1)..].All(char.IsAsciiLetter))
        {
            return null;
        }
        end = at + 1 + domain.Length;
        return new Mention(text[start..end], []);
    }

    private static Mention? ReadWords(string text, int start, out int end)
    {
        end = start;
        var words = new List<string>();
        var i = start;
        while (words.Count < MaxWords)
        {
            var wordStart = i;
            while (i < text.Length && IsNameChar(text[i]))
            {
                i++;
            }
            if (i == wordStart || !char.IsLetter(text[wordStart]))
            {
                i = wordStart;
                break;
            }
            words.Add(text[wordStart..i]);
            end = i;
            // Names continue over a single space only: "@Anna Kowalska, thanks" stops at the comma.
            if (i + 1 < text.Length && text[i] == ' ' && char.IsLetter(text[i + 1]))
            {
                i++;
                continue;
            }
            break;
        }
        if (words.Count == 0)
        {
            return null;
        }
        var names = new List<string>();
        for (var n = words.Count; n >= 1; n--)
        {
            var name = string.Join(' ', words.Take(n));
            if (name.Length <= MaxNameLength)
            {
                names.Add(name);
            }
        }
        return names.Count == 0 ? null : new Mention(null, names);
    }

    private sealed class MentionComparer : IEqualityComparer<Mention>
    {
        public static readonly MentionComparer Instance = new();

        public bool Equals(Mention? x, Mention? y) =>
            x is not null && y is not null && string.Equals(x.Email, y.Email, StringComparison.OrdinalIgnoreCase)
            && x.Names.SequenceEqual(y.Names, StringComparer.OrdinalIgnoreCase);

        public int GetHashCode(Mention obj)
        {
            var hash = new HashCode();
            hash.Add(obj.Email?.ToUpperInvariant());
            foreach (var n in obj.Names)
            {
                hash.Add(n.ToUpperInvariant());
            }
            return hash.ToHashCode();
        }
    }
}

/// <summary>The fixed set of reactions; keys are stable (stored and used in the API).</summary>
public static class ReactionKinds
{
    public static readonly IReadOnlyList<(string Key, string Emoji, string Name)> All =
    [
        ("like", "👍", "Like"),
        ("celebrate", "🎉", "Celebrate"),
        ("insightful", "💡", "Insightful"),
        ("thanks", "🙏", "Thanks"),
    ];

    public static bool IsKnown(string? kind) => kind is not null && All.Any(k => string.Equals(k.Key, kind, StringComparison.Ordinal));
}
