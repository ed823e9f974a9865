using Inward.Features.Plan;
using Inward.Features.Playbook;

namespace Inward.Tests.Playbook;

public sealed class PlaybookProfileTests
{
    private static readonly DateOnly Today = new(2025, 6, 2);
    private static readonly HashSet<int> Known = [10, 11, 12];

    private static PlaybookAnswers Valid() => new()
    {
        CompanySize = 40, DepartmentIds = [10, 11], FrontlineSharePercent = 60, Channels = ["Email", "NoticeBoard"],
        BudgetPerEmployee = 12.5m, PainPoints = ["Silos"], StartsOn = Today.AddDays(7),
    };

    private static List<string> ErrorsOf(PlaybookAnswers answers, string field)
    {
        var (profile, errors) = answers.Validate(Known, Today, "Acme", "EUR");
        Assert.Null(profile);
        return [.. errors.Where(e => e.Field == field).Select(e => e.English)];
    }

    [Fact]
    public void Valid_answers_give_a_profile_with_the_settings_name_and_currency()
    {
        var (profile, errors) = Valid().Validate(Known, Today, "Acme", "PLN");

        Assert.Empty(errors);
        Assert.NotNull(profile);
        Assert.Equal("Acme", profile.CompanyName);
        Assert.Equal("PLN", profile.Currency);
        Assert.Equal(2, profile.DepartmentCount);
        Assert.Equal(Channels.Email | Channels.NoticeBoard, profile.Channels);
        Assert.Equal(PainPoints.Silos, profile.PainPoints);
        Assert.Equal(500m, profile.TotalBudget);
        Assert.True(profile.HighFrontline);
        Assert.Equal(Today.AddDays(7).AddYears(1).AddDays(-1), profile.EndsOn);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(100_001)]
    public void Company_size_must_be_from_1_to_100000(int? size)
    {
        var answers = Valid();
        answers.CompanySize = size;

        Assert.Equal(["Enter the number of employees, from 1 to 100000."], ErrorsOf(answers, nameof(PlaybookAnswers.CompanySize)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(100_000)]
    public void Company_size_limits_are_allowed(int size)
    {
        var answers = Valid();
        answers.CompanySize = size;
        answers.DepartmentIds = [];
        answers.DepartmentCount = 1;

        Assert.NotNull(answers.Validate(Known, Today, "Acme", "EUR").Profile);
    }

    [Fact]
    public void Unknown_departments_are_named_in_the_error()
    {
        var answers = Valid();
        answers.DepartmentIds = [10, 99];

        Assert.Equal(["There is no department with id 99."], ErrorsOf(answers, nameof(PlaybookAnswers.DepartmentIds)));
    }

    [Fact]
    public void Without_chosen_departments_a_count_is_needed_and_checked()
    {
        var answers = Valid();
        answers.DepartmentIds = [];

        Assert.Equal(["Choose the departments or enter how many there are."], ErrorsOf(answers, nameof(PlaybookAnswers.DepartmentCount)));
        answers.DepartmentCount = 0;
        Assert.Equal(["Enter the number of departments, from 1 to 1000."], ErrorsOf(answers, nameof(PlaybookAnswers.DepartmentCount)));
        answers.DepartmentCount = 41;
        Assert.Equal(["A company of 40 people cannot have more departments than people."], ErrorsOf(answers, nameof(PlaybookAnswers.DepartmentCount)));
        answers.DepartmentCount = 7;
        Assert.Equal(7, answers.Validate(Known, Today, "Acme", "EUR").Profile!.DepartmentCount);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(-1)]
    [InlineData(101)]
    public void Frontline_share_must_be_a_percentage(int? share)
    {
        var answers = Valid();
        answers.FrontlineSharePercent = share;

        Assert.Single(ErrorsOf(answers, nameof(PlaybookAnswers.FrontlineSharePercent)));
    }

    [Fact]
    public void Budget_may_be_zero_but_not_negative_over_the_limit_or_finer_than_cents()
    {
        var answers = Valid();
        answers.BudgetPerEmployee = 0;
        Assert.Equal(0, answers.Validate(Known, Today, "Acme", "EUR").Profile!.TotalBudget);

        foreach (var bad in new decimal?[] { null, -0.01m, 100_000.01m })
        {
            answers.BudgetPerEmployee = bad;
            Assert.Equal(["Enter a budget per employee per year from 0 to 100000."], ErrorsOf(answers, nameof(PlaybookAnswers.BudgetPerEmployee)));
        }
        answers.BudgetPerEmployee = 1.005m;
        Assert.Equal(["The budget per employee can have at most two decimals."], ErrorsOf(answers, nameof(PlaybookAnswers.BudgetPerEmployee)));
    }

    [Fact]
    public void Channels_and_pain_points_must_be_known_names_in_any_case()
    {
        var answers = Valid();
        answers.Channels = ["email", "Meetings", "Pigeon"];
        answers.PainPoints = ["silos", "Boredom"];

        var (_, errors) = answers.Validate(Known, Today, "Acme", "EUR");

        Assert.Equal(["Unknown channel “Meetings”: choose from Email, Chat and NoticeBoard (meetings are always assumed).",
            "Unknown channel “Pigeon”: choose from Email, Chat and NoticeBoard (meetings are always assumed)."],
            errors.Where(e => e.Field == nameof(PlaybookAnswers.Channels)).Select(e => e.English));
        Assert.Single(errors, e => e.Field == nameof(PlaybookAnswers.PainPoints));
        answers.Channels = [];
        answers.PainPoints = [];
        var (profile, _) = answers.Validate(Known, Today, "Acme", "EUR");
        Assert.Equal(Channels.None, profile!.Channels);
        Assert.Equal(Channels.Meetings, profile.Available);
    }

    [Fact]
    public void The_start_date_is_required_and_between_a_year_ago_and_two_years_ahead()
    {
        var answers = Valid();
        answers.StartsOn = null;
        Assert.Equal(["Enter the date the plan starts."], ErrorsOf(answers, nameof(PlaybookAnswers.StartsOn)));

        answers.StartsOn = Today.AddYears(2).AddDays(1);
        Assert.Equal(["The plan must start between 2024-06-02 and 2027-06-02."], ErrorsOf(answers, nameof(PlaybookAnswers.StartsOn)));
        answers.StartsOn = Today.AddYears(-1);
        Assert.NotNull(answers.Validate(Known, Today, "Acme", "EUR").Profile);
    }

    [Fact]
    public void A_typed_company_name_wins_over_the_settings_and_is_limited()
    {
        var answers = Valid();
        answers.CompanyName = "  Brightwheel  ";
        Assert.Equal("Brightwheel", answers.Validate(Known, Today, "Acme", "EUR").Profile!.CompanyName);

        answers.CompanyName = new string('x', 201);
        Assert.Single(ErrorsOf(answers, nameof(PlaybookAnswers.CompanyName)));
    }

    [Fact]
    public void Answers_round_trip_through_a_profile()
    {
        var (profile, _) = Valid().Validate(Known, Today, "Acme", "EUR");

        var again = PlaybookAnswers.From(profile!).Validate(Known, Today, "Other", "EUR").Profile!;

        Assert.Equal(profile! with { DepartmentIds = [] }, again with { DepartmentIds = [] });
        Assert.Equal(profile.DepartmentIds, again.DepartmentIds);
    }
}
