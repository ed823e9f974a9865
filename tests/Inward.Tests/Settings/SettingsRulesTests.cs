using Inward.Features.Settings;

namespace Inward.Tests.Settings;

public sealed class SettingsRulesTests
{
    private static readonly SettingsInput Good = new("Brightwheel Cycles", "#1d5c4d", "#F0A830", "Ride with the customer\nBuilt to last", "pl", "eur", 5);

    private static IEnumerable<string> FieldsWithErrors(SettingsInput input) => SettingsRules.Validate(input).Select(e => e.Field);

    [Fact]
    public void Good_settings_pass() => Assert.Empty(SettingsRules.Validate(Good));

    [Theory]
    [InlineData(null)]
    [InlineData(2)]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(1001)]
    public void Anonymity_threshold_below_three_or_absurdly_high_is_refused(int? k)
    {
        var errors = SettingsRules.Validate(Good with { AnonymityThreshold = k });

        Assert.Equal(nameof(SettingsInput.AnonymityThreshold), Assert.Single(errors).Field);
    }

    [Fact]
    public void Threshold_of_two_is_explained_with_the_minimum() =>
        Assert.Equal(3, Assert.Single(SettingsRules.Validate(Good with { AnonymityThreshold = 2 })).Arguments[0]);

    [Theory]
    [InlineData("1d5c4d")]
    [InlineData("#1d5c4")]
    [InlineData("#1d5c4dd")]
    [InlineData("#gggggg")]
    [InlineData("red")]
    [InlineData("#fff;}body{x")]
    [InlineData("")]
    public void Colours_must_be_hash_and_six_hex_digits(string colour)
    {
        Assert.Equal([nameof(SettingsInput.PrimaryColour)], FieldsWithErrors(Good with { PrimaryColour = colour }));
        Assert.Equal([nameof(SettingsInput.AccentColour)], FieldsWithErrors(Good with { AccentColour = colour }));
    }

    [Theory]
    [InlineData("EURO")]
    [InlineData("EU")]
    [InlineData("XYZ")]
    [InlineData("€")]
    [InlineData("")]
    public void Currency_must_be_a_known_iso_4217_code(string currency) =>
        Assert.Equal([nameof(SettingsInput.Currency)], FieldsWithErrors(Good with { Currency = currency }));

    [Theory]
    [InlineData("usd")]
    [InlineData(" PLN ")]
    [InlineData("SAR")]
    public void Currency_is_accepted_in_any_case_and_with_spaces(string currency) =>
        Assert.Empty(SettingsRules.Validate(Good with { Currency = currency }));

    [Fact]
    public void At_most_twelve_values_of_at_most_a_hundred_characters()
    {
        var twelve = string.Join('\n', Enumerable.Range(1, 12).Select(i => $"Value {i}"));
        var thirteen = twelve + "\nValue 13";
        var blankLinesIgnored = "\n\n" + twelve + "\n   \n";
        var tooLong = new string('v', 101);

        Assert.Empty(SettingsRules.Validate(Good with { Values = twelve }));
        Assert.Empty(SettingsRules.Validate(Good with { Values = blankLinesIgnored }));
        Assert.Empty(SettingsRules.Validate(Good with { Values = new string('v', 100) }));
        Assert.Equal([nameof(SettingsInput.Values)], FieldsWithErrors(Good with { Values = thirteen }));
        Assert.Equal([nameof(SettingsInput.Values)], FieldsWithErrors(Good with { Values = tooLong }));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Company_name_is_required(string? name) =>
        Assert.Equal([nameof(SettingsInput.Name)], FieldsWithErrors(Good with { Name = name }));

    [Theory]
    [InlineData("de")]
    [InlineData("EN")]
    [InlineData("")]
    public void Default_language_is_one_of_the_three(string language) =>
        Assert.Equal([nameof(SettingsInput.DefaultLanguage)], FieldsWithErrors(Good with { DefaultLanguage = language }));

    [Theory]
    [InlineData(5, 7, ThresholdChange.Raised)]
    [InlineData(5, 5, ThresholdChange.Unchanged)]
    [InlineData(5, 4, ThresholdChange.LoweringNeedsApproval)]
    [InlineData(9, 3, ThresholdChange.LoweringNeedsApproval)]
    public void Raising_applies_and_lowering_waits_for_approval(int current, int requested, ThresholdChange expected) =>
        Assert.Equal(expected, SettingsRules.Classify(current, requested));

    [Theory]
    [InlineData("a", "b", true)]
    [InlineData("a", "a", false)]
    [InlineData("a", null, false)]
    [InlineData(null, "b", false)]
    public void Only_another_administrator_may_approve_a_lowering(string? requestedBy, string? approver, bool allowed) =>
        Assert.Equal(allowed, SettingsRules.MayApprove(requestedBy, approver));
}
