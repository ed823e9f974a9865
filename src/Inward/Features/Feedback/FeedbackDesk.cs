using System.Security.Claims;
using Inward.Features.Notifications;
using Inward.Features.People;
using Inward.Features.Plan;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Inward.Platform.Jobs;
using Inward.Platform.Localisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Feedback;

/// <summary>
/// Who is looking, and which cards they answer: HR cards (AnswerHrFeedback), the cards of the department they manage
/// (SeeTeam, in their own department) and the plan owner's cards (the current plan's owner, or ManagePlan).
/// </summary>
public sealed record FeedbackViewer(string UserId, int? EmployeeId, string Name, bool AnswersHr, int? ManagedDepartmentId, bool AnswersPlan)
{
    public bool IsRecipient => AnswersHr || ManagedDepartmentId is not null || AnswersPlan;
}

public sealed record CardInput(string? Category, string? Recipient, int? DepartmentId, string? Text, bool Anonymous, bool OnBoard);

public sealed record CardChange(FeedbackCategory Category, FeedbackRecipient Recipient, int? DepartmentId, string Text, bool Anonymous, bool OnBoard);

public sealed record MessageView(int Id, bool FromAuthor, string? ResponderName, string Text, DateOnly SentOn, FeedbackStatus? NewStatus);

/// <summary>
/// A card as one viewer may see it. <see cref="AuthorName"/> is null for anonymous cards whoever looks, the author included:
/// no page or response ever carries an anonymous author's name.
/// </summary>
public sealed record CardView(int Id, FeedbackCategory Category, FeedbackRecipient Recipient, int? DepartmentId, string? DepartmentName,
    FeedbackStatus Status, bool IsAnonymous, string? AuthorName, string Text, DateOnly ReceivedOn, DateOnly? ClosedOn, bool OnBoard,
    bool IsAuthor, bool IsRecipient, bool AwaitsAuthor, IReadOnlyList<MessageView> Messages);

public sealed record BoardItem(int Id, FeedbackCategory Category, FeedbackStatus Status, string Text, string Answer, DateOnly ClosedOn);

public enum FeedbackOutcome
{
    Done,
    NotFound,
    Forbidden,
    Invalid,
}

