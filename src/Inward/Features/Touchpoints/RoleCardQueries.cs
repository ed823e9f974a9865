using System.Security.Claims;
using Inward.Features.People;
using Inward.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Touchpoints;

/// <summary>The published version of a role card, with the touchpoints the role owns (read live).</summary>
public sealed record PublishedCard(int CardId, int JobRoleId, string JobRole, int Version, DateTime PublishedUtc, RoleCardContent Content,
    IReadOnlyList<TouchpointSummary> Touchpoints);

/// <summary>
/// What the signed-in employee is expected to do: their job role, its published card (if any) and when they
/// accepted its current version (null while not yet).
/// </summary>
public sealed record MyExpectations(int EmployeeId, int? DepartmentId, int? JobRoleId, string? JobRole, PublishedCard? Card, DateTime? AcknowledgedUtc)
{
    public bool NeedsAcknowledgement => Card is not null && AcknowledgedUtc is null;
}

/// <summary>A job role on the card overview: its people, its card's state and how many accepted the current version.</summary>
public sealed record RoleCardStatus(int JobRoleId, string JobRole, int People, bool HasCard, int PublishedVersion, bool HasUnpublishedChanges, int Acknowledged);

/// <summary>One person in an acknowledgement list.</summary>
public sealed record AcknowledgementRow(int EmployeeId, string Name, string Email, string? Department, string? Manager, DateTime? AcknowledgedUtc);

/// <summary>A report of a manager and where they stand with their role card.</summary>
public sealed record TeamMemberExpectation(int EmployeeId, string Name, int? JobRoleId, string? JobRole, int PublishedVersion, DateTime? AcknowledgedUtc);

public enum AcknowledgeOutcome
{
    Acknowledged,
    AlreadyAcknowledged,
    /// <summary>The employee's role has no published card.</summary>
    NoCard,
    /// <summary>The version the employee read is no longer the current one.</summary>
    Outdated,
}

/// <summary>Read side of role cards and acknowledgements, and the acknowledgement itself.</summary>
public sealed class RoleCardQueries(InwardDbContext db, TouchpointQueries touchpoints, PeopleQueries people, TimeProvider clock)
{
    public async Task<PublishedCard?> PublishedAsync(int jobRoleId)
    {
        var card = await db.Set<RoleCard>().AsNoTracking().Where(c => c.JobRoleId == jobRoleId && c.PublishedVersion > 0)
            .Select(c => new { c.Id, c.JobRoleId, JobRole = c.JobRole!.Name, c.PublishedVersion }).SingleOrDefaultAsync();
        if (card is null)
        {
            return null;
        }
        var version = await db.Set<RoleCardVersion>().AsNoTracking().SingleAsync(v => v.RoleCardId == card.Id && v.Number == card.PublishedVersion);
        return new PublishedCard(card.Id, card.JobRoleId, card.JobRole, version.Number, version.PublishedUtc,
            RoleCardContent.FromJson(version.SnapshotJson), await touchpoints.OwnedByAsync(jobRoleId));
    }

    /// <summary>The published versions of a job role's card, newest first, with how many accepted each.</summary>
    public async Task<List<(int Number, DateTime PublishedUtc, int Acknowledged)>> VersionsAsync(int jobRoleId)
    {
        var rows = await db.Set<RoleCardVersion>().AsNoTracking()
            .Where(v => db.Set<RoleCard>().Any(c => c.Id == v.RoleCardId && c.JobRoleId == jobRoleId))
            .OrderByDescending(v => v.Number)
            .Select(v => new
            {
                v.Number, v.PublishedUtc,
                Acknowledged = db.Set<RoleCardAcknowledgement>().Count(a => a.RoleCardId == v.RoleCardId && a.Version == v.Number),
            })
            .ToListAsync();
        return [.. rows.Select(r => (r.Number, r.PublishedUtc, r.Acknowledged))];
    }

