using System.Text.Json;
using Inward.Features.People;
using Inward.Features.Plan;
using Inward.Features.Settings;
using Inward.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Playbook;

/// <summary>What the wizard knows about the company before anyone answers: its defaults.</summary>
public sealed record PlaybookCompany(string Name, string Currency, int Headcount, int FrontlineSharePercent, IReadOnlyList<DepartmentChoice> Departments);

public sealed record DepartmentChoice(int Id, string Name, int Headcount);

/// <summary>
/// The playbook's I/O around the pure <see cref="PlaybookRules"/>: the company's defaults, checking answers against
/// the company's departments, and turning a proposal into a draft plan.
/// </summary>
public sealed class PlaybookService(InwardDbContext db, CompanyProfile company, TimeProvider clock, IStringLocalizer<Strings> t)
{
    private static readonly TextKeys T = new();

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<PlaybookCompany> CompanyAsync(CancellationToken ct = default)
    {
        var settings = await company.GetAsync();
        var active = db.Employees.AsNoTracking().Where(e => e.IsActive);
        var headcount = await active.CountAsync(ct);
        var frontline = await active.CountAsync(e => e.IsFrontline, ct);
        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.Name).ThenBy(d => d.Id)
            .Select(d => new DepartmentChoice(d.Id, d.Name, db.Employees.Count(e => e.DepartmentId == d.Id && e.IsActive)))
            .ToListAsync(ct);
        var share = headcount == 0 ? 0 : (int)Math.Round(100m * frontline / headcount, MidpointRounding.AwayFromZero);
        return new PlaybookCompany(settings.Name, settings.Currency, headcount, share, departments);
    }

    /// <summary>The answers the wizard starts with: the company as it is, e-mail as the only channel, no budget, next Monday.</summary>
    public PlaybookAnswers Defaults(PlaybookCompany c)
    {
        var today = Today;
        var days = ((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7;
        var monday = today.AddDays(days == 0 ? 7 : days);
        return new PlaybookAnswers
        {
            CompanyName = c.Name,
            CompanySize = Math.Max(1, c.Headcount),
            DepartmentIds = [.. c.Departments.Select(d => d.Id)],
            DepartmentCount = c.Departments.Count == 0 ? 1 : null,
            FrontlineSharePercent = c.FrontlineSharePercent,
            Channels = [nameof(Channels.Email)],
            BudgetPerEmployee = 0,
            StartsOn = monday,
        };
    }

    public async Task<(PlaybookProfile? Profile, List<PlaybookError> Errors)> ValidateAsync(PlaybookAnswers answers, CancellationToken ct = default)
    {
        var settings = await company.GetAsync();
        var known = answers.DepartmentIds.Count == 0 ? []
            : (await db.Departments.AsNoTracking().Where(d => answers.DepartmentIds.Contains(d.Id)).Select(d => d.Id).ToListAsync(ct)).ToHashSet();
        return answers.Validate(known, Today, settings.Name, settings.Currency);
    }

    public static PlaybookProposal Propose(PlaybookProfile profile) => PlaybookRules.Propose(profile, TacticCatalogue.All);

    /// <summary>
    /// Saves the proposal as a draft plan with its goals, KPIs and initiatives, written in the current language (the
    /// editor's). One SaveChanges, so one transaction: all of it or nothing.
    /// </summary>
    public async Task<InternalMarketingPlan> CreateDraftPlanAsync(PlaybookProposal proposal, int? ownerEmployeeId, CancellationToken ct = default)
    {
        string R(LocalisedText text) => text.Render(t);
        var profile = proposal.Profile;
        var now = clock.GetUtcNow().UtcDateTime;
        if (ownerEmployeeId is { } owner && !await db.Employees.AnyAsync(e => e.Id == owner, ct))
        {
            ownerEmployeeId = null;
        }
        var plan = new InternalMarketingPlan
        {
            Title = Cut(R(T["{0}: internal-marketing plan from {1}", profile.CompanyName, profile.StartsOn]), 200),
            Summary = Summary(proposal),
            StartsOn = profile.StartsOn,
            EndsOn = profile.EndsOn,
            Budget = profile.TotalBudget,
            OwnerEmployeeId = ownerEmployeeId,
            Status = PlanStatus.Draft,
            HasUnpublishedChanges = true,
            PlaybookProfileJson = JsonSerializer.Serialize(PlaybookAnswers.From(profile), JsonSerializerOptions.Web),
            CreatedUtc = now,
            UpdatedUtc = now,
        };
        var goals = proposal.Goals.Select((g, i) => new PlanGoal
        {
            Title = Cut(R(g.Title), 300),
            Description = R(g.Description),
            SortOrder = i,
            Kpis =
            [
                new Kpi
                {
                    Name = Cut(R(g.Kpi.Name), 300),
                    Source = g.Kpi.Source,
                    MetricKey = g.Kpi.MetricKey,
                    Unit = g.Kpi.Unit,
                    Target = g.Kpi.Target,
                    Direction = g.Kpi.Direction,
                },
            ],
        }).ToList();
        plan.Goals.AddRange(goals);
        var order = 0;
        foreach (var i in proposal.Initiatives)
        {
            plan.Initiatives.Add(new Initiative
            {
                TacticKey = i.Tactic.Key,
                Title = Cut(R(i.Name), 300),
                Description = $"{R(i.Summary)}\n\n{R(T["Why: {0}", string.Join(" ", i.Reasons.Select(r => R(r.Text)))])}",
                OwnerRole = Cut(R(i.OwnerRole), 100),
                Goal = goals[i.GoalIndex],
                StartsOn = i.StartsOn,
                EndsOn = i.EndsOn,
                Status = InitiativeStatus.Planned,
                BudgetPlanned = i.Cost,
                SortOrder = order++,
            });
        }
        db.Set<InternalMarketingPlan>().Add(plan);
        await db.SaveChangesAsync(ct);
        return plan;
    }

    private string Summary(PlaybookProposal p)
    {
        var profile = p.Profile;
        var pains = PlaybookAnswers.PainPointChoices.Where(c => profile.PainPoints.HasFlag(c)).Select(PlaybookRules.NameOf).ToList();
        var text = T["Drafted by the playbook for {0} people in {1} departments ({2} % on the front line), with {3:#,0.##} {4} per person per year: a budget of {5:#,0.##} {4}, of which the initiatives use {6:#,0.##} {4}.",
            profile.CompanySize, profile.DepartmentCount, profile.FrontlineSharePercent, profile.BudgetPerEmployee, profile.Currency,
            profile.TotalBudget, p.TotalCost];
        var painText = pains.Count == 0 ? T["No particular pain point was named."] : T["Pain points: {0}.", pains];
        return $"{text.Render(t)} {painText.Render(t)}\n\n{T["Review the initiatives, choose an owner for each and publish the plan when it is ready."].Render(t)}";
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}
