using Inward.Platform.Data;
using Inward.Platform.Demo;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Touchpoints;

/// <summary>
/// Brightwheel Cycles' customer touchpoints and the published expectation cards of its customer-facing job roles,
/// with some acknowledgements. The demo employee account is left without one, so its home page asks.
/// </summary>
internal sealed class TouchpointsDemoContent(TimeProvider clock) : IDemoContent
{
    public string Name => "Customer touchpoints and role expectation cards";

    // Touchpoints come before role cards (30 and 40 in the demo order): one class seeds both, touchpoints first.
    public int Order => 30;

    private sealed record DemoTouchpoint(string Name, TouchpointChannel Channel, string Department, string[] Roles, string Description,
        string Promise, string[] Behaviours, string MomentOfTruth);

    private sealed record DemoCard(string Role, string Promise, string[] Behaviours, (string Text, string? Metric)[] Kpis, (string Title, string? Url)[] Training);

    private static readonly DemoTouchpoint[] Touchpoints =
    [
        new("Phone support line", TouchpointChannel.Phone, "Customer Service", ["Service agent", "Team lead"],
            "Riders and dealers call about orders, setup, faults and spare parts, Monday to Saturday.",
            "**We pick up, we own it, we call back.** A rider with a problem talks to someone who knows bicycles and follows the problem to the end.",
            ["Answer within three rings and say your name", "Repeat the problem back before solving it", "Give a time for the call back and keep it",
                "Never end a call without a next step"],
            "A rider stuck with a broken e-bike on the way to work: a long queue or a transfer loop loses them for good."),
        new("Showroom and dealer visit", TouchpointChannel.InPerson, "Sales & Marketing", ["Account manager"],
            "Test rides in the Lyon showroom and visits to partner dealers.",
            "Every test ride ends with the rider on **the right bike**, not the most expensive one.",
            ["Ask how and where they ride before showing a bike", "Fit the bike to the rider before the test ride",
                "Explain the warranty and the service plan in plain words"],
            "Pushing the wrong bike makes a returned bike and a lost dealer recommendation."),
        new("Delivery at the door", TouchpointChannel.Delivery, "Logistics", ["Dispatcher", "Warehouse operative"],
            "Home delivery of assembled bicycles by our own drivers and partner carriers.",
            "The bike arrives **when we said, ready to ride**, and the box leaves with us.",
            ["Send the delivery window the day before", "Call 30 minutes before arrival", "Unpack, check the tyres and brakes with the rider",
                "Take the packaging away"],
            "A scratched frame or a missed slot is the first memory of a bike the rider waited weeks for."),
        new("Field repair visit", TouchpointChannel.OnSite, "Field Service", ["Field technician"],
            "Technicians repair and service bicycles at riders' homes, workplaces and dealers.",
            "We fix it **right the first time** and leave the place cleaner than we found it.",
            ["Arrive in the agreed window or call ahead", "Explain what failed and what you did", "Test ride the bike with the rider after the repair",
                "Log the repair before leaving"],
            "A second visit for the same fault doubles the cost and halves the trust."),
        new("Invoices and payment reminders", TouchpointChannel.Document, "Customer Service", ["Team lead", "Account manager"],
            "Invoices, credit notes and reminders sent to riders and dealers.",
            "Our invoices are **clear, correct and never a surprise**.",
            ["Use the customer's name and order number", "Explain every extra line", "Answer billing questions within one working day"],
            "A wrong invoice after a great ride undoes the whole experience."),
        new("Social media replies", TouchpointChannel.SocialMedia, "Sales & Marketing", ["Marketing specialist", "Service agent"],
            "Comments and messages on our social channels, including complaints in public.",
            "We answer in public **like we would face to face**: quickly, kindly and with our name.",
            ["Reply within two hours in opening times", "Move personal details to a private message", "Sign with your first name",
                "Never argue in public"],
            "One unanswered complaint is read by thousands of future riders."),
        new("Warranty claims", TouchpointChannel.Email, "Customer Service", ["Service agent", "Field technician", "Quality inspector"],
            "Frame, motor and battery warranty claims by e-mail and through dealers.",
            "**Built to last** means we stand behind every frame: a claim is a promise we keep, not a case we fight.",
            ["Confirm the claim the same day", "Ask for photos once, not three times", "Give a decision within five working days",
                "Tell Assembly what failed so it does not happen again"],
            "A rider who feels accused of breaking their bike tells everyone."),
    ];

