using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Playbook;

/// <summary>
/// A text in no language yet: an English localiser key and its arguments. The playbook rules stay pure and
/// culture-free by returning these; pages and the API translate them for the reader. Arguments may themselves be
/// <see cref="LocalisedText"/> (translated too) or lists of them (joined with commas).
/// </summary>
public sealed record LocalisedText(string Key, IReadOnlyList<object> Args)
{
    /// <summary>The text in the reader's language (the current culture).</summary>
    public string Render(IStringLocalizer localizer)
    {
        if (Args.Count == 0)
        {
            return localizer[Key].Value;
        }
        var args = Args.Select(a => a switch
        {
            LocalisedText text => text.Render(localizer),
            IEnumerable<LocalisedText> texts => string.Join(ListSeparator, texts.Select(t => t.Render(localizer))),
            DateOnly date => date.ToString("d", CultureInfo.CurrentCulture),
            _ => a,
        }).ToArray();
        return localizer[Key, args].Value;
    }

    private static string ListSeparator => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ar" ? "، " : ", ";

    /// <summary>Every key this text uses, its arguments' included.</summary>
    public IEnumerable<string> Keys()
    {
        yield return Key;
        foreach (var arg in Args)
        {
            var nested = arg switch
            {
                LocalisedText text => text.Keys(),
                IEnumerable<LocalisedText> texts => texts.SelectMany(t => t.Keys()),
                _ => [],
            };
            foreach (var key in nested)
            {
                yield return key;
            }
        }
    }
}

/// <summary>
/// Makes <see cref="LocalisedText"/>s with the localiser's indexer syntax (a T field indexed by key and arguments), so the keys are
/// found and checked for translations like every other key.
/// </summary>
public sealed class TextKeys
{
    public LocalisedText this[string key, params object[] args] => new(key, args);
}
