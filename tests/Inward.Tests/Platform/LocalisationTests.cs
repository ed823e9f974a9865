using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Inward.Platform.Localisation;

namespace Inward.Tests.Platform;

/// <summary>
/// Every English key used in src/Inward must have an Arabic and a Polish translation with the same placeholders.
/// The keys are found in the sources: T["..."] in views, t["..."] / localizer["..."] in C#, and the
/// DataAnnotations texts (ErrorMessage = "...", [Display(Name = "...")]) that the data-annotations localizer looks up.
/// </summary>
public sealed partial class LocalisationTests
{
    public static TheoryData<string> Translations => ["ar", "pl"];

    [Theory]
    [MemberData(nameof(Translations))]
    public void Every_key_used_in_the_sources_is_translated(string language)
    {
        var keys = UsedKeys();
        var translations = Resx(language);
        Assert.NotEmpty(keys);

        var missing = keys.Where(k => string.IsNullOrWhiteSpace(translations.GetValueOrDefault(k))).Order(StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0, new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Strings.{language}.resx lacks {missing.Count} of {keys.Count} keys. Add these lines before </root>, with the translation as value:")
            .AppendJoin('\n', missing.Select(k => $"  <data name=\"{Xml(k)}\" xml:space=\"preserve\"><value></value></data>"))
            .ToString());
    }

    [Theory]
    [MemberData(nameof(Translations))]
    public void Translations_keep_the_placeholders_of_their_key(string language)
    {
        var wrong = Resx(language)
            .Where(e => !string.IsNullOrEmpty(e.Value) && !Placeholders(e.Key).SetEquals(Placeholders(e.Value)))
            .Select(e => $"  {e.Key}  →  {e.Value}")
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(wrong.Count == 0, $"Strings.{language}.resx: placeholders differ from the key's:\n{string.Join('\n', wrong)}");
    }