    private static readonly DemoCard[] Cards =
    [
        new("Service agent",
            "You are often **the first person at Brightwheel a rider talks to**. Own their problem until it is solved, and say it straight.",
            ["Answer within three rings and introduce yourself", "Own the problem: no transfer without a warm hand-over",
                "Promise a time and keep it", "Log every contact so the next colleague knows the story"],
            [("First-call resolution above 75 %", null), ("Customer satisfaction after calls 4.5 of 5 or better", null),
                ("Everyone in Customer Service has accepted their card", "touchpoints.role-card-acknowledgement")],
            [("Brightwheel product basics", null), ("Handling difficult calls", "https://learning.demo.example/difficult-calls")]),
        new("Team lead",
            "You make it possible for your agents to keep our promise: **clear priorities, quick help, honest feedback**.",
            ["Start every shift with a five-minute huddle", "Take the hardest call yourself when the queue is long",
                "Review one call with each agent every week", "Pass product problems to Assembly and R&D within a day"],
            [("Average waiting time under two minutes", null), ("Team role card acknowledgement 100 %", "touchpoints.role-card-acknowledgement")],
            [("Coaching conversations", null), ("Brightwheel product basics", null)]),
        new("Field technician",
            "At the rider's door **you are Brightwheel**. Fix it right the first time and leave them riding.",
            ["Arrive in the agreed window or call ahead", "Explain the repair in plain words", "Test ride with the rider before leaving",
                "Keep the van stocked with the top twenty parts"],
            [("First-time fix rate above 85 %", null), ("Repeat visits under 5 %", null)],
            [("E-bike motor diagnostics", "https://learning.demo.example/motor-diagnostics"), ("Safe working at customers' homes", null)]),
        new("Dispatcher",
            "The bike a rider waited for arrives **when we said, ready to ride**.",
            ["Confirm every delivery window the day before", "Warn the rider at once when a slot is at risk", "Check the bike leaves the warehouse undamaged"],
            [("On-time deliveries above 95 %", null), ("Damaged deliveries under 1 %", null)],
            [("Route planning tool", null)]),
        new("Account manager",
            "Dealers and riders trust us to put them on **the right bike**. Advise honestly, even when it means selling less.",
            ["Visit every key dealer at least once a quarter", "Answer dealer questions within one working day",
                "Bring dealer feedback to R&D every month"],
            [("Dealer satisfaction 4 of 5 or better", null), ("Returned bikes under 3 %", null)],
            [("Bike fitting basics", null), ("Warranty and service plans explained", null)]),
        new("Marketing specialist",
            "What we say in public is what riders will expect from every colleague: **say it straight, and keep it kind**.",
            ["Reply to public comments within two hours", "Never promise what Production cannot build", "Show real riders and real colleagues"],
            [("Social replies within two hours 90 %", null)],
            [("Tone of voice workshop", null)]),
    ];

    public async Task<bool> SeedAsync(InwardDbContext db, CancellationToken ct)
    {
        if (await db.Set<Touchpoint>().AnyAsync(ct) || await db.Set<RoleCard>().AnyAsync(ct))
        {
            return false;
        }
        var departments = await db.Departments.ToDictionaryAsync(d => d.Name, ct);
        var roles = await db.JobRoles.ToDictionaryAsync(r => r.Name, ct);
        if (!Touchpoints.All(t => departments.ContainsKey(t.Department) && t.Roles.All(roles.ContainsKey))
            || !Cards.All(c => roles.ContainsKey(c.Role)))
        {
            return false;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var t in Touchpoints)
        {
            db.Set<Touchpoint>().Add(new Touchpoint
            {
                Name = t.Name, Channel = t.Channel, Description = t.Description, DepartmentId = departments[t.Department].Id,
                JobRoles = [.. t.Roles.Select(r => roles[r])], BrandPromise = t.Promise, Behaviours = TouchpointLines.Join(t.Behaviours),
                MomentOfTruth = t.MomentOfTruth, CreatedUtc = now, UpdatedUtc = now,
            });
        }
        var cards = Cards.Select(c => new RoleCard
        {
            JobRoleId = roles[c.Role].Id,
            BrandPromise = c.Promise,
            Behaviours = TouchpointLines.Join(c.Behaviours),
            Kpis = [.. c.Kpis.Select((k, i) => new RoleCardKpi { SortOrder = i, Text = k.Text, MetricKey = k.Metric })],
            Training = [.. c.Training.Select((t, i) => new RequiredTraining { SortOrder = i, Title = t.Title, Url = t.Url })],
            PublishedVersion = 1,
            PublishedUtc = now,
            UpdatedUtc = now,
        }).ToList();
        db.Set<RoleCard>().AddRange(cards);
        await db.SaveChangesAsync(ct);
        foreach (var card in cards)
        {
            db.Set<RoleCardVersion>().Add(new RoleCardVersion
            {
                RoleCardId = card.Id, Number = 1, PublishedUtc = now, SnapshotJson = RoleCardContent.Of(card).ToJson(),
            });
        }

        // About a third of the people in each covered role have accepted; the demo employee has not, so the home page asks.
        var demoEmployee = $"EMPLOYEE@{DemoCompany.Domain}".ToUpperInvariant();
        var byRole = cards.ToDictionary(c => c.JobRoleId, c => c.Id);
        var roleIds = byRole.Keys.ToList();
        var people = await db.Employees.AsNoTracking().Where(e => e.IsActive && e.JobRoleId != null && roleIds.Contains(e.JobRoleId.Value))
            .OrderBy(e => e.Id).Select(e => new { e.Id, JobRoleId = e.JobRoleId!.Value, e.NormalizedEmail }).ToListAsync(ct);
        foreach (var (person, i) in people.Select((p, i) => (p, i)).Where(x => x.i % 3 == 0 && x.p.NormalizedEmail != demoEmployee))
        {
            db.Set<RoleCardAcknowledgement>().Add(new RoleCardAcknowledgement
            {
                RoleCardId = byRole[person.JobRoleId], Version = 1, EmployeeId = person.Id, AcknowledgedUtc = now.AddDays(-(i % 10) - 1),
            });
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }
}
