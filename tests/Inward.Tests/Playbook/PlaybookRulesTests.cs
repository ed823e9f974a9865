using System.Globalization;
using System.Text.Json;
using Inward.Features.Plan;
using Inward.Features.Playbook;
using Microsoft.Extensions.Localization;
using static Inward.Features.Playbook.PlaybookRules;

namespace Inward.Tests.Playbook;

public sealed class PlaybookRulesTests
{
    private static readonly DateOnly Start = new(2025, 3, 3);

    internal static PlaybookProfile Profile(
        int size = 50, int departments = 5, int frontline = 20, Channels channels = Channels.Email, decimal budget = 0,
        PainPoints pains = PainPoints.None, DateOnly? start = null, string name = "Acme") =>
        new(name, size, [], departments, frontline, channels, budget, pains, start ?? Start, "EUR");

    private static PlaybookProposal Propose(PlaybookProfile profile) => PlaybookRules.Propose(profile, TacticCatalogue.All);

    private static IEnumerable<PainPoints> AllPainCombinations() =>
        Enumerable.Range(0, 64).Select(i => (PainPoints)i);

    private static IEnumerable<Channels> AllChannelCombinations() =>
        Enumerable.Range(0, 8).Select(i => (Channels)((i & 1) * (int)Channels.Email + ((i >> 1) & 1) * (int)Channels.Chat + ((i >> 2) & 1) * (int)Channels.NoticeBoard));

    /// <summary>A broad sweep of profiles: every pain-point and channel combination over sizes, budgets and frontline shares.</summary>
    internal static IEnumerable<PlaybookProfile> Sweep()
    {
        foreach (var pains in AllPainCombinations())
        {
            foreach (var channels in AllChannelCombinations())
            {
                foreach (var (size, departments, frontline, budget) in new[] { (8, 1, 0, 0m), (19, 3, 60, 200m), (120, 11, 64, 25m), (3000, 40, 90, 1000m), (45, 4, 10, 12.5m) })
                {
                    yield return Profile(size, departments, frontline, channels, budget, pains);
                }
            }
        }
    }

    private static HashSet<string> Keys(PlaybookProposal p) => p.Initiatives.Select(i => i.Tactic.Key).ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void Zero_budget_gives_only_tactics_that_cost_nothing()
    {
        foreach (var profile in Sweep().Select(p => p with { BudgetPerEmployee = 0 }))
        {
            var proposal = Propose(profile);

            Assert.All(proposal.Initiatives, i => Assert.True(i.Tactic.IsFree, $"{i.Tactic.Key} costs money for {profile}"));
            Assert.Equal(0, proposal.TotalCost);
        }
    }

    [Fact]
    public void Zero_budget_says_why_the_paid_tactics_are_left_out()
    {
        var proposal = Propose(Profile(budget: 0, pains: PainPoints.LowMorale | PainPoints.Growth));

        var recognition = Assert.Single(proposal.Skipped, s => s.Tactic.Key == "recognition-programme");
        Assert.Equal(Rules.ZeroBudget, recognition.Rule);
        Assert.DoesNotContain("recognition-programme", Keys(proposal));
        Assert.Contains("celebrate-wins", Keys(proposal));
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(1)]
    [InlineData(9.99)]
    [InlineData(10)]
    [InlineData(24)]
    [InlineData(25)]
    [InlineData(80)]
    [InlineData(104)]
    [InlineData(105)]
    [InlineData(255)]
    [InlineData(100000)]
    public void The_total_cost_never_exceeds_the_budget(double perEmployee)
    {
        var budget = (decimal)perEmployee;
        foreach (var pains in AllPainCombinations())
        {
            foreach (var size in new[] { 1, 7, 19, 20, 64, 500, 100_000 })
            {
                var proposal = Propose(Profile(size: size, budget: budget, pains: pains, frontline: 0));

                Assert.True(proposal.TotalCost <= proposal.TotalBudget, $"{proposal.TotalCost} > {proposal.TotalBudget} for {size} people, {pains}");
                Assert.Equal(proposal.Initiatives.Sum(i => i.Tactic.CostFor(size)), proposal.TotalCost);
            }
        }
    }

