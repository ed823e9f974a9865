using Inward.Features.Plan;

namespace Inward.Features.Playbook;

/// <summary>Why a tactic was chosen: the rule's id (stable, for machines) and its sentence.</summary>
public sealed record RuleReason(string Rule, LocalisedText Text);

/// <summary>
/// A chosen tactic. <see cref="Week"/> (1–13) is set for the 90-day plan, null for initiatives that start later in
/// the year; <see cref="Month"/> (1–12) is the month of the plan it starts in. <see cref="GoalIndex"/> points into
/// <see cref="PlaybookProposal.Goals"/>.
/// </summary>
public sealed record ProposedInitiative(
    Tactic Tactic, int Rank, int? Week, int? EndWeek, int Month, DateOnly StartsOn, DateOnly EndsOn,
    LocalisedText OwnerRole, decimal Cost, int GoalIndex, IReadOnlyList<RuleReason> Reasons)
{
    public bool InFirst90Days => Week is not null;
    public LocalisedText Name => new(Tactic.Name, []);
    public LocalisedText Summary => new(Tactic.Summary, []);
}

/// <summary>A tactic the rules considered and left out, with the reason.</summary>
public sealed record SkippedTactic(Tactic Tactic, string Rule, LocalisedText Reason);

/// <summary>A fixed step of the calendar that is not a tactic, e.g. the 90-day review.</summary>
public sealed record Milestone(int Month, int? Week, LocalisedText Text);

public sealed record ProposedKpi(LocalisedText Name, Plan.KpiSource Source, string? MetricKey, string Unit, decimal Target, Plan.KpiDirection Direction);

/// <summary>A goal of the proposal; <see cref="Serves"/> are the pain points its initiatives address.</summary>
public sealed record ProposedGoal(string Code, LocalisedText Title, LocalisedText Description, PainPoints Serves, ProposedKpi Kpi);

/// <summary>One quarter of the 12-month outline: what starts or happens in each of its months.</summary>
public sealed record OutlineQuarter(int Number, IReadOnlyList<OutlineMonth> Months);

public sealed record OutlineMonth(int Number, DateOnly StartsOn, IReadOnlyList<LocalisedText> Items);

/// <summary>A line of a Markdown template: a Markdown prefix ("# ", "- ", "1. ") and its text; no text is a blank line.</summary>
public sealed record TemplateLine(string Prefix, LocalisedText? Text);

public sealed record PlaybookTemplate(string Kind, LocalisedText Title, IReadOnlyList<TemplateLine> Lines);

/// <summary>What the playbook proposes for a profile. Initiatives are ordered by start, then rank.</summary>
public sealed record PlaybookProposal(
    PlaybookProfile Profile,
    IReadOnlyList<ProposedInitiative> Initiatives,
    IReadOnlyList<Milestone> Milestones,
    IReadOnlyList<ProposedGoal> Goals,
    IReadOnlyList<OutlineQuarter> Outline,
    IReadOnlyList<SkippedTactic> Skipped,
    IReadOnlyList<PlaybookTemplate> Templates)
{
    public decimal TotalBudget => Profile.TotalBudget;
    public decimal TotalCost => Initiatives.Sum(i => i.Cost);
    public IEnumerable<ProposedInitiative> First90Days => Initiatives.Where(i => i.InFirst90Days);
    public IEnumerable<ProposedInitiative> LaterInTheYear => Initiatives.Where(i => !i.InFirst90Days);

    /// <summary>Date of the first day of a week of the 90-day plan (1–13).</summary>
    public DateOnly WeekStarts(int week) => Profile.StartsOn.AddDays(7 * (week - 1));
}

/// <summary>
/// The playbook's rules: a pure, deterministic function from a company profile to a 90-day plan, a 12-month outline,
/// goals and templates. Every initiative carries the rules that chose it; every left-out candidate says why.
/// <list type="number">
/// <item>Foundation: the kick-off briefing and open information in week 1, the contact map in week 2, always.</item>
/// <item>Pain points add their tactics (<see cref="TacticsFor"/>); other tactics that address a chosen pain point follow.</item>
/// <item>A frontline share of at least 50 % adds shift huddles, ranks frontline-friendly notice-board and meeting tactics
/// first and leaves out tactics made for desk staff.</item>
/// <item>A tactic needs one of the company's channels (meetings always count), two departments if it works between
/// departments, and low or medium effort below 20 people.</item>
/// <item>Costs are the catalogue's yearly costs for the company's size; the running total never exceeds the budget
/// (budget per employee × employees), so a zero budget keeps only the tactics that cost nothing but time.</item>
/// <item>Rank: foundation, then tactics chosen by more rules, then those addressing more pain points, then frontline
/// fit; ties keep catalogue order. The first 10 form the 90-day plan (one new start a week from week 3), the next 6
/// start later in the year, spread over months 4–12.</item>
/// </list>
/// </summary>
public static class PlaybookRules
{
    public const int MaxIn90Days = 10;
    public const int MaxLaterInTheYear = 6;
    public const int Weeks = 13;

