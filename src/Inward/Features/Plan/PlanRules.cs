namespace Inward.Features.Plan;

/// <summary>
/// A validation error: the form field it belongs to and an English message (a localiser key) with its arguments.
/// </summary>
public sealed record PlanError(string Field, string Message, params object[] Arguments)
{
    public string Format() => string.Format(System.Globalization.CultureInfo.InvariantCulture, Message, Arguments);
}

/// <summary>A KPI's live state: the current value, how far it is from baseline to target (0–100) and whether the target is met.</summary>
public sealed record KpiProgress(decimal? Current, int? Percent, bool Met);

/// <summary>A published plan as the current-plan rule sees it.</summary>
public sealed record PlanCandidate(int Id, PlanStatus Status, DateOnly StartsOn, DateOnly EndsOn, DateTime? LastPublishedUtc);

/// <summary>The plan's pure rules: limits, validation, budget, KPI progress and which plan is current. No I/O.</summary>
public static class PlanRules
{
    public const decimal MaxBudget = 1_000_000_000m;
    public const decimal MaxKpiValue = 1_000_000_000_000m;
    public const int MaxTitle = 200;
    public const int MaxSummary = 20_000;
    public const int MaxGoalTitle = 300;
    public const int MaxGoalDescription = 4000;
    public const int MaxKpiName = 300;
    public const int MaxUnit = 40;
    public const int MaxNote = 1000;
    public const int MaxInitiativeTitle = 300;
    public const int MaxInitiativeDescription = 8000;
    public const int MaxOwnerRole = 100;
    public const int MaxChangeNote = 2000;
    public const int MinSuggestion = 5;
    public const int MaxSuggestion = 2000;
    public const int MaxAnswer = 4000;
    /// <summary>A plan covers at most five years: longer is a typo, not a plan.</summary>
    public const int MaxPeriodDays = 5 * 366;
    /// <summary>Readings before this date are typos.</summary>
    public static readonly DateOnly EarliestReading = new(2000, 1, 1);

    public static List<PlanError> ValidatePlan(string? title, string? summary, DateOnly? startsOn, DateOnly? endsOn, decimal? budget)
    {
        var errors = new List<PlanError>();
        Text(errors, "Title", title, MaxTitle, required: true);
        Text(errors, "Summary", summary, MaxSummary, required: false);
        if (startsOn is null)
        {
            errors.Add(new("StartsOn", "Enter the date the plan starts."));
        }
        if (endsOn is null)
        {
            errors.Add(new("EndsOn", "Enter the date the plan ends."));
        }
        if (startsOn is { } s && endsOn is { } e)
        {
            if (e <= s)
            {
                errors.Add(new("EndsOn", "The plan must end after it starts."));
            }
            else if (e.DayNumber - s.DayNumber > MaxPeriodDays)
            {
                errors.Add(new("EndsOn", "A plan can cover at most five years."));
            }
        }
        Money(errors, "Budget", budget);
        return errors;
    }

    public static List<PlanError> ValidateGoal(string? title, string? description)
    {
        var errors = new List<PlanError>();
        Text(errors, "Title", title, MaxGoalTitle, required: true);
        Text(errors, "Description", description, MaxGoalDescription, required: false);
        return errors;
    }

    public static List<PlanError> ValidateKpi(string? name, string? unit, decimal? baseline, decimal? target, KpiDirection direction)
    {
        var errors = new List<PlanError>();
        Text(errors, "Name", name, MaxKpiName, required: true);
        Text(errors, "Unit", unit, MaxUnit, required: false);
        foreach (var (field, value) in new[] { ("Baseline", baseline), ("Target", target) })
        {
            if (value is { } v && Math.Abs(v) > MaxKpiValue)
            {
                errors.Add(new(field, "The value is too large."));
            }
        }
        if (baseline is { } b && target is { } t)
        {
            if (direction == KpiDirection.HigherIsBetter && t < b)
            {
                errors.Add(new("Target", "When higher is better, the target cannot be below the baseline."));
            }
            if (direction == KpiDirection.LowerIsBetter && t > b)
            {
                errors.Add(new("Target", "When lower is better, the target cannot be above the baseline."));
            }
        }
        return errors;
    }

    public static List<PlanError> ValidateReading(decimal? value, DateOnly? measuredOn, string? note, DateOnly today)
    {
        var errors = new List<PlanError>();
        if (value is null)
        {
            errors.Add(new("Value", "Enter the value."));
        }
        else if (Math.Abs(value.Value) > MaxKpiValue)
        {
            errors.Add(new("Value", "The value is too large."));
        }
        if (measuredOn is null)
        {
            errors.Add(new("MeasuredOn", "Enter the date of the measurement."));
        }
        else if (measuredOn > today)
        {
            errors.Add(new("MeasuredOn", "A measurement cannot be in the future."));
        }
        else if (measuredOn < EarliestReading)
        {
            errors.Add(new("MeasuredOn", "The date is too far in the past."));
        }
        Text(errors, "Note", note, MaxNote, required: false);
        return errors;
    }

