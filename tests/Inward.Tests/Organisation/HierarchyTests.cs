using Inward.Features.People;

namespace Inward.Tests.Organisation;

public sealed class HierarchyTests
{
    // 1 ← 2 ← 3 ← 4 (4 is under 3, under 2, under 1); 5 stands alone.
    private static readonly Dictionary<int, int?> Parents = new() { [1] = null, [2] = 1, [3] = 2, [4] = 3, [5] = null };

    private static bool Cycle(int node, int? parent) => Hierarchy.WouldCreateCycle(node, parent, n => Parents.GetValueOrDefault(n));

    [Theory]
    [InlineData(2, 2)]
    [InlineData(2, 3)]
    [InlineData(2, 4)]
    [InlineData(1, 4)]
    public void Moving_under_itself_or_a_descendant_is_a_cycle(int node, int parent) => Assert.True(Cycle(node, parent));

    [Theory]
    [InlineData(4, 1)]
    [InlineData(3, 5)]
    [InlineData(5, 4)]
    [InlineData(2, null)]
    public void Moving_elsewhere_or_to_the_top_is_fine(int node, int? parent) => Assert.False(Cycle(node, parent));

    [Fact]
    public void An_existing_loop_elsewhere_ends_the_walk_instead_of_spinning()
    {
        var looped = new Dictionary<int, int?> { [7] = 8, [8] = 7 };

        Assert.True(Hierarchy.WouldCreateCycle(1, 7, n => looped.GetValueOrDefault(n)));
    }
}
