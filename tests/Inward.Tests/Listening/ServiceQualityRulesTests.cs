using Inward.Features.Listening;
using Rating = Inward.Features.Listening.ServiceQualityMath.Rating;

namespace Inward.Tests.Listening;

/// <summary>Internal service quality as pure functions: chains and their weakest links, scores and gaps, suppression, template blocks, scope.</summary>
public sealed class ServiceQualityRulesTests
{
    // Department ids for readability: IT 1, HR 2, Production 3, Logistics 4, Customer Service 5, Field Service 6.
    private const int It = 1, Hr = 2, Production = 3, Logistics = 4, CustomerService = 5, FieldService = 6;

    private static ServiceLink L(int from, int to) => new(from, to);

    private static void AssertChains(IReadOnlyList<IReadOnlyList<int>> actual, params int[][] expected) =>
        Assert.Equal(expected.Select(c => string.Join(">", c)), actual.Select(c => string.Join(">", c)));

    [Fact]
    public void A_chain_runs_from_the_first_supplier_to_the_front_line()
    {
        var chains = ServiceChains.Find([L(It, Logistics), L(Logistics, CustomerService)], new HashSet<int> { CustomerService });
        AssertChains(chains, [It, Logistics, CustomerService]);
    }

    [Fact]
    public void A_cycle_ends_the_chain_instead_of_looping()
    {
        // Logistics and Customer Service serve each other; IT serves Logistics.
        var chains = ServiceChains.Find([L(Logistics, CustomerService), L(CustomerService, Logistics), L(It, Logistics)], new HashSet<int> { CustomerService });
        AssertChains(chains, [It, Logistics, CustomerService]);
    }

    [Fact]
    public void Two_front_line_departments_that_serve_each_other_give_one_chain_each()
    {
        var chains = ServiceChains.Find([L(CustomerService, FieldService), L(FieldService, CustomerService)], new HashSet<int> { CustomerService, FieldService });
        AssertChains(chains, [FieldService, CustomerService], [CustomerService, FieldService]);
    }

    [Fact]
    public void Every_supplier_of_a_link_starts_its_own_chain_shortest_first()
    {
        var chains = ServiceChains.Find(
            [L(It, Logistics), L(Hr, Logistics), L(Production, Logistics), L(Logistics, CustomerService), L(It, CustomerService)],
            new HashSet<int> { CustomerService });
        AssertChains(chains, [It, CustomerService], [It, Logistics, CustomerService], [Hr, Logistics, CustomerService], [Production, Logistics, CustomerService]);
    }

    [Fact]
    public void A_front_line_department_in_the_middle_of_a_chain_ends_one_chain_and_continues_another()
    {
        var chains = ServiceChains.Find([L(Logistics, CustomerService), L(CustomerService, FieldService)], new HashSet<int> { CustomerService, FieldService });
        AssertChains(chains, [Logistics, CustomerService], [Logistics, CustomerService, FieldService]);
    }

    [Fact]
    public void Chains_are_cut_at_the_maximum_length_and_self_links_are_ignored()
    {
        var chains = ServiceChains.Find([L(1, 2), L(2, 3), L(3, 4), L(4, 5), L(5, 5)], new HashSet<int> { 5 }, maxLength: 3);
        AssertChains(chains, [3, 4, 5]);
    }

    [Fact]
    public void Chains_shorter_than_the_minimum_are_left_out()
    {
        var chains = ServiceChains.Find([L(It, Logistics), L(Hr, CustomerService), L(Logistics, CustomerService)], new HashSet<int> { CustomerService }, minLength: 3);
        AssertChains(chains, [It, Logistics, CustomerService]);
    }

    [Fact]
    public void Without_a_front_line_department_there_is_no_chain() =>
        Assert.Empty(ServiceChains.Find([L(It, Logistics), L(Logistics, CustomerService)], new HashSet<int>()));