    /// <summary>Every published card, ordered by job role.</summary>
    public async Task<List<PublishedCard>> PublishedListAsync()
    {
        var roles = await db.Set<RoleCard>().AsNoTracking().Where(c => c.PublishedVersion > 0)
            .OrderBy(c => c.JobRole!.Name).Select(c => c.JobRoleId).ToListAsync();
        var cards = new List<PublishedCard>(roles.Count);
        foreach (var role in roles)
        {
            if (await PublishedAsync(role) is { } card)
            {
                cards.Add(card);
            }
        }
        return cards;
    }

    /// <summary>The signed-in user's expectations; null when the account belongs to no employee.</summary>
    public async Task<MyExpectations?> MineAsync(ClaimsPrincipal user) =>
        PeopleQueries.EmployeeIdOf(user) is { } id ? await ForEmployeeAsync(id) : null;

    public async Task<MyExpectations?> ForEmployeeAsync(int employeeId)
    {
        var e = await db.Employees.AsNoTracking().Where(e => e.Id == employeeId)
            .Select(e => new { e.Id, e.DepartmentId, e.JobRoleId, JobRole = e.JobRole!.Name }).SingleOrDefaultAsync();
        if (e is null)
        {
            return null;
        }
        var card = e.JobRoleId is { } role ? await PublishedAsync(role) : null;
        DateTime? acknowledged = card is null ? null : await db.Set<RoleCardAcknowledgement>().AsNoTracking()
            .Where(a => a.RoleCardId == card.CardId && a.Version == card.Version && a.EmployeeId == e.Id)
            .Select(a => (DateTime?)a.AcknowledgedUtc).SingleOrDefaultAsync();
        return new MyExpectations(e.Id, e.DepartmentId, e.JobRoleId, e.JobRole, card, acknowledged);
    }

