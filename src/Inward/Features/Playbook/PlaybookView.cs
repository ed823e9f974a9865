using System.Text;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Playbook;

/// <summary>A proposal in the reader's language, as the results page shows it and the API returns it.</summary>
public sealed record PlaybookView(
    string CompanyName, string Currency, int CompanySize, DateOnly StartsOn, DateOnly EndsOn,
    decimal TotalBudget, decimal TotalCost,
    IReadOnlyList<InitiativeView> Initiatives,
    IReadOnlyList<WeekView> Weeks,
    IReadOnlyList<QuarterView> Outline,
    IReadOnlyList<GoalView> Goals,
    IReadOnlyList<SkippedView> Skipped,
    IReadOnlyList<TemplateView> Templates)
{
    public decimal Left => TotalBudget - TotalCost;

    public static PlaybookView Of(PlaybookProposal p, IStringLocalizer t)
    {
        string R(LocalisedText text) => text.Render(t);
        var initiatives = p.Initiatives.Select(i => new InitiativeView(
            i.Tactic.Key, R(i.Name), R(i.Summary), i.Rank, i.Week, i.EndWeek, i.Month, i.StartsOn, i.EndsOn, i.Tactic.Recurring,
            R(i.OwnerRole), i.Cost, i.GoalIndex, R(p.Goals[i.GoalIndex].Title),
            [.. i.Reasons.Select(r => r.Rule).Distinct()], string.Join(" ", i.Reasons.Select(r => R(r.Text))))).ToList();
        var weeks = Enumerable.Range(1, PlaybookRules.Weeks).Select(w => new WeekView(w, p.WeekStarts(w),
            [.. initiatives.Where(i => i.Week == w).Select(i => i.Name)],
            [.. p.Milestones.Where(m => m.Week == w).Select(m => R(m.Text))])).ToList();
        var outline = p.Outline.Select(q => new QuarterView(q.Number,
            [.. q.Months.Select(m => new MonthView(m.Number, m.StartsOn, [.. m.Items.Select(R)]))])).ToList();
        var goals = p.Goals.Select(g => new GoalView(g.Code, R(g.Title), R(g.Description), new KpiView(
            R(g.Kpi.Name), g.Kpi.Source.ToString(), g.Kpi.MetricKey, g.Kpi.Unit, g.Kpi.Target, g.Kpi.Direction.ToString()))).ToList();
        var skipped = p.Skipped.Select(s => new SkippedView(s.Tactic.Key, t[s.Tactic.Name].Value, s.Rule, R(s.Reason))).ToList();
        var templates = p.Templates.Select(x => new TemplateView(x.Kind, R(x.Title), Markdown(x, t))).ToList();
        return new PlaybookView(p.Profile.CompanyName, p.Profile.Currency, p.Profile.CompanySize, p.Profile.StartsOn, p.Profile.EndsOn,
            p.TotalBudget, p.TotalCost, initiatives, weeks, outline, goals, skipped, templates);
    }

    public static string Markdown(PlaybookTemplate template, IStringLocalizer t)
    {
        var md = new StringBuilder();
        foreach (var line in template.Lines)
        {
            md.Append(line.Prefix).Append(line.Text?.Render(t)).Append('\n');
        }
        return md.ToString();
    }
}

/// <param name="Rules">Ids of the rules that chose it (see PlaybookRules.Rules).</param>
/// <param name="Why">The rules' sentences, in the reader's language.</param>
public sealed record InitiativeView(
    string TacticKey, string Name, string Summary, int Rank, int? Week, int? EndWeek, int Month, DateOnly StartsOn, DateOnly EndsOn,
    bool Recurring, string OwnerRole, decimal Cost, int GoalIndex, string Goal, IReadOnlyList<string> Rules, string Why);

/// <summary>A week of the 90-day calendar: the initiatives that start in it and the milestones that fall in it.</summary>
public sealed record WeekView(int Number, DateOnly StartsOn, IReadOnlyList<string> Starts, IReadOnlyList<string> Milestones);

public sealed record QuarterView(int Number, IReadOnlyList<MonthView> Months);

public sealed record MonthView(int Number, DateOnly StartsOn, IReadOnlyList<string> Items);

public sealed record GoalView(string Code, string Title, string Description, KpiView Kpi);

/// <param name="Source">Manual or Metric.</param>
/// <param name="MetricKey">The live metric a Metric KPI reads.</param>
public sealed record KpiView(string Name, string Source, string? MetricKey, string Unit, decimal Target, string Direction);

public sealed record SkippedView(string TacticKey, string Name, string Rule, string Reason);

public sealed record TemplateView(string Kind, string Title, string Markdown);
