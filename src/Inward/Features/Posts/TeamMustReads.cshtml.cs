using Inward.Features.Audiences;
using Inward.Features.People;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Posts;

/// <summary>A manager's view of the live must-reads that reach their team: how many have acknowledged, who is overdue.</summary>
[RequireCapability(Capability.SeeTeam)]
public sealed class TeamMustReadsModel(InwardDbContext db, AudienceResolver resolver, PeopleQueries peopleQueries, TimeProvider clock) : PageModel
{
    public sealed record Row(int PostId, string Title, DateOnly? Due, int Reached, int Acknowledged, IReadOnlyList<string> Overdue);

    public const int MaxPosts = 100;

    public bool HasEmployeeRecord { get; private set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (PeopleQueries.EmployeeIdOf(User) is not { } me)
        {
            return;
        }
        HasEmployeeRecord = true;
        var team = await peopleQueries.TeamOfAsync(me);
        if (team.Count == 0)
        {
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var yes = true; // an equality with a parameter, so SQLite uses the (MustRead, Status, PublishedUtc) index
        var posts = await db.Set<Post>().AsNoTracking()
            .Where(p => p.MustRead == yes && p.Status == PostStatus.Published && p.PublishedUtc <= now && (p.ExpiresUtc == null || p.ExpiresUtc > now))
            .OrderByDescending(p => p.PublishedUtc).Take(MaxPosts)
            .Select(p => new { p.Id, p.Title, p.MustReadDue, p.AudienceJson }).ToListAsync(ct);
        var population = await resolver.PopulationAsync(includePartners: false, ct);
        var members = population.Members.Where(m => m.EmployeeId is { } id && team.Contains(id)).ToList();
        var ids = posts.Select(p => p.Id).ToList();
        var acknowledged = (await db.Set<PostAcknowledgement>().AsNoTracking().Where(a => ids.Contains(a.PostId) && team.Contains(a.EmployeeId))
            .Select(a => new { a.PostId, a.EmployeeId }).ToListAsync(ct)).Select(a => (a.PostId, a.EmployeeId)).ToHashSet();
        var names = await db.Employees.AsNoTracking().Where(e => team.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
        var today = DateOnly.FromDateTime(now);
        var rows = new List<Row>();
        foreach (var post in posts)
        {
            AudienceRule? rule;
            try
            {
                rule = AudienceRule.FromJson(post.AudienceJson);
            }
            catch (System.Text.Json.JsonException)
            {
                continue;
            }
            var reached = rule is null ? [] : members.Where(m => AudienceRules.Matches(rule, m, population.Tree, population.Today)).Select(m => m.EmployeeId!.Value).ToList();
            if (reached.Count == 0)
            {
                continue;
            }
            var open = reached.Where(id => !acknowledged.Contains((post.Id, id))).ToList();
            var overdue = post.MustReadDue is { } due && due < today
                ? open.Select(id => names.GetValueOrDefault(id, "")).Order(StringComparer.CurrentCulture).ToList() : [];
            rows.Add(new(post.Id, post.Title, post.MustReadDue, reached.Count, reached.Count - open.Count, overdue));
        }
        Rows = rows;
    }
}