/// <summary>Feedback cards: writing, the author's and the recipients' lists, the conversation, status changes and the board.</summary>
public sealed class FeedbackDesk(InwardDbContext db, FeedbackInboxKeys keys, CurrentPlan currentPlan, Notifier notifier,
    IJobScheduler jobs, IStringLocalizer<Strings> t, TimeProvider clock)
{
    /// <summary>The inbox page size (page and API default).</summary>
    public const int InboxPageSize = 50;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<FeedbackViewer> ViewerAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("A signed-in user has an id.");
        var employeeId = PeopleQueries.EmployeeIdOf(user);
        var employee = employeeId is { } id
            ? await db.Employees.AsNoTracking().Where(e => e.Id == id).Select(e => new { e.Name, e.DepartmentId }).SingleOrDefaultAsync(ct)
            : null;
        var ownsPlan = false;
        if (employeeId is { } me && !user.Has(Capability.ManagePlan) && await currentPlan.IdAsync(ct) is { } planId)
        {
            ownsPlan = await db.Set<InternalMarketingPlan>().AnyAsync(p => p.Id == planId && p.OwnerEmployeeId == me, ct);
        }
        return new FeedbackViewer(userId, employeeId,
            employee?.Name ?? user.FindFirstValue(InwardClaimsPrincipalFactory.DisplayNameClaim) ?? user.Identity?.Name ?? "",
            user.Has(Capability.AnswerHrFeedback),
            user.Has(Capability.SeeTeam) ? employee?.DepartmentId : null,
            user.Has(Capability.ManagePlan) || ownsPlan);
    }

    public async Task<IReadOnlyList<(int Id, string Name)>> DepartmentsAsync(CancellationToken ct) =>
        [.. (await db.Departments.AsNoTracking().OrderBy(d => d.Name).Select(d => new { d.Id, d.Name }).ToListAsync(ct)).Select(d => (d.Id, d.Name))];

    public async Task<(CardChange? Change, List<FeedbackError> Errors)> CheckAsync(CardInput input, CancellationToken ct)
    {
        var errors = new List<FeedbackError>();
        if (!FeedbackRules.TryParse<FeedbackCategory>(input.Category, out var category))
        {
            errors.Add(new FeedbackError("Category", "Choose one of the categories."));
        }
        if (!FeedbackRules.TryParse<FeedbackRecipient>(input.Recipient, out var recipient))
        {
            errors.Add(new FeedbackError("Recipient", "Choose who the card is for: HR, a department or the plan owner."));
        }
        else if (recipient == FeedbackRecipient.Department
            && (input.DepartmentId is not { } departmentId || !await db.Departments.AnyAsync(d => d.Id == departmentId, ct)))
        {
            errors.Add(new FeedbackError("DepartmentId", "Choose an existing department."));
        }
        if (FeedbackRules.CheckText(input.Text, "Text") is { } textError)
        {
            errors.Add(textError);
        }
        return errors.Count > 0
            ? (null, errors)
            : (new CardChange(category, recipient, recipient == FeedbackRecipient.Department ? input.DepartmentId : null, input.Text!.Trim(),
                input.Anonymous, input.OnBoard), errors);
    }

    /// <summary>The ids of the viewer's own cards, named and anonymous.</summary>
    public async Task<HashSet<int>> MineAsync(FeedbackViewer viewer, CancellationToken ct)
    {
        var mine = await keys.AnonymousCardsOfAsync(viewer.UserId, ct);
        mine.UnionWith(await db.Set<FeedbackCard>().AsNoTracking().Where(c => c.AuthorUserId == viewer.UserId).Select(c => c.Id).ToListAsync(ct));
        return mine;
    }

    /// <summary>Saves a card; null when the author has reached the daily limit (counted over their own cards, anonymous ones too).</summary>
    public async Task<int?> CreateAsync(FeedbackViewer viewer, CardChange change, CancellationToken ct)
    {
        var mine = await MineAsync(viewer, ct);
        var today = Today;
        if (FeedbackRules.OverDailyLimit(await db.Set<FeedbackCard>().CountAsync(c => mine.Contains(c.Id) && c.ReceivedOn == today, ct)))
        {
            return null;
        }
        var card = new FeedbackCard
        {
            Category = change.Category, Recipient = change.Recipient, DepartmentId = change.DepartmentId, Text = change.Text,
            IsAnonymous = change.Anonymous, OnBoard = change.OnBoard, Status = FeedbackStatus.Received, ReceivedOn = today,
        };
        if (change.Anonymous)
        {
            card.AwaitsAnnouncement = true;
            card.AuthorSalt = FeedbackInboxKeys.NewSalt();
            card.AuthorTag = FeedbackInboxKeys.Tag(await keys.SecretOfAsync(viewer.UserId, ct), card.AuthorSalt);
        }
        else
        {
            card.AuthorUserId = viewer.UserId;
            card.AuthorEmployeeId = viewer.EmployeeId;
            card.AuthorName = viewer.Name;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(card);
        await db.SaveChangesAsync(ct);
        // Recipients hear of named cards at once, in the app and by e-mail. An anonymous card is announced by the next daily
        // FeedbackAnnounceJob: an exact notification or e-mail time could be matched against the author's sign-in or other timed traces.
        if (!change.Anonymous)
        {
            await jobs.EnqueueAsync(FeedbackMailJob.Kind, new FeedbackMailPayload(FeedbackMailPayload.NewCard, card.Id), ct: ct);
            await NotifyRecipientsAsync(card, ct);
        }
        await tx.CommitAsync(ct);
        return card.Id;
    }

    /// <summary>The viewer's cards, newest first.</summary>
    public async Task<IReadOnlyList<CardView>> MyCardsAsync(FeedbackViewer viewer, CancellationToken ct)
    {
        var mine = await MineAsync(viewer, ct);
        return await ViewsAsync(viewer, db.Set<FeedbackCard>().Where(c => mine.Contains(c.Id)), mine, withMessages: false, ct);
    }

    /// <summary>One page (from 1) of the cards addressed to the viewer, newest first, optionally one status or category, and how many there are.</summary>
    public async Task<(IReadOnlyList<CardView> Cards, int Total)> InboxAsync(FeedbackViewer viewer, FeedbackStatus? status, FeedbackCategory? category,
        int page, int pageSize, CancellationToken ct)
    {
        var query = AddressedTo(viewer);
        if (status is { } s)
        {
            query = query.Where(c => c.Status == s);
        }
        if (category is { } k)
        {
            query = query.Where(c => c.Category == k);
        }
        var total = await query.CountAsync(ct);
        return (await ViewsAsync(viewer, query, [], withMessages: false, ct, (Math.Max(1, page) - 1) * pageSize, pageSize), total);
    }

    /// <summary>A card with its conversation, or null when the viewer is neither its author nor one of its recipients.</summary>
    public async Task<CardView?> GetAsync(FeedbackViewer viewer, int id, CancellationToken ct)
    {
        var mine = await MineAsync(viewer, ct);
        var query = db.Set<FeedbackCard>().Where(c => c.Id == id);
        if (!mine.Contains(id))
        {
            query = AddressedTo(viewer).Where(c => c.Id == id);
        }
        return (await ViewsAsync(viewer, query, mine, withMessages: true, ct)).SingleOrDefault();
    }

    /// <summary>A reply: from the author when it is their card, otherwise from the recipients.</summary>
    public async Task<(FeedbackOutcome Outcome, FeedbackError? Error)> ReplyAsync(FeedbackViewer viewer, int id, string? text, CancellationToken ct)
    {
        if (await GetAsync(viewer, id, ct) is not { } view)
        {
            return (FeedbackOutcome.NotFound, null);
        }
        if (FeedbackRules.CheckText(text, "Text") is { } error)
        {
            return (FeedbackOutcome.Invalid, error);
        }
        var card = await db.Set<FeedbackCard>().SingleAsync(c => c.Id == id, ct);
        var message = view.IsAuthor
            ? new FeedbackMessage { CardId = id, FromAuthor = true, Text = text!.Trim(), SentOn = Today }
            : new FeedbackMessage { CardId = id, ResponderUserId = viewer.UserId, ResponderName = viewer.Name, Text = text!.Trim(), SentOn = Today };
        if (!view.IsAuthor)
        {
            card.FirstAnsweredOn ??= Today;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(message);
        await db.SaveChangesAsync(ct);
        if (!view.IsAuthor)
        {
            await NotifyAuthorAsync(card, FeedbackMailPayload.Reply, "New reply to your feedback card", ct);
        }
        await tx.CommitAsync(ct);
        return (FeedbackOutcome.Done, null);
    }

    /// <summary>A status change by a recipient, with an optional answer (required for done and declined).</summary>
    public async Task<(FeedbackOutcome Outcome, FeedbackError? Error)> ChangeStatusAsync(FeedbackViewer viewer, int id, string? status, string? answer,
        CancellationToken ct)
    {
        if (await GetAsync(viewer, id, ct) is not { } view)
        {
            return (FeedbackOutcome.NotFound, null);
        }
        if (!view.IsRecipient)
        {
            return (FeedbackOutcome.Forbidden, null);
        }
        if (!FeedbackRules.TryParse<FeedbackStatus>(status, out var to))
        {
            return (FeedbackOutcome.Invalid, new FeedbackError("Status", "Choose one of the statuses."));
        }
        if (FeedbackRules.CheckStatusChange(view.Status, to, answer) is { } error)
        {
            return (FeedbackOutcome.Invalid, error);
        }
        var card = await db.Set<FeedbackCard>().SingleAsync(c => c.Id == id, ct);
        card.Status = to;
        var text = string.IsNullOrWhiteSpace(answer) ? null : answer.Trim();
        if (text is not null)
        {
            card.FirstAnsweredOn ??= Today;
        }
        if (FeedbackRules.IsClosed(to))
        {
            card.ClosedOn = Today;
        }
        db.Add(new FeedbackMessage
        {
            CardId = id, ResponderUserId = viewer.UserId, ResponderName = viewer.Name, Text = text ?? "", SentOn = Today, NewStatus = to,
        });
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await NotifyAuthorAsync(card, FeedbackMailPayload.Status, "Your feedback card has a new status", ct);
        await tx.CommitAsync(ct);
        return (FeedbackOutcome.Done, null);
    }

    /// <summary>The author shows or hides their card on the board (it appears there once resolved).</summary>
    public async Task<FeedbackOutcome> SetBoardAsync(FeedbackViewer viewer, int id, bool show, CancellationToken ct)
    {
        if (await GetAsync(viewer, id, ct) is not { } view)
        {
            return FeedbackOutcome.NotFound;
        }
        if (!view.IsAuthor)
        {
            return FeedbackOutcome.Forbidden;
        }
        await db.Set<FeedbackCard>().Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.OnBoard, show), ct);
        return FeedbackOutcome.Done;
    }

    /// <summary>"You said, we did": resolved cards whose author opted in, with the closing answer; never an author.</summary>
    public async Task<IReadOnlyList<BoardItem>> BoardAsync(CancellationToken ct)
    {
        var rows = await db.Set<FeedbackCard>().AsNoTracking()
            .Where(c => c.OnBoard && (c.Status == FeedbackStatus.Done || c.Status == FeedbackStatus.Declined))
            .OrderByDescending(c => c.ClosedOn).ThenByDescending(c => c.Id).Take(200)
            .Select(c => new
            {
                c.Id, c.Category, c.Status, c.Text, c.ClosedOn,
                Answer = db.Set<FeedbackMessage>().Where(m => m.CardId == c.Id && !m.FromAuthor && m.NewStatus == c.Status)
                    .OrderByDescending(m => m.Id).Select(m => m.Text).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return [.. rows.Select(r => new BoardItem(r.Id, r.Category, r.Status, r.Text, r.Answer ?? "", r.ClosedOn.GetValueOrDefault()))];
    }

    private IQueryable<FeedbackCard> AddressedTo(FeedbackViewer viewer)
    {
        var hr = viewer.AnswersHr;
        var plan = viewer.AnswersPlan;
        var department = viewer.ManagedDepartmentId ?? -1;
        return db.Set<FeedbackCard>().Where(c =>
            (hr && c.Recipient == FeedbackRecipient.HR)
            || (plan && c.Recipient == FeedbackRecipient.PlanOwner)
            || (c.Recipient == FeedbackRecipient.Department && c.DepartmentId == department));
    }

    private async Task<IReadOnlyList<CardView>> ViewsAsync(FeedbackViewer viewer, IQueryable<FeedbackCard> query, HashSet<int> mine, bool withMessages,
        CancellationToken ct, int skip = 0, int take = 500)
    {
        var addressed = AddressedTo(viewer).Select(c => c.Id);
        var rows = await query.AsNoTracking().OrderByDescending(c => c.Id).Skip(skip).Take(take)
            .Select(c => new
            {
                c.Id, c.Category, c.Recipient, c.DepartmentId,
                DepartmentName = db.Departments.Where(d => d.Id == c.DepartmentId).Select(d => d.Name).FirstOrDefault(),
                c.Status, c.IsAnonymous, AuthorName = c.IsAnonymous ? null : c.AuthorName, c.Text, c.ReceivedOn, c.ClosedOn, c.OnBoard,
                IsRecipient = addressed.Contains(c.Id),
                LastFromAuthor = db.Set<FeedbackMessage>().Where(m => m.CardId == c.Id).OrderByDescending(m => m.Id).Select(m => (bool?)m.FromAuthor)
                    .FirstOrDefault(),
            })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var messages = withMessages
            ? (await db.Set<FeedbackMessage>().AsNoTracking().Where(m => ids.Contains(m.CardId)).OrderBy(m => m.Id).ToListAsync(ct)).ToLookup(m => m.CardId)
            : null;
        return [.. rows.Select(r => new CardView(r.Id, r.Category, r.Recipient, r.DepartmentId, r.DepartmentName, r.Status, r.IsAnonymous, r.AuthorName,
            r.Text, r.ReceivedOn, r.ClosedOn, r.OnBoard, mine.Contains(r.Id), r.IsRecipient, r.LastFromAuthor == false,
            messages is null ? [] : [.. messages[r.Id].Select(m => new MessageView(m.Id, m.FromAuthor, m.FromAuthor ? null : m.ResponderName, m.Text, m.SentOn, m.NewStatus))]))];
    }

    /// <summary>
    /// Named cards only, in the app and by e-mail: an anonymous author's notification row or e-mail would name them next to
    /// the card's activity (they see "New answer" in their own /feedback pages instead; docs/adr/0017).
    /// </summary>
    private async Task NotifyAuthorAsync(FeedbackCard card, string mailEvent, string key, CancellationToken ct)
    {
        if (card.IsAnonymous || card.AuthorEmployeeId is not { } employeeId)
        {
            return;
        }
        await jobs.EnqueueAsync(FeedbackMailJob.Kind, new FeedbackMailPayload(mailEvent, card.Id), ct: ct);
        var language = await db.Employees.AsNoTracking().Where(e => e.Id == employeeId).Select(e => e.Language).SingleOrDefaultAsync(ct);
        await notifier.NotifyAsync([new NotificationMessage(employeeId, LocalisationSetup.InLanguage(language, () => t[key].Value))], "feedback",
            $"/feedback/cards/{card.Id}", ct);
    }

    private async Task NotifyRecipientsAsync(FeedbackCard card, CancellationToken ct) =>
        await notifier.NotifyAsync((await RecipientsOfAsync(card, ct))
            .Select(r => new NotificationMessage(r.EmployeeId, LocalisationSetup.InLanguage(r.Language, () => t["New feedback card from {0}", card.AuthorName ?? ""].Value))),
            "feedback", $"/feedback/cards/{card.Id}", ct);

    /// <summary>The active employees who answer a card (its named author left out), with their language.</summary>
    public async Task<IReadOnlyList<(int EmployeeId, string Language)>> RecipientsOfAsync(FeedbackCard card, CancellationToken ct)
    {
        var capability = card.Recipient switch
        {
            FeedbackRecipient.HR => Capability.AnswerHrFeedback,
            FeedbackRecipient.PlanOwner => Capability.ManagePlan,
            _ => Capability.SeeTeam,
        };
        var roles = RoleRules.RolesWith(capability).ToList();
        var holders = db.Users.Where(u => u.EmployeeId != null
            && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && roles.Contains(r.Name!))))
            .Select(u => u.EmployeeId!.Value);
        var query = db.Employees.AsNoTracking().Where(e => e.IsActive && holders.Contains(e.Id));
        if (card.Recipient == FeedbackRecipient.Department)
        {
            query = query.Where(e => e.DepartmentId == card.DepartmentId);
        }
        var recipients = await query.Select(e => new { e.Id, e.Language }).ToListAsync(ct);
        if (card.Recipient == FeedbackRecipient.PlanOwner && await currentPlan.IdAsync(ct) is { } planId
            && await db.Set<InternalMarketingPlan>().Where(p => p.Id == planId).Select(p => p.OwnerEmployeeId).SingleOrDefaultAsync(ct) is { } owner)
        {
            recipients.AddRange(await db.Employees.AsNoTracking().Where(e => e.Id == owner).Select(e => new { e.Id, e.Language }).ToListAsync(ct));
        }
        return [.. recipients.Where(r => r.Id != card.AuthorEmployeeId).DistinctBy(r => r.Id).Select(r => (r.Id, r.Language))];
    }
}
