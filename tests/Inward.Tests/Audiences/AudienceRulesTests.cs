using System.Text.Json;
using Inward.Features.Audiences;

namespace Inward.Tests.Audiences;

/// <summary>The pure audience evaluator and validator: every criterion, precedence, boundaries, JSON.</summary>
public sealed class AudienceRulesTests
{
    // Tree: 1 Company → 2 Operations → 3 Logistics → 4 Warehouse; 1 → 5 Sales. 6 is a loose root.
    private static readonly DepartmentTree Tree = new([(1, null), (2, 1), (3, 2), (4, 3), (5, 1), (6, null)]);
    private static readonly DateOnly Today = new(2026, 6, 30);

    private static readonly AudienceKnownIds Known = new(
        new HashSet<int> { 1, 2, 3, 4, 5, 6 }, new HashSet<int> { 10, 11 }, new HashSet<int> { 20, 21 },
        new HashSet<int> { 30, 31 }, new HashSet<int> { 40, 41 });

    private static MemberFacts Person(int department = 3, int location = 10, int role = 20, int[]? groups = null,
        int hiredDaysAgo = 400, bool frontline = false, string language = "en", bool active = true) => new()
    {
        EmployeeId = 1000, DepartmentId = department, LocationId = location, JobRoleId = role, GroupIds = groups ?? [],
        HireDate = Today.AddDays(-hiredDaysAgo), IsFrontline = frontline, Language = language, IsActive = active,
    };

    private static AudienceRule Rule(params AudienceClause[] include) => new() { Include = [.. include] };

    private static bool In(AudienceRule rule, MemberFacts facts) => AudienceRules.Matches(rule, facts, Tree, Today);

    [Fact]
    public void Everyone_reaches_every_active_employee()
    {
        var rule = Rule(new AudienceClause { Everyone = true });
        Assert.True(In(rule, Person()));
        Assert.True(In(rule, Person(department: 6, frontline: true, language: "pl")));
        Assert.True(In(rule, Person() with { DepartmentId = null, LocationId = null, JobRoleId = null, HireDate = null }));
    }

    [Fact]
    public void Inactive_people_never_match_whatever_the_rule()
    {
        var inactive = Person(active: false);
        Assert.False(In(Rule(new AudienceClause { Everyone = true }), inactive));
        Assert.False(In(Rule(new AudienceClause { Departments = [new(3, false)] }), inactive));
        Assert.False(In(Rule(new AudienceClause { PartnerOrganisations = [40] }), MemberFacts.Partner(40, isActive: false)));
    }

    [Fact]
    public void A_department_with_sub_departments_reaches_everyone_below_it()
    {
        var rule = Rule(new AudienceClause { Departments = [new(2, true)] });
        Assert.True(In(rule, Person(department: 2)));
        Assert.True(In(rule, Person(department: 3)));
        Assert.True(In(rule, Person(department: 4)));
        Assert.False(In(rule, Person(department: 1)));
        Assert.False(In(rule, Person(department: 5)));
        Assert.False(In(rule, Person(department: 6)));
        Assert.False(In(rule, Person() with { DepartmentId = null }));
    }

    [Fact]
    public void A_department_without_sub_departments_reaches_only_its_own_members()
    {
        var rule = Rule(new AudienceClause { Departments = [new(2, false)] });
        Assert.True(In(rule, Person(department: 2)));
        Assert.False(In(rule, Person(department: 3)));
        Assert.False(In(rule, Person(department: 4)));
    }

    [Fact]
    public void Several_departments_are_alternatives_each_with_its_own_sub_department_choice()
    {
        var rule = Rule(new AudienceClause { Departments = [new(5, false), new(3, true)] });
        Assert.True(In(rule, Person(department: 5)));
        Assert.True(In(rule, Person(department: 4)));
        Assert.False(In(rule, Person(department: 2)));
    }

