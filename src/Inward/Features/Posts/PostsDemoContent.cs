using Inward.Features.Audiences;
using Inward.Platform.Data;
using Inward.Platform.Demo;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Posts;

/// <summary>A few published posts for Brightwheel Cycles, so the demo feed, banner and receipts show something.</summary>
internal sealed class PostsDemoContent(TimeProvider clock) : IDemoContent
{
    public string Name => "posts";
    public int Order => 60;

    public async Task<bool> SeedAsync(InwardDbContext db, CancellationToken ct)
    {
        if (await db.Set<Post>().AnyAsync(ct))
        {
            return false;
        }
        var email = $"comms@{DemoCompany.Domain}".ToUpperInvariant();
        var comms = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == email).Select(u => new { u.Id, u.DisplayName }).SingleOrDefaultAsync(ct);
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Name, d => d.Id, ct);
        if (comms is null || !departments.TryGetValue("Customer Service", out var service) || !departments.TryGetValue("Logistics", out var logistics))
        {
            return false;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        AudienceRule Departments(params int[] ids) =>
            new() { Include = [new AudienceClause { Departments = [.. ids.Select(id => new DepartmentChoice { Id = id })] }] };
        Post Make(PostType type, string title, string body, AudienceRule audience, int daysAgo) => new()
        {
            Type = type,
            Title = title,
            Body = body,
            AudienceJson = audience.ToJson(),
            Status = PostStatus.Published,
            PublishedUtc = now.AddDays(-daysAgo),
            AuthorUserId = comms.Id,
            AuthorName = comms.DisplayName,
            CreatedUtc = now.AddDays(-daysAgo),
            UpdatedUtc = now.AddDays(-daysAgo),
        };

        var plan = Make(PostType.Announcement, "Our internal-marketing plan is live",
            "Everyone at Brightwheel can now read **our plan** for the year: its goals, who owns what and the budget.\n\n"
            + "Open *Our plan* in the menu, tell us you have read it, and send your suggestions: every one gets a public answer.",
            AudienceRule.EveryoneInternal(), 6);
        plan.Pinned = true;
        var returns = Make(PostType.Briefing, "New returns process from Monday",
            "From Monday a rider's return is booked **on the first call**: no more call-backs for a collection slot.\n\n"
            + "1. Check the frame number in the order.\n2. Book the pick-up with Logistics' shared calendar.\n3. Tell the rider the day and the driver's window.",
            Departments(service, logistics), 2);
        returns.MustRead = true;
        returns.MustReadDue = DateOnly.FromDateTime(now.AddDays(12));
        db.Set<Post>().AddRange(
            plan,
            returns,
            Make(PostType.SuccessStory, "Lyon wins the city bike-share contract",
                "The Lyon team signed a three-year service contract for 400 city bikes. Thank you to Sales, Field Service and "
                + "Logistics, who showed the city how we look after a bike from the first weld to the last repair.",
                AudienceRule.EveryoneInternal(), 4),
            Make(PostType.News, "Two new delivery vans in Gdańsk",
                "Logistics has two new electric vans, so next-day delivery now reaches the whole Tricity area.",
                Departments(logistics), 9));
        await db.SaveChangesAsync(ct);
        // Logistics reads its own side of the same must-read (a department variant).
        db.Set<PostText>().Add(new PostText
        {
            PostId = returns.Id, DepartmentId = logistics, Title = "Returns: collections booked on the first call",
            Body = "From Monday Customer Service books a rider's return **on the first call**, straight into our shared calendar.\n\n"
                + "1. Keep the calendar's collection slots up to date.\n2. Confirm the driver's window the day before.\n3. Log the frame number when the bike arrives.",
        });
        await db.SaveChangesAsync(ct);
        return true;
    }
}
