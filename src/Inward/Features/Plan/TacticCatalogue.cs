namespace Inward.Features.Plan;

/// <summary>Ways a company reaches its staff; a tactic names the ones it can use (any of them is enough).</summary>
[Flags]
public enum Channels
{
    None = 0,
    Email = 1,
    Chat = 2,
    NoticeBoard = 4,
    /// <summary>Face-to-face meetings: every company has them, so tactics needing only meetings always fit.</summary>
    Meetings = 8,
}

/// <summary>Problems a company wants internal marketing to help with (the playbook wizard asks for them).</summary>
[Flags]
public enum PainPoints
{
    None = 0,
    Turnover = 1,
    PoorServiceScores = 2,
    Silos = 4,
    LowMorale = 8,
    NewStrategy = 16,
    Growth = 32,
}

public enum Effort
{
    Low,
    Medium,
    High,
}

/// <summary>
/// A tactic of the catalogue. Costs are yearly estimates in the company currency: <see cref="FixedCost"/> for the
/// company plus <see cref="CostPerEmployee"/> per person reached; zero means it costs only time.
/// Name, summary and <see cref="SuitedTo"/> are English keys for the localiser.
/// </summary>
public sealed record Tactic(
    string Key,
    string Name,
    string Summary,
    decimal FixedCost,
    decimal CostPerEmployee,
    Effort Effort,
    Channels Channels,
    PainPoints Addresses,
    bool FrontlineFriendly,
    bool CrossDepartment,
    string SuitedTo,
    bool FromSeedArticle)
{
    public bool IsFree => FixedCost == 0 && CostPerEmployee == 0;

    /// <summary>Who usually leads it, an English localiser key ("HR lead", "Communicator", "Department heads", ...).</summary>
    public string OwnerRole { get; init; } = "HR lead";

    /// <summary>Keeps running once started (a monthly pulse), rather than being done once (a contact map).</summary>
    public bool Recurring { get; init; }

    /// <summary>Weeks it takes to set up or to do once.</summary>
    public int SetUpWeeks { get; init; } = 1;

    /// <summary>Makes sense only with at least two departments (it works between them).</summary>
    public bool NeedsSeveralDepartments { get; init; }

    public decimal CostFor(int employees) => FixedCost + (CostPerEmployee * employees);
}

/// <summary>
/// The built-in tactic catalogue: the twelve tactics of the internal-marketing article (seed 004), in our words,
/// plus tactics that make them concrete for a small company. Keys are stable: initiatives store them.
/// </summary>
public static class TacticCatalogue
{
    private const Channels Any = Channels.Email | Channels.Chat | Channels.NoticeBoard | Channels.Meetings;

