using System.Security.Claims;
using Inward.Features.Notifications;
using Inward.Features.People;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Inward.Platform.Localisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Panel;

/// <summary>A field error: the field, an English message key and its arguments.</summary>
public sealed record PanelError(string Field, string Message, params object[] Arguments);

/// <summary>Who is looking: HR (ManagePeople) runs the panel; members read and write in it; the invited can answer their invitation.</summary>
public sealed record PanelViewer(int? EmployeeId, string Name, bool IsHr, PanelMembership? Membership)
{
    public bool CanRead => IsHr || Membership == PanelMembership.Member;
}

public sealed record PanelMemberView(int Id, int EmployeeId, string Name, string? Department, string Reason, PanelMembership Membership);

public sealed record PanelTopicView(int Id, string Title, string AuthorName, DateTime CreatedUtc, int Posts);

public sealed record PanelPostView(int Id, string AuthorName, string Text, DateTime CreatedUtc);

public sealed record PanelThread(int Id, string Title, string AuthorName, DateTime CreatedUtc, IReadOnlyList<PanelPostView> Posts);

public sealed record PanelInputView(int Id, string Title, string Input, PanelInputStatus Status, string? Outcome, DateTime RecordedUtc, DateTime UpdatedUtc);

public sealed record PanelOverview(IReadOnlyList<PanelMemberView> Members, IReadOnlyList<PanelTopicView> Topics, IReadOnlyList<PanelInputView> Inputs);

/// <summary>The pure checks of the panel.</summary>
public static class PanelRules
{
    public static string StatusName(PanelInputStatus status) => status switch
    {
        PanelInputStatus.Open => "Open",
        PanelInputStatus.InProgress => "In progress",
        PanelInputStatus.Done => "Done",
        _ => "Declined",
    };

    public static PanelError? CheckText(string? text, string field, int max) =>
        string.IsNullOrWhiteSpace(text) ? new PanelError(field, "Write something first.")
        : text.Trim().Length > max ? new PanelError(field, "At most {0} characters.", max)
        : null;

    /// <summary>Done and declined need an outcome: the panel sees what was done with its input.</summary>
    public static PanelError? CheckInputUpdate(PanelInputStatus status, string? outcome) =>
        status is PanelInputStatus.Done or PanelInputStatus.Declined && string.IsNullOrWhiteSpace(outcome)
            ? new PanelError("Outcome", "Say what was done with the input.")
            : outcome is { } o && o.Trim().Length > PanelInput.TextMax ? new PanelError("Outcome", "At most {0} characters.", PanelInput.TextMax)
            : null;
}

