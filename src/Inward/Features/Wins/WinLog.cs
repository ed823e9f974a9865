using System.Globalization;
using System.Security.Claims;
using Inward.Features.Comments;
using Inward.Features.People;
using Inward.Features.Posts;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Wins;

/// <summary>A win with its credits, as every internal reader sees it.</summary>
public sealed record WinView(int Id, string Title, WinKind Kind, string Description, DateOnly WonOn, string? Evidence, string? EvidenceUrl,
    string AuthorUserId, string AuthorName, DateTime CreatedUtc, DateTime UpdatedUtc, IReadOnlyList<Credit> People, IReadOnlyList<Credit> Departments,
    int? StoryPostId);

/// <summary>A credited person or department.</summary>
public sealed record Credit(int Id, string Name);

/// <summary>Which wins a list shows.</summary>
public sealed record WinFilter(int? DepartmentId = null, WinKind? Kind = null, int Page = 1, int PageSize = WinLog.PageSize);

public sealed record WinsPage(IReadOnlyList<WinView> Items, int Page, int PageSize, int Total)
{
    public bool HasOlder => Page * PageSize < Total;
}

/// <summary>A checked win ready to save: fields plus the credited people and departments (ids known to exist).</summary>
public sealed record WinChange(string Title, WinKind Kind, string Description, DateOnly WonOn, string? Evidence, string? EvidenceUrl,
    IReadOnlyList<int> People, IReadOnlyList<int> Departments);

public enum StoryOutcome
{
    Created,
    NotFound,
    AlreadyTold,
}