    /// <summary>Rule ids, as they appear in <see cref="RuleReason.Rule"/> and <see cref="SkippedTactic.Rule"/>.</summary>
    public static class Rules
    {
        public const string Foundation = "foundation";
        public const string PainPoint = "pain-point";
        public const string AlsoHelps = "also-helps";
        public const string Starter = "starter";
        public const string Frontline = "frontline";
        public const string FrontlineFit = "frontline-fit";
        public const string DeskOnly = "desk-only";
        public const string NoChannel = "no-channel";
        public const string OneDepartment = "one-department";
        public const string SmallCompany = "small-company";
        public const string ZeroBudget = "zero-budget";
        public const string OverBudget = "over-budget";
        public const string Full = "full";
    }

    private static readonly TextKeys T = new();

    /// <summary>The three tactics every playbook starts with, in their order and week.</summary>
    public static readonly IReadOnlyList<(string Key, int Week)> Foundation =
        [("kickoff-briefing", 1), ("open-information", 1), ("contact-map", 2)];

    /// <summary>Tactics each pain point adds, in order.</summary>
    public static IReadOnlyList<string> TacticsFor(PainPoints pain) => pain switch
    {
        PainPoints.Turnover => ["onboarding-buddy", "pulse-survey"],
        PainPoints.PoorServiceScores => ["role-cards", "contact-map", "strategy-in-training"],
        PainPoints.Silos => ["cross-department", "isq-survey"],
        PainPoints.LowMorale => ["recognition-programme", "celebrate-wins", "pulse-survey"],
        PainPoints.NewStrategy => ["manager-cascade", "tailored-messages", "brand-story"],
        PainPoints.Growth => ["onboarding-buddy", "ongoing-training"],
        _ => [],
    };

    /// <summary>When no pain point is named: a free, light start that suits any company.</summary>
    public static readonly IReadOnlyList<string> StarterTactics = ["pulse-survey", "celebrate-wins", "role-cards"];

    public static LocalisedText NameOf(PainPoints pain) => pain switch
    {
        PainPoints.Turnover => T["Staff turnover"],
        PainPoints.PoorServiceScores => T["Poor service scores"],
        PainPoints.Silos => T["Silos between departments"],
        PainPoints.LowMorale => T["Low morale"],
        PainPoints.NewStrategy => T["A new strategy to roll out"],
        PainPoints.Growth => T["Growth and hiring"],
        _ => T["None"],
    };

    public static LocalisedText NameOf(Channels channel) => channel switch
    {
        Channels.Email => T["E-mail"],
        Channels.Chat => T["Chat tool"],
        Channels.NoticeBoard => T["Notice boards"],
        Channels.Meetings => T["Meetings"],
        _ => T["None"],
    };

    private static IEnumerable<PainPoints> Each(PainPoints pains) =>
        PlaybookAnswers.PainPointChoices.Where(p => pains.HasFlag(p));

    private sealed class Candidate(Tactic tactic, int index)
    {
        public Tactic Tactic { get; } = tactic;
        public int Index { get; } = index;
        public int? FoundationOrder { get; set; }
        public int Score { get; set; }
        public List<RuleReason> Reasons { get; } = [];
    }

    public static PlaybookProposal Propose(PlaybookProfile profile, IReadOnlyList<Tactic> catalogue)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(catalogue);
        var candidates = Candidates(profile, catalogue);
        var ranked = candidates.Values
            .OrderBy(c => c.FoundationOrder ?? int.MaxValue)
            .ThenByDescending(c => c.Score)
            .ThenBy(c => c.Index)
            .ToList();

        var chosen = new List<Candidate>();
        var skipped = new List<SkippedTactic>();
        var remaining = profile.TotalBudget;
        foreach (var c in ranked)
        {
            var cost = c.Tactic.CostFor(profile.CompanySize);
            var refusal = Refusal(profile, c.Tactic, cost, remaining, chosen.Count);
            if (refusal is not null)
            {
                skipped.Add(new SkippedTactic(c.Tactic, refusal.Rule, refusal.Text));
                continue;
            }
            remaining -= cost;
            chosen.Add(c);
        }

