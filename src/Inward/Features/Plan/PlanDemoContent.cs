using Inward.Features.People;
using Inward.Platform.Data;
using Inward.Platform.Demo;
using Inward.Platform.Metrics;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Plan;

/// <summary>
/// Brightwheel Cycles' published internal-marketing plan for 2026/27: goals with manual and live KPIs, initiatives from the
/// catalogue, some acknowledgements and answered suggestions. The demo accounts have not acknowledged it yet.
/// </summary>
internal sealed class PlanDemoContent(IServiceProvider services) : IDemoContent
{
    public const string Title = "Brightwheel Cycles internal-marketing plan 2027";
    private static readonly DateOnly Starts = new(2026, 9, 1);
    private static readonly DateOnly Ends = new(2027, 8, 31);
    private static readonly DateTime PublishedUtc = new(2026, 9, 1, 8, 0, 0, DateTimeKind.Utc);

    public string Name => "internal-marketing plan";
    public int Order => 50;

    public async Task<bool> SeedAsync(InwardDbContext db, CancellationToken ct)
    {
        if (await db.Set<InternalMarketingPlan>().AnyAsync(p => p.Title == Title, ct))
        {
            return false;
        }
        var metrics = Metrics();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var people = await db.Employees.AsNoTracking().Where(e => e.IsActive).OrderBy(e => e.Id)
            .Select(e => new { e.Id, e.Email, Department = e.Department!.Name }).ToListAsync(ct);
        var departments = await db.Departments.ToDictionaryAsync(d => d.Name, ct);
        int? Person(string email) => people.FirstOrDefault(p => p.Email == email)?.Id;
        var hr = Person($"hr@{DemoCompany.Domain}");
        var comms = Person($"comms@{DemoCompany.Domain}");
        var manager = Person($"manager@{DemoCompany.Domain}");

        var plan = new InternalMarketingPlan
        {
            Title = Title,
            Summary = """
                Our customers judge Brightwheel by every contact with us: the phone call, the delivery, the repair. This plan makes sure
                **every one of us** knows our brand promise — *we keep you riding* — and what it means in our own job.

                It runs from September 2026 to August 2027. Read it, acknowledge it, and tell us what you would change: every suggestion gets an answer.
                """,
            StartsOn = Starts,
            EndsOn = Ends,
            Budget = 24_000,
            OwnerEmployeeId = hr,
            Status = PlanStatus.Published,
            PublishedVersion = 1,
            HasUnpublishedChanges = false,
            CreatedUtc = PublishedUtc.AddDays(-14),
            UpdatedUtc = PublishedUtc,
        };
        var promise = Goal(1, "Every employee can state our brand promise", "From the welding bay to the service desk, everyone can say what we promise customers and what it means in their job.");
        var handover = Goal(2, "Faster handover from Logistics to Customer Service", "Customer Service learns about late or split deliveries before the customer calls.");
        var recognition = Goal(3, "Recognise good service weekly", "Good service is noticed and thanked every week, by name.");
        var frontline = Goal(4, "Frontline staff hear news first", "Workshop and field teams get the same news as the office, on the same day.");
        plan.Goals.AddRange([promise, handover, recognition, frontline]);

        promise.Kpis.Add(new Kpi { Name = "Employees who can state the brand promise (spot checks)", Source = KpiSource.Manual, Unit = "%", Baseline = 35, Target = 90,
            Readings = [Reading(41, new(2026, 9, 30), "Spot checks in Assembly and Customer Service."), Reading(55, new(2026, 10, 30), "After the kick-off briefings."), Reading(62, new(2026, 11, 20), null)] });
        MetricKpi(metrics, promise, PlanMetrics.AcknowledgementRate, "Plan acknowledgement rate", null, 0, 95);
        handover.Kpis.Add(new Kpi { Name = "Hours from delay noticed to Customer Service told", Source = KpiSource.Manual, Unit = "h", Baseline = 20, Target = 4,
            Direction = KpiDirection.LowerIsBetter, Readings = [Reading(16, new(2026, 9, 30), null), Reading(9, new(2026, 10, 31), "Daily 10-minute handover call started.")] });
        MetricKpi(metrics, handover, "touchpoints.role-card-coverage", "Role card coverage in Customer Service", departments.GetValueOrDefault("Customer Service")?.Id, 0, 100);
        recognition.Kpis.Add(new Kpi { Name = "Public thank-yous per week", Source = KpiSource.Manual, Unit = "thank-yous", Baseline = 1, Target = 10,
            Readings = [Reading(4, new(2026, 10, 15), null), Reading(7, new(2026, 11, 15), "The Friday wins post helps.")] });
        MetricKpi(metrics, frontline, PeopleMetrics.AccountShare, "Employees with an Inward account", null, 5, 90);

        var csIds = Departments(departments, "Customer Service");
        plan.Initiatives.AddRange(
        [
            Initiative("kickoff-briefing", promise, comms, null, new(2026, 9, 7), new(2026, 9, 30), InitiativeStatus.Done, 600, 540, []),
            Initiative("strategy-in-training", promise, hr, null, new(2026, 10, 1), new(2027, 3, 31), InitiativeStatus.InProgress, 6000, 2100, []),
            Initiative("role-cards", promise, manager, null, new(2026, 10, 1), new(2026, 12, 15), InitiativeStatus.InProgress, 0, 0, csIds.Concat(Departments(departments, "Field Service")).ToList()),
            Initiative("cross-department", handover, null, "Logistics lead", new(2026, 10, 15), new(2027, 2, 28), InitiativeStatus.InProgress, 1200, 300,
                Departments(departments, "Logistics").Concat(csIds).ToList()),
            Initiative("isq-survey", handover, hr, null, new(2027, 1, 11), new(2027, 2, 5), InitiativeStatus.Planned, 0, 0, []),
            Initiative("recognition-programme", recognition, hr, null, new(2026, 11, 1), new(2027, 8, 31), InitiativeStatus.InProgress, 4800, 900, []),
            Initiative("celebrate-wins", recognition, comms, null, new(2026, 9, 15), new(2027, 8, 31), InitiativeStatus.InProgress, 0, 0, []),
            Initiative("shift-huddles", frontline, null, "Production lead", new(2026, 9, 14), new(2027, 6, 30), InitiativeStatus.InProgress, 800, 350,
                Departments(departments, "Frame Shop", "Assembly", "Logistics")),
            Initiative("newsletter-radio", frontline, comms, null, new(2027, 1, 4), new(2027, 8, 31), InitiativeStatus.Planned, 2500, 0, []),
        ]);
        db.Set<InternalMarketingPlan>().Add(plan);
        await db.SaveChangesAsync(ct);

        var saved = await db.Set<InternalMarketingPlan>().AsNoTracking()
            .Include(p => p.Owner)
            .Include(p => p.Goals).ThenInclude(g => g.Kpis).ThenInclude(k => k.MetricDepartment)
            .Include(p => p.Initiatives).ThenInclude(i => i.Owner)
            .Include(p => p.Initiatives).ThenInclude(i => i.AudienceDepartments)
            .AsSplitQuery()
            .SingleAsync(p => p.Id == plan.Id, ct);
        var version = new PlanVersion
        {
            PlanId = plan.Id,
            Number = 1,
            PublishedUtc = PublishedUtc,
            ChangeNote = "First version, presented at the September kick-off briefings.",
            SnapshotJson = PlanSnapshot.Of(saved).ToJson(),
        };
        db.Set<PlanVersion>().Add(version);
        await db.SaveChangesAsync(ct);

        // About a third of the company has read it; the demo accounts have not, so their home page asks them to.
        var demoAccounts = DemoCompany.Accounts.Select(a => a.Email).ToHashSet(StringComparer.Ordinal);
        foreach (var (p, i) in people.Where(p => !demoAccounts.Contains(p.Email)).Select((p, i) => (p, i)).Where(x => x.i % 3 == 0))
        {
            db.Set<PlanAcknowledgement>().Add(new PlanAcknowledgement { PlanVersionId = version.Id, EmployeeId = p.Id, AcknowledgedUtc = PublishedUtc.AddDays(1 + (i % 40)) });
        }
        var authors = people.Where(p => !demoAccounts.Contains(p.Email)).ToList();
        db.Set<PlanSuggestion>().AddRange(
            Suggestion(plan.Id, authors.FirstOrDefault(p => p.Department == "Assembly")?.Id, 10,
                "Could the brand promise be printed on the workshop notice board? Most of us never open e-mail at work.",
                SuggestionStatus.Adopted, "Yes — the promise and this plan's goals are on every workshop board since October, refreshed monthly.", hr),
            Suggestion(plan.Id, authors.FirstOrDefault(p => p.Department == "Field Service")?.Id, 20,
                "Let field technicians join the Logistics–Customer Service handover call when a repair part is late.",
                SuggestionStatus.Considered, "Good idea; we are testing it with two technicians in January before adding everyone.", manager),
            Suggestion(plan.Id, authors.FirstOrDefault(p => p.Department == "R&D")?.Id, 30,
                "Replace the recognition programme with a yearly bonus for the best department.",
                SuggestionStatus.Declined, "We keep weekly recognition: the pulse survey showed people value being thanked by name more than a yearly prize. The bonus question goes to the incentive review in spring.", hr));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>
    /// The registry builds every feature's metric provider; one that cannot be built must not stop the demo from seeding,
    /// so the demo plan then simply has no live KPIs.
    /// </summary>
    private MetricRegistry? Metrics()
    {
        try
        {
            return services.GetRequiredService<MetricRegistry>();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static void MetricKpi(MetricRegistry? metrics, PlanGoal goal, string key, string name, int? departmentId, decimal baseline, decimal target)
    {
        // Metrics of features that are not installed are simply left out.
        if (metrics?.Find(key) is not { } definition)
        {
            return;
        }
        goal.Kpis.Add(new Kpi
        {
            Name = name,
            Source = KpiSource.Metric,
            MetricKey = key,
            MetricDepartmentId = definition.ByDepartment ? departmentId : null,
            Baseline = baseline,
            Target = target,
        });
    }

    private static PlanGoal Goal(int order, string title, string description) =>
        new() { Title = title, Description = description, SortOrder = order };

    private static KpiReading Reading(decimal value, DateOnly on, string? note) =>
        new() { Value = value, MeasuredOn = on, Note = note, RecordedUtc = on.ToDateTime(new TimeOnly(17, 0), DateTimeKind.Utc) };

    private static Initiative Initiative(string tactic, PlanGoal goal, int? owner, string? ownerRole, DateOnly starts, DateOnly ends,
        InitiativeStatus status, decimal planned, decimal spent, List<Department> audience)
    {
        var t = TacticCatalogue.Find(tactic) ?? throw new InvalidOperationException($"No tactic {tactic}.");
        return new Initiative
        {
            Goal = goal,
            TacticKey = t.Key,
            Title = t.Name,
            Description = t.Summary,
            OwnerEmployeeId = owner,
            OwnerRole = ownerRole,
            StartsOn = starts,
            EndsOn = ends,
            Status = status,
            BudgetPlanned = planned,
            BudgetSpent = spent,
            AudienceDepartments = audience,
        };
    }

    private static List<Department> Departments(Dictionary<string, Department> all, params string[] names) =>
        [.. names.Where(all.ContainsKey).Select(n => all[n])];

    private static PlanSuggestion Suggestion(int planId, int? author, int day, string text, SuggestionStatus status, string answer, int? answeredBy) => new()
    {
        PlanId = planId,
        AuthorEmployeeId = author,
        Text = text,
        CreatedUtc = PublishedUtc.AddDays(day),
        Status = status,
        Answer = answer,
        AnsweredUtc = PublishedUtc.AddDays(day + 3),
        AnsweredByEmployeeId = answeredBy,
    };
}