    [Fact]
    public void Department_trees_with_a_cycle_do_not_hang()
    {
        var cyclic = new DepartmentTree([(1, 2), (2, 1), (3, null)]);
        Assert.False(cyclic.IsWithin(1, 3));
        Assert.True(cyclic.IsWithin(1, 2));
        Assert.False(cyclic.IsWithin(99, 3));
    }

    [Fact]
    public void Location_job_role_and_group_each_accept_any_of_their_values()
    {
        Assert.True(In(Rule(new AudienceClause { Locations = [11, 10] }), Person(location: 10)));
        Assert.False(In(Rule(new AudienceClause { Locations = [11] }), Person(location: 10)));
        Assert.False(In(Rule(new AudienceClause { Locations = [11] }), Person() with { LocationId = null }));
        Assert.True(In(Rule(new AudienceClause { JobRoles = [21, 20] }), Person(role: 21)));
        Assert.False(In(Rule(new AudienceClause { JobRoles = [21] }), Person(role: 20)));
        Assert.False(In(Rule(new AudienceClause { JobRoles = [21] }), Person() with { JobRoleId = null }));
        Assert.True(In(Rule(new AudienceClause { Groups = [31] }), Person(groups: [30, 31])));
        Assert.True(In(Rule(new AudienceClause { Groups = [30, 31] }), Person(groups: [31])));
        Assert.False(In(Rule(new AudienceClause { Groups = [31] }), Person(groups: [30])));
        Assert.False(In(Rule(new AudienceClause { Groups = [31] }), Person()));
    }

    [Fact]
    public void All_criteria_of_a_clause_must_hold()
    {
        var rule = Rule(new AudienceClause { Departments = [new(2, true)], Locations = [10], Frontline = true });
        Assert.True(In(rule, Person(department: 3, location: 10, frontline: true)));
        Assert.False(In(rule, Person(department: 3, location: 11, frontline: true)));
        Assert.False(In(rule, Person(department: 3, location: 10, frontline: false)));
        Assert.False(In(rule, Person(department: 5, location: 10, frontline: true)));
    }

    [Fact]
    public void Any_include_clause_is_enough()
    {
        var rule = Rule(new AudienceClause { Departments = [new(5, false)] }, new AudienceClause { Locations = [11] });
        Assert.True(In(rule, Person(department: 5, location: 10)));
        Assert.True(In(rule, Person(department: 3, location: 11)));
        Assert.False(In(rule, Person(department: 3, location: 10)));
    }

    [Fact]
    public void An_exclude_clause_wins_over_every_include_clause()
    {
        var rule = new AudienceRule
        {
            Include = [new AudienceClause { Everyone = true }, new AudienceClause { Departments = [new(3, false)] }],
            Exclude = [new AudienceClause { Departments = [new(4, false)] }, new AudienceClause { Groups = [30] }],
        };
        Assert.True(In(rule, Person(department: 3)));
        Assert.False(In(rule, Person(department: 4)));
        Assert.False(In(rule, Person(department: 3, groups: [30])));
        // An exclude clause also needs all of its criteria: Warehouse at location 11 only.
        var narrow = new AudienceRule
        {
            Include = [new AudienceClause { Everyone = true }],
            Exclude = [new AudienceClause { Departments = [new(4, false)], Locations = [11] }],
        };
        Assert.True(In(narrow, Person(department: 4, location: 10)));
        Assert.False(In(narrow, Person(department: 4, location: 11)));
    }

    [Fact]
    public void A_rule_with_only_exclude_clauses_reaches_nobody()
    {
        var rule = new AudienceRule { Exclude = [new AudienceClause { Departments = [new(4, false)] }] };
        Assert.False(In(rule, Person(department: 3)));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(89, true)]
    [InlineData(90, true)]
    [InlineData(91, false)]
    [InlineData(-5, true)]
    public void Hired_within_the_last_90_days_includes_day_90_and_not_day_91(int daysAgo, bool expected) =>
        Assert.Equal(expected, In(Rule(new AudienceClause { HiredWithinDays = 90 }), Person(hiredDaysAgo: daysAgo)));