    /// <summary>An initiative's own fields against the plan's period (budget against the plan is <see cref="BudgetExceeded"/>).</summary>
    public static List<PlanError> ValidateInitiative(string? title, string? description, string? ownerRole, DateOnly? startsOn, DateOnly? endsOn,
        decimal? budgetPlanned, decimal? budgetSpent, DateOnly planStarts, DateOnly planEnds)
    {
        var errors = new List<PlanError>();
        Text(errors, "Title", title, MaxInitiativeTitle, required: true);
        Text(errors, "Description", description, MaxInitiativeDescription, required: false);
        Text(errors, "OwnerRole", ownerRole, MaxOwnerRole, required: false);
        if (startsOn is null)
        {
            errors.Add(new("StartsOn", "Enter the date the initiative starts."));
        }
        if (endsOn is null)
        {
            errors.Add(new("EndsOn", "Enter the date the initiative ends."));
        }
        if (startsOn is { } s && endsOn is { } e)
        {
            if (e < s)
            {
                errors.Add(new("EndsOn", "The initiative cannot end before it starts."));
            }
            if (s < planStarts || e > planEnds)
            {
                errors.Add(new("StartsOn", "The initiative must take place within the plan's period ({0} to {1}).",
                    planStarts.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    planEnds.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
            }
        }
        Money(errors, "BudgetPlanned", budgetPlanned);
        Money(errors, "BudgetSpent", budgetSpent);
        return errors;
    }

    public static List<PlanError> ValidateSuggestion(string? text)
    {
        var errors = new List<PlanError>();
        var length = text?.Trim().Length ?? 0;
        if (length < MinSuggestion)
        {
            errors.Add(new("Text", "Write a suggestion of at least {0} characters.", MinSuggestion));
        }
        else if (length > MaxSuggestion)
        {
            errors.Add(new("Text", "A suggestion can have at most {0} characters.", MaxSuggestion));
        }
        return errors;
    }

    public static List<PlanError> ValidateAnswer(SuggestionStatus status, string? answer)
    {
        var errors = new List<PlanError>();
        Text(errors, "Answer", answer, MaxAnswer, required: false);
        if (status is SuggestionStatus.Adopted or SuggestionStatus.Declined && string.IsNullOrWhiteSpace(answer))
        {
            errors.Add(new("Answer", "Say why when a suggestion is adopted or declined: the answer is public."));
        }
        return errors;
    }

    /// <summary>
    /// The error when the initiatives' planned budgets would exceed the plan's budget; null when they fit.
    /// <paramref name="otherInitiatives"/> is the sum of the other initiatives, <paramref name="planned"/> this one's.
    /// </summary>
    public static PlanError? BudgetExceeded(decimal planBudget, decimal otherInitiatives, decimal planned)
    {
        var total = otherInitiatives + planned;
        return total <= planBudget ? null
            : new PlanError("BudgetPlanned", "The initiatives would plan {0} in total, more than the plan's budget of {1}. {2} is left for this initiative.",
                Amount(total), Amount(planBudget), Amount(Math.Max(0, planBudget - otherInitiatives)));
    }

    /// <summary>A KPI's progress from baseline to target. A missing baseline counts from zero when higher is better.</summary>
    public static KpiProgress Progress(decimal? current, decimal? baseline, decimal? target, KpiDirection direction)
    {
        if (current is not { } c || target is not { } t)
        {
            return new(current, null, false);
        }
        var met = direction == KpiDirection.HigherIsBetter ? c >= t : c <= t;
        decimal? start = baseline ?? (direction == KpiDirection.HigherIsBetter ? 0 : null);
        if (start is not { } b || b == t)
        {
            return new(c, met ? 100 : start is null ? null : 0, met);
        }
        var share = (c - b) / (t - b) * 100;
        return new(c, (int)Math.Round(Math.Clamp(share, 0, 100), MidpointRounding.AwayFromZero), met);
    }

    /// <summary>
    /// The one current plan: among published (not archived) plans, the one whose period contains today — the most
    /// recently published if several do — else the most recently published plan.
    /// </summary>
    public static int? CurrentPlan(IEnumerable<PlanCandidate> plans, DateOnly today)
    {
        var published = plans.Where(p => p.Status == PlanStatus.Published && p.LastPublishedUtc is not null).ToList();
        var running = published.Where(p => p.StartsOn <= today && today <= p.EndsOn).ToList();
        var pool = running.Count > 0 ? running : published;
        return pool.OrderByDescending(p => p.LastPublishedUtc).ThenByDescending(p => p.Id).Select(p => (int?)p.Id).FirstOrDefault();
    }

    public static string Amount(decimal value) => value.ToString("#,0.##", System.Globalization.CultureInfo.InvariantCulture);

    private static void Text(List<PlanError> errors, string field, string? value, int max, bool required)
    {
        if (required && string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(field, "This field is required."));
        }
        else if (value is not null && value.Trim().Length > max)
        {
            errors.Add(new(field, "Use at most {0} characters.", max));
        }
    }

    private static void Money(List<PlanError> errors, string field, decimal? value)
    {
        if (value is null)
        {
            errors.Add(new(field, "Enter an amount (0 if none)."));
        }
        else if (value < 0)
        {
            errors.Add(new(field, "The amount cannot be negative."));
        }
        else if (value > MaxBudget)
        {
            errors.Add(new(field, "The amount cannot exceed {0}.", Amount(MaxBudget)));
        }
        else if (decimal.Round(value.Value, 2) != value)
        {
            errors.Add(new(field, "Use at most two decimals."));
        }
    }
}