    /// <summary>
    /// "I have read and accept this" for the version the employee read. Accepting twice changes nothing; a version
    /// that is no longer current is refused so nobody accepts text they have not seen.
    /// </summary>
    public async Task<AcknowledgeOutcome> AcknowledgeAsync(int employeeId, int version)
    {
        var mine = await ForEmployeeAsync(employeeId);
        if (mine?.Card is not { } card)
        {
            return AcknowledgeOutcome.NoCard;
        }
        if (card.Version != version)
        {
            return AcknowledgeOutcome.Outdated;
        }
        if (mine.AcknowledgedUtc is not null)
        {
            return AcknowledgeOutcome.AlreadyAcknowledged;
        }
        db.Set<RoleCardAcknowledgement>().Add(new RoleCardAcknowledgement
        {
            RoleCardId = card.CardId, Version = card.Version, EmployeeId = employeeId, AcknowledgedUtc = clock.GetUtcNow().UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // A double click raced this request to the unique index: the acknowledgement is there either way.
            db.ChangeTracker.Clear();
            return AcknowledgeOutcome.AlreadyAcknowledged;
        }
        return AcknowledgeOutcome.Acknowledged;
    }

    /// <summary>Every job role with its active headcount and card state, for the card overview.</summary>
    public async Task<List<RoleCardStatus>> StatusesAsync()
    {
        var roles = await db.JobRoles.AsNoTracking().OrderBy(r => r.Name).Select(r => new
        {
            r.Id, r.Name, People = db.Employees.Count(e => e.IsActive && e.JobRoleId == r.Id),
        }).ToListAsync();
        var cards = await db.Set<RoleCard>().AsNoTracking().Include(c => c.Kpis).Include(c => c.Training).ToListAsync();
        var latest = await db.Set<RoleCardVersion>().AsNoTracking()
            .Where(v => db.Set<RoleCard>().Any(c => c.Id == v.RoleCardId && c.PublishedVersion == v.Number))
            .Select(v => new { v.RoleCardId, v.SnapshotJson }).ToDictionaryAsync(v => v.RoleCardId, v => v.SnapshotJson);
        var acknowledged = await db.Set<RoleCardAcknowledgement>().AsNoTracking()
            .Where(a => db.Set<RoleCard>().Any(c => c.Id == a.RoleCardId && c.PublishedVersion == a.Version)
                && db.Employees.Any(e => e.Id == a.EmployeeId && e.IsActive && db.Set<RoleCard>().Any(c => c.Id == a.RoleCardId && c.JobRoleId == e.JobRoleId)))
            .GroupBy(a => a.RoleCardId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count);
        return [.. roles.Select(r =>
        {
            var card = cards.SingleOrDefault(c => c.JobRoleId == r.Id);
            var changed = card is not null && (!latest.TryGetValue(card.Id, out var json) || json != RoleCardContent.Of(card).ToJson());
            return new RoleCardStatus(r.Id, r.Name, r.People, card is not null, card?.PublishedVersion ?? 0, changed,
                card is null ? 0 : acknowledged.GetValueOrDefault(card.Id));
        })];
    }

    /// <summary>
    /// The active people of a job role and whether they accepted its current card version; <paramref name="only"/>
    /// narrows the list to some employees (a manager's team).
    /// </summary>
    public async Task<List<AcknowledgementRow>> AcknowledgementsAsync(int jobRoleId, IReadOnlyCollection<int>? only)
    {
        var card = await db.Set<RoleCard>().AsNoTracking().Where(c => c.JobRoleId == jobRoleId)
            .Select(c => new { c.Id, c.PublishedVersion }).SingleOrDefaultAsync();
        var people = db.Employees.AsNoTracking().Where(e => e.IsActive && e.JobRoleId == jobRoleId);
        if (only is not null)
        {
            var ids = only.ToList();
            people = people.Where(e => ids.Contains(e.Id));
        }
        var cardId = card?.Id ?? 0;
        var version = card?.PublishedVersion ?? 0;
        var rows = await people.Select(e => new AcknowledgementRow(e.Id, e.Name, e.Email, e.Department!.Name, e.Manager!.Name,
                db.Set<RoleCardAcknowledgement>().Where(a => a.RoleCardId == cardId && a.Version == version && a.EmployeeId == e.Id)
                    .Select(a => (DateTime?)a.AcknowledgedUtc).FirstOrDefault()))
            .ToListAsync();
        return [.. rows.OrderBy(r => r.AcknowledgedUtc is not null).ThenBy(r => r.Name, StringComparer.CurrentCulture).ThenBy(r => r.EmployeeId)];
    }

    /// <summary>A manager's reports (direct and indirect) with their role card version and whether they accepted it.</summary>
    public async Task<List<TeamMemberExpectation>> TeamExpectationsAsync(int managerEmployeeId)
    {
        var ids = (await people.TeamOfAsync(managerEmployeeId)).ToList();
        var rows = await db.Employees.AsNoTracking().Where(e => ids.Contains(e.Id))
            .Select(e => new
            {
                e.Id, e.Name, e.JobRoleId, JobRole = e.JobRole!.Name,
                Card = db.Set<RoleCard>().Where(c => c.JobRoleId == e.JobRoleId && c.PublishedVersion > 0)
                    .Select(c => new { c.Id, c.PublishedVersion }).FirstOrDefault(),
            })
            .ToListAsync();
        var acknowledged = await db.Set<RoleCardAcknowledgement>().AsNoTracking().Where(a => ids.Contains(a.EmployeeId))
            .Select(a => new { a.EmployeeId, a.RoleCardId, a.Version, a.AcknowledgedUtc }).ToListAsync();
        return [.. rows.Select(r => new TeamMemberExpectation(r.Id, r.Name, r.JobRoleId, r.JobRole, r.Card?.PublishedVersion ?? 0,
                r.Card is null ? null : acknowledged.FirstOrDefault(a => a.EmployeeId == r.Id && a.RoleCardId == r.Card.Id && a.Version == r.Card.PublishedVersion)?.AcknowledgedUtc))
            .OrderBy(r => r.Name, StringComparer.CurrentCulture).ThenBy(r => r.EmployeeId)];
    }
}
