using Inward.Features.Audiences;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Inward.Tests.Audiences;

/// <summary>The "level" criterion: people who manage others (e.g. to train every manager) or people who manage nobody.</summary>
public sealed class AudienceLevelTests
{
    private static readonly DepartmentTree Tree = new([(1, null), (2, 1)]);
    private static readonly DateOnly Today = new(2026, 6, 30);

    private static MemberFacts Person(bool managesOthers, int department = 2) => new()
    {
        EmployeeId = 7, DepartmentId = department, LocationId = 10, JobRoleId = 20, HireDate = Today.AddDays(-400), ManagesOthers = managesOthers,
    };

    private static AudienceRule Rule(AudienceClause clause) => new() { Include = [clause] };

    [Fact]
    public void Managers_clause_reaches_only_people_with_reports()
    {
        var rule = Rule(new AudienceClause { ManagesOthers = true });
        Assert.True(AudienceRules.Matches(rule, Person(true), Tree, Today));
        Assert.False(AudienceRules.Matches(rule, Person(false), Tree, Today));
    }

    [Fact]
    public void Manages_nobody_clause_reaches_only_people_without_reports()
    {
        var rule = Rule(new AudienceClause { ManagesOthers = false });
        Assert.False(AudienceRules.Matches(rule, Person(true), Tree, Today));
        Assert.True(AudienceRules.Matches(rule, Person(false), Tree, Today));
    }

    [Fact]
    public void Level_combines_with_other_criteria_of_the_clause()
    {
        var rule = Rule(new AudienceClause { ManagesOthers = true, Departments = [new DepartmentChoice(1, true)] });
        Assert.True(AudienceRules.Matches(rule, Person(true, department: 2), Tree, Today));
        Assert.False(AudienceRules.Matches(rule, Person(true) with { DepartmentId = null }, Tree, Today));
        Assert.False(AudienceRules.Matches(rule, Person(false, department: 2), Tree, Today));
    }

    [Fact]
    public void Level_can_exclude_managers()
    {
        var rule = new AudienceRule { Include = [new AudienceClause { Everyone = true }], Exclude = [new AudienceClause { ManagesOthers = true }] };
        Assert.False(AudienceRules.Matches(rule, Person(true), Tree, Today));
        Assert.True(AudienceRules.Matches(rule, Person(false), Tree, Today));
    }

    [Fact]
    public void Level_is_an_employee_criterion_partners_never_match_it()
    {
        var clause = new AudienceClause { ManagesOthers = true };
        Assert.False(clause.IsBlank);
        Assert.True(clause.HasEmployeeCriteria);
        Assert.False(AudienceRules.Matches(Rule(clause), MemberFacts.Partner(40), Tree, Today));
        var mixed = new AudienceClause { ManagesOthers = true, PartnerOrganisations = [40] };
        var errors = AudienceRules.Validate(Rule(mixed), new AudienceKnownIds(new HashSet<int>(), new HashSet<int>(), new HashSet<int>(),
            new HashSet<int>(), new HashSet<int> { 40 }));
        Assert.Contains(errors, e => e.Field == "Include[0].PartnerOrganisations");
    }

    [Fact]
    public void A_level_only_clause_is_filed_under_everyone_in_the_feed_index()
    {
        var keys = AudienceIndex.KeysOf(Rule(new AudienceClause { ManagesOthers = true }));
        Assert.Equal([AudienceIndex.Everyone], keys);
        Assert.Contains(AudienceIndex.Everyone, AudienceIndex.KeysOfReader(Person(true), Tree));
    }

    [Fact]
    public void Level_survives_json_and_the_editor_fields()
    {
        var rule = Rule(new AudienceClause { ManagesOthers = true });
        Assert.True(AudienceRule.FromJson(rule.ToJson())!.Include[0].ManagesOthers);
        var form = new FormCollection(new Dictionary<string, StringValues>
        {
            ["A.Include[0].ManagesOthers"] = "managers",
            ["A.Include[1].ManagesOthers"] = "others",
            ["A.Include[2].ManagesOthers"] = "",
        });
        var (parsed, errors, _, _) = AudienceForms.Parse(form, "A");
        Assert.Empty(errors);
        Assert.Equal([true, false], parsed.Include.Select(c => c.ManagesOthers));
    }
}