    public static readonly IReadOnlyList<Tactic> All =
    [
        new("contact-map", "Map every customer contact point",
            "List every place where the company meets customers and the market (phone, counter, delivery, invoices, social media) and who is there.",
            0, 0, Effort.Low, Channels.Meetings, PainPoints.PoorServiceScores | PainPoints.NewStrategy, true, true, "All departments", true) { OwnerRole = "Department heads", SetUpWeeks = 2 },
        new("top-performer-panel", "Top-performer feedback panel",
            "A small panel of top performers meets regularly and tells HR and management what helps and what hinders them.",
            0, 0, Effort.Low, Channels.Meetings, PainPoints.Turnover | PainPoints.LowMorale | PainPoints.PoorServiceScores, true, true, "All departments", true) { OwnerRole = "HR lead", Recurring = true },
        new("newsletter-radio", "Internal newsletter or in-house radio",
            "A regular newsletter, audio show or podcast that shares news, strategy and the people behind the work.",
            0, 0, Effort.Medium, Channels.Email | Channels.Chat | Channels.NoticeBoard, PainPoints.NewStrategy | PainPoints.Silos | PainPoints.LowMorale, true, false, "All departments", true) { OwnerRole = "Communicator", Recurring = true, SetUpWeeks = 2 },
        new("strategy-in-training", "Put the marketing strategy into training",
            "Every training course explains the brand promise and the marketing strategy and what they mean for the job.",
            0, 15, Effort.Medium, Channels.Meetings | Channels.Email, PainPoints.NewStrategy | PainPoints.PoorServiceScores | PainPoints.Growth, true, false, "All departments", true) { OwnerRole = "HR lead", SetUpWeeks = 4 },
        new("open-information", "Open access to information",
            "Publish the plan, goals, results and decisions where everyone can read them at any time, and update them often.",
            0, 0, Effort.Low, Any, PainPoints.NewStrategy | PainPoints.LowMorale | PainPoints.Silos, true, false, "All departments", true) { OwnerRole = "Communicator", Recurring = true },
        new("performance-incentives", "Performance-based incentives",
            "Rewards tied to clear service and sales goals, in forms people value (bonus, paid day off, family benefits).",
            0, 150, Effort.Medium, Channels.Meetings, PainPoints.Turnover | PainPoints.LowMorale | PainPoints.PoorServiceScores, true, false, "Sales, service and frontline teams", true) { OwnerRole = "HR lead", Recurring = true, SetUpWeeks = 4 },
        new("ongoing-training", "Ongoing training at every level",
            "A yearly training path for every level, from new hires to managers, refreshed as the strategy changes.",
            0, 80, Effort.High, Channels.Meetings | Channels.Email, PainPoints.Turnover | PainPoints.PoorServiceScores | PainPoints.Growth, true, false, "All departments", true) { OwnerRole = "HR lead", Recurring = true, SetUpWeeks = 4 },
        new("brand-story", "Tell the brand as a story employees take part in",
            "Tell where the company comes from and where it is going, with employees' own stories as chapters.",
            0, 0, Effort.Medium, Any, PainPoints.NewStrategy | PainPoints.LowMorale, true, false, "All departments", true) { OwnerRole = "Communicator", SetUpWeeks = 3 },
        new("collaboration-tools", "Blogs, boards and wikis",
            "Give every department a place to write down how things work and to ask and answer questions.",
            0, 0, Effort.Medium, Channels.Email | Channels.Chat, PainPoints.Silos | PainPoints.Growth, false, true, "Office and desk teams", true) { OwnerRole = "Department heads", Recurring = true, SetUpWeeks = 2 },
        new("tailored-messages", "Tailor messages to each department",
            "Say the same strategy differently to sales, service, production and IT, in terms of their own work.",
            0, 0, Effort.Medium, Any, PainPoints.Silos | PainPoints.NewStrategy, true, false, "All departments", true) { OwnerRole = "Communicator", Recurring = true, SetUpWeeks = 2, NeedsSeveralDepartments = true },
        new("celebrate-wins", "Highlight successes",
            "Share contracts won, targets met and customer praise quickly, and name the people and teams behind them.",
            0, 0, Effort.Low, Any, PainPoints.LowMorale | PainPoints.Turnover, true, false, "All departments", true) { OwnerRole = "Communicator", Recurring = true },
        new("cross-department", "Encourage collaboration between departments",
            "Job shadowing, joint problem-solving sessions and shared goals between departments that serve each other.",
            0, 0, Effort.Medium, Channels.Meetings, PainPoints.Silos | PainPoints.PoorServiceScores, true, true, "Departments that serve each other", true) { OwnerRole = "Department heads", Recurring = true, SetUpWeeks = 2, NeedsSeveralDepartments = true },
        new("kickoff-briefing", "Plan kick-off briefings",
            "Every team meets for 30 minutes to hear the plan's goals, what changes for them and how to make suggestions.",
            0, 0, Effort.Low, Channels.Meetings, PainPoints.NewStrategy | PainPoints.Silos | PainPoints.LowMorale, true, false, "All departments", false) { OwnerRole = "Managing director" },
        new("pulse-survey", "Monthly pulse survey",
            "Three anonymous questions every month, with results shared back and one visible action each time.",
            0, 0, Effort.Low, Channels.Email | Channels.Chat | Channels.NoticeBoard, PainPoints.LowMorale | PainPoints.Turnover, true, false, "All departments", false) { OwnerRole = "HR lead", Recurring = true },
        new("isq-survey", "Internal service quality survey",
            "Departments rate the departments that serve them; each chain works on its weakest link.",
            0, 0, Effort.Medium, Channels.Email | Channels.Chat, PainPoints.Silos | PainPoints.PoorServiceScores, true, true, "Departments that serve each other", false) { OwnerRole = "HR lead", SetUpWeeks = 3, NeedsSeveralDepartments = true },
        new("recognition-programme", "Peer recognition programme",
            "Colleagues thank each other publicly for living the values; small rewards are optional.",
            0, 10, Effort.Low, Any, PainPoints.LowMorale | PainPoints.Turnover, true, false, "All departments", false) { OwnerRole = "HR lead", Recurring = true },
        new("onboarding-buddy", "Onboarding buddies and check-ins",
            "Every new hire gets a buddy and check-ins after 30, 60 and 90 days that cover the brand and their role.",
            0, 0, Effort.Medium, Channels.Meetings, PainPoints.Growth | PainPoints.Turnover, true, false, "Teams that are hiring", false) { OwnerRole = "Team leads", Recurring = true, SetUpWeeks = 2 },
        new("role-cards", "Role expectation cards",
            "One card per job role: the brand promise, the customer moments the role owns and the behaviours expected there.",
            0, 0, Effort.Low, Any, PainPoints.PoorServiceScores | PainPoints.NewStrategy | PainPoints.Growth, true, false, "Customer-facing roles first", false) { OwnerRole = "HR lead", SetUpWeeks = 4 },
        new("shift-huddles", "Shift huddles and notice boards",
            "Five minutes at the start of each shift and a notice board where frontline staff get the same news as the office.",
            0, 0, Effort.Low, Channels.NoticeBoard | Channels.Meetings, PainPoints.PoorServiceScores | PainPoints.NewStrategy | PainPoints.Silos, true, false, "Frontline teams", false) { OwnerRole = "Team leads", Recurring = true },
        new("manager-cascade", "Manager cascade briefings",
            "Managers get a short briefing pack and pass the message on to their teams within a week, collecting questions.",
            0, 0, Effort.Low, Channels.Meetings, PainPoints.NewStrategy | PainPoints.Silos, true, false, "Teams with managers", false) { OwnerRole = "Department heads", SetUpWeeks = 2 },
    ];

    private static readonly Dictionary<string, Tactic> ByKey = All.ToDictionary(t => t.Key, StringComparer.Ordinal);

    public static Tactic? Find(string? key) => key is not null && ByKey.TryGetValue(key, out var t) ? t : null;
}