    [Theory]
    [InlineData(0, false)]
    [InlineData(90, false)]
    [InlineData(91, true)]
    [InlineData(4000, true)]
    public void Hired_more_than_90_days_ago_excludes_day_90_and_includes_day_91(int daysAgo, bool expected) =>
        Assert.Equal(expected, In(Rule(new AudienceClause { HiredMoreThanDays = 90 }), Person(hiredDaysAgo: daysAgo)));

    [Fact]
    public void Tenure_ranges_combine_and_people_without_a_hire_date_match_no_tenure_criterion()
    {
        var secondYear = Rule(new AudienceClause { HiredMoreThanDays = 365, HiredWithinDays = 730 });
        Assert.False(In(secondYear, Person(hiredDaysAgo: 365)));
        Assert.True(In(secondYear, Person(hiredDaysAgo: 366)));
        Assert.True(In(secondYear, Person(hiredDaysAgo: 730)));
        Assert.False(In(secondYear, Person(hiredDaysAgo: 731)));
        Assert.False(In(Rule(new AudienceClause { HiredWithinDays = 90 }), Person() with { HireDate = null }));
        Assert.False(In(Rule(new AudienceClause { HiredMoreThanDays = 0 }), Person() with { HireDate = null }));
    }

    [Fact]
    public void Frontline_and_desk_select_their_own_people()
    {
        Assert.True(In(Rule(new AudienceClause { Frontline = true }), Person(frontline: true)));
        Assert.False(In(Rule(new AudienceClause { Frontline = true }), Person(frontline: false)));
        Assert.True(In(Rule(new AudienceClause { Frontline = false }), Person(frontline: false)));
        Assert.False(In(Rule(new AudienceClause { Frontline = false }), Person(frontline: true)));
    }

    [Theory]
    [InlineData("pl", "pl", true)]
    [InlineData("PL", "pl", true)]
    [InlineData("pl", "PL", true)]
    [InlineData(" en ", "en", true)]
    [InlineData("en", "en-GB", true)]
    [InlineData("en", "EN_us", true)]
    [InlineData("en-GB", "en", false)]
    [InlineData("en", "eng", false)]
    [InlineData("ar", "en", false)]
    [InlineData("en", "", false)]
    public void Languages_match_case_insensitively_and_a_bare_language_covers_its_regions(string wanted, string actual, bool expected) =>
        Assert.Equal(expected, In(Rule(new AudienceClause { Languages = [wanted] }), Person(language: actual)));

    [Fact]
    public void Several_languages_are_alternatives()
    {
        var rule = Rule(new AudienceClause { Languages = ["ar", "pl"] });
        Assert.True(In(rule, Person(language: "ar")));
        Assert.True(In(rule, Person(language: "pl")));
        Assert.False(In(rule, Person(language: "en")));
    }

    [Fact]
    public void Partners_are_reached_only_by_a_clause_naming_their_organisation()
    {
        var partner = MemberFacts.Partner(40);
        Assert.False(In(Rule(new AudienceClause { Everyone = true }), partner));
        Assert.False(In(Rule(new AudienceClause { Languages = ["en"] }), partner));
        Assert.False(In(Rule(new AudienceClause { Frontline = false }), partner));
        Assert.False(In(Rule(new AudienceClause { PartnerOrganisations = [41] }), partner));
        Assert.True(In(Rule(new AudienceClause { PartnerOrganisations = [41, 40] }), partner));
        Assert.True(In(Rule(new AudienceClause { Everyone = true }, new AudienceClause { PartnerOrganisations = [40] }), partner));
        // Mixed with employee criteria the clause is invalid, and it reaches no partner.
        Assert.False(In(Rule(new AudienceClause { PartnerOrganisations = [40], Everyone = true }), partner));
        Assert.False(In(Rule(new AudienceClause { PartnerOrganisations = [40], Locations = [10] }), partner));
        // Excluding the organisation takes its users out again.
        var excluded = new AudienceRule
        {
            Include = [new AudienceClause { PartnerOrganisations = [40, 41] }],
            Exclude = [new AudienceClause { PartnerOrganisations = [40] }],
        };
        Assert.False(In(excluded, partner));
        Assert.True(In(excluded, MemberFacts.Partner(41)));
    }

