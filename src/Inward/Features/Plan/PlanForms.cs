using System.Globalization;

namespace Inward.Features.Plan;

/// <summary>The plan's own fields. Amounts are text, read the same way in every language (a dot or a comma for decimals).</summary>
public sealed class PlanForm
{
    public string? Title { get; set; }
    public string? Summary { get; set; }
    public DateOnly? StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    public string? Budget { get; set; }
    /// <summary>The owner's e-mail address (an active employee); empty for none.</summary>
    public string? OwnerEmail { get; set; }
}

public sealed class GoalForm
{
    public string? Title { get; set; }
    public string? Description { get; set; }
}

public sealed class KpiForm
{
    public int? GoalId { get; set; }
    public string? Name { get; set; }
    public KpiSource Source { get; set; }
    public string? MetricKey { get; set; }
    public int? MetricDepartmentId { get; set; }
    public string? Unit { get; set; }
    public string? Baseline { get; set; }
    public string? Target { get; set; }
    public KpiDirection Direction { get; set; }
}

public sealed class ReadingForm
{
    public string? Value { get; set; }
    public DateOnly? MeasuredOn { get; set; }
    public string? Note { get; set; }
}

public sealed class InitiativeForm
{
    public int? GoalId { get; set; }
    public string? TacticKey { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? OwnerEmail { get; set; }
    public string? OwnerRole { get; set; }
    public List<int> AudienceDepartmentIds { get; set; } = [];
    public DateOnly? StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    public InitiativeStatus Status { get; set; }
    public string? BudgetPlanned { get; set; }
    public string? BudgetSpent { get; set; }
}

public static class PlanNumbers
{
    /// <summary>
    /// Reads "1500", "1500.50", "1500,50" or "-3.5"; false for anything else. Empty text is a valid "no value".
    /// Form numbers are read culture-independently: a Polish or Arabic browser still posts what the user typed.
    /// </summary>
    public static bool TryParse(string? text, out decimal? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        var t = text.Trim().Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal);
        if (t.Contains(',', StringComparison.Ordinal) && !t.Contains('.', StringComparison.Ordinal))
        {
            t = t.Replace(',', '.');
        }
        if (decimal.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d))
        {
            value = d;
            return true;
        }
        return false;
    }

    /// <summary>Parses into <paramref name="value"/>, adding an error for text that is not a number.</summary>
    public static decimal? Read(string? text, string field, List<PlanError> errors)
    {
        if (TryParse(text, out var value))
        {
            return value;
        }
        errors.Add(new PlanError(field, "Enter a number, for example 1500 or 1500.50."));
        return null;
    }

    public static string? Format(decimal? value) => value?.ToString("0.##", CultureInfo.InvariantCulture);
}
