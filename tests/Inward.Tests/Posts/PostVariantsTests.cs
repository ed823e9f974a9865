using Inward.Features.Audiences;
using Inward.Features.Posts;

namespace Inward.Tests.Posts;

/// <summary>Which text a reader gets: nearest department variant in their ancestry, then their language, then the default.</summary>
public sealed class PostVariantsTests
{
    // 1 Operations ─┬─ 2 Logistics ── 3 Warehouse ── 4 Night shift
    //               └─ 5 Customer Service
    // 6 Sales (no parent)
    private static readonly DepartmentTree Tree = new([(1, null), (2, 1), (3, 2), (4, 3), (5, 1), (6, null)]);

    private static PostTextInput Text(int? department, string? language, string title) => new(department, language, title, title + " body");

    private static string Title(IReadOnlyList<PostTextInput> texts, int? department, string? language) =>
        PostVariants.Resolve("Default", "Default body", texts, department, Tree, language).Title;

    [Fact]
    public void Without_variants_or_translations_everyone_gets_the_default_text()
    {
        var resolved = PostVariants.Resolve("Default", "Default body", [], 3, Tree, "pl");
        Assert.Equal(new ResolvedText(null, null, "Default", "Default body"), resolved);
    }

    [Theory]
    [InlineData(2, "Logistics")]
    [InlineData(3, "Logistics")]
    [InlineData(4, "Logistics")]
    [InlineData(5, "Default")]
    [InlineData(1, "Default")]
    [InlineData(6, "Default")]
    [InlineData(null, "Default")]
    [InlineData(999, "Default")]
    public void A_department_variant_reaches_its_department_and_everything_below_it(int? department, string expected) =>
        Assert.Equal(expected, Title([Text(2, null, "Logistics")], department, "en"));

    [Theory]
    [InlineData(4, "Warehouse")]
    [InlineData(3, "Warehouse")]
    [InlineData(2, "Operations")]
    [InlineData(5, "Operations")]
    [InlineData(6, "Default")]
    public void The_nearest_department_with_a_variant_wins_whatever_the_order_of_the_variants(int department, string expected)
    {
        Assert.Equal(expected, Title([Text(1, null, "Operations"), Text(3, null, "Warehouse")], department, "en"));
        Assert.Equal(expected, Title([Text(3, null, "Warehouse"), Text(1, null, "Operations")], department, "en"));
    }

    [Theory]
    [InlineData("pl", "Polski")]
    [InlineData("pl-PL", "Polski")]
    [InlineData("PL", "Polski")]
    [InlineData("ar", "عربي")]
    [InlineData("en", "Default")]
    [InlineData("de", "Default")]
    [InlineData(null, "Default")]
    public void A_translation_reaches_readers_of_its_language_and_others_get_the_default(string? language, string expected) =>
        Assert.Equal(expected, Title([Text(null, "pl", "Polski"), Text(null, "ar", "عربي")], 5, language));

    [Fact]
    public void A_variant_in_the_readers_language_beats_the_variant_in_the_default_language_and_the_general_translation()
    {
        PostTextInput[] texts = [Text(2, null, "Logistics"), Text(2, "pl", "Logistyka"), Text(null, "pl", "Polski")];

        Assert.Equal("Logistyka", Title(texts, 3, "pl"));
        Assert.Equal("Logistics", Title(texts, 3, "en"));
        Assert.Equal("Polski", Title(texts, 5, "pl"));
        Assert.Equal("Default", Title(texts, 5, "en"));
    }

    [Fact]
    public void A_variant_only_in_another_language_falls_back_to_the_general_translation_then_the_default()
    {
        PostTextInput[] texts = [Text(2, "pl", "Logistyka"), Text(null, "ar", "عربي")];

        Assert.Equal("عربي", Title(texts, 2, "ar"));
        Assert.Equal("Default", Title(texts, 2, "en"));
        Assert.Equal("Logistyka", Title(texts, 4, "pl"));
    }

    [Fact]
    public void The_resolved_text_says_which_variant_and_language_it_is()
    {
        var resolved = PostVariants.Resolve("Default", "Default body", [Text(2, "pl", "Logistyka")], 4, Tree, "pl");
        Assert.Equal(new ResolvedText(2, "pl", "Logistyka", "Logistyka body"), resolved);
    }

    [Fact]
    public void The_variant_department_is_the_nearest_ancestor_with_a_variant_and_survives_a_cycle()
    {
        Assert.Equal(3, PostVariants.VariantDepartment([1, 2, 3], 4, Tree));
        Assert.Equal(2, PostVariants.VariantDepartment([1, 2], 3, Tree));
        Assert.Null(PostVariants.VariantDepartment([5], 3, Tree));
        Assert.Null(PostVariants.VariantDepartment([1], null, Tree));
        var cycle = new DepartmentTree([(1, 2), (2, 1), (3, 1)]);
        Assert.Equal(1, PostVariants.VariantDepartment([1], 3, cycle));
    }
}
