using System.Text.RegularExpressions;
using System.Xml.Linq;
using Inward.Features.Plan;
using Inward.Features.Playbook;

namespace Inward.Tests.Playbook;

/// <summary>
/// The catalogue's texts and the playbook's generated texts are localiser keys that the source scanner of
/// LocalisationTests cannot see (they are data, not T["..."] calls): every one must be translated here too.
/// </summary>
public sealed partial class PlaybookTranslationTests
{
    public static TheoryData<string> Languages => ["ar", "pl"];

    private static IEnumerable<string> CatalogueKeys() =>
        TacticCatalogue.All.SelectMany(t => new[] { t.Name, t.Summary, t.SuitedTo, t.OwnerRole });

    private static IEnumerable<string> ProposalKeys()
    {
        foreach (var profile in PlaybookRulesTests.Sweep().Concat([PlaybookRulesTests.Profile(size: 10, pains: PainPoints.Growth)]))
        {
            var p = PlaybookRules.Propose(profile, TacticCatalogue.All);
            var texts = p.Initiatives.SelectMany(i => i.Reasons.Select(r => r.Text).Append(i.OwnerRole).Append(i.Name).Append(i.Summary))
                .Concat(p.Skipped.Select(s => s.Reason))
                .Concat(p.Milestones.Select(m => m.Text))
                .Concat(p.Goals.SelectMany(g => new[] { g.Title, g.Description, g.Kpi.Name }))
                .Concat(p.Outline.SelectMany(q => q.Months).SelectMany(m => m.Items))
                .Concat(p.Templates.SelectMany(t => t.Lines.Select(l => l.Text).OfType<LocalisedText>().Append(t.Title)));
            foreach (var key in texts.SelectMany(t => t.Keys()))
            {
                yield return key;
            }
        }
    }

    private static IEnumerable<string> ValidationKeys()
    {
        var bad = new PlaybookAnswers
        {
            CompanyName = new string('x', 201), CompanySize = 0, DepartmentIds = [42], FrontlineSharePercent = 101,
            Channels = ["Pigeon"], BudgetPerEmployee = -1, PainPoints = ["Boredom"], StartsOn = new DateOnly(1990, 1, 1),
        };
        var (_, errors) = bad.Validate(new HashSet<int>(), new DateOnly(2025, 1, 1), "Acme", "EUR");
        var (_, more) = new PlaybookAnswers { CompanySize = 3, DepartmentCount = 4, BudgetPerEmployee = 1.234m }
            .Validate(new HashSet<int>(), new DateOnly(2025, 1, 1), "Acme", "EUR");
        var (_, none) = new PlaybookAnswers().Validate(new HashSet<int>(), new DateOnly(2025, 1, 1), "Acme", "EUR");
        return errors.Concat(more).Concat(none).SelectMany(e => e.Message.Keys());
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_catalogue_and_playbook_text_is_translated_with_its_placeholders(string language)
    {
        var translations = Resx(language);
        var keys = CatalogueKeys().Concat(ProposalKeys()).Concat(ValidationKeys()).ToHashSet(StringComparer.Ordinal);

        var missing = keys.Where(k => string.IsNullOrWhiteSpace(translations.GetValueOrDefault(k))).Order(StringComparer.Ordinal).ToList();
        var wrong = keys.Where(k => translations.TryGetValue(k, out var v) && !Placeholders(k).SetEquals(Placeholders(v))).ToList();

        Assert.True(keys.Count > 150, $"only {keys.Count} keys found");
        Assert.True(missing.Count == 0, $"Strings.{language}.resx lacks:\n{string.Join('\n', missing)}");
        Assert.Empty(wrong);
    }

    private static Dictionary<string, string> Resx(string language)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "Inward.slnx")))
        {
            dir = dir.Parent;
        }
        var path = Path.Combine(dir.FullName, "src", "Inward", "Resources", $"Strings.{language}.resx");
        return XDocument.Load(path).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);
    }

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"\{\d+(?:,-?\d+)?(?::[^}]*)?\}")]
    private static partial Regex Placeholder();
}