/// <summary>Wins: the feed, logging and editing (authors only), and turning a win into a success-story draft (Communicate).</summary>
public sealed class WinLog(InwardDbContext db, PeopleQueries people, TimeProvider clock, IStringLocalizer<Strings> t)
{
    public const int PageSize = 25;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<WinsPage> ListAsync(WinFilter filter, CancellationToken ct = default)
    {
        var query = db.Set<Win>().AsNoTracking();
        if (filter.Kind is { } kind)
        {
            query = query.Where(w => w.Kind == kind);
        }
        if (filter.DepartmentId is { } departmentId)
        {
            query = await CreditedToAsync(query, departmentId);
        }
        var total = await query.CountAsync(ct);
        var wins = await query.OrderByDescending(w => w.WonOn).ThenByDescending(w => w.Id)
            .Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize).ToListAsync(ct);
        return new(await ViewsAsync(wins, ct), filter.Page, filter.PageSize, total);
    }

    /// <summary>Wins credited to the department or its sub-departments, directly or through a credited person working there now.</summary>
    public async Task<IQueryable<Win>> CreditedToAsync(IQueryable<Win> query, int departmentId)
    {
        var ids = await people.DepartmentAndDescendantsAsync(departmentId);
        return query.Where(w => db.Set<WinDepartment>().Any(d => d.WinId == w.Id && ids.Contains(d.DepartmentId))
            || db.Set<WinPerson>().Any(p => p.WinId == w.Id && db.Employees.Any(e => e.Id == p.EmployeeId && e.DepartmentId != null && ids.Contains(e.DepartmentId.Value))));
    }

    public async Task<WinView?> GetAsync(int id, CancellationToken ct = default) =>
        await db.Set<Win>().AsNoTracking().SingleOrDefaultAsync(w => w.Id == id, ct) is { } win ? (await ViewsAsync([win], ct))[0] : null;

    /// <summary>Checks input and the credits; errors keyed by field (English localiser keys with arguments).</summary>
    public async Task<(WinChange? Change, IReadOnlyList<WinError> Errors)> CheckAsync(WinInput input, IReadOnlyList<int> personIds,
        IReadOnlyList<int> departmentIds, CancellationToken ct = default)
    {
        var check = WinRules.Check(input, Today);
        var errors = check.Errors.ToList();
        var distinctPeople = personIds.Distinct().ToList();
        var distinctDepartments = departmentIds.Distinct().ToList();
        if (distinctPeople.Count > 50)
        {
            errors.Add(new("People", "Credit at most {0} people.", 50));
        }
        else if (await db.Employees.CountAsync(e => e.IsActive && distinctPeople.Contains(e.Id), ct) != distinctPeople.Count)
        {
            errors.Add(new("People", "Some credited people do not exist."));
        }
        if (distinctDepartments.Count > 50 || await db.Departments.CountAsync(d => distinctDepartments.Contains(d.Id), ct) != distinctDepartments.Count)
        {
            errors.Add(new("Departments", "Some credited departments do not exist."));
        }
        return errors.Count > 0 ? (null, errors) : (new WinChange(input.Title!.Trim(), check.Kind, input.Description!.Trim(), check.WonOn,
            Blank(input.Evidence), Blank(input.EvidenceUrl), distinctPeople, distinctDepartments), []);
    }

    /// <summary>The active people a form may credit (names and e-mails), for <see cref="WinRules.ResolvePeople"/>.</summary>
    public async Task<IReadOnlyCollection<MentionablePerson>> DirectoryAsync(CancellationToken ct = default) =>
        await db.Employees.AsNoTracking().Where(e => e.IsActive).Select(e => new MentionablePerson(e.Id, e.Name, e.Email)).ToListAsync(ct);

    public async Task<int> CreateAsync(ClaimsPrincipal user, WinChange change, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var employeeId = PeopleQueries.EmployeeIdOf(user);
        var win = new Win
        {
            Title = "", AuthorUserId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", AuthorEmployeeId = employeeId,
            AuthorName = user.FindFirstValue(InwardClaimsPrincipalFactory.DisplayNameClaim) ?? "", CreatedUtc = now,
        };
        Apply(win, change, now);
        db.Add(win);
        await db.SaveChangesAsync(ct);
        await SetCreditsAsync(win.Id, change, ct);
        return win.Id;
    }

    /// <summary>Updates a win: false when it does not exist. Callers check <see cref="IsAuthor"/> first.</summary>
    public async Task<bool> UpdateAsync(int id, WinChange change, CancellationToken ct = default)
    {
        if (await db.Set<Win>().SingleOrDefaultAsync(w => w.Id == id, ct) is not { } win)
        {
            return false;
        }
        Apply(win, change, clock.GetUtcNow().UtcDateTime);
        await SetCreditsAsync(id, change, ct);
        return true;
    }

    public static bool IsAuthor(ClaimsPrincipal user, WinView win) =>
        string.Equals(user.FindFirstValue(ClaimTypes.NameIdentifier), win.AuthorUserId, StringComparison.Ordinal);

    /// <summary>
    /// Creates a success-story draft from the win (title, Markdown body with the credits and the evidence, audience of the
    /// credited departments or everyone), links it to the win and returns the post id. A win tells one story: when its
    /// story still exists, that post's id comes back with <see cref="StoryOutcome.AlreadyTold"/>.
    /// </summary>
    public async Task<(StoryOutcome Outcome, int? PostId)> TurnIntoStoryAsync(ClaimsPrincipal user, int id, CancellationToken ct = default)
    {
        if (await db.Set<Win>().SingleOrDefaultAsync(w => w.Id == id, ct) is not { } win)
        {
            return (StoryOutcome.NotFound, null);
        }
        if (win.StoryPostId is { } existing)
        {
            return (StoryOutcome.AlreadyTold, existing);
        }
        var view = (await ViewsAsync([win], ct))[0];
        var labels = new StoryLabels(t["Team"], t["Evidence"], t["Won on {0}", win.WonOn.ToString("d", CultureInfo.CurrentCulture)]);
        var (title, body, audience) = WinRules.StoryDraft(win,
            new StoryCredit([.. view.People.Select(p => p.Name)], [.. view.Departments.Select(d => (d.Id, d.Name))]), labels);
        var now = clock.GetUtcNow().UtcDateTime;
        var post = new Post
        {
            Type = PostType.SuccessStory, Title = title, Body = body.Length <= Post.BodyMax ? body : body[..Post.BodyMax], AudienceJson = audience.ToJson(),
            Status = PostStatus.Draft, AuthorUserId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
            AuthorName = user.FindFirstValue(InwardClaimsPrincipalFactory.DisplayNameClaim) ?? "", CreatedUtc = now, UpdatedUtc = now,
        };
        db.Add(post);
        await db.SaveChangesAsync(ct);
        win.StoryPostId = post.Id;
        win.StoryCreatedUtc = now;
        await db.SaveChangesAsync(ct);
        return (StoryOutcome.Created, post.Id);
    }

    private static void Apply(Win win, WinChange change, DateTime now)
    {
        win.Title = change.Title;
        win.Kind = change.Kind;
        win.Description = change.Description;
        win.WonOn = change.WonOn;
        win.Evidence = change.Evidence;
        win.EvidenceUrl = change.EvidenceUrl;
        win.UpdatedUtc = now;
    }

    private async Task SetCreditsAsync(int winId, WinChange change, CancellationToken ct)
    {
        db.RemoveRange(await db.Set<WinPerson>().Where(p => p.WinId == winId).ToListAsync(ct));
        db.RemoveRange(await db.Set<WinDepartment>().Where(d => d.WinId == winId).ToListAsync(ct));
        await db.SaveChangesAsync(ct);
        db.AddRange(change.People.Select(p => new WinPerson { WinId = winId, EmployeeId = p }));
        db.AddRange(change.Departments.Select(d => new WinDepartment { WinId = winId, DepartmentId = d }));
        await db.SaveChangesAsync(ct);
    }

    private async Task<IReadOnlyList<WinView>> ViewsAsync(IReadOnlyList<Win> wins, CancellationToken ct)
    {
        var ids = wins.Select(w => w.Id).ToList();
        var credited = await db.Set<WinPerson>().AsNoTracking().Where(p => ids.Contains(p.WinId))
            .Join(db.Employees, p => p.EmployeeId, e => e.Id, (p, e) => new { p.WinId, e.Id, e.Name }).ToListAsync(ct);
        var departments = await db.Set<WinDepartment>().AsNoTracking().Where(d => ids.Contains(d.WinId))
            .Join(db.Departments, w => w.DepartmentId, d => d.Id, (w, d) => new { w.WinId, d.Id, d.Name }).ToListAsync(ct);
        return [.. wins.Select(w => new WinView(w.Id, w.Title, w.Kind, w.Description, w.WonOn, w.Evidence, w.EvidenceUrl, w.AuthorUserId, w.AuthorName,
            w.CreatedUtc, w.UpdatedUtc,
            [.. credited.Where(c => c.WinId == w.Id).OrderBy(c => c.Name, StringComparer.CurrentCulture).Select(c => new Credit(c.Id, c.Name))],
            [.. departments.Where(d => d.WinId == w.Id).OrderBy(d => d.Name, StringComparer.CurrentCulture).Select(d => new Credit(d.Id, d.Name))],
            w.StoryPostId))];
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