    [Fact]
    public void A_budget_that_fits_takes_paid_tactics_and_one_that_does_not_leaves_them_out_with_the_amounts()
    {
        // Recognition costs 10 per person: 50 people × 10 = 500.
        var fits = Propose(Profile(size: 50, budget: 10, pains: PainPoints.LowMorale));
        var tight = Propose(Profile(size: 50, budget: 9.99m, pains: PainPoints.LowMorale));

        Assert.Equal(500, Assert.Single(fits.Initiatives, i => i.Tactic.Key == "recognition-programme").Cost);
        Assert.Equal(500, fits.TotalBudget);
        var skipped = Assert.Single(tight.Skipped, s => s.Tactic.Key == "recognition-programme");
        Assert.Equal(Rules.OverBudget, skipped.Rule);
        Assert.Equal(new object[] { 500m, "EUR", 499.5m }, skipped.Reason.Args);
    }

    [Fact]
    public void High_frontline_share_adds_shift_huddles_and_prefers_notice_board_and_meeting_tactics()
    {
        var proposal = Propose(Profile(frontline: 80, channels: Channels.Email | Channels.NoticeBoard, budget: 50,
            pains: PainPoints.Silos | PainPoints.NewStrategy));

        var huddles = Assert.Single(proposal.First90Days, i => i.Tactic.Key == "shift-huddles");
        Assert.Contains(huddles.Reasons, r => r.Rule == Rules.Frontline);
        Assert.All(proposal.Initiatives, i => Assert.True(i.Tactic.FrontlineFriendly, i.Tactic.Key));
        // Only a tactic a pain point asks for by name may reach people through e-mail or chat alone.
        Assert.All(proposal.Initiatives.Where(i => (i.Tactic.Channels & (Channels.NoticeBoard | Channels.Meetings)) == 0),
            i => Assert.Contains(i.Reasons, r => r.Rule == Rules.PainPoint));
        var desk = Assert.Single(proposal.Skipped, s => s.Tactic.Key == "collaboration-tools");
        Assert.Equal(Rules.DeskOnly, desk.Rule);
    }

    [Fact]
    public void High_frontline_share_moves_shift_huddles_up_and_adds_the_frontline_fit_reason()
    {
        var low = Propose(Profile(frontline: 10, channels: Channels.Email, pains: PainPoints.NewStrategy));
        var high = Propose(Profile(frontline: 90, channels: Channels.Email, pains: PainPoints.NewStrategy));

        var lowHuddles = low.Initiatives.Single(i => i.Tactic.Key == "shift-huddles");
        var highHuddles = high.Initiatives.Single(i => i.Tactic.Key == "shift-huddles");
        Assert.DoesNotContain(lowHuddles.Reasons, r => r.Rule == Rules.Frontline);
        Assert.Contains(highHuddles.Reasons, r => r.Rule == Rules.Frontline);
        Assert.Equal(4, highHuddles.Rank);
        Assert.True(lowHuddles.Rank > 6, $"shift huddles rank {lowHuddles.Rank} at a low frontline share");
        Assert.Contains(high.Initiatives.Where(i => i.Rank > 3), i => i.Reasons.Any(r => r.Rule == Rules.FrontlineFit));
        Assert.DoesNotContain(low.Initiatives, i => i.Reasons.Any(r => r.Rule == Rules.FrontlineFit));
    }

    [Fact]
    public void Without_email_or_chat_no_tactic_that_needs_only_them_is_chosen()
    {
        foreach (var channels in new[] { Channels.None, Channels.NoticeBoard })
        {
            foreach (var frontline in new[] { 0, 50, 100 })
            {
                var proposal = Propose(Profile(frontline: frontline, channels: channels, budget: 1000, pains: (PainPoints)63));

                Assert.All(proposal.Initiatives, i => Assert.NotEqual(Channels.None, i.Tactic.Channels & ~(Channels.Email | Channels.Chat)));
                Assert.DoesNotContain("isq-survey", Keys(proposal));
                Assert.Equal(Rules.NoChannel, proposal.Skipped.Single(s => s.Tactic.Key == "isq-survey").Rule);
            }
        }
    }

    [Fact]
    public void Every_chosen_tactic_has_a_channel_the_company_has_and_meetings_always_count()
    {
        foreach (var profile in Sweep())
        {
            var proposal = Propose(profile);

            Assert.All(proposal.Initiatives, i => Assert.NotEqual(Channels.None, i.Tactic.Channels & (profile.Channels | Channels.Meetings)));
            Assert.All(proposal.Skipped.Where(s => s.Rule == Rules.NoChannel),
                s => Assert.Equal(Channels.None, s.Tactic.Channels & (profile.Channels | Channels.Meetings)));
        }
    }

