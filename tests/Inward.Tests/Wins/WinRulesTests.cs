using Inward.Features.Audiences;
using Inward.Features.Comments;
using Inward.Features.Wins;

namespace Inward.Tests.Wins;

/// <summary>Win validation, credited people and the success-story draft: pure functions.</summary>
public sealed class WinRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static WinInput Valid(string? title = "Big contract", string? kind = "ContractSigned", string? description = "We won it.",
        string? wonOn = "2026-11-20", string? evidence = null, string? url = null) => new(title, kind, description, wonOn, evidence, url);

    private static IEnumerable<string> Fields(WinCheck check) => check.Errors.Select(e => e.Field);

    [Fact]
    public void A_complete_win_is_valid_and_parsed()
    {
        var check = WinRules.Check(Valid(kind: "customerpraise", url: "https://crm.example/x"), Today);
        Assert.True(check.IsValid);
        Assert.Equal(WinKind.CustomerPraise, check.Kind);
        Assert.Equal(new DateOnly(2026, 11, 20), check.WonOn);
    }

    [Fact]
    public void Title_kind_description_and_date_are_required()
    {
        var check = WinRules.Check(new WinInput(" ", null, "", null, null, null), Today);
        Assert.Equal(["Title", "Kind", "Description", "WonOn"], Fields(check));
    }

    [Theory]
    [InlineData("Bragging")]
    [InlineData("7")]
    [InlineData("")]
    public void Unknown_kinds_are_refused(string kind) =>
        Assert.Equal(["Kind"], Fields(WinRules.Check(Valid(kind: kind), Today)));

    [Fact]
    public void Too_long_fields_are_refused()
    {
        var check = WinRules.Check(Valid(title: new string('x', 201), description: new string('x', 4001), evidence: new string('x', 2001)), Today);
        Assert.Equal(["Title", "Description", "Evidence"], Fields(check));
    }

    [Theory]
    [InlineData("2026-11-24")]
    [InlineData("1999-12-31")]
    [InlineData("23/11/2026")]
    public void Dates_in_the_future_before_2000_or_badly_written_are_refused(string date) =>
        Assert.Equal(["WonOn"], Fields(WinRules.Check(Valid(wonOn: date), Today)));

    [Fact]
    public void Today_is_a_valid_date() => Assert.True(WinRules.Check(Valid(wonOn: "2026-11-23"), Today).IsValid);

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://files.example/x")]
    [InlineData("/relative/path")]
    [InlineData("data:text/html,<script>")]
    public void Evidence_links_must_be_web_addresses(string url) =>
        Assert.Equal(["EvidenceUrl"], Fields(WinRules.Check(Valid(url: url), Today)));

    [Fact]
    public void Credited_people_are_found_by_name_or_e_mail_and_unknown_or_ambiguous_ones_are_errors()
    {
        MentionablePerson[] directory =
        [
            new(1, "Anna Kowalska", "anna@firm.example"), new(2, "Jan Nowak", "jan@firm.example"), new(3, "Jan Nowak", "jan2@firm.example"),
        ];
        var (ids, errors) = WinRules.ResolvePeople("anna kowalska, @jan2@firm.example;\nNobody Here\nJan Nowak, Anna Kowalska", directory);
        Assert.Equal([1, 3], ids);
        Assert.Equal(["Nobody Here", "Jan Nowak"], errors.Select(e => (string)e.Arguments[0]));
    }

    [Fact]
    public void No_credited_people_is_fine()
    {
        var (ids, errors) = WinRules.ResolvePeople("  ,  ", []);
        Assert.Empty(ids);
        Assert.Empty(errors);
    }

    private static readonly StoryLabels Labels = new("Team", "Evidence", "Won on 20/11/2026");

    private static Win Win(string? evidence = "Order 42", string? url = "https://crm.example/42") => new()
    {
        Title = "Lyon contract", Description = "We won **Lyon**.", Evidence = evidence, EvidenceUrl = url, AuthorUserId = "u", WonOn = new DateOnly(2026, 11, 20),
    };

    [Fact]
    public void The_story_draft_carries_the_description_the_team_and_the_evidence()
    {
        var (title, body, _) = WinRules.StoryDraft(Win(), new StoryCredit(["Anna Kowalska", "Jan *Star* Nowak"], [(7, "Sales & Marketing")]), Labels);
        Assert.Equal("Lyon contract", title);
        Assert.StartsWith("We won **Lyon**.", body, StringComparison.Ordinal);
        Assert.Contains(@"**Team:** Anna Kowalska, Jan \*Star\* Nowak, Sales & Marketing", body, StringComparison.Ordinal);
        Assert.Contains("**Evidence:** Order 42 <https://crm.example/42>", body, StringComparison.Ordinal);
        Assert.EndsWith("*Won on 20/11/2026*", body, StringComparison.Ordinal);
    }

    [Fact]
    public void The_story_draft_leaves_out_the_team_and_evidence_when_there_are_none()
    {
        var (_, body, _) = WinRules.StoryDraft(Win(null, null), new StoryCredit([], []), Labels);
        Assert.DoesNotContain("Team", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Evidence", body, StringComparison.Ordinal);
    }

    [Fact]
    public void The_story_is_for_everyone_when_no_department_is_credited()
    {
        var (_, _, audience) = WinRules.StoryDraft(Win(), new StoryCredit(["Anna"], []), Labels);
        Assert.True(Assert.Single(audience.Include).Everyone);
        Assert.Empty(audience.Exclude);
    }

    [Fact]
    public void The_story_is_for_the_credited_departments_with_their_sub_departments()
    {
        var (_, _, audience) = WinRules.StoryDraft(Win(), new StoryCredit([], [(7, "Sales"), (9, "Logistics")]), Labels);
        var clause = Assert.Single(audience.Include);
        Assert.False(clause.Everyone);
        Assert.Equal([7, 9], clause.Departments.Select(d => d.Id));
        Assert.All(clause.Departments, d => Assert.True(d.IncludeSubDepartments));
        var known = new AudienceKnownIds(new HashSet<int> { 7, 9 }, new HashSet<int>(), new HashSet<int>(), new HashSet<int>(), new HashSet<int>());
        Assert.Empty(AudienceRules.Validate(audience, known));
    }
}
