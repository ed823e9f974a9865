using System.Xml.Linq;
using Inward.Features.People;
using Inward.Features.Plan;
using Inward.Platform.Metrics;

namespace Inward.Tests.Plan;

public sealed class PlanRulesTests
{
    private static readonly DateOnly Jan1 = new(2027, 1, 1);
    private static readonly DateOnly Dec31 = new(2027, 12, 31);

    [Fact]
    public void A_valid_plan_has_no_errors()
    {
        Assert.Empty(PlanRules.ValidatePlan("Plan 2027", "Why", Jan1, Dec31, 1000));
        Assert.Empty(PlanRules.ValidatePlan("Zero budget is fine", null, Jan1, Dec31, 0));
        Assert.Empty(PlanRules.ValidatePlan("At the limit", null, Jan1, Dec31, PlanRules.MaxBudget));
    }

    [Theory]
    [InlineData("2027-12-31", "2027-01-01", "EndsOn")]
    [InlineData("2027-01-01", "2027-01-01", "EndsOn")]
    [InlineData("2027-01-01", "2033-01-01", "EndsOn")]
    public void A_plan_must_end_after_it_starts_and_last_at_most_five_years(string starts, string ends, string field)
    {
        var errors = PlanRules.ValidatePlan("P", null, DateOnly.Parse(starts, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(ends, System.Globalization.CultureInfo.InvariantCulture), 0);

        Assert.Equal([field], errors.Select(e => e.Field));
    }

    [Theory]
    [InlineData("-0.01", "The amount cannot be negative.")]
    [InlineData("1000000000.01", "The amount cannot exceed {0}.")]
    [InlineData("10.001", "Use at most two decimals.")]
    public void Budgets_are_between_zero_and_one_billion_with_cents(string budget, string message)
    {
        var errors = PlanRules.ValidatePlan("P", null, Jan1, Dec31, decimal.Parse(budget, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(message, Assert.Single(errors).Message);
        Assert.Equal("Budget", errors[0].Field);
    }

    [Fact]
    public void A_plan_without_title_dates_or_budget_names_each_missing_field()
    {
        var errors = PlanRules.ValidatePlan("  ", null, null, null, null);

        Assert.Equal(["Title", "StartsOn", "EndsOn", "Budget"], errors.Select(e => e.Field));
    }

    [Fact]
    public void Overlong_texts_are_refused_with_their_limit()
    {
        var error = Assert.Single(PlanRules.ValidatePlan(new string('x', PlanRules.MaxTitle + 1), null, Jan1, Dec31, 0));

        Assert.Equal("Title", error.Field);
        Assert.Equal(PlanRules.MaxTitle, error.Arguments[0]);
    }

    [Theory]
    [InlineData("1500", 1500)]
    [InlineData("1500.50", 1500.50)]
    [InlineData("1500,50", 1500.50)]
    [InlineData(" 1 500 ", 1500)]
    [InlineData("-3.5", -3.5)]
    public void Amounts_are_read_the_same_in_every_language(string text, double expected)
    {
        Assert.True(PlanNumbers.TryParse(text, out var value));
        Assert.Equal((decimal)expected, value);
    }

    [Theory]
    [InlineData("12abc")]
    [InlineData("1e5")]
    [InlineData("=1+1")]
    public void Text_that_is_not_a_number_is_an_error(string text)
    {
        var errors = new List<PlanError>();

        Assert.Null(PlanNumbers.Read(text, "Budget", errors));
        Assert.Equal("Budget", Assert.Single(errors).Field);
    }

    [Fact]
    public void Initiatives_fit_within_the_plan_period_and_start_before_they_end()
    {
        Assert.Empty(PlanRules.ValidateInitiative("I", null, null, Jan1, Jan1, 0, 0, Jan1, Dec31));
        Assert.Contains(PlanRules.ValidateInitiative("I", null, null, new(2027, 5, 1), new(2027, 4, 1), 0, 0, Jan1, Dec31),
            e => e.Field == "EndsOn");
        Assert.Contains(PlanRules.ValidateInitiative("I", null, null, new(2026, 12, 31), new(2027, 4, 1), 0, 0, Jan1, Dec31),
            e => e.Field == "StartsOn");
        Assert.Contains(PlanRules.ValidateInitiative("I", null, null, new(2027, 12, 1), new(2028, 1, 1), 0, 0, Jan1, Dec31),
            e => e.Field == "StartsOn");
    }

    [Fact]
    public void Initiative_budgets_cannot_be_negative()
    {
        var errors = PlanRules.ValidateInitiative("I", null, null, Jan1, Dec31, -1, -2, Jan1, Dec31);

        Assert.Equal(["BudgetPlanned", "BudgetSpent"], errors.Select(e => e.Field));
    }

    [Theory]
    [InlineData(1000, 600, 400, false)]
    [InlineData(1000, 600, 400.01, true)]
    [InlineData(0, 0, 0, false)]
    [InlineData(0, 0, 1, true)]
    public void Planned_initiative_budgets_may_not_exceed_the_plan_budget(double budget, double others, double planned, bool exceeded)
    {
        var error = PlanRules.BudgetExceeded((decimal)budget, (decimal)others, (decimal)planned);

        Assert.Equal(exceeded, error is not null);
    }

    [Fact]
    public void The_budget_error_says_how_much_is_left()
    {
        var error = PlanRules.BudgetExceeded(1000, 600, 500)!;

        Assert.Equal("BudgetPlanned", error.Field);
        Assert.Equal("The initiatives would plan 1,100 in total, more than the plan's budget of 1,000. 400 is left for this initiative.", error.Format());
    }

    [Theory]
    [InlineData(50, 0, 100, KpiDirection.HigherIsBetter, 50, false)]
    [InlineData(120, 0, 100, KpiDirection.HigherIsBetter, 100, true)]
    [InlineData(-5, 0, 100, KpiDirection.HigherIsBetter, 0, false)]
    [InlineData(55, 40, 60, KpiDirection.HigherIsBetter, 75, false)]
    [InlineData(12, 20, 4, KpiDirection.LowerIsBetter, 50, false)]
    [InlineData(3, 20, 4, KpiDirection.LowerIsBetter, 100, true)]
    [InlineData(25, 20, 4, KpiDirection.LowerIsBetter, 0, false)]
    public void Progress_runs_from_baseline_to_target_in_the_kpi_direction(double current, double baseline, double target, KpiDirection direction,
        int percent, bool met)
    {
        var progress = PlanRules.Progress((decimal)current, (decimal)baseline, (decimal)target, direction);

        Assert.Equal(percent, progress.Percent);
        Assert.Equal(met, progress.Met);
    }

    [Fact]
    public void Progress_without_a_value_or_target_is_unknown()
    {
        Assert.Null(PlanRules.Progress(null, 0, 10, KpiDirection.HigherIsBetter).Percent);
        Assert.Null(PlanRules.Progress(5, 0, null, KpiDirection.HigherIsBetter).Percent);
    }

    [Fact]
    public void A_missing_baseline_counts_from_zero_when_higher_is_better_and_only_reports_met_when_lower_is_better()
    {
        Assert.Equal(25, PlanRules.Progress(25, null, 100, KpiDirection.HigherIsBetter).Percent);
        Assert.Null(PlanRules.Progress(8, null, 4, KpiDirection.LowerIsBetter).Percent);
        Assert.Equal(100, PlanRules.Progress(3, null, 4, KpiDirection.LowerIsBetter).Percent);
    }

    [Fact]
    public void A_target_equal_to_the_baseline_is_all_or_nothing()
    {
        Assert.Equal(100, PlanRules.Progress(10, 10, 10, KpiDirection.HigherIsBetter).Percent);
        Assert.Equal(0, PlanRules.Progress(9, 10, 10, KpiDirection.HigherIsBetter).Percent);
    }

    [Fact]
    public void A_kpi_target_must_lie_in_its_direction_from_the_baseline()
    {
        Assert.Contains(PlanRules.ValidateKpi("K", null, 50, 40, KpiDirection.HigherIsBetter), e => e.Field == "Target");
        Assert.Contains(PlanRules.ValidateKpi("K", null, 40, 50, KpiDirection.LowerIsBetter), e => e.Field == "Target");
        Assert.Empty(PlanRules.ValidateKpi("K", "%", 40, 50, KpiDirection.HigherIsBetter));
    }

    [Fact]
    public void Readings_are_dated_between_2000_and_today()
    {
        var today = new DateOnly(2026, 11, 23);

        Assert.Empty(PlanRules.ValidateReading(5, today, null, today));
        Assert.Equal("MeasuredOn", Assert.Single(PlanRules.ValidateReading(5, today.AddDays(1), null, today)).Field);
        Assert.Equal("MeasuredOn", Assert.Single(PlanRules.ValidateReading(5, new DateOnly(1999, 12, 31), null, today)).Field);
        Assert.Equal(["Value", "MeasuredOn"], PlanRules.ValidateReading(null, null, null, today).Select(e => e.Field));
    }

    [Theory]
    [InlineData("ok", 1)]
    [InlineData("Good idea", 0)]
    public void Suggestions_have_a_minimum_length(string text, int errors) =>
        Assert.Equal(errors, PlanRules.ValidateSuggestion(text).Count);

    [Fact]
    public void Suggestions_have_a_maximum_length() =>
        Assert.Single(PlanRules.ValidateSuggestion(new string('x', PlanRules.MaxSuggestion + 1)));

    [Fact]
    public void Adopting_or_declining_needs_a_public_answer()
    {
        Assert.Single(PlanRules.ValidateAnswer(SuggestionStatus.Declined, " "));
        Assert.Single(PlanRules.ValidateAnswer(SuggestionStatus.Adopted, null));
        Assert.Empty(PlanRules.ValidateAnswer(SuggestionStatus.Considered, null));
        Assert.Empty(PlanRules.ValidateAnswer(SuggestionStatus.Adopted, "Done from Monday."));
    }

    private static readonly DateOnly Today = new(2026, 11, 23);

    private static PlanCandidate Candidate(int id, string starts, string ends, int publishedDaysAgo, PlanStatus status = PlanStatus.Published) =>
        new(id, status, DateOnly.Parse(starts, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(ends, System.Globalization.CultureInfo.InvariantCulture),
            new DateTime(2026, 11, 23, 0, 0, 0, DateTimeKind.Utc).AddDays(-publishedDaysAgo));

    [Fact]
    public void The_current_plan_is_the_published_one_running_today()
    {
        var plans = new[]
        {
            Candidate(1, "2025-01-01", "2025-12-31", 1),
            Candidate(2, "2026-09-01", "2027-08-31", 90),
            Candidate(3, "2027-09-01", "2028-08-31", 0),
        };

        Assert.Equal(2, PlanRules.CurrentPlan(plans, Today));
    }

    [Fact]
    public void Of_several_running_plans_the_most_recently_published_is_current()
    {
        var plans = new[] { Candidate(1, "2026-01-01", "2026-12-31", 30), Candidate(2, "2026-06-01", "2027-05-31", 2) };

        Assert.Equal(2, PlanRules.CurrentPlan(plans, Today));
    }

    [Fact]
    public void Without_a_running_plan_the_most_recently_published_is_current()
    {
        var plans = new[] { Candidate(1, "2025-01-01", "2025-12-31", 300), Candidate(2, "2027-01-01", "2027-12-31", 3) };

        Assert.Equal(2, PlanRules.CurrentPlan(plans, Today));
    }

    [Fact]
    public void Drafts_and_archived_plans_are_never_current()
    {
        var plans = new[]
        {
            Candidate(1, "2026-01-01", "2026-12-31", 1, PlanStatus.Archived),
            Candidate(2, "2026-01-01", "2026-12-31", 1, PlanStatus.Draft),
        };

        Assert.Null(PlanRules.CurrentPlan(plans, Today));
        Assert.Null(PlanRules.CurrentPlan([], Today));
    }

    private static InitiativeSnapshot Initiative(int id, int? goal, string? tactic, string starts, string ends, InitiativeStatus status, decimal planned, decimal spent) =>
        new(id, goal, tactic, $"I{id}", null, null, null, null, [], DateOnly.Parse(starts, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(ends, System.Globalization.CultureInfo.InvariantCulture), status, planned, spent);

    private static PlanSnapshot Snapshot(params InitiativeSnapshot[] initiatives) =>
        new("P", null, Jan1, Dec31, 10_000, null, null,
            [new GoalSnapshot(7, "Second goal", null, []), new GoalSnapshot(3, "First goal", null, [])], initiatives);

    [Fact]
    public void The_budget_summary_groups_planned_and_spent_by_goal_status_and_tactic()
    {
        var summary = BudgetSummary.Of(Snapshot(
            Initiative(1, 3, "pulse-survey", "2027-01-01", "2027-02-01", InitiativeStatus.Done, 100, 90),
            Initiative(2, 7, "pulse-survey", "2027-01-01", "2027-02-01", InitiativeStatus.Planned, 200, 0),
            Initiative(3, null, null, "2027-01-01", "2027-02-01", InitiativeStatus.Done, 50, 60)));

        Assert.Equal(350, summary.Planned);
        Assert.Equal(150, summary.Spent);
        Assert.Equal(9650, summary.Unplanned);
        Assert.Equal(42.9m, summary.SpentShare);
        Assert.Equal(["7", "3", null], summary.ByGoal.Select(l => l.Key));
        Assert.Equal([200m, 100m, 50m], summary.ByGoal.Select(l => l.Planned));
        Assert.Equal([("Planned", 200m, 0m), ("Done", 150m, 150m)], summary.ByStatus.Select(l => (l.Key!, l.Planned, l.Spent)));
        Assert.Equal(["pulse-survey", null], summary.ByTactic.Select(l => l.Key));
        Assert.Equal(2, summary.ByTactic[0].Initiatives);
    }

    [Fact]
    public void Nothing_planned_has_no_spent_share() =>
        Assert.Null(BudgetSummary.Of(Snapshot()).SpentShare);

    [Fact]
    public void A_month_calendar_has_monday_weeks_cut_at_the_month_edges()
    {
        // November 2026 starts on a Sunday and ends on a Monday.
        var calendar = PlanCalendar.Build([], CalendarView.Month, new DateOnly(2026, 11, 17));

        Assert.Equal(new DateOnly(2026, 11, 1), calendar.From);
        Assert.Equal(new DateOnly(2026, 11, 30), calendar.To);
        Assert.Equal(6, calendar.Weeks.Count);
        Assert.Equal(new CalendarWeek(new(2026, 11, 1), new(2026, 11, 1)), calendar.Weeks[0]);
        Assert.Equal(new CalendarWeek(new(2026, 11, 2), new(2026, 11, 8)), calendar.Weeks[1]);
        Assert.Equal(new CalendarWeek(new(2026, 11, 30), new(2026, 11, 30)), calendar.Weeks[^1]);
        Assert.Equal(new DateOnly(2026, 10, 1), calendar.Previous);
        Assert.Equal(new DateOnly(2026, 12, 1), calendar.Next);
    }

    [Fact]
    public void A_quarter_calendar_spans_three_months_and_marks_the_weeks_an_initiative_runs()
    {
        var calendar = PlanCalendar.Build(
            [
                Initiative(1, null, null, "2027-01-04", "2027-01-17", InitiativeStatus.Planned, 0, 0),
                Initiative(2, null, null, "2027-05-01", "2027-05-31", InitiativeStatus.Planned, 0, 0),
                Initiative(3, null, null, "2026-12-01", "2027-01-01", InitiativeStatus.Planned, 0, 0),
            ],
            CalendarView.Quarter, new DateOnly(2027, 1, 1));

        Assert.Equal(new DateOnly(2027, 3, 31), calendar.To);
        Assert.Equal(new DateOnly(2027, 4, 1), calendar.Next);
        Assert.Equal([3, 1], calendar.Rows.Select(r => r.Initiative.Id));
        var first = calendar.Rows[1].Active;
        Assert.Equal([false, true, true, false], first.Take(4));
        Assert.Equal(2, first.Count(a => a));
        Assert.Equal(1, calendar.Rows[0].Active.Count(a => a));
    }

    [Theory]
    [InlineData("2027-03", 2027, 3)]
    [InlineData("2027-3", null, null)]
    [InlineData("March", null, null)]
    [InlineData(null, null, null)]
    public void Calendar_months_are_read_as_year_and_month(string? text, int? year, int? month)
    {
        var parsed = PlanCalendar.ParseMonth(text);

        Assert.Equal(year, parsed?.Year);
        Assert.Equal(month, parsed?.Month);
    }

    [Fact]
    public void The_csv_export_defuses_formulas_and_uses_invariant_numbers()
    {
        var snapshot = Snapshot(Initiative(1, 3, null, "2027-01-01", "2027-02-01", InitiativeStatus.Done, 1234.5m, 0)) with { };
        var hostile = snapshot with { Initiatives = [snapshot.Initiatives[0] with { Title = "=HYPERLINK(\"http://x\")", Owner = "@boss" }] };
        var view = new PlanView(1, PlanStatus.Published, 1, DateTime.UtcNow, null, true, hostile, new Dictionary<int, KpiLive>(), BudgetSummary.Of(hostile));

        var lines = ExportModel.Csv(view).Split("\r\n");

        Assert.StartsWith("Initiative,Tactic,Goal,", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("\"'=HYPERLINK(\"\"http://x\"\")\",,First goal,'@boss,", lines[1], StringComparison.Ordinal);
        Assert.Contains(",2027-01-01,2027-02-01,Done,1234.50,0.00,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_snapshot_survives_its_json_round_trip()
    {
        var snapshot = Snapshot(Initiative(1, 3, "pulse-survey", "2027-01-01", "2027-02-01", InitiativeStatus.InProgress, 10, 5)) with
        {
            Goals = [new GoalSnapshot(3, "G", "D", [new KpiSnapshot(9, "K", KpiSource.Metric, "plan.acknowledgement-rate", 4, "HR", null, 0, 90, KpiDirection.HigherIsBetter)])],
        };

        var back = PlanSnapshot.FromJson(snapshot.ToJson());

        Assert.Equal(snapshot.ToJson(), back.ToJson());
        Assert.Contains("\"InProgress\"", snapshot.ToJson(), StringComparison.Ordinal);
        Assert.Equal("plan.acknowledgement-rate", back.Goals[0].Kpis[0].MetricKey);
    }

    /// <summary>Tactic and metric texts are looked up by key at run time, so the source scan of LocalisationTests cannot see them.</summary>
    [Theory]
    [InlineData("ar")]
    [InlineData("pl")]
    public void Texts_looked_up_at_run_time_are_translated(string language)
    {
        var path = Path.Combine(RepositoryRoot(), "src", "Inward", "Resources", $"Strings.{language}.resx");
        var keys = XDocument.Load(path).Root!.Elements("data").Select(d => (string?)d.Attribute("name")).ToHashSet(StringComparer.Ordinal);
        var texts = TacticCatalogue.All.SelectMany(t => new[] { t.Name, t.Summary, t.SuitedTo })
            .Concat(MetricTexts())
            .Concat(["Nobody to measure yet.", "This metric is measured for the whole company only.", "No value entered yet.",
                "This metric is no longer available.", "No value yet.", "No plan has been published yet.", "Nothing is planned yet."]);

        Assert.Empty(texts.Where(t => !keys.Contains(t)).Distinct());
    }

    private static IEnumerable<string> MetricTexts()
    {
        var providers = new IMetricProvider[]
        {
            (IMetricProvider)System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(typeof(PlanService).Assembly.GetType("Inward.Features.Plan.PlanMetrics")!),
            (IMetricProvider)System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(typeof(PeopleQueries).Assembly.GetType("Inward.Features.People.PeopleMetrics")!),
        };
        return providers.SelectMany(p => p.Definitions).SelectMany(d => new[] { d.Name, d.Description });
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Inward.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException("No Inward.slnx.");
    }
}