/// <summary>The top-performer advisory panel: nominations and invitations, discussion threads, and the input record.</summary>
public sealed class PanelDesk(InwardDbContext db, Notifier notifier, IStringLocalizer<Strings> t, TimeProvider clock)
{
    public async Task<PanelViewer> ViewerAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var employeeId = PeopleQueries.EmployeeIdOf(user);
        var me = employeeId is { } id
            ? await db.Employees.AsNoTracking().Where(e => e.Id == id)
                .Select(e => new { e.Name, Membership = db.Set<PanelMember>().Where(m => m.EmployeeId == e.Id).Select(m => (PanelMembership?)m.Membership).FirstOrDefault() })
                .SingleOrDefaultAsync(ct)
            : null;
        return new PanelViewer(employeeId, me?.Name ?? user.FindFirstValue(InwardClaimsPrincipalFactory.DisplayNameClaim) ?? "", user.Has(Capability.ManagePeople),
            me?.Membership);
    }

    public async Task<PanelOverview> OverviewAsync(CancellationToken ct)
    {
        var members = await db.Set<PanelMember>().AsNoTracking().OrderBy(m => m.Membership).ThenBy(m => m.Id)
            .Select(m => new PanelMemberView(m.Id, m.EmployeeId, db.Employees.Where(e => e.Id == m.EmployeeId).Select(e => e.Name).First(),
                db.Employees.Where(e => e.Id == m.EmployeeId).Select(e => e.Department!.Name).FirstOrDefault(), m.Reason, m.Membership))
            .ToListAsync(ct);
        var topics = await db.Set<PanelTopic>().AsNoTracking().OrderByDescending(x => x.Id).Take(200)
            .Select(x => new PanelTopicView(x.Id, x.Title, x.AuthorName, x.CreatedUtc, db.Set<PanelPost>().Count(p => p.TopicId == x.Id)))
            .ToListAsync(ct);
        var inputs = await db.Set<PanelInput>().AsNoTracking().OrderByDescending(i => i.Id).Take(200)
            .Select(i => new PanelInputView(i.Id, i.Title, i.Input, i.Status, i.Outcome, i.RecordedUtc, i.UpdatedUtc)).ToListAsync(ct);
        return new PanelOverview(members, topics, inputs);
    }

    /// <summary>HR nominates someone (again, after a decline) and invites them.</summary>
    public async Task<PanelError?> NominateAsync(PanelViewer hr, int employeeId, string? reason, CancellationToken ct)
    {
        var employee = await db.Employees.AsNoTracking().Where(e => e.Id == employeeId && e.IsActive).Select(e => new { e.Id, e.Language }).SingleOrDefaultAsync(ct);
        if (employee is null)
        {
            return new PanelError("EmployeeId", "Choose an active employee.");
        }
        if ((reason ?? "").Trim().Length > PanelMember.ReasonMax)
        {
            return new PanelError("Reason", "At most {0} characters.", PanelMember.ReasonMax);
        }
        var existing = await db.Set<PanelMember>().SingleOrDefaultAsync(m => m.EmployeeId == employeeId, ct);
        if (existing is { Membership: not PanelMembership.Declined })
        {
            return new PanelError("EmployeeId", "This person is already invited or on the panel.");
        }
        var member = existing ?? db.Add(new PanelMember { EmployeeId = employeeId }).Entity;
        member.Reason = (reason ?? "").Trim();
        member.Membership = PanelMembership.Invited;
        member.NominatedBy = hr.Name;
        member.NominatedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await notifier.NotifyAsync([new NotificationMessage(employee.Id,
            LocalisationSetup.InLanguage(employee.Language, () => t["You are invited to the top-performer advisory panel"].Value))], "panel", "/panel", ct);
        return null;
    }

    /// <summary>HR takes someone off the panel (or withdraws an invitation).</summary>
    public async Task<bool> RemoveAsync(int memberId, CancellationToken ct)
    {
        if (await db.Set<PanelMember>().SingleOrDefaultAsync(m => m.Id == memberId, ct) is not { } member)
        {
            return false;
        }
        db.Remove(member);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The invited person accepts or declines; false when they have no open invitation.</summary>
    public async Task<bool> RespondAsync(PanelViewer viewer, bool accept, CancellationToken ct)
    {
        if (viewer.EmployeeId is not { } employeeId
            || await db.Set<PanelMember>().SingleOrDefaultAsync(m => m.EmployeeId == employeeId && m.Membership == PanelMembership.Invited, ct) is not { } member)
        {
            return false;
        }
        member.Membership = accept ? PanelMembership.Member : PanelMembership.Declined;
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<(int? Id, List<PanelError> Errors)> CreateTopicAsync(PanelViewer author, string? title, string? text, CancellationToken ct)
    {
        var errors = new List<PanelError>();
        if (PanelRules.CheckText(title, "Title", PanelTopic.TitleMax) is { } titleError)
        {
            errors.Add(titleError);
        }
        if (PanelRules.CheckText(text, "Text", PanelPost.TextMax) is { } textError)
        {
            errors.Add(textError);
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var topic = new PanelTopic { Title = title!.Trim(), AuthorEmployeeId = author.EmployeeId, AuthorName = author.Name, CreatedUtc = now };
        db.Add(topic);
        await db.SaveChangesAsync(ct);
        db.Add(new PanelPost { TopicId = topic.Id, AuthorEmployeeId = author.EmployeeId, AuthorName = author.Name, Text = text!.Trim(), CreatedUtc = now });
        await db.SaveChangesAsync(ct);
        return (topic.Id, errors);
    }

    public async Task<PanelThread?> ThreadAsync(int id, CancellationToken ct)
    {
        var topic = await db.Set<PanelTopic>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (topic is null)
        {
            return null;
        }
        var posts = await db.Set<PanelPost>().AsNoTracking().Where(p => p.TopicId == id).OrderBy(p => p.Id)
            .Select(p => new PanelPostView(p.Id, p.AuthorName, p.Text, p.CreatedUtc)).ToListAsync(ct);
        return new PanelThread(topic.Id, topic.Title, topic.AuthorName, topic.CreatedUtc, posts);
    }

    /// <summary>A post in a thread; null error and false when the thread does not exist.</summary>
    public async Task<(bool Found, PanelError? Error)> PostAsync(PanelViewer author, int topicId, string? text, CancellationToken ct)
    {
        if (!await db.Set<PanelTopic>().AnyAsync(x => x.Id == topicId, ct))
        {
            return (false, null);
        }
        if (PanelRules.CheckText(text, "Text", PanelPost.TextMax) is { } error)
        {
            return (true, error);
        }
        db.Add(new PanelPost
        {
            TopicId = topicId, AuthorEmployeeId = author.EmployeeId, AuthorName = author.Name, Text = text!.Trim(), CreatedUtc = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        return (true, null);
    }

    public async Task<(int? Id, List<PanelError> Errors)> RecordInputAsync(string? title, string? input, CancellationToken ct)
    {
        var errors = new List<PanelError>();
        if (PanelRules.CheckText(title, "Title", PanelInput.TitleMax) is { } titleError)
        {
            errors.Add(titleError);
        }
        if (PanelRules.CheckText(input, "Input", PanelInput.TextMax) is { } inputError)
        {
            errors.Add(inputError);
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var item = new PanelInput { Title = title!.Trim(), Input = input!.Trim(), Status = PanelInputStatus.Open, RecordedUtc = now, UpdatedUtc = now };
        db.Add(item);
        await db.SaveChangesAsync(ct);
        return (item.Id, errors);
    }

    public Task<bool> InputExistsAsync(int id, CancellationToken ct) => db.Set<PanelInput>().AnyAsync(i => i.Id == id, ct);

    /// <summary>HR records where an input stands and what was done with it; (false, null) when it does not exist.</summary>
    public async Task<(bool Found, PanelError? Error)> UpdateInputAsync(int id, string? status, string? outcome, CancellationToken ct)
    {
        if (await db.Set<PanelInput>().SingleOrDefaultAsync(i => i.Id == id, ct) is not { } item)
        {
            return (false, null);
        }
        if (string.IsNullOrWhiteSpace(status) || char.IsAsciiDigit(status.Trim()[0])
            || !Enum.TryParse<PanelInputStatus>(status.Trim(), true, out var parsed) || !Enum.IsDefined(parsed))
        {
            return (true, new PanelError("Status", "Choose one of the statuses."));
        }
        if (PanelRules.CheckInputUpdate(parsed, outcome) is { } error)
        {
            return (true, error);
        }
        item.Status = parsed;
        item.Outcome = string.IsNullOrWhiteSpace(outcome) ? item.Outcome : outcome.Trim();
        item.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return (true, null);
    }

    public async Task<IReadOnlyList<(int Id, string Name)>> EmployeesAsync(CancellationToken ct) =>
        [.. (await db.Employees.AsNoTracking().Where(e => e.IsActive).OrderBy(e => e.Name).Select(e => new { e.Id, e.Name }).ToListAsync(ct)).Select(e => (e.Id, e.Name))];
}