    [Fact]
    public void Silos_adds_cross_department_collaboration_and_the_internal_service_quality_survey()
    {
        var without = Propose(Profile(pains: PainPoints.None));
        var with = Propose(Profile(pains: PainPoints.Silos));

        Assert.DoesNotContain("cross-department", Keys(without));
        Assert.DoesNotContain("isq-survey", Keys(without));
        foreach (var key in new[] { "cross-department", "isq-survey" })
        {
            var initiative = Assert.Single(with.First90Days, i => i.Tactic.Key == key);
            Assert.True(initiative.Tactic.CrossDepartment);
            Assert.Contains(initiative.Reasons, r => r.Rule == Rules.PainPoint && r.Text.Args.Contains(NameOf(PainPoints.Silos)));
        }
    }

    [Fact]
    public void Silos_in_a_company_with_one_department_leaves_out_what_works_between_departments()
    {
        var proposal = Propose(Profile(departments: 1, pains: PainPoints.Silos | PainPoints.NewStrategy));

        Assert.DoesNotContain("cross-department", Keys(proposal));
        Assert.DoesNotContain("tailored-messages", Keys(proposal));
        Assert.Equal(Rules.OneDepartment, proposal.Skipped.Single(s => s.Tactic.Key == "isq-survey").Rule);
    }

    [Fact]
    public void Turnover_adds_onboarding_buddies_and_the_pulse_survey()
    {
        var proposal = Propose(Profile(pains: PainPoints.Turnover));

        Assert.Contains("onboarding-buddy", Keys(proposal));
        Assert.Contains("pulse-survey", Keys(proposal));
        Assert.All(proposal.Initiatives.Where(i => i.Tactic.Key is "onboarding-buddy" or "pulse-survey"),
            i => Assert.Equal(Rules.PainPoint, i.Reasons[0].Rule));
    }

    public static TheoryData<PainPoints, string[]> PainPointTactics => new()
    {
        { PainPoints.Turnover, ["onboarding-buddy", "pulse-survey"] },
        { PainPoints.PoorServiceScores, ["role-cards", "contact-map", "strategy-in-training"] },
        { PainPoints.Silos, ["cross-department", "isq-survey"] },
        { PainPoints.LowMorale, ["recognition-programme", "celebrate-wins", "pulse-survey"] },
        { PainPoints.NewStrategy, ["manager-cascade", "tailored-messages", "brand-story"] },
        { PainPoints.Growth, ["onboarding-buddy", "ongoing-training"] },
    };

    [Theory]
    [MemberData(nameof(PainPointTactics))]
    public void Each_pain_point_adds_its_tactics_to_the_first_90_days(PainPoints pain, string[] tactics)
    {
        var proposal = Propose(Profile(size: 60, budget: 200, pains: pain));

        var first = proposal.First90Days.Select(i => i.Tactic.Key).ToHashSet(StringComparer.Ordinal);
        Assert.Subset(first, tactics.ToHashSet(StringComparer.Ordinal));
        Assert.Equal(tactics, TacticsFor(pain));
    }

    [Fact]
    public void Small_companies_skip_high_effort_tactics()
    {
        var small = Propose(Profile(size: 19, budget: 500, pains: PainPoints.Growth | PainPoints.Turnover));
        var bigger = Propose(Profile(size: 20, budget: 500, pains: PainPoints.Growth | PainPoints.Turnover));

        Assert.DoesNotContain(small.Initiatives, i => i.Tactic.Effort == Effort.High);
        Assert.Equal(Rules.SmallCompany, small.Skipped.Single(s => s.Tactic.Key == "ongoing-training").Rule);
        Assert.Contains("ongoing-training", Keys(bigger));
        foreach (var profile in Sweep().Where(p => p.CompanySize < PlaybookProfile.SmallCompany))
        {
            Assert.DoesNotContain(Propose(profile).Initiatives, i => i.Tactic.Effort == Effort.High);
        }
    }