    [Fact]
    public void A_dense_map_stops_at_the_chain_limit()
    {
        // Everyone serves everyone among 8 departments: thousands of simple paths.
        var links = Enumerable.Range(1, 8).SelectMany(a => Enumerable.Range(1, 8).Where(b => b != a).Select(b => L(a, b))).ToList();
        var chains = ServiceChains.Find(links, new HashSet<int> { 1 }, maxLength: 8, maxChains: 50);
        Assert.Equal(50, chains.Count);
        Assert.All(chains, c => Assert.Equal(c.Count, c.Distinct().Count()));
    }

    [Fact]
    public void The_weakest_link_is_the_shown_link_with_the_lowest_score()
    {
        var scores = new Dictionary<ServiceLink, double?> { [L(It, Logistics)] = 3.1, [L(Logistics, CustomerService)] = 4.5 };
        Assert.Equal(L(It, Logistics), ServiceChains.WeakestLink([It, Logistics, CustomerService], l => scores[l]));
    }

    [Fact]
    public void A_hidden_link_cannot_be_the_weakest()
    {
        var scores = new Dictionary<ServiceLink, double?> { [L(It, Logistics)] = null, [L(Logistics, CustomerService)] = 4.5 };
        Assert.Equal(L(Logistics, CustomerService), ServiceChains.WeakestLink([It, Logistics, CustomerService], l => scores[l]));
    }

    [Fact]
    public void On_a_tie_the_upstream_link_is_the_weakest_and_with_no_score_there_is_none()
    {
        Assert.Equal(L(It, Logistics), ServiceChains.WeakestLink([It, Logistics, CustomerService], _ => 4.0));
        Assert.Null(ServiceChains.WeakestLink([It, Logistics, CustomerService], _ => null));
    }

    [Fact]
    public void Perception_is_the_pooled_mean_and_the_share_of_the_top_three_of_seven_points()
    {
        var (mean, favourable) = ServiceQualityMath.Perception([new(7, 7), new(6, 7), new(5, 7), new(4, 7), new(3, 7)])!.Value;
        Assert.Equal(5.0, mean, 10);
        Assert.Equal(60.0, favourable, 10);
    }

    [Fact]
    public void On_five_points_favourable_is_the_top_two()
    {
        var (mean, favourable) = ServiceQualityMath.Perception([new(5, 5), new(4, 5), new(3, 5), new(2, 5)])!.Value;
        Assert.Equal(3.5, mean, 10);
        Assert.Equal(50.0, favourable, 10);
        Assert.Null(ServiceQualityMath.Perception([]));
    }

    [Fact]
    public void The_gap_is_perception_minus_expectation()
    {
        Rating[] perception = [new(5, 7), new(6, 7), new(7, 7)];
        Assert.Equal(-0.5, ServiceQualityMath.Gap(perception, [new(7, 7), new(7, 7), new(6, 7), new(6, 7)])!.Value, 10);
        Assert.Equal(2.0, ServiceQualityMath.Gap(perception, [new(4, 7)])!.Value, 10);
        Assert.Null(ServiceQualityMath.Gap(perception, []));
    }

    [Theory]
    // cells (people of each served department), k → cells shown, total shown
    [InlineData(new[] { 6, 7 }, 5, new[] { true, true }, true)]
    [InlineData(new[] { 6, 2 }, 5, new[] { true, false }, false)]    // total − 6 would reveal the 2
    [InlineData(new[] { 6, 2, 3 }, 5, new[] { true, false, false }, true)] // hidden together: 5 ≥ k
    [InlineData(new[] { 2, 2 }, 5, new[] { false, false }, false)]  // 4 people in all
    [InlineData(new[] { 3, 3 }, 5, new[] { false, false }, true)]   // nothing shown beside a total of 6
    [InlineData(new[] { 5, 0 }, 5, new[] { true, false }, true)]    // an empty cell hides nobody
    [InlineData(new[] { 3, 1 }, 3, new[] { true, false }, false)]
    public void A_row_total_shows_only_when_the_hidden_cells_beside_it_hold_zero_or_k(int[] counts, int k, bool[] cells, bool total)
    {
        var visibility = ServiceQualityMath.RowVisibility(counts, k);
        Assert.Equal(cells, visibility.Cells);
        Assert.Equal(total, visibility.Total);
    }

