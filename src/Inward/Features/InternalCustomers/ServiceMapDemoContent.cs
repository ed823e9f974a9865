using Inward.Platform.Data;
using Inward.Platform.Demo;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.InternalCustomers;

/// <summary>
/// Brightwheel Cycles' internal-customer chain: Logistics → Customer Service → Field Service and back, R&amp;D →
/// Production → Logistics, and IT and HR serving every other department. Department heads own the chain links;
/// the IT and HR links name only the serving owner, so the "owners on both sides" metric has room to grow.
/// </summary>
internal sealed class ServiceMapDemoContent(TimeProvider clock) : IDemoContent
{
    public string Name => "internal-customer map";
    public int Order => 20;

    public sealed record Link(string From, string To, string Delivers, string Needs, string Expectations, bool BothOwners);

    public static readonly Link[] Chain =
    [
        new("Logistics", "Customer Service",
            "Stock levels, dispatch dates and tracking numbers for every customer order.",
            "To know before the customer does when an order will be late, and one place to look up an order's status.",
            "Tracking number in the order system within 2 hours of dispatch; delays reported the same working day.", true),
        new("Customer Service", "Field Service",
            "Repair requests with the customer's description, photos, frame number and a booked visit window.",
            "Complete job details before leaving the hub, the right part on the van and no double bookings.",
            "Job ticket complete at least one working day before the visit.", true),
        new("Field Service", "Customer Service",
            "Visit reports: what was repaired, parts used and whether a second visit is needed.",
            "To know the outcome in time to update the customer and close the case; early warning of a repeat visit.",
            "Visit report in the system by the end of the visit day.", true),
        new("Customer Service", "Logistics",
            "Confirmed orders, address changes and announced returns.",
            "Complete orders (address, phone, delivery slot) and changes before picking starts, not after the truck has left.",
            "Address changes passed on within 1 working hour; every return announced before it arrives.", true),
        new("R&D", "Production",
            "Released designs, bills of materials, assembly instructions and test reports.",
            "Designs that can be built with our jigs and tools, instructions in plain language and time to train before a launch.",
            "Final documentation 6 weeks before series production; build questions answered within 1 working day.", true),
        new("Production", "Logistics",
            "Finished, inspected bicycles with frame numbers and packing lists.",
            "A predictable daily output to plan trucks, and bikes packed to the shipping standard.",
            "Next day's output announced by 14:00; no unpacked bikes left at the dock.", true),
    ];

    public static readonly (string From, string Delivers, string Needs, string Expectations)[] ServeEveryone =
    [
        ("IT", "Working laptops, phones and accounts, the order and workshop systems, and a help desk.",
            "Systems that work during their working hours and quick help without jargon.",
            "Help-desk reply within 4 working hours; outages that stop work answered within 30 minutes."),
        ("HR", "Hiring, onboarding, pay and leave questions, and training.",
            "Vacancies filled on time, new starters ready on their first day and clear answers about pay and leave.",
            "Questions answered within 2 working days; a shortlist within 3 weeks of an approved vacancy."),
    ];

    public async Task<bool> SeedAsync(InwardDbContext db, CancellationToken ct)
    {
        if (await db.Set<ServiceEdge>().AnyAsync(ct))
        {
            return false;
        }
        var departments = await db.Departments.AsNoTracking().Select(d => new { d.Id, d.Name }).ToDictionaryAsync(d => d.Name, d => d.Id, ct);
        // The generator writes each department's head first, so the lowest id of a department is its head.
        var heads = await db.Employees.AsNoTracking().Where(e => e.DepartmentId != null && e.IsActive)
            .GroupBy(e => e.DepartmentId!.Value).Select(g => new { Department = g.Key, Head = g.Min(e => e.Id) })
            .ToDictionaryAsync(x => x.Department, x => x.Head, ct);
        var links = Chain.ToList();
        foreach (var (from, delivers, needs, expectations) in ServeEveryone)
        {
            links.AddRange(departments.Keys.Where(d => d != from).Order(StringComparer.Ordinal)
                .Select(to => new Link(from, to, delivers, needs, expectations, false)));
        }
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var l in links)
        {
            if (!departments.TryGetValue(l.From, out var fromId) || !departments.TryGetValue(l.To, out var toId))
            {
                continue;
            }
            db.Set<ServiceEdge>().Add(new ServiceEdge
            {
                FromDepartmentId = fromId,
                ToDepartmentId = toId,
                Delivers = l.Delivers,
                NeedsAndWants = l.Needs,
                Expectations = l.Expectations,
                ServingOwnerId = heads.TryGetValue(fromId, out var servingHead) ? servingHead : null,
                ServedOwnerId = l.BothOwners && heads.TryGetValue(toId, out var servedHead) ? servedHead : null,
                CreatedUtc = now,
                UpdatedUtc = now,
            });
        }
        await db.SaveChangesAsync(ct);
        return true;
    }
}