    [Fact]
    public void Small_companies_give_team_lead_and_department_head_work_to_the_owner_or_a_manager()
    {
        var small = Propose(Profile(size: 12, pains: PainPoints.Growth));
        var bigger = Propose(Profile(size: 40, pains: PainPoints.Growth));

        Assert.Equal("Owner or manager", small.Initiatives.Single(i => i.Tactic.Key == "contact-map").OwnerRole.Key);
        Assert.Equal("Department heads", bigger.Initiatives.Single(i => i.Tactic.Key == "contact-map").OwnerRole.Key);
        Assert.Equal("Team leads", bigger.Initiatives.Single(i => i.Tactic.Key == "onboarding-buddy").OwnerRole.Key);
        Assert.Equal("Managing director", small.Initiatives.Single(i => i.Tactic.Key == "kickoff-briefing").OwnerRole.Key);
    }

    [Fact]
    public void The_same_input_gives_the_identical_proposal()
    {
        var localizer = new KeyLocalizer();
        foreach (var profile in Sweep().Where((_, i) => i % 7 == 0))
        {
            var copy = profile with { DepartmentIds = [.. profile.DepartmentIds] };

            var first = JsonSerializer.Serialize(PlaybookView.Of(Propose(profile), localizer));
            var second = JsonSerializer.Serialize(PlaybookView.Of(Propose(copy), localizer));

            Assert.Equal(first, second);
        }
    }

    [Fact]
    public void The_order_of_the_answers_does_not_change_the_proposal()
    {
        var known = new HashSet<int> { 3, 7 };
        PlaybookProfile Validated(string[] channels, string[] pains, int[] departments) => new PlaybookAnswers
        {
            CompanySize = 30, DepartmentIds = [.. departments], FrontlineSharePercent = 40, Channels = [.. channels],
            BudgetPerEmployee = 20, PainPoints = [.. pains], StartsOn = Start,
        }.Validate(known, Start, "Acme", "EUR").Profile!;

        var a = Validated(["Email", "NoticeBoard"], ["Silos", "Turnover"], [3, 7]);
        var b = Validated(["noticeboard", "EMAIL", "Email"], ["Turnover", "Silos"], [7, 3, 7]);

        var localizer = new KeyLocalizer();
        Assert.Equal(JsonSerializer.Serialize(PlaybookView.Of(Propose(a), localizer)), JsonSerializer.Serialize(PlaybookView.Of(Propose(b), localizer)));
        Assert.Equal(2, a.DepartmentCount);
    }

    [Fact]
    public void Every_initiative_says_why_it_was_chosen()
    {
        var localizer = new KeyLocalizer();
        foreach (var profile in Sweep())
        {
            var proposal = Propose(profile);
            var view = PlaybookView.Of(proposal, localizer);

            Assert.All(proposal.Initiatives, i => Assert.NotEmpty(i.Reasons));
            Assert.All(view.Initiatives, i => Assert.False(string.IsNullOrWhiteSpace(i.Why), i.TacticKey));
            Assert.All(proposal.Skipped, s => Assert.False(string.IsNullOrWhiteSpace(s.Reason.Render(localizer))));
        }
    }

    [Fact]
    public void The_plan_starts_with_the_kickoff_and_open_information_in_week_1_and_the_contact_map_in_week_2()
    {
        foreach (var profile in Sweep())
        {
            var first = Propose(profile).Initiatives.Take(3).Select(i => (i.Tactic.Key, i.Week, i.Rank)).ToList();

            Assert.Equal(new (string, int?, int)[] { ("kickoff-briefing", 1, 1), ("open-information", 1, 2), ("contact-map", 2, 3) }, first);
        }
    }

