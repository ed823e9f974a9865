using Inward.Features.Audiences;

namespace Inward.Tests.Audiences;

/// <summary>
/// The feed's audience index must never hide a post from someone its rule reaches: whenever the exact rule matches, the
/// rule's keys and the person's keys intersect. Checked over every person of a small universe against many rules.
/// </summary>
public sealed class AudienceIndexTests
{
    // 1 → 2 → 3 → 4 and 1 → 5; 6 is a loose root.
    private static readonly DepartmentTree Tree = new([(1, null), (2, 1), (3, 2), (4, 3), (5, 1), (6, null)]);
    private static readonly DateOnly Today = new(2026, 6, 30);

    private static IEnumerable<MemberFacts> Universe()
    {
        int?[] departments = [null, 1, 2, 3, 4, 5, 6];
        int?[] locations = [null, 10, 11];
        int?[] roles = [null, 20, 21];
        int[][] groups = [[], [30], [30, 31]];
        string[] languages = ["en", "en-GB", "pl", "AR"];
        int?[] hired = [null, 10, 400];
        foreach (var d in departments)
        foreach (var l in locations)
        foreach (var r in roles)
        foreach (var g in groups)
        foreach (var lang in languages)
        foreach (var h in hired)
        foreach (var frontline in new[] { false, true })
        foreach (var manages in new[] { false, true })
        {
            yield return new MemberFacts
            {
                EmployeeId = 1, DepartmentId = d, LocationId = l, JobRoleId = r, GroupIds = g, Language = lang, IsFrontline = frontline, ManagesOthers = manages,
                HireDate = h is { } days ? Today.AddDays(-days) : null,
            };
        }
        yield return MemberFacts.Partner(40);
        yield return MemberFacts.Partner(41);
    }

    private static AudienceClause RandomClause(Random random)
    {
        List<T> Some<T>(T[] values) => random.Next(3) == 0 ? [.. values.Where(_ => random.Next(2) == 0)] : [];
        var clause = new AudienceClause
        {
            Everyone = random.Next(6) == 0,
            Departments = Some([new DepartmentChoice(1, true), new(2, false), new(2, true), new(3, true), new(4, false), new(5, true), new(6, false)]),
            Locations = Some([10, 11]),
            JobRoles = Some([20, 21]),
            Groups = Some([30, 31]),
            Languages = Some(["en", "EN-gb", "pl", "ar"]),
            HiredWithinDays = random.Next(5) == 0 ? 30 : null,
            HiredMoreThanDays = random.Next(5) == 0 ? 100 : null,
            Frontline = random.Next(4) switch { 0 => true, 1 => false, _ => null },
            ManagesOthers = random.Next(4) switch { 0 => true, 1 => false, _ => null },
            PartnerOrganisations = random.Next(8) == 0 ? Some([40, 41]) : [],
        };
        return clause.IsBlank ? new AudienceClause { Everyone = true } : clause;
    }

    [Fact]
    public void Whenever_a_rule_reaches_a_person_their_keys_meet()
    {
        var people = Universe().Select(f => (Facts: f, Keys: AudienceIndex.KeysOfReader(f, Tree))).ToList();
        var random = new Random(20261123);
        var matches = 0;
        for (var i = 0; i < 1500; i++)
        {
            var rule = new AudienceRule
            {
                Include = [.. Enumerable.Range(0, 1 + random.Next(3)).Select(_ => RandomClause(random))],
                Exclude = random.Next(3) == 0 ? [RandomClause(random)] : [],
            };
            var keys = AudienceIndex.KeysOf(rule);
            foreach (var (facts, readerKeys) in people)
            {
                if (AudienceRules.Matches(rule, facts, Tree, Today))
                {
                    matches++;
                    Assert.True(keys.Overlaps(readerKeys), $"{rule.ToJson()} reaches a person with keys {string.Join(' ', readerKeys)} but is filed under {string.Join(' ', keys)}");
                }
            }
        }
        Assert.True(matches > 10_000, "the random rules should reach many people");
    }

    [Fact]
    public void A_clause_is_filed_under_its_most_selective_criterion()
    {
        Assert.Equal(["*"], AudienceIndex.KeysOf(AudienceRule.EveryoneInternal()));
        Assert.Equal(["d:4", "ds:2"], AudienceIndex.KeysOf(new AudienceRule { Include = [new() { Departments = [new(2, true), new(4, false)], Locations = [10] }] }).Order(StringComparer.Ordinal));
        Assert.Equal(["l:10"], AudienceIndex.KeysOf(new AudienceRule { Include = [new() { Locations = [10], JobRoles = [20] }] }));
        Assert.Equal(["*"], AudienceIndex.KeysOf(new AudienceRule { Include = [new() { HiredWithinDays = 90 }] }));
        Assert.Equal(["lang:en"], AudienceIndex.KeysOf(new AudienceRule { Include = [new() { Languages = ["EN-gb"] }] }));
        Assert.Equal(["p:40"], AudienceIndex.KeysOf(new AudienceRule { Include = [new() { PartnerOrganisations = [40] }] }));
        Assert.Empty(AudienceIndex.KeysOf(new AudienceRule { Include = [new()] }));
    }

    [Fact]
    public void A_person_is_filed_under_their_facts_and_every_department_above_theirs()
    {
        var keys = AudienceIndex.KeysOfReader(new MemberFacts { EmployeeId = 1, DepartmentId = 4, LocationId = 10, JobRoleId = 20, GroupIds = [31], Language = "pl-PL" }, Tree);
        Assert.Equal(["*", "d:4", "ds:1", "ds:2", "ds:3", "ds:4", "g:31", "l:10", "lang:pl", "r:20"], keys.Order(StringComparer.Ordinal));
        Assert.Equal(["p:40"], AudienceIndex.KeysOfReader(MemberFacts.Partner(40), Tree));
        Assert.Empty(AudienceIndex.KeysOfReader(new MemberFacts { EmployeeId = 1, IsActive = false }, Tree));
    }
}
