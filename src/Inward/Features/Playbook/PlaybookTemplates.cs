using Inward.Features.Plan;

namespace Inward.Features.Playbook;

/// <summary>
/// The ready-to-use texts of a proposal, filled with the company name and the chosen initiatives: the first
/// announcement, the kick-off briefing agenda, the first pulse survey and the recognition programme rules. Each line is
/// a localiser key, so the templates come out in the reader's language.
/// </summary>
public static class PlaybookTemplates
{
    public const string Announcement = "announcement";
    public const string KickoffAgenda = "kickoff-agenda";
    public const string PulseSurvey = "pulse-survey";
    public const string RecognitionRules = "recognition-rules";

    private static readonly TextKeys T = new();
    private static readonly TemplateLine Blank = new("", null);

    public static IReadOnlyList<PlaybookTemplate> Write(PlaybookProposal proposal) =>
        [AnnouncementOf(proposal), AgendaOf(proposal), PulseOf(proposal), RecognitionOf(proposal)];

    private static TemplateLine Line(string prefix, LocalisedText text) => new(prefix, text);

    private static PlaybookTemplate AnnouncementOf(PlaybookProposal p)
    {
        var company = p.Profile.CompanyName;
        var lines = new List<TemplateLine>
        {
            Line("# ", T["{0}: our plan for the next 90 days", company]),
            Blank,
            Line("", T["Dear colleagues,"]),
            Blank,
            Line("", T["From {0} we start a plan to make {1} a better place to work and to serve our customers even better. It is short, practical and written for all of us.", p.Profile.StartsOn, company]),
            Blank,
            Line("## ", T["What happens first"]),
        };
        lines.AddRange(p.First90Days.Take(6).Select(i => Line("- ", T["Week {0}: {1}", i.Week!.Value, i.Name])));
        lines.AddRange(
        [
            Blank,
            Line("## ", T["Our goals"]),
            .. p.Goals.Select(g => Line("- ", g.Title)),
            Blank,
            Line("## ", T["What we ask of you"]),
            Line("- ", T["Come to your team's kick-off briefing in week 1."]),
            Line("- ", T["Read the plan: it is open to everyone at any time."]),
            Line("- ", T["Tell us what you think: every suggestion gets an answer."]),
            Blank,
            Line("", T["Thank you for making {0} what it is.", company]),
        ]);
        return new(Announcement, T["First announcement"], lines);
    }

    private static PlaybookTemplate AgendaOf(PlaybookProposal p)
    {
        List<TemplateLine> lines =
        [
            Line("# ", T["Kick-off briefing: {0}'s internal-marketing plan", p.Profile.CompanyName]),
            Blank,
            Line("", T["30 minutes with every team in week 1 (from {0}), led by the team's manager.", p.Profile.StartsOn]),
            Blank,
            Line("1. ", T["Welcome, and why we do this (5 minutes)"]),
            Line("2. ", T["Our goals for the next 90 days (5 minutes)"]),
            .. p.Goals.Select(g => Line("   - ", g.Title)),
            Line("3. ", T["What happens when, and who leads it (10 minutes)"]),
            .. p.First90Days.Select(i => Line("   - ", T["Week {0}: {1} ({2})", i.Week!.Value, i.Name, i.OwnerRole])),
            Line("4. ", T["Where this team meets our customers, and what that means for each of us (5 minutes)"]),
            Line("5. ", T["Questions and suggestions: write every one down; each gets an answer (5 minutes)"]),
        ];
        return new(KickoffAgenda, T["Kick-off briefing agenda"], lines);
    }

    private static PlaybookTemplate PulseOf(PlaybookProposal p)
    {
        // The middle question follows the first pain point named, so the first pulse measures what the plan is for.
        var first = PlaybookAnswers.PainPointChoices.FirstOrDefault(c => p.Profile.PainPoints.HasFlag(c));
        var second = first switch
        {
            PainPoints.Turnover => T["I see myself still working here in a year."],
            PainPoints.PoorServiceScores => T["I have what I need to give our customers excellent service."],
            PainPoints.Silos => T["The other departments I work with serve me well."],
            PainPoints.LowMorale => T["I feel recognised for the work I do."],
            PainPoints.NewStrategy => T["I understand our new strategy and what it means for my work."],
            PainPoints.Growth => T["New colleagues in my team get the help they need to settle in."],
            _ => T["I get the information I need to do my job well."],
        };
        var lines = new List<TemplateLine>
        {
            Line("# ", T["{0} pulse survey no. 1", p.Profile.CompanyName]),
            Blank,
            Line("", T["Three questions, two minutes, anonymous. Everyone sees the results, together with one thing we will do about them."]),
            Blank,
            Line("", T["Answer from 1 (strongly disagree) to 5 (strongly agree):"]),
            Blank,
            Line("1. ", T["I know our plan and what it means for my work."]),
            Line("2. ", second),
            Line("3. ", T["What one thing would make your work here better? (free text)"]),
        };
        return new(PulseSurvey, T["First pulse survey"], lines);
    }

    private static PlaybookTemplate RecognitionOf(PlaybookProposal p)
    {
        var channels = p.Profile.Channels;
        var where = channels.HasFlag(Channels.NoticeBoard) ? T["Thanks are posted on the notice board and read out at the next team meeting."]
            : channels.HasFlag(Channels.Chat) ? T["Thanks are posted in the team chat and read out at the next team meeting."]
            : channels.HasFlag(Channels.Email) ? T["Thanks are sent by e-mail with the team in copy and read out at the next team meeting."]
            : T["Thanks are read out at the next team meeting."];
        var programme = p.Initiatives.FirstOrDefault(i => i.Tactic.Key == "recognition-programme");
        var reward = programme is { Cost: > 0 }
            ? T["Small rewards worth up to {0:#,0.##} {1} per person per year come from the plan's budget.", programme.Tactic.CostPerEmployee, p.Profile.Currency]
            : T["There are no prizes: the recognition itself is the reward."];
        var lines = new List<TemplateLine>
        {
            Line("# ", T["{0} recognition programme: the rules", p.Profile.CompanyName]),
            Blank,
            Line("1. ", T["Anyone can thank anyone, in any department, for living our values or for helping a customer or a colleague."]),
            Line("2. ", T["Say what the person did and why it mattered: be specific."]),
            Line("3. ", where),
            Line("4. ", T["Every month each team picks one story to share with the whole company."]),
            Line("5. ", reward),
            Line("6. ", T["Nobody is left out: every quarter managers check that thanks reach every team, the front line included."]),
        };
        return new(RecognitionRules, T["Recognition programme rules"], lines);
    }
}