    [Fact]
    public void The_template_has_two_perception_items_and_one_optional_expectation_item_per_dimension_and_cites_its_sources()
    {
        var template = ServiceQualityTemplate.Template;
        var items = template.Sections.SelectMany(s => s.Questions).ToList();
        Assert.Equal(15, items.Count);
        Assert.All(items, q => Assert.Equal(QuestionKind.Likert7, q.Kind));
        foreach (var dimension in ServiceQualityTemplate.Dimensions)
        {
            Assert.Equal(2, items.Count(q => q.Dimension == dimension && !q.IsExpectation && q.Required));
            Assert.Equal(1, items.Count(q => q.Dimension == dimension && q.IsExpectation && !q.Required));
        }
        Assert.All(items, q => Assert.Contains(ServiceQualityTemplate.Placeholder, q.Text, StringComparison.Ordinal));
        Assert.All(items, q => Assert.False(string.IsNullOrWhiteSpace(q.TextAr) || string.IsNullOrWhiteSpace(q.TextPl)));
        Assert.Contains("Frost", template.Description, StringComparison.Ordinal);
        Assert.Contains("Parasuraman", template.Description, StringComparison.Ordinal);
        Assert.Same(template, SurveyTemplates.Find(ServiceQualityTemplate.Key));
    }

    [Fact]
    public void Blocks_repeat_the_template_for_each_serving_department_with_its_name_and_id()
    {
        var blocks = ServiceQualityTemplate.Blocks(SurveyAuthoring.SectionsOf(ServiceQualityTemplate.Template), [(It, "IT"), (Hr, "HR")]);
        Assert.Equal(["Service from IT", "Service from HR"], blocks.Select(b => b.Title));
        Assert.Equal("Obsługa przez dział HR", blocks[1].TitlePl);
        Assert.All(blocks[0].Questions, q => Assert.Equal(It, q.AboutDepartmentId));
        Assert.All(blocks[1].Questions, q => Assert.Equal(Hr, q.AboutDepartmentId));
        Assert.Equal("IT delivers what it promised, when it promised.", blocks[0].Questions[2].Text);
        Assert.DoesNotContain(blocks.SelectMany(b => b.Questions), q => (q.Text + q.TextAr + q.TextPl).Contains('{', StringComparison.Ordinal));
        Assert.Equal(5, blocks[1].Questions.Count(q => q.IsExpectation));
    }

    [Fact]
    public void Only_agreement_questions_can_rate_a_department()
    {
        Assert.Contains(SurveyRules.CheckQuestion(new(QuestionKind.FreeText, "Why?", AboutDepartmentId: It), "q"), e => e.Field == "q.aboutDepartmentId");
        Assert.Empty(SurveyRules.CheckQuestion(new(QuestionKind.Likert7, "Rated", AboutDepartmentId: It, IsExpectation: true), "q"));
    }

    [Fact]
    public void A_respondent_sees_and_may_answer_only_the_departments_that_serve_theirs()
    {
        SurveyQuestion Q(int id, int? about) => new() { Id = id, Kind = QuestionKind.Likert7, Text = $"Q{id}", AboutDepartmentId = about };
        IReadOnlyList<SurveyQuestion> questions = [Q(1, null), Q(2, It), Q(3, Hr)];
        var serving = new HashSet<int> { It };
        Assert.Equal([1, 2], ServiceQualityScope.Applicable(questions, serving).Select(q => q.Id));
        var errors = ServiceQualityScope.OutOfScope(questions, serving, [new(2, Value: 5), new(3, Value: 4), new(3)],
            new Dictionary<int, string> { [It] = "IT", [Hr] = "HR" });
        var error = Assert.Single(errors);
        Assert.Equal("answers[3]", error.Field);
        Assert.Equal("HR does not serve your department on the internal-customer map, so you cannot rate it.", error.Format());
    }
}
