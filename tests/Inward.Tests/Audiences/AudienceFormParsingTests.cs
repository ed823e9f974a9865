using Inward.Features.Audiences;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Inward.Tests.Audiences;

/// <summary>The editor's posted fields → AudienceRule (the pure part of the form binder).</summary>
public sealed class AudienceFormParsingTests
{
    private static FormCollection Form(params (string Key, string[] Values)[] fields) =>
        new(fields.ToDictionary(f => f.Key, f => new StringValues(f.Values), StringComparer.Ordinal));

    [Fact]
    public void Posted_fields_become_clauses_and_blank_clauses_are_skipped()
    {
        var form = Form(
            ("A.Include[0].Departments", ["3", "4"]),
            ("A.Include[0].DepartmentsOnly", ["5", "3"]),
            ("A.Include[0].Locations", ["10"]),
            ("A.Include[0].HiredWithinDays", ["90"]),
            ("A.Include[0].Frontline", ["desk"]),
            ("A.Include[0].Languages", ["pl", "PL", ""]),
            ("A.Include[1].Locations", [""]),
            ("A.Include[1].Frontline", [""]),
            ("A.Include[2].Everyone", ["true"]),
            ("A.Include[2].Frontline", ["frontline"]),
            ("A.Exclude[0].Groups", ["30"]),
            ("A.Exclude[1].PartnerOrganisations", []),
            ("B.Include[0].Everyone", ["true"]),
            ("__RequestVerificationToken", ["x"]));

        var (rule, errors, include, exclude) = AudienceForms.Parse(form, "A");

        Assert.Empty(errors);
        Assert.Equal([0, 2], include);
        Assert.Equal([0], exclude);
        Assert.Equal(2, rule.Include.Count);
        var first = rule.Include[0];
        Assert.Equal([(3, true), (4, true), (5, false)], first.Departments.Select(d => (d.Id, d.IncludeSubDepartments)).ToList());
        Assert.Equal([10], first.Locations);
        Assert.Equal(90, first.HiredWithinDays);
        Assert.False(first.Frontline);
        Assert.Equal(["pl"], first.Languages);
        Assert.True(rule.Include[1].Everyone);
        Assert.True(rule.Include[1].Frontline);
        Assert.Equal([30], Assert.Single(rule.Exclude).Groups);
    }

    [Fact]
    public void Values_that_are_not_numbers_are_reported_on_their_field()
    {
        var form = Form(("A.Include[0].Locations", ["ten"]), ("A.Include[0].HiredMoreThanDays", ["1e3"]));

        var (_, errors, _, _) = AudienceForms.Parse(form, "A");

        Assert.Contains(errors, e => e.Field == "A.Include[0].Locations" && e.Message == "Choose from the list.");
        Assert.Contains(errors, e => e.Field == "A.Include[0].HiredMoreThanDays" && e.Message == "Enter a whole number of days.");
    }

    [Fact]
    public void Nothing_posted_is_an_empty_rule_and_negative_days_are_kept_for_validation()
    {
        Assert.Empty(AudienceForms.Parse(Form(), "A").Rule.Include);
        var (rule, errors, _, _) = AudienceForms.Parse(Form(("A.Include[0].HiredWithinDays", ["-3"])), "A");
        Assert.Empty(errors);
        Assert.Equal(-3, Assert.Single(rule.Include).HiredWithinDays);
    }

    [Theory]
    [InlineData("Audience", true)]
    [InlineData("Post_Audience2", true)]
    [InlineData("", false)]
    [InlineData("1abc", false)]
    [InlineData("a.b", false)]
    [InlineData("a\"><script>", false)]
    public void Only_plain_prefixes_are_accepted(string prefix, bool ok) =>
        Assert.Equal(ok, AudienceForms.IsValidPrefix(prefix));
}