    [Fact]
    public void The_key_scanner_finds_keys_in_views_code_and_data_annotations()
    {
        const string source = """
            <h1>@T["Welcome, {0}", name]</h1> <p>@T["Say \"hi\""]</p>
            ModelState.AddModelError("", t["The e-mail or password is not right."]);
            var x = localizer["From code"];
            [Required(ErrorMessage = "Enter your e-mail address.")]
            [Display(Name = "E-mail")]
            var notAKey = dict["ignored"];
            """;

        Assert.Equal(
            ["E-mail", "Enter your e-mail address.", "From code", "Say \"hi\"", "The e-mail or password is not right.", "Welcome, {0}"],
            Keys(source).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Placeholders_are_compared_with_their_format()
    {
        Assert.True(Placeholders("{0} of {1:N0}").SetEquals(Placeholders("{1:N0} z {0}")));
        Assert.False(Placeholders("{0} of {1}").SetEquals(Placeholders("{0} z")));
        Assert.False(Placeholders("{0}").SetEquals(Placeholders("{1}")));
    }

    [Fact]
    public void Arabic_dates_use_the_Gregorian_calendar_with_the_year_as_in_the_data()
    {
        var arabic = LocalisationSetup.Culture("ar");
        var date = new DateTime(2024, 3, 15, 0, 0, 0, DateTimeKind.Utc);

        Assert.IsType<GregorianCalendar>(arabic.DateTimeFormat.Calendar);
        Assert.Contains("2024", date.ToString("d", arabic), StringComparison.Ordinal);
        Assert.Contains("2024", date.ToString("D", arabic), StringComparison.Ordinal);
        Assert.True(arabic.TextInfo.IsRightToLeft);
    }

    [Fact]
    public void Every_supported_language_has_a_culture_with_the_Gregorian_calendar()
    {
        foreach (var language in LocalisationSetup.Languages)
        {
            var culture = LocalisationSetup.Culture(language);
            Assert.Equal(language, culture.Name);
            Assert.IsType<GregorianCalendar>(culture.DateTimeFormat.Calendar);
        }
    }

    [Fact]
    public void English_keeps_the_language_en_but_formats_dates_and_numbers_the_British_way()
    {
        var english = LocalisationSetup.Culture("en");
        var date = new DateTime(2025, 3, 16, 14, 5, 0, DateTimeKind.Utc);

        Assert.Equal("en", english.Name);
        Assert.Equal("16/03/2025", date.ToString("d", english));
        Assert.EndsWith("16 March 2025", date.ToString("D", english), StringComparison.Ordinal);
        Assert.Equal("16/03/2025 14:05", date.ToString("g", english));
        Assert.Equal(DayOfWeek.Monday, english.DateTimeFormat.FirstDayOfWeek);
        Assert.Equal("1,234,567.89", 1234567.891m.ToString("N2", english));
        Assert.Equal("£", english.NumberFormat.CurrencySymbol);
        Assert.IsType<GregorianCalendar>(english.DateTimeFormat.Calendar);
    }

    [Fact]
    public void The_British_formats_are_copies_and_leave_the_shared_en_GB_culture_alone()
    {
        var english = LocalisationSetup.Culture("en");

        english.DateTimeFormat.ShortDatePattern = "yyyy-MM-dd";

        Assert.Equal("dd/MM/yyyy", CultureInfo.GetCultureInfo("en-GB").DateTimeFormat.ShortDatePattern);
        Assert.Equal("dd/MM/yyyy", LocalisationSetup.Culture("en").DateTimeFormat.ShortDatePattern);
    }

    [Theory]
    [InlineData("ar")]
    [InlineData("pl")]
    public void Other_languages_keep_their_own_formats(string language)
    {
        var culture = LocalisationSetup.Culture(language);

        Assert.Equal(CultureInfo.GetCultureInfo(language).DateTimeFormat.ShortDatePattern, culture.DateTimeFormat.ShortDatePattern);
        Assert.Equal(CultureInfo.GetCultureInfo(language).NumberFormat.NumberDecimalSeparator, culture.NumberFormat.NumberDecimalSeparator);
    }

    private static HashSet<string> UsedKeys()
    {
        var root = Path.Combine(RepositoryRoot(), "src", "Inward");
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var files = Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !IsBuildOutput(Path.GetRelativePath(root, f)));
        foreach (var file in files)
        {
            keys.UnionWith(Keys(File.ReadAllText(file)));
        }
        return keys;
    }

    private static bool IsBuildOutput(string relative) =>
        relative.Split(Path.DirectorySeparatorChar)[0] is "bin" or "obj";

    private static IEnumerable<string> Keys(string source) =>
        new[] { LocalizerKey(), ErrorMessage(), DisplayName() }
            .SelectMany(r => r.Matches(source))
            .Select(m => Regex.Unescape(m.Groups["key"].Value));

    private static Dictionary<string, string> Resx(string language)
    {
        var path = Path.Combine(RepositoryRoot(), "src", "Inward", "Resources", $"Strings.{language}.resx");
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var data in XDocument.Load(path).Root!.Elements("data"))
        {
            var name = (string?)data.Attribute("name") ?? "";
            Assert.False(entries.ContainsKey(name), $"Strings.{language}.resx has \"{name}\" twice.");
            entries[name] = (string?)data.Element("value") ?? "";
        }
        return entries;
    }

    private static HashSet<string> Placeholders(string text) =>
        [.. Placeholder().Matches(text).Select(m => m.Value)];

    private static string Xml(string text) => WebUtility.HtmlEncode(text).Replace("&#39;", "'", StringComparison.Ordinal).Replace("&quot;", "\"", StringComparison.Ordinal);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Inward.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException($"No Inward.slnx above {AppContext.BaseDirectory}.");
    }

    // T["..."] in views; t["..."], localizer["..."] (any casing, optional underscore) in C#.
    [GeneratedRegex(@"(?<![\w.])_?(?:T|t|[Ll]ocali[sz]er)\[\s*""(?<key>(?:[^""\\\r\n]|\\.)*)""\s*[,\]]")]
    private static partial Regex LocalizerKey();

    [GeneratedRegex(@"\bErrorMessage\s*=\s*""(?<key>(?:[^""\\\r\n]|\\.)*)""")]
    private static partial Regex ErrorMessage();

    [GeneratedRegex(@"\bDisplay\s*\(\s*Name\s*=\s*""(?<key>(?:[^""\\\r\n]|\\.)*)""")]
    private static partial Regex DisplayName();

    [GeneratedRegex(@"\{\d+(?:,-?\d+)?(?::[^}]*)?\}")]
    private static partial Regex Placeholder();
}