    [Fact]
    public void Employees_are_not_reached_by_partner_clauses_nor_excluded_by_them()
    {
        Assert.False(In(Rule(new AudienceClause { PartnerOrganisations = [40] }), Person()));
        var rule = new AudienceRule
        {
            Include = [new AudienceClause { Everyone = true }],
            Exclude = [new AudienceClause { PartnerOrganisations = [40] }],
        };
        Assert.True(In(rule, Person()));
    }

    [Fact]
    public void A_blank_clause_matches_nobody()
    {
        Assert.False(In(Rule(new AudienceClause()), Person()));
        Assert.True(In(new AudienceRule { Include = [new AudienceClause { Everyone = true }], Exclude = [new AudienceClause()] }, Person()));
    }

    [Fact]
    public void Evaluation_is_deterministic()
    {
        var rule = Rule(new AudienceClause { Departments = [new(2, true)], HiredWithinDays = 90, Languages = ["pl"] });
        var person = Person(department: 4, hiredDaysAgo: 90, language: "PL");
        var first = In(rule, person);
        Assert.True(first);
        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(first, In(rule, person));
        }
    }

    [Fact]
    public void An_empty_rule_is_invalid_and_asks_who_it_is_for()
    {
        foreach (var rule in new AudienceRule?[] { null, new(), new() { Exclude = [new AudienceClause { Everyone = true }] } })
        {
            var error = Assert.Single(AudienceRules.Validate(rule, Known));
            Assert.Equal("Choose who it is for: add at least one include clause.", error.Message);
        }
    }

    [Fact]
    public void A_valid_rule_has_no_errors()
    {
        var rule = new AudienceRule
        {
            Include =
            [
                new AudienceClause { Departments = [new(1, true), new(5, false)], Locations = [10], JobRoles = [20], Groups = [30],
                    HiredWithinDays = 90, HiredMoreThanDays = 10, Frontline = true, Languages = ["en", "pt-BR"] },
                new AudienceClause { PartnerOrganisations = [40, 41] },
            ],
            Exclude = [new AudienceClause { Everyone = true, Languages = ["ar"] }],
        };
        Assert.Empty(AudienceRules.Validate(rule, Known));
    }

    [Fact]
    public void Unknown_ids_are_reported_per_criterion_with_the_ids()
    {
        var rule = new AudienceRule
        {
            Include = [new AudienceClause { Departments = [new(99, true)], Locations = [98], JobRoles = [97], Groups = [96, 30] }],
            Exclude = [new AudienceClause { PartnerOrganisations = [95] }],
        };
        var errors = AudienceRules.Validate(rule, Known);
        Assert.Equal(5, errors.Count);
        Assert.Contains(errors, e => e.Field == "Include[0].Departments" && e.Message == "Unknown department: {0}." && (string)e.Arguments[0] == "99");
        Assert.Contains(errors, e => e.Field == "Include[0].Locations" && e.Message == "Unknown location: {0}." && (string)e.Arguments[0] == "98");
        Assert.Contains(errors, e => e.Field == "Include[0].JobRoles" && e.Message == "Unknown job role: {0}." && (string)e.Arguments[0] == "97");
        Assert.Contains(errors, e => e.Field == "Include[0].Groups" && e.Message == "Unknown group: {0}." && (string)e.Arguments[0] == "96");
        Assert.Contains(errors, e => e.Field == "Exclude[0].PartnerOrganisations" && e.Message == "Unknown partner organisation: {0}." && (string)e.Arguments[0] == "95");
    }

    [Theory]
    [InlineData(-1, null, "Include[0].HiredWithinDays")]
    [InlineData(null, -1, "Include[0].HiredMoreThanDays")]
    [InlineData(36501, null, "Include[0].HiredWithinDays")]
    [InlineData(30, 60, "Include[0].HiredMoreThanDays")]
    [InlineData(30, 30, "Include[0].HiredMoreThanDays")]
    public void Impossible_tenure_is_invalid(int? within, int? moreThan, string field)
    {
        var rule = Rule(new AudienceClause { HiredWithinDays = within, HiredMoreThanDays = moreThan });
        var error = Assert.Single(AudienceRules.Validate(rule, Known));
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void Blank_clauses_bad_languages_mixed_partner_clauses_and_too_many_clauses_are_invalid()
    {
        Assert.Equal("Each clause needs at least one criterion.",
            Assert.Single(AudienceRules.Validate(Rule(new AudienceClause()), Known)).Message);
        Assert.Equal("Include[0].Languages",
            Assert.Single(AudienceRules.Validate(Rule(new AudienceClause { Languages = ["<script>"] }), Known)).Field);
        Assert.Equal("Include[0].PartnerOrganisations",
            Assert.Single(AudienceRules.Validate(Rule(new AudienceClause { PartnerOrganisations = [40], Frontline = true }), Known)).Field);
        var many = Rule([.. Enumerable.Range(0, AudienceRule.MaxClauses + 1).Select(_ => new AudienceClause { Everyone = true })]);
        Assert.Contains(AudienceRules.Validate(many, Known), e => e.Message == "An audience can have at most {0} clauses.");
        Assert.Contains(AudienceRules.Validate(new AudienceRule { Version = 2, Include = [new AudienceClause { Everyone = true }] }, Known),
            e => e.Field == "Version");
    }

    [Fact]
    public void Json_round_trip_is_stable_and_keeps_the_shape()
    {
        var rule = new AudienceRule
        {
            Include =
            [
                new AudienceClause { Departments = [new(3, true), new(5, false)], Locations = [10], JobRoles = [20, 21], Groups = [30],
                    HiredWithinDays = 90, HiredMoreThanDays = 7, Frontline = false, Languages = ["pl"] },
                new AudienceClause { PartnerOrganisations = [40] },
            ],
            Exclude = [new AudienceClause { Everyone = true, Frontline = true }],
        };
        var json = rule.ToJson();
        var again = AudienceRule.FromJson(json)!;
        Assert.Equal(json, again.ToJson());
        Assert.Equal(
            """{"version":1,"include":[{"everyone":false,"departments":[{"id":3,"includeSubDepartments":true},{"id":5,"includeSubDepartments":false}],"locations":[10],"jobRoles":[20,21],"groups":[30],"hiredWithinDays":90,"hiredMoreThanDays":7,"frontline":false,"managesOthers":null,"languages":["pl"],"partnerOrganisations":[]},{"everyone":false,"departments":[],"locations":[],"jobRoles":[],"groups":[],"hiredWithinDays":null,"hiredMoreThanDays":null,"frontline":null,"managesOthers":null,"languages":[],"partnerOrganisations":[40]}],"exclude":[{"everyone":true,"departments":[],"locations":[],"jobRoles":[],"groups":[],"hiredWithinDays":null,"hiredMoreThanDays":null,"frontline":true,"managesOthers":null,"languages":[],"partnerOrganisations":[]}]}""",
            json);
        var person = Person(department: 4, location: 10, role: 21, groups: [30], hiredDaysAgo: 60, language: "pl");
        Assert.Equal(In(rule, person), In(again, person));
        Assert.True(In(again, person));
    }

    [Fact]
    public void Stored_json_with_missing_or_null_lists_reads_as_empty_lists()
    {
        var rule = AudienceRule.FromJson("""{"version":1,"include":[{"everyone":true,"departments":null}],"exclude":null}""")!;
        Assert.Empty(rule.Exclude);
        Assert.Empty(rule.Include[0].Departments);
        Assert.Empty(rule.Include[0].Locations);
        Assert.True(In(rule, Person()));
        Assert.Null(AudienceRule.FromJson(" "));
        Assert.Throws<JsonException>(() => AudienceRule.FromJson("{not json"));
    }
}
