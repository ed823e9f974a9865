using Inward.Features.InternalCustomers;

namespace Inward.Tests.InternalCustomers;

public sealed class ServiceEdgeRulesTests
{
    private static ServiceEdgeInput Valid() => new() { FromDepartmentId = 1, ToDepartmentId = 2, Delivers = "Spare parts" };

    [Fact]
    public void A_complete_edge_between_two_departments_is_valid()
    {
        Assert.Empty(ServiceEdgeRules.Validate(Valid()));
    }

    [Fact]
    public void A_department_cannot_serve_itself()
    {
        var input = Valid();
        input.ToDepartmentId = input.FromDepartmentId;

        var problem = Assert.Single(ServiceEdgeRules.Validate(input));

        Assert.Equal(nameof(ServiceEdgeInput.ToDepartmentId), problem.Field);
        Assert.Equal("A department cannot serve itself: choose two different departments.", problem.Message);
    }

    [Fact]
    public void Both_departments_and_what_is_delivered_are_required()
    {
        var problems = ServiceEdgeRules.Validate(new ServiceEdgeInput { Delivers = "   " });

        Assert.Equal(
            [nameof(ServiceEdgeInput.FromDepartmentId), nameof(ServiceEdgeInput.ToDepartmentId), nameof(ServiceEdgeInput.Delivers)],
            problems.Select(p => p.Field));
    }

    [Theory]
    [InlineData(nameof(ServiceEdgeInput.Delivers), ServiceEdgeRules.DeliversMax)]
    [InlineData(nameof(ServiceEdgeInput.NeedsAndWants), ServiceEdgeRules.NeedsMax)]
    [InlineData(nameof(ServiceEdgeInput.Expectations), ServiceEdgeRules.ExpectationsMax)]
    [InlineData(nameof(ServiceEdgeInput.Notes), ServiceEdgeRules.NotesMax)]
    public void Texts_longer_than_their_limit_are_refused_and_the_limit_itself_is_fine(string field, int max)
    {
        var property = typeof(ServiceEdgeInput).GetProperty(field)!;
        var atLimit = Valid();
        property.SetValue(atLimit, new string('x', max));
        var over = Valid();
        property.SetValue(over, new string('x', max + 1));

        Assert.Empty(ServiceEdgeRules.Validate(atLimit));
        var problem = Assert.Single(ServiceEdgeRules.Validate(over));
        Assert.Equal(field, problem.Field);
        Assert.Equal(max, problem.Args[0]);
    }

    [Fact]
    public void Surrounding_spaces_do_not_count_towards_a_limit()
    {
        var input = Valid();
        input.Delivers = $"   {new string('x', ServiceEdgeRules.DeliversMax)}   ";

        Assert.Empty(ServiceEdgeRules.Validate(input));
    }
}