        var goals = Goals(profile.PainPoints);
        var initiatives = Schedule(profile, chosen, goals);
        var milestones = Milestones(profile, initiatives);
        var proposal = new PlaybookProposal(profile, initiatives, milestones, goals, Outline(profile, initiatives, milestones), skipped, []);
        return proposal with { Templates = PlaybookTemplates.Write(proposal) };
    }

    private static Dictionary<string, Candidate> Candidates(PlaybookProfile profile, IReadOnlyList<Tactic> catalogue)
    {
        var byKey = new Dictionary<string, Candidate>(StringComparer.Ordinal);
        Candidate Get(string key)
        {
            if (!byKey.TryGetValue(key, out var c))
            {
                var index = catalogue.ToList().FindIndex(t => t.Key == key);
                if (index < 0)
                {
                    throw new InvalidOperationException($"The playbook needs the tactic \"{key}\", which the catalogue lacks.");
                }
                c = byKey[key] = new Candidate(catalogue[index], index);
            }
            return c;
        }

        for (var i = 0; i < Foundation.Count; i++)
        {
            var c = Get(Foundation[i].Key);
            c.FoundationOrder = i;
            c.Reasons.Add(new(Rules.Foundation,
                T["Every playbook starts with it: in weeks 1–2 everyone hears the plan, can read it at any time and learns where we meet our customers."]));
        }
        if (profile.HighFrontline)
        {
            var c = Get("shift-huddles");
            c.Score += 100;
            c.Reasons.Add(new(Rules.Frontline,
                T["{0} % of your people work on the front line: a few minutes at the start of each shift and a notice board reach them where they work.", profile.FrontlineSharePercent]));
        }
        foreach (var pain in Each(profile.PainPoints))
        {
            foreach (var key in TacticsFor(pain))
            {
                var c = Get(key);
                c.Score += 100;
                c.Reasons.Add(new(Rules.PainPoint, T["It answers your pain point “{0}”.", NameOf(pain)]));
            }
        }
        if (profile.PainPoints == PainPoints.None)
        {
            foreach (var key in StarterTactics)
            {
                var c = Get(key);
                c.Score += 100;
                c.Reasons.Add(new(Rules.Starter, T["You named no particular pain point: it is a light, free start that suits any company."]));
            }
        }
        foreach (var tactic in catalogue)
        {
            // Pain points the tactic addresses beyond those whose own rule already picked it.
            var picked = byKey.TryGetValue(tactic.Key, out var existing)
                ? Each(profile.PainPoints).Where(p => TacticsFor(p).Contains(tactic.Key)).Aggregate(PainPoints.None, (a, p) => a | p)
                : PainPoints.None;
            var also = Each(tactic.Addresses & profile.PainPoints & ~picked).ToList();
            if (also.Count == 0)
            {
                continue;
            }
            var c = existing ?? Get(tactic.Key);
            c.Score += 10 * also.Count;
            c.Reasons.Add(new(Rules.AlsoHelps, T["It also helps with: {0}.", also.Select(NameOf).ToList()]));
        }
        if (profile.HighFrontline)
        {
            foreach (var c in byKey.Values.Where(c => c.FoundationOrder is null && c.Tactic.FrontlineFriendly
                && (c.Tactic.Channels & (Channels.NoticeBoard | Channels.Meetings)) != 0))
            {
                c.Score += 5;
                c.Reasons.Add(new(Rules.FrontlineFit, T["It works without a desk, through meetings or notice boards."]));
            }
        }
        return byKey;
    }

    private static RuleReason? Refusal(PlaybookProfile profile, Tactic tactic, decimal cost, decimal remaining, int chosen)
    {
        if ((tactic.Channels & profile.Available) == 0)
        {
            var needs = new[] { Channels.Email, Channels.Chat, Channels.NoticeBoard, Channels.Meetings }
                .Where(ch => tactic.Channels.HasFlag(ch)).Select(NameOf).ToList();
            return new(Rules.NoChannel, T["It needs one of these channels, which you do not have: {0}.", needs]);
        }
        if (profile.HighFrontline && !tactic.FrontlineFriendly)
        {
            return new(Rules.DeskOnly, T["It reaches mainly desk staff, and {0} % of your people work on the front line.", profile.FrontlineSharePercent]);
        }
        if (tactic.NeedsSeveralDepartments && profile.DepartmentCount < 2)
        {
            return new(Rules.OneDepartment, T["It works between departments, and you have only one."]);
        }
        if (tactic.Effort == Effort.High && profile.CompanySize < PlaybookProfile.SmallCompany)
        {
            return new(Rules.SmallCompany, T["It takes too much effort for a company of fewer than {0} people.", PlaybookProfile.SmallCompany]);
        }
        if (cost > 0 && profile.TotalBudget == 0)
        {
            return new(Rules.ZeroBudget, T["It costs money, and the budget is zero: the playbook keeps to tactics that cost only time."]);
        }
        if (cost > remaining)
        {
            return new(Rules.OverBudget, T["It would cost {0:#,0.##} {1}, more than the {2:#,0.##} {1} left in the budget.", cost, profile.Currency, remaining]);
        }
        if (chosen >= MaxIn90Days + MaxLaterInTheYear)
        {
            return new(Rules.Full, T["The plan already has enough to do this year; keep it for next year."]);
        }
        return null;
    }

    private static List<ProposedInitiative> Schedule(PlaybookProfile profile, List<Candidate> chosen, IReadOnlyList<ProposedGoal> goals)
    {
        var initiatives = new List<ProposedInitiative>();
        var later = chosen.Skip(MaxIn90Days).ToList();
        var nextWeek = 3;
        for (var rank = 0; rank < chosen.Count; rank++)
        {
            var c = chosen[rank];
            var t = c.Tactic;
            int? week = null, endWeek = null;
            DateOnly starts;
            if (rank < MaxIn90Days)
            {
                week = c.FoundationOrder is { } f ? Foundation[f].Week : nextWeek++;
                endWeek = Math.Min(Weeks, week.Value + t.SetUpWeeks - 1);
                starts = profile.StartsOn.AddDays(7 * (week.Value - 1));
            }
            else
            {
                // Spread over months 4–12: three later initiatives start one a quarter, six about every six weeks.
                var i = rank - MaxIn90Days;
                starts = profile.StartsOn.AddMonths(3 + (i * 9 / later.Count));
            }
            var ends = t.Recurring ? profile.EndsOn
                : endWeek is { } e ? profile.StartsOn.AddDays((7 * e) - 1)
                : Min(profile.EndsOn, starts.AddDays((7 * t.SetUpWeeks) - 1));
            initiatives.Add(new ProposedInitiative(t, rank + 1, week, endWeek, MonthOf(profile, starts), starts, ends,
                OwnerRole(profile, t), t.CostFor(profile.CompanySize), GoalFor(t, c, goals), c.Reasons));
        }
        return [.. initiatives.OrderBy(i => i.StartsOn).ThenBy(i => i.Rank)];
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    /// <summary>The month of the plan (1–12) a date falls in.</summary>
    public static int MonthOf(PlaybookProfile profile, DateOnly date)
    {
        var month = 1;
        while (month < 12 && profile.StartsOn.AddMonths(month) <= date)
        {
            month++;
        }
        return month;
    }

    /// <summary>Below 20 people there are no department heads or team leads: the owner or a manager leads.</summary>
    private static LocalisedText OwnerRole(PlaybookProfile profile, Tactic tactic) =>
        profile.CompanySize < PlaybookProfile.SmallCompany && tactic.OwnerRole is "Department heads" or "Team leads"
            ? T["Owner or manager"]
            : new LocalisedText(tactic.OwnerRole, []);

    /// <summary>The first goal (after the plan goal) serving a pain point the tactic was chosen for; else the plan goal.</summary>
    private static int GoalFor(Tactic tactic, Candidate c, IReadOnlyList<ProposedGoal> goals)
    {
        if (c.FoundationOrder is not null)
        {
            return 0;
        }
        for (var g = 1; g < goals.Count; g++)
        {
            if ((goals[g].Serves & tactic.Addresses) != 0)
            {
                return g;
            }
        }
        return 0;
    }

    /// <summary>
    /// Three goals: everyone knows the plan (bound to the live plan acknowledgement rate), then one for each of the
    /// first two chosen pain points (in the wizard's order), filled up with "people feel heard" and "roles know what is
    /// expected" when fewer were chosen.
    /// </summary>
    public static IReadOnlyList<ProposedGoal> Goals(PainPoints pains)
    {
        var goals = new List<ProposedGoal>
        {
            new("plan", T["Everyone knows the plan and what it means for their work"],
                T["The plan is open to everyone; each employee reads it, acknowledges it and can suggest changes."], PainPoints.None,
                new(T["Plan acknowledgement rate"], Plan.KpiSource.Metric, "plan.acknowledgement-rate", "%", 90, Plan.KpiDirection.HigherIsBetter)),
        };
        foreach (var pain in Each(pains).Take(2))
        {
            goals.Add(GoalFor(pain));
        }
        foreach (var fallback in new[] { Heard, Expectations })
        {
            if (goals.Count < 3 && goals.All(g => g.Code != fallback.Code))
            {
                goals.Add(fallback);
            }
        }
        return goals.Take(3).ToList();
    }

    private static readonly ProposedGoal Heard = new("heard", T["People feel heard and valued"],
        T["Employees answer the pulse survey and see that their answers lead to action."], PainPoints.LowMorale | PainPoints.Turnover,
        Manual(T["Pulse survey participation"], 60));

    private static readonly ProposedGoal Expectations = new("expectations", T["Every customer-facing role knows what is expected of it"],
        T["Each role that meets customers has an expectation card, and the people in it have read it."], PainPoints.PoorServiceScores | PainPoints.NewStrategy,
        Manual(T["Customer-facing roles with an expectation card"], 100));

    private static ProposedKpi Manual(LocalisedText name, decimal target) =>
        new(name, Plan.KpiSource.Manual, null, "%", target, Plan.KpiDirection.HigherIsBetter);

    private static ProposedGoal GoalFor(PainPoints pain) => pain switch
    {
        PainPoints.Turnover => new("turnover", T["Keep the people we hire"],
            T["New colleagues are welcomed, supported and still with us after their first months."], pain,
            Manual(T["New hires still with us after 90 days"], 90)),
        PainPoints.PoorServiceScores => new("service", T["Customers rate our service higher"],
            T["Everyone who meets customers knows the brand promise and what is expected of them at that moment."], pain,
            Manual(T["Customers satisfied or very satisfied"], 85)),
        PainPoints.Silos => new("silos", T["Departments serve each other well"],
            T["Each department knows whom it serves and who serves it, and the weakest links improve."], pain,
            Manual(T["Departments rating the service they receive 4 or 5 out of 5"], 75)),
        PainPoints.LowMorale => Heard with { Serves = PainPoints.LowMorale | PainPoints.Turnover },
        PainPoints.NewStrategy => new("strategy", T["Everyone can explain the new strategy in their own words"],
            T["Every team has heard the strategy from its manager and knows what changes for its own work."], pain,
            Manual(T["Employees briefed on the new strategy"], 95)),
        PainPoints.Growth => new("growth", T["New hires find their feet quickly"],
            T["Every new hire has a buddy, check-ins after 30, 60 and 90 days and training that covers the brand."], pain,
            Manual(T["New hires with a buddy and all three check-ins"], 100)),
        _ => throw new ArgumentOutOfRangeException(nameof(pain)),
    };

    private static List<Milestone> Milestones(PlaybookProfile profile, IReadOnlyList<ProposedInitiative> initiatives)
    {
        var review = profile.StartsOn.AddDays(7 * (Weeks - 1));
        return
        [
            new(MonthOf(profile, review), Weeks, T["90-day review: check the goals' KPIs, share the results with everyone and decide what continues."]),
            new(6, null, T["Half-year review: KPIs and pulse trend, answers to every suggestion, plan update published."]),
            new(9, null, T["Quarterly review: KPIs, budget spent against planned, plan update published."]),
            new(12, null, T["Year review: results, what to keep, and next year's plan with everyone's suggestions."]),
        ];
    }

    private static List<OutlineQuarter> Outline(PlaybookProfile profile, IReadOnlyList<ProposedInitiative> initiatives, IReadOnlyList<Milestone> milestones)
    {
        var recurring = initiatives.Where(i => i.InFirst90Days && i.Tactic.Recurring).Select(i => i.Name).ToList();
        var quarters = new List<OutlineQuarter>();
        for (var q = 1; q <= 4; q++)
        {
            var months = new List<OutlineMonth>();
            for (var m = (3 * q) - 2; m <= 3 * q; m++)
            {
                var items = new List<LocalisedText>();
                if (m == 4 && recurring.Count > 0)
                {
                    items.Add(T["Keep going: {0}.", recurring]);
                }
                items.AddRange(initiatives.Where(i => i.Month == m).Select(i => i.InFirst90Days
                    ? T["Week {0}: {1}", i.Week!.Value, i.Name]
                    : T["Start: {0}", i.Name]));
                items.AddRange(milestones.Where(s => s.Month == m).Select(s => s.Text));
                months.Add(new OutlineMonth(m, profile.StartsOn.AddMonths(m - 1), items));
            }
            quarters.Add(new OutlineQuarter(q, months));
        }
        return quarters;
    }
}