    [Fact]
    public void Weeks_run_in_order_within_13_weeks_and_later_initiatives_start_in_months_4_to_12()
    {
        foreach (var profile in Sweep())
        {
            var proposal = Propose(profile);
            var first = proposal.First90Days.ToList();
            var later = proposal.LaterInTheYear.ToList();

            Assert.InRange(first.Count, 3, MaxIn90Days);
            Assert.InRange(later.Count, 0, MaxLaterInTheYear);
            Assert.True(later.Count == 0 || first.Count == MaxIn90Days, "later initiatives only once the 90 days are full");
            Assert.All(first, i => Assert.InRange(i.Week!.Value, 1, Weeks));
            Assert.All(first, i => Assert.InRange(i.EndWeek!.Value, i.Week!.Value, Weeks));
            Assert.Equal(first.Select(i => i.Week).Order(), first.Select(i => i.Week));
            Assert.Equal(first.Select(i => i.Rank).Order(), first.Select(i => i.Rank));
            Assert.All(first, i => Assert.Equal(proposal.WeekStarts(i.Week!.Value), i.StartsOn));
            Assert.All(later, i => Assert.InRange(i.Month, 4, 12));
            Assert.Equal(later.Select(i => i.StartsOn).Order(), later.Select(i => i.StartsOn));
            Assert.All(proposal.Initiatives, i => Assert.InRange(i.EndsOn, i.StartsOn, profile.EndsOn));
            Assert.Equal(Enumerable.Range(1, proposal.Initiatives.Count), proposal.Initiatives.Select(i => i.Rank).Order());
        }
    }

    [Fact]
    public void Many_pain_points_fill_ten_initiatives_in_90_days_and_keep_the_rest_for_later_or_next_year()
    {
        var proposal = Propose(Profile(size: 200, budget: 1000, frontline: 10, channels: Channels.Email | Channels.Chat | Channels.NoticeBoard,
            pains: (PainPoints)63));

        Assert.Equal(MaxIn90Days, proposal.First90Days.Count());
        Assert.Equal(MaxLaterInTheYear, proposal.LaterInTheYear.Count());
        Assert.Contains(proposal.Skipped, s => s.Rule == Rules.Full);
        Assert.Equal(Enumerable.Range(3, 7), proposal.First90Days.Skip(3).Select(i => i.Week!.Value));
    }

    [Fact]
    public void Ties_keep_catalogue_order()
    {
        var proposal = Propose(Profile(pains: PainPoints.None, frontline: 0));

        var starters = proposal.Initiatives.Skip(3).Select(i => i.Tactic.Key).ToList();
        var catalogueOrder = TacticCatalogue.All.Select(t => t.Key).Where(StarterTactics.Contains).ToList();
        Assert.Equal(catalogueOrder, starters);
        Assert.Equal(["celebrate-wins", "pulse-survey", "role-cards"], starters);
    }

    [Fact]
    public void Tactics_chosen_by_more_rules_rank_first()
    {
        // The pulse survey answers both turnover and low morale; recognition and onboarding only one each.
        var proposal = Propose(Profile(size: 50, budget: 50, pains: PainPoints.Turnover | PainPoints.LowMorale));

        Assert.Equal("pulse-survey", proposal.Initiatives[3].Tactic.Key);
        Assert.Equal(2, proposal.Initiatives[3].Reasons.Count(r => r.Rule == Rules.PainPoint));
    }

    [Fact]
    public void Three_goals_start_with_the_live_plan_acknowledgement_rate_and_follow_the_pain_points()
    {
        var none = Propose(Profile(pains: PainPoints.None)).Goals;
        var silos = Propose(Profile(pains: PainPoints.Silos | PainPoints.Growth | PainPoints.Turnover)).Goals;
        var morale = Propose(Profile(pains: PainPoints.LowMorale)).Goals;

        foreach (var goals in new[] { none, silos, morale })
        {
            Assert.Equal(3, goals.Count);
            Assert.Equal(KpiSource.Metric, goals[0].Kpi.Source);
            Assert.Equal("plan.acknowledgement-rate", goals[0].Kpi.MetricKey);
            Assert.Equal(90, goals[0].Kpi.Target);
            Assert.All(goals.Skip(1), g => Assert.Equal(KpiSource.Manual, g.Kpi.Source));
            Assert.Equal(3, goals.Select(g => g.Code).Distinct().Count());
        }
        Assert.Equal(["plan", "heard", "expectations"], none.Select(g => g.Code));
        Assert.Equal(["plan", "turnover", "silos"], silos.Select(g => g.Code));
        Assert.Equal(["plan", "heard", "expectations"], morale.Select(g => g.Code));
    }

    [Fact]
    public void Initiatives_serve_the_goal_of_the_pain_point_they_answer()
    {
        var proposal = Propose(Profile(pains: PainPoints.Silos));

        Assert.Equal("silos", proposal.Goals[proposal.Initiatives.Single(i => i.Tactic.Key == "isq-survey").GoalIndex].Code);
        Assert.Equal("plan", proposal.Goals[proposal.Initiatives.Single(i => i.Tactic.Key == "kickoff-briefing").GoalIndex].Code);
    }

    [Fact]
    public void The_outline_covers_twelve_months_in_four_quarters_with_the_reviews()
    {
        var proposal = Propose(Profile(size: 200, budget: 1000, pains: (PainPoints)63));

        Assert.Equal([1, 2, 3, 4], proposal.Outline.Select(q => q.Number));
        Assert.Equal(Enumerable.Range(1, 12), proposal.Outline.SelectMany(q => q.Months).Select(m => m.Number));
        Assert.Equal(Start.AddMonths(11), proposal.Outline[3].Months[2].StartsOn);
        var items = proposal.Outline.SelectMany(q => q.Months).SelectMany(m => m.Items).ToList();
        Assert.Equal(proposal.Initiatives.Count, items.Count(i => i.Key is "Week {0}: {1}" or "Start: {0}"));
        Assert.Contains(proposal.Outline[3].Months[2].Items, i => i.Key.StartsWith("Year review", StringComparison.Ordinal));
        Assert.Contains(proposal.Milestones, m => m.Week == Weeks);
    }

    [Fact]
    public void Templates_are_filled_with_the_company_name_and_the_chosen_initiatives()
    {
        var localizer = new KeyLocalizer();
        var proposal = Propose(Profile(name: "Brightwheel Cycles", budget: 20, pains: PainPoints.LowMorale | PainPoints.Growth, channels: Channels.Chat));
        var templates = PlaybookView.Of(proposal, localizer).Templates.ToDictionary(t => t.Kind);

        Assert.Equal([PlaybookTemplates.Announcement, PlaybookTemplates.KickoffAgenda, PlaybookTemplates.PulseSurvey, PlaybookTemplates.RecognitionRules],
            templates.Keys);
        Assert.All(templates.Values, t => Assert.Contains("Brightwheel Cycles", t.Markdown, StringComparison.Ordinal));
        Assert.StartsWith("# ", templates[PlaybookTemplates.Announcement].Markdown, StringComparison.Ordinal);
        Assert.Contains("Week 1: Plan kick-off briefings", templates[PlaybookTemplates.Announcement].Markdown, StringComparison.Ordinal);
        foreach (var i in proposal.First90Days)
        {
            Assert.Contains(i.Tactic.Name, templates[PlaybookTemplates.KickoffAgenda].Markdown, StringComparison.Ordinal);
        }
        var questions = templates[PlaybookTemplates.PulseSurvey].Markdown.Split('\n').Where(l => l.Length > 2 && char.IsDigit(l[0]) && l[1] == '.').ToList();
        Assert.Equal(3, questions.Count);
        Assert.Contains("I feel recognised", questions[1], StringComparison.Ordinal);
        Assert.Contains("team chat", templates[PlaybookTemplates.RecognitionRules].Markdown, StringComparison.Ordinal);
        Assert.Contains("10 EUR", templates[PlaybookTemplates.RecognitionRules].Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Recognition_rules_without_budget_promise_no_prizes()
    {
        var markdown = PlaybookView.Of(Propose(Profile(budget: 0, pains: PainPoints.LowMorale)), new KeyLocalizer())
            .Templates.Single(t => t.Kind == PlaybookTemplates.RecognitionRules).Markdown;

        Assert.Contains("There are no prizes", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void The_catalogue_has_unique_keys_owner_roles_and_set_up_times()
    {
        Assert.Equal(TacticCatalogue.All.Count, TacticCatalogue.All.Select(t => t.Key).Distinct().Count());
        Assert.All(TacticCatalogue.All, t => Assert.False(string.IsNullOrWhiteSpace(t.OwnerRole)));
        Assert.All(TacticCatalogue.All, t => Assert.InRange(t.SetUpWeeks, 1, 8));
        Assert.All(Foundation, f => Assert.True(TacticCatalogue.Find(f.Key)!.IsFree));
    }
}

/// <summary>A localiser that answers with the English key, formatted: tests read the proposal in English.</summary>
internal sealed class KeyLocalizer : IStringLocalizer
{
    public LocalizedString this[string name] => new(name, name);

    public LocalizedString this[string name, params object[] arguments] =>
        new(name, string.Format(CultureInfo.InvariantCulture, name, arguments));

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
}
